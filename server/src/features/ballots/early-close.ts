// Whether a close is early, and whether an early close of a secret round may happen at all. A
// chair who closes right after one delegate has voted would read that delegate's choice in the
// result; so a secret round closed before every member present has voted and before its countdown
// has run out needs at least the minimum of returned ballots (shared/src/early-close.ts).
import { HallvoteError, earlyCloseMinimum, type EarlyClose } from '@hallvote/shared';
import type { MeetingState } from '../../hall/meeting-state';
import type { RoundRecord } from '../../store/store';

/**
 * The early close of an open secret round, or null when the close is not early (everyone present
 * has voted, the countdown has run out, or the countdown itself closes it) or the ballot is open
 * (named). Throws TOO_FEW_BALLOTS when it is early and the box holds too few ballots.
 */
export function earlyCloseOf(
  state: MeetingState,
  round: RoundRecord,
  now: Date,
  actor: 'chair' | 'system',
): EarlyClose | null {
  const def = state.ballotOf(round.ballotId).row.definition;
  if (!def.secret || actor === 'system') return null;
  if (round.closesAt !== null && now.getTime() >= new Date(round.closesAt).getTime()) return null;
  const voters = state.votersOf(round.ballotId, round.round);
  // A member added after the round opened cannot vote in it: they are not waited for.
  const present = [...state.delegates.values()].filter(
    (d) => d.attendance === 'present' && state.onRoster(round.ballotId, round.round, d.id),
  );
  if (present.every((d) => voters.has(d.id))) return null;
  const { minimum, ruleMinimum } = earlyCloseMinimum(state.rulesOf(round.ballotId), def);
  const returned = voters.size;
  if (returned < minimum) throw new HallvoteError('TOO_FEW_BALLOTS', { returned, minimum, present: present.length });
  return { returned, present: present.length, minimum, ruleMinimum };
}
