// The tally's input for one round, built the same way by the server when it closes a round and by
// `verify` when it recomputes one from an export: attendance from the round's snapshot (members
// present by proxy counted present), the weights where the rule counts them.
import type { AttendanceCounts, BallotRecord, PaperTotals, RuleSet, TallyInput } from './tally/types';
import type { AttendanceSnapshot, BallotDefinition, RoundWeights } from './types';

/** Whether a rule set counts weight anywhere: its majorities or its quorum. */
export function countsWeight(rules: Pick<RuleSet, 'countBy' | 'quorumBy'>): boolean {
  return (rules.countBy ?? 'heads') !== 'heads' || (rules.quorumBy ?? 'heads') !== 'heads';
}

/**
 * A round's attendance counts from its snapshot; in weight too when `weightOf` is given (a rule
 * that counts weight), else heads alone, as results before weights had them.
 */
export function roundAttendance(
  snapshot: AttendanceSnapshot,
  weightOf: ((delegateId: string) => number) | null,
): AttendanceCounts {
  const represented = snapshot.represented ?? [];
  const sum = (ids: readonly string[]) => (weightOf ? ids.reduce((total, id) => total + weightOf(id), 0) : 0);
  return {
    roster: snapshot.present.length + snapshot.excused.length + snapshot.absent.length + represented.length,
    present: snapshot.present.length + represented.length,
    excusedAbsent: snapshot.excused.length,
    ...(represented.length > 0 ? { represented: represented.length } : {}),
    ...(weightOf
      ? {
          weight: {
            roster: sum(snapshot.present) + sum(snapshot.excused) + sum(snapshot.absent) + sum(represented),
            present: sum(snapshot.present) + sum(represented),
            excusedAbsent: sum(snapshot.excused),
          },
        }
      : {}),
  };
}

/** Everything a round's tally is computed from, as the round stored or exported it. */
export interface RoundTallySource {
  readonly rules: RuleSet;
  readonly ballot: BallotDefinition;
  readonly attendance: AttendanceSnapshot;
  /** Members' weights, where the rule counts weight; null otherwise. */
  readonly weightOf: ((delegateId: string) => number) | null;
  readonly issued: number;
  readonly records: readonly BallotRecord[];
  readonly paper: PaperTotals | null;
  readonly paperVoters: number;
  readonly weights: RoundWeights | null;
}

export function roundTallyInput(source: RoundTallySource): TallyInput {
  const { ballot } = source;
  return {
    rules: source.rules,
    ballot: {
      kind: ballot.kind,
      subjects: ballot.subjects,
      options: ballot.options,
      ...(ballot.seats !== undefined ? { seats: ballot.seats } : {}),
    },
    attendance: roundAttendance(source.attendance, source.weightOf),
    issued: source.issued,
    records: source.records,
    ...(source.paper ? { paper: source.paper } : {}),
    paperVoters: source.paperVoters,
    ...(source.weights ? { weights: source.weights } : {}),
  };
}
