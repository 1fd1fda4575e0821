// What a phone must be to cast a vote in a round now, whether for its member alone, for a member
// it represents, or a split for several: the same checks for vote:cast and vote:cast-split.
import { HallvoteError } from '@hallvote/shared';
import type { HallContext } from '../../context';
import type { MeetingState, VoterEntry } from '../../hall/meeting-state';

/**
 * The round takes votes, its countdown has not run out, and the sender's badge may vote in it: not
 * re-issued while it was open, on its roster, checked in. These are the sender's checks: a holder
 * votes for an absent member with their own badge, on the roster and present themself.
 */
export function assertSenderMayVote(
  ctx: HallContext,
  state: MeetingState,
  ballotId: string,
  round: number,
  senderId: string,
): void {
  if (!state.acceptsVotes(ballotId, round)) throw state.notOpen(ballotId, state.roundOf(ballotId, round));
  // The deadline itself shuts the box, not the timer that closes the round a moment later (and
  // not at all when a secret round is left uncounted): nothing arrives after it.
  const closesAt = state.roundOf(ballotId, round)?.closesAt;
  if (closesAt && ctx.clock.now().getTime() >= new Date(closesAt).getTime())
    throw new HallvoteError('BALLOT_NOT_OPEN', { state: 'open', countdownEnded: true });
  if (state.reissuedDuring(ballotId, round, senderId)) throw new HallvoteError('BADGE_REISSUED', {});
  if (!state.onRoster(ballotId, round, senderId)) throw new HallvoteError('NOT_IN_ROUND', {});
  const attendance = state.delegates.get(senderId)?.attendance ?? 'absent';
  if (attendance !== 'present') throw new HallvoteError('NOT_PRESENT', { attendance });
}

/** Whether a member's vote went into a split: another voter of the round shares its vote id. */
export function inSplit(voters: ReadonlyMap<string, VoterEntry>, delegateId: string, vote: VoterEntry): boolean {
  if (vote.channel !== 'online') return false;
  for (const [id, v] of voters) if (id !== delegateId && v.voteId === vote.voteId) return true;
  return false;
}
