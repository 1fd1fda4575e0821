// The stores' own checks (behind the meeting state's, which refuse first) read states and channels
// as the database spells them; these turn them into the typed parameters of a refusal.
import type { BallotState } from '@hallvote/shared';

const ROUND_STATES: readonly string[] = ['open', 'closed', 'published', 'cancelled'];

/** A round's stored state, or null when there is no such round. */
export function roundStateOf(state: string | null | undefined): BallotState | null {
  return state != null && ROUND_STATES.includes(state) ? (state as BallotState) : null;
}

/** How a member who is not present is recorded. */
export function absenceOf(attendance: string | undefined): 'absent' | 'excused' {
  return attendance === 'excused' ? 'excused' : 'absent';
}

/** How an earlier vote was cast. */
export function channelOf(channel: string | undefined): 'online' | 'paper' {
  return channel === 'paper' ? 'paper' : 'online';
}
