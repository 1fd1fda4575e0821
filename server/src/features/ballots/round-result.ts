// A round's result: the shared tally over the stored rows, with attendance at the moment of close.
// The store reads, packs and seals the rows where the database is (a 10,000-ballot round is
// megabytes of JSON); the event loop only counts the packed rows.
import { tally, type AttendanceCounts, type RoundResult, type TallyBallot } from '@hallvote/shared';
import type { Store } from '../../store/store';
import type { MeetingState } from '../../hall/meeting-state';

export { sealOf } from '../../store/round-records';

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
  const ballot: TallyBallot = {
    kind: def.kind,
    subjects: def.subjects,
    options: def.options,
    ...(def.seats !== undefined ? { seats: def.seats } : {}),
  };
  const { records, seal } = await store.readRoundRecords(ballot, ballotId, round);
  const presence = attendanceAtClose ?? state.presence();
  const paper = state.paperTotalsOf(ballotId, round);
  const result = tally({
    rules: state.rules,
    ballot,
    attendance: { roster: presence.roster, present: presence.present, excusedAbsent: presence.excusedAbsent },
    issued: state.issuedOf(ballotId, round).size,
    records,
    ...(paper ? { paper } : {}),
  });
  return { ballotId, round, tally: result, acknowledgement: null, seal, closedAt };
}
