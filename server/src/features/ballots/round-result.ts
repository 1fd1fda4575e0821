// A round's result: the shared tally over the stored rows, with attendance at the moment of close.
import { createHash } from 'node:crypto';
import { sealInput, tally, type AttendanceCounts, type Marks, type RoundResult } from '@hallvote/shared';
import type { Store } from '../../store/store';
import type { MeetingState } from '../../hall/meeting-state';

/** SHA-256 (hex) over the canonical, sorted ballot records. */
export function sealOf(records: readonly Marks[]): string {
  return createHash('sha256').update(sealInput(records)).digest('hex');
}

/**
 * Tallies the stored ballots (and paper totals) of a round. Quorum is checked with attendance
 * now, or with `attendanceAtClose` when a closed round is tallied again (paper totals entered late).
 */
export async function computeRoundResult(
  store: Store,
  state: MeetingState,
  ballotId: string,
  round: number,
  closedAt: string,
  attendanceAtClose?: AttendanceCounts,
): Promise<RoundResult> {
  const entry = state.ballots.get(ballotId);
  if (!entry) throw new Error(`unknown ballot ${ballotId}`);
  const def = entry.row.definition;
  const rows = await store.readBallots(ballotId, round);
  const presence = attendanceAtClose ?? state.presence();
  const paper = state.paperTotalsOf(ballotId, round);
  const result = tally({
    rules: state.rules,
    ballot: {
      kind: def.kind,
      subjects: def.subjects,
      options: def.options,
      ...(def.seats !== undefined ? { seats: def.seats } : {}),
    },
    attendance: { roster: presence.roster, present: presence.present, excusedAbsent: presence.excusedAbsent },
    issued: state.issuedOf(ballotId, round).size,
    records: rows.map((marks) => ({ marks })),
    ...(paper ? { paper } : {}),
  });
  return { ballotId, round, tally: result, acknowledgement: null, seal: sealOf(rows), closedAt };
}
