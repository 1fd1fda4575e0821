// The server checks itself before it serves anyone: every stored meeting is exported and run
// through `verify` (seals over everything each result rests on, tallies, the audit chain, every
// round against its audit entries). A meeting whose stored state does not match is refused, with
// what differs, instead of being shown: an edit of the database file is caught at restart, not on
// the projector. An edit that also recomputes every seal and the whole chain is caught only against
// a head kept outside (phones, the minutes): see README, "Threat model".
import type { ErrorParams } from '@hallvote/shared';
import type { Clock } from '../../context';
import type { Hall } from '../../hall/hall';
import type { MeetingState } from '../../hall/meeting-state';
import type { Logger } from '../../logger';
import type { Store } from '../../store/store';
import { meetingExport } from '../exports/export-data';
import { verifyExport, type VerifyFinding } from '../exports/verify-export';

/** How many differing findings a refusal names; the rest are counted. */
const NAMED_FINDINGS = 3;

/** What differs, as the STATE_MISMATCH refusal carries it: how many checks, which rounds, the log. */
export function mismatchSummary(differs: readonly VerifyFinding[]): ErrorParams['STATE_MISMATCH'] {
  const rounds = new Map<string, { ballot: string; round: number }>();
  for (const f of differs) if (f.round) rounds.set(`${f.round.ballot}\u0000${f.round.round}`, f.round);
  return { mismatches: differs.length, rounds: [...rounds.values()], auditLog: differs.some((f) => !f.round) };
}

/** Verifies every meeting the hall loaded; refuses those that do not match. Returns their ids. */
export async function checkStoredMeetings(hall: Hall, store: Store, clock: Clock, log: Logger): Promise<string[]> {
  const refused: string[] = [];
  for (const state of [...hall.meetings.values()])
    if (!(await checkStoredMeeting(hall, store, clock, log, state))) refused.push(state.meeting.id);
  return refused;
}

/**
 * Verifies one meeting the hall holds (a cluster node checks a meeting when it takes it over);
 * refuses it if it does not match. False when refused.
 */
export async function checkStoredMeeting(
  hall: Hall,
  store: Store,
  clock: Clock,
  log: Logger,
  state: MeetingState,
): Promise<boolean> {
  const data = await meetingExport(store, state, clock.now().toISOString());
  const differs = verifyExport(data).findings.filter((f) => !f.ok);
  if (differs.length === 0) return true;
  const named = differs.slice(0, NAMED_FINDINGS).map((f) => `${f.where}: ${f.detail.replace(/\s+/g, ' ')}`);
  const more = differs.length - named.length;
  const reason = named.join('; ') + (more > 0 ? `; and ${more} more (run npm run verify on a copy)` : '');
  hall.refuse(state.meeting.id, reason, mismatchSummary(differs));
  log.error({ meetingId: state.meeting.id, findings: differs.length }, 'stored state does not match: meeting refused');
  return false;
}
