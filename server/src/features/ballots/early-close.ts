// Whether a secret round may be counted now, and whether its close is early. A chair who closes
// right after one delegate has voted would read that delegate's choice in the result; so a secret
// round is counted only with every member present having voted online, or at least its minimum of
// online ballots in the box (shared/src/early-close.ts says why online only). A close before that
// and before the countdown runs out is early and recorded as such.
//
// A countdown that runs out short of the minimum does not close the round (uncountedAtDeadline):
// votes after the deadline are refused already (cast-vote.ts), so nothing more can arrive, and
// voiding it by itself would destroy ballots without the chair. The round stays open and uncounted,
// the console says so (ChairBallotView.uncounted), and the chair cancels it (its ballots destroyed
// unseen, as any cancel) and votes again.
import {
  HallvoteError,
  earlyCloseMinimum,
  shortOfMinimum,
  type EarlyClose,
  type SecretBox,
  type Uncounted,
} from '@hallvote/shared';
import type { MeetingState } from '../../hall/meeting-state';
import type { RoundRecord } from '../../store/store';

/** The online box of a round against the members present now. */
export function secretBoxOf(state: MeetingState, round: RoundRecord): SecretBox {
  const voters = state.votersOf(round.ballotId, round.round);
  const cast = [...voters].filter(([, v]) => v.channel === 'online');
  const online = new Set(cast.map(([id]) => id));
  // The minimum counts people casting, not ballots: a holder and the members they vote for are one
  // person's choices, and one holder with 9 proxies would fill a minimum of 10 alone.
  const people = new Set(cast.map(([id, v]) => v.castBy ?? id));
  // A member added after the round opened cannot vote in it: they are not waited for.
  const present = [...state.delegates.values()].filter(
    (d) => d.attendance === 'present' && state.onRoster(round.ballotId, round.round, d.id),
  );
  return { online: people.size, present: present.length, everyoneOnline: present.every((d) => online.has(d.id)) };
}

function minimumOf(state: MeetingState, round: RoundRecord): { minimum: number; ruleMinimum: number } {
  return earlyCloseMinimum(state.rulesOf(round.ballotId), state.ballotOf(round.ballotId).row.definition);
}

const deadlinePassed = (round: RoundRecord, now: Date) =>
  round.closesAt !== null && now.getTime() >= new Date(round.closesAt).getTime();

/**
 * The early close of an open secret round, or null when the close is not early (everyone present
 * has voted online, or the countdown has run out) or the ballot is open (named). Throws
 * TOO_FEW_BALLOTS when the box is short of its minimum, early or not.
 */
export function earlyCloseOf(
  state: MeetingState,
  round: RoundRecord,
  now: Date,
  actor: 'chair' | 'system',
): EarlyClose | null {
  if (!state.ballotOf(round.ballotId).row.definition.secret) return null;
  const box = secretBoxOf(state, round);
  const { minimum, ruleMinimum } = minimumOf(state, round);
  // The system closes only when the countdown runs out.
  const ended = actor === 'system' || deadlinePassed(round, now);
  if (shortOfMinimum(box, minimum))
    throw new HallvoteError('TOO_FEW_BALLOTS', { returned: box.online, minimum, present: box.present, ended });
  if (box.everyoneOnline || ended) return null;
  return { returned: box.online, present: box.present, minimum, ruleMinimum };
}

/** What the console shows for a secret round whose countdown ran out short of its minimum; else null. */
export function uncountedAtDeadline(state: MeetingState, round: RoundRecord): Uncounted | null {
  if (!state.ballotOf(round.ballotId).row.definition.secret) return null;
  const box = secretBoxOf(state, round);
  const { minimum } = minimumOf(state, round);
  return shortOfMinimum(box, minimum) ? { online: box.online, present: box.present, minimum } : null;
}
