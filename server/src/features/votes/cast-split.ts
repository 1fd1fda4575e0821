// A proxy holder's split ballot: one action for themself and members they represent in the round,
// distributing those votes (heads, or weight where majorities count weight) across options. Stored
// as one participation row per member under the one vote id, and counted as the ordinary ballots
// it cuts into (shared/src/split.ts): a secret split leaves only anonymous rows, an open one is the
// holder's named vote with the members it carried.
import {
  HallvoteError,
  splitProblem,
  splitRecords,
  splitRuleRefusal,
  type MyVote,
  type ParsedRequest,
  type SplitRefusal,
  type SplitVote,
} from '@hallvote/shared';
import { auditInput } from '../../audit-input';
import { newReceipt } from '../../auth';
import type { HallContext } from '../../context';
import type { MeetingState } from '../../hall/meeting-state';
import { openSealedSplit } from './open-sealed-marks';
import { assertSenderMayVote, inSplit } from './voter-checks';

const notAllowed = (reason: SplitRefusal) => new HallvoteError('SPLIT_NOT_ALLOWED', { reason });

/** Every member's vote of a split cast with `voteId`, the holder's first. */
function votesOf(state: MeetingState, ballotId: string, round: number, holderId: string, voteId: string): MyVote[] {
  const voters = state.votersOf(ballotId, round);
  return [...voters]
    .filter(([id, v]) => v.voteId === voteId && (id === holderId || v.castBy === holderId))
    .sort(([a], [b]) => (a === holderId ? -1 : b === holderId ? 1 : 0))
    .map(([id, v]) => ({
      ballotId,
      round,
      voteId: v.voteId,
      receipt: v.receipt,
      marks: null,
      ...(id !== holderId ? { forDelegateId: id } : {}),
    }));
}

export async function castSplit(
  ctx: HallContext,
  state: MeetingState,
  holderId: string,
  p: ParsedRequest<'vote:cast-split'>,
): Promise<MyVote[]> {
  const entry = state.ballots.get(p.ballotId);
  const round = state.roundOf(p.ballotId, p.round);
  if (!entry || !round) throw new HallvoteError('BALLOT_NOT_OPEN', { state: null });
  const voters = state.votersOf(p.ballotId, p.round);
  if (voters.get(holderId)?.voteId === p.voteId) return votesOf(state, p.ballotId, p.round, holderId, p.voteId);
  assertSenderMayVote(ctx, state, p.ballotId, p.round, holderId);
  const rules = entry.rules;
  const countBy = rules.countBy ?? 'heads';
  const refusal = splitRuleRefusal(rules, entry.row.definition.secret);
  if (refusal) throw notAllowed(refusal);
  const represented = new Set(state.representedBy(p.ballotId, p.round, holderId));
  if (represented.size === 0) throw notAllowed('nobody');
  const members = [...new Set(p.members)];
  if (!members.includes(holderId) || members.length < 2) throw notAllowed('nobody');
  for (const id of members)
    if (id !== holderId && !represented.has(id))
      throw new HallvoteError('NOT_REPRESENTED', { member: state.delegates.get(id)?.name ?? '' });
  if (state.roundProxiesOf(p.ballotId, p.round).has(holderId)) throw notAllowed('voted');
  // A split is final: a second one is refused as any other vote after it (cast-vote.ts).
  const own = voters.get(holderId);
  if (own && inSplit(voters, holderId, own))
    throw new HallvoteError('ALREADY_VOTED', { channel: 'online', split: true });
  if (members.some((id) => voters.has(id))) throw notAllowed('voted');
  const def = entry.row.definition;
  const rows =
    p.sealed !== undefined
      ? def.secret && round.sealSecretKey
        ? openSealedSplit(def, p.sealed, round.sealSecretKey)
        : (() => {
            throw new HallvoteError('INVALID_VOTE', { reason: 'sealing' });
          })()
      : (p.rows ?? {});
  const unit = countBy === 'heads' ? 'heads' : 'weight';
  const total =
    unit === 'heads' ? members.length : members.reduce((t, id) => t + (state.delegates.get(id)?.weight ?? 1), 0);
  const split: SplitVote = { unit, total, rows };
  const problem = splitProblem(def, split);
  if (problem) throw new HallvoteError('INVALID_SPLIT', { problem });
  const receipts = members.map((delegateId) => ({ delegateId, receipt: newReceipt() }));
  // A split's rows share its vote id: an id another vote of the round has would join that vote to it.
  if (!state.claimVoteId(p.ballotId, p.round, p.voteId, `split:${holderId}`))
    throw new HallvoteError('CONFLICT', { reason: 'vote-id-used' });
  const outcome = await ctx.store.castSplit(
    {
      meetingId: state.meeting.id,
      ballotId: p.ballotId,
      round: p.round,
      holderId,
      voteId: p.voteId,
      members: receipts,
      split,
      secret: def.secret,
      records: def.secret
        ? splitRecords(def, split).map((r) => ({ marks: r.marks, weight: unit === 'weight' ? (r.weight ?? 1) : null }))
        : [],
    },
    auditInput(ctx.clock, state.meeting.id, 'delegate', 'vote.cast', {
      ballotId: p.ballotId,
      round: p.round,
      delegateId: holderId,
      members,
    }),
  );
  if (outcome.kind === 'duplicate') return votesOf(state, p.ballotId, p.round, holderId, p.voteId);
  for (const { delegateId, receipt } of receipts) {
    const own = delegateId === holderId;
    state.recordVote(p.ballotId, p.round, delegateId, {
      voteId: p.voteId,
      receipt,
      marks: null,
      channel: 'online',
      castBy: own ? null : holderId,
      split: own && !def.secret ? split : null,
    });
  }
  ctx.broadcaster.turnoutChanged(state, p.ballotId);
  return votesOf(state, p.ballotId, p.round, holderId, p.voteId);
}
