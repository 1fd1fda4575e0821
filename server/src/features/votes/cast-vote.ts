// A delegate's vote: checked against the round and the ballot, stored (the ack waits for the
// commit), then applied to the meeting state and counted in the turnout.
import { HallvoteError, type BallotDefinition, type Marks, type MyVote, type ParsedRequest } from '@hallvote/shared';
import { auditInput } from '../../audit-input';
import { newReceipt } from '../../auth';
import type { HallContext } from '../../context';
import type { MeetingState, VoterEntry } from '../../hall/meeting-state';
import { openSealedMarks } from './open-sealed-marks';
import { validateMarks } from './validate-marks';

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

function myVote(ballotId: string, round: number, v: VoterEntry): MyVote {
  return { ballotId, round, voteId: v.voteId, receipt: v.receipt, marks: v.marks };
}

/** Records `delegateId`'s vote; a re-sent vote (same UUID) answers with the first acknowledgement. */
export async function castVote(
  ctx: HallContext,
  state: MeetingState,
  delegateId: string,
  p: ParsedRequest<'vote:cast'>,
): Promise<MyVote> {
  const entry = state.ballots.get(p.ballotId);
  if (!entry || !state.roundOf(p.ballotId, p.round)) throw new HallvoteError('BALLOT_NOT_OPEN', { state: null });
  const earlier = state.votersOf(p.ballotId, p.round).get(delegateId);
  // A re-sent vote (same UUID) is the same vote, even if the round has closed since.
  if (earlier?.voteId === p.voteId) return myVote(p.ballotId, p.round, earlier);
  if (!state.acceptsVotes(p.ballotId, p.round)) throw state.notOpen(p.ballotId, state.roundOf(p.ballotId, p.round));
  // The deadline itself shuts the box, not the timer that closes the round a moment later (and
  // not at all when a secret round is left uncounted): nothing arrives after it.
  const closesAt = state.roundOf(p.ballotId, p.round)?.closesAt;
  if (closesAt && ctx.clock.now().getTime() >= new Date(closesAt).getTime())
    throw new HallvoteError('BALLOT_NOT_OPEN', { state: 'open', countdownEnded: true });
  if (state.reissuedDuring(p.ballotId, p.round, delegateId)) throw new HallvoteError('BADGE_REISSUED', {});
  if (!state.onRoster(p.ballotId, p.round, delegateId)) throw new HallvoteError('NOT_IN_ROUND', {});
  const attendance = state.delegates.get(delegateId)?.attendance ?? 'absent';
  if (attendance !== 'present') throw new HallvoteError('NOT_PRESENT', { attendance });
  const def = entry.row.definition;
  if (earlier?.channel === 'paper') throw new HallvoteError('ALREADY_VOTED', { channel: 'paper' });
  if (earlier && (def.secret || !def.allowChange)) throw new HallvoteError('ALREADY_VOTED', { channel: 'online' });
  const marks = validateMarks(def, marksOf(def, p, state.roundOf(p.ballotId, p.round)?.sealSecretKey ?? null));
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
  state.recordVote(p.ballotId, p.round, delegateId, stored);
  ctx.broadcaster.turnoutChanged(state, p.ballotId);
  return myVote(p.ballotId, p.round, stored);
}
