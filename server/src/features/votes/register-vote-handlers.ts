import { HallvoteError, roundKey, voteCastSchema, type MyVote } from '@hallvote/shared';
import { newReceipt } from '../../auth';
import { auditInput } from '../../audit-input';
import type { HallContext } from '../../context';
import type { MeetingState, VoterEntry } from '../../meetings/meeting-state';
import { tokenBucket } from '../../rate-limit';
import { onRequest, type HallSocket } from '../../with-validation';
import { validateMarks } from './validate-marks';

function myVote(ballotId: string, round: number, v: VoterEntry): MyVote {
  return { ballotId, round, voteId: v.voteId, receipt: v.receipt, marks: v.marks };
}

/** Delegate: cast a vote. The ack is sent only after the vote is committed to disk. */
export function registerVoteHandlers(ctx: HallContext, socket: HallSocket, state: MeetingState): void {
  const delegateId = socket.data.delegateId;
  if (!delegateId) return;
  onRequest(
    socket,
    ctx.log,
    'vote:cast',
    { roles: ['delegate'], schema: voteCastSchema, allow: tokenBucket(2, 10) },
    async (p) => {
      const entry = state.ballots.get(p.ballotId);
      const round = entry?.rounds.find((r) => r.round === p.round);
      if (!entry || !round) throw new HallvoteError('BALLOT_NOT_OPEN', 'No such ballot round is open.');
      const voters = state.votersOf(p.ballotId, p.round);
      const earlier = voters.get(delegateId);
      // A re-sent vote (same UUID) is the same vote, even if the round has closed since.
      if (earlier?.voteId === p.voteId) return myVote(p.ballotId, p.round, earlier);
      if (round.state !== 'open' || round !== entry.rounds.at(-1) || state.closing.has(roundKey(p.ballotId, p.round)))
        throw new HallvoteError('BALLOT_NOT_OPEN', 'This ballot is closed; your vote was not recorded.');
      if (state.delegates.get(delegateId)?.attendance !== 'present')
        throw new HallvoteError('FORBIDDEN', 'You are not checked in; ask the chair to mark you present.');
      const def = entry.row.definition;
      if (earlier?.channel === 'paper') throw new HallvoteError('ALREADY_VOTED', 'You voted on paper in this round.');
      if (earlier && (def.secret || !def.allowChange))
        throw new HallvoteError('ALREADY_VOTED', 'Your vote in this round is already recorded.');
      const marks = validateMarks(def, p.marks);
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
        },
        auditInput(ctx.clock, state.meeting.id, 'delegate', 'vote.cast', {
          ballotId: p.ballotId,
          round: p.round,
          delegateId,
        }),
      );
      const stored: VoterEntry = {
        voteId: p.voteId,
        receipt: outcome.receipt,
        marks: def.secret ? null : marks,
        channel: 'online',
      };
      voters.set(delegateId, stored);
      state.issuedOf(p.ballotId, p.round).add(delegateId);
      ctx.broadcaster.turnoutChanged(state, p.ballotId);
      return myVote(p.ballotId, p.round, stored);
    },
  );
}
