// A delegate's vote: checked against the round and the ballot, stored (the ack waits for the
// commit), then applied to the meeting state and counted in the turnout.
import { HallvoteError, type BallotDefinition, type Marks, type MyVote, type ParsedRequest } from '@hallvote/shared';
import { auditInput } from '../../audit-input';
import { newReceipt } from '../../auth';
import type { HallContext } from '../../context';
import type { MeetingState, VoterEntry } from '../../hall/meeting-state';
import { openSealedMarks } from './open-sealed-marks';
import { validateMarks } from './validate-marks';
import { assertSenderMayVote, inSplit } from './voter-checks';

/**
 * The marks of a vote: as sent (open ballots) or opened with the round's key (secret ballots). A
 * secret ballot may also come in clear from a client that does not seal (a script); that is no
 * weaker against a listener, who has read it already, and it lands in the same secret table.
 */
function marksOf(ballot: BallotDefinition, p: ParsedRequest<'vote:cast'>, sealSecretKey: string | null): Marks {
  if (p.sealed === undefined) return p.marks ?? {};
  if (!ballot.secret || !sealSecretKey) throw new HallvoteError('INVALID_VOTE', { reason: 'sealing' });
  return openSealedMarks(ballot, p.sealed, sealSecretKey);
}

function myVote(ballotId: string, round: number, v: VoterEntry, forDelegateId: string | null): MyVote {
  return {
    ballotId,
    round,
    voteId: v.voteId,
    receipt: v.receipt,
    marks: v.marks,
    ...(forDelegateId !== null ? { forDelegateId } : {}),
  };
}

/**
 * Whose vote this is: the sender's own, or (`forDelegateId`) a member whose proxy the sender holds
 * in this round. A member who gave their vote for the round cannot also cast it (PROXY_GRANTED),
 * even after arriving: the round keeps the proxies it opened with.
 */
function voterOf(state: MeetingState, senderId: string, p: ParsedRequest<'vote:cast'>): string {
  const proxies = state.roundProxiesOf(p.ballotId, p.round);
  const memberId = p.forDelegateId ?? senderId;
  if (memberId !== senderId) {
    if (proxies.get(memberId) !== senderId)
      throw new HallvoteError('NOT_REPRESENTED', { member: state.delegates.get(memberId)?.name ?? '' });
    return memberId;
  }
  const holderId = proxies.get(senderId);
  if (holderId !== undefined)
    throw new HallvoteError('PROXY_GRANTED', { holder: state.delegates.get(holderId)?.name ?? '' });
  return senderId;
}

/**
 * Records a vote, the sender's own or one for a member they represent; a re-sent vote (same UUID)
 * answers with the first acknowledgement.
 */
export async function castVote(
  ctx: HallContext,
  state: MeetingState,
  senderId: string,
  p: ParsedRequest<'vote:cast'>,
): Promise<MyVote> {
  const entry = state.ballots.get(p.ballotId);
  if (!entry || !state.roundOf(p.ballotId, p.round)) throw new HallvoteError('BALLOT_NOT_OPEN', { state: null });
  const delegateId = voterOf(state, senderId, p);
  const castBy = delegateId === senderId ? null : senderId;
  const forDelegateId = castBy === null ? null : delegateId;
  const earlier = state.votersOf(p.ballotId, p.round).get(delegateId);
  // A re-sent vote (same UUID) is the same vote, even if the round has closed since.
  if (earlier?.voteId === p.voteId) return myVote(p.ballotId, p.round, earlier, forDelegateId);
  assertSenderMayVote(ctx, state, p.ballotId, p.round, senderId);
  const def = entry.row.definition;
  if (earlier?.channel === 'paper') throw new HallvoteError('ALREADY_VOTED', { channel: 'paper' });
  if (earlier && (def.secret || !def.allowChange)) throw new HallvoteError('ALREADY_VOTED', { channel: 'online' });
  // A split is final: changing one vote it carried (the holder's or a member's) would count that
  // member twice, or leave the split counted beside a named vote that says otherwise.
  if (earlier && inSplit(state.votersOf(p.ballotId, p.round), delegateId, earlier))
    throw new HallvoteError('ALREADY_VOTED', { channel: 'online', split: true });
  const marks = validateMarks(def, marksOf(def, p, state.roundOf(p.ballotId, p.round)?.sealSecretKey ?? null));
  if (!state.claimVoteId(p.ballotId, p.round, p.voteId, `vote:${delegateId}`))
    throw new HallvoteError('CONFLICT', { reason: 'vote-id-used' });
  // No await between the checks above and this enqueue: a close that starts later is ordered after it.
  const outcome = await ctx.store.castVote(
    {
      meetingId: state.meeting.id,
      ballotId: p.ballotId,
      round: p.round,
      delegateId,
      voteId: p.voteId,
      receipt: earlier?.receipt ?? newReceipt(),
      marks,
      secret: def.secret,
      allowChange: def.allowChange,
      castBy,
      // Only where majorities count weight: a weight on a secret row is what can give it away.
      weight: (entry.rules.countBy ?? 'heads') === 'heads' ? null : (state.delegates.get(delegateId)?.weight ?? 1),
    },
    auditInput(ctx.clock, state.meeting.id, 'delegate', 'vote.cast', {
      ballotId: p.ballotId,
      round: p.round,
      delegateId,
      ...(castBy !== null ? { castBy } : {}),
    }),
  );
  const stored: VoterEntry = {
    voteId: p.voteId,
    receipt: outcome.receipt,
    marks: def.secret ? null : marks,
    channel: 'online',
    castBy,
    split: null,
  };
  state.recordVote(p.ballotId, p.round, delegateId, stored);
  ctx.broadcaster.turnoutChanged(state, p.ballotId);
  return myVote(p.ballotId, p.round, stored, forDelegateId);
}
