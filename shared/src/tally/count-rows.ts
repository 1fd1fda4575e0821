// Reading one ballot's rows for counting, from a record object or from packed records, into the
// same shapes: a single mark per row (option index, BLANK or SPOILT), or an election row.
import { UNKNOWN_OPTION } from './packed';
import type { BallotRecord, PackedRecords } from './types';

/** Reasons the engine itself gives when it voids a whole ballot. */
export const ENGINE_INVALID_REASONS = {
  /** Election: more candidates marked than there are seats. */
  overMarked: 'over-marked',
  /** Election: a mark for a candidate not on the ballot. */
  unknownOption: 'unknown-option',
  /** Election: the same candidate marked twice; a paper ballot cannot say that. */
  duplicateMark: 'duplicate-mark',
  /** Strict batch: a row with several marks or an unknown option. */
  spoiltRow: 'spoilt-row',
  /** Strict batch: a row left without a mark. */
  blankRow: 'blank-row',
  /**
   * Election under a rule that counts it invalid: no name kept (every name crossed out), or
   * neither "đồng ý" nor "không đồng ý" marked for the only nominee.
   */
  blankBallot: 'blank-ballot',
} as const;

/** What a single-mark row reads as, besides an option index (≥ 0). */
export const BLANK = -1;
export const SPOILT = -2;

/**
 * A motion, choice or batch row: the option index, BLANK or SPOILT. Allocates nothing: this runs
 * once per subject per ballot (500,000 times for 10,000 ballots of 50 subjects). `Array.isArray`
 * also keeps a subject id such as "constructor" from reading Object.prototype.
 */
function readSingleRow(record: BallotRecord, subjectId: string, optionIndex: ReadonlyMap<string, number>): number {
  const marked = record.marks[subjectId];
  if (!Array.isArray(marked) || marked.length === 0) return BLANK;
  if (marked.length !== 1) return SPOILT;
  return optionIndex.get(marked[0] as string) ?? SPOILT;
}

export type ElectionRow =
  { readonly type: 'invalid'; readonly reason: string } | { readonly type: 'row'; readonly options: readonly number[] };

function readElectionRow(
  marked: readonly string[],
  optionIndex: ReadonlyMap<string, number>,
  seats: number,
): ElectionRow {
  const invalidRow = (reason: string): ElectionRow => ({ type: 'invalid', reason });
  if (marked.length > seats) return invalidRow(ENGINE_INVALID_REASONS.overMarked);
  const chosen = new Set<number>();
  for (const id of marked) {
    const option = optionIndex.get(id);
    if (option === undefined) return invalidRow(ENGINE_INVALID_REASONS.unknownOption);
    if (chosen.has(option)) return invalidRow(ENGINE_INVALID_REASONS.duplicateMark);
    chosen.add(option);
  }
  return { type: 'row', options: [...chosen] };
}

/** As readElectionRow, for a packed row of option indexes. */
function readElectionIndexes(marked: Int16Array, seats: number): ElectionRow {
  const invalidRow = (reason: string): ElectionRow => ({ type: 'invalid', reason });
  if (marked.length > seats) return invalidRow(ENGINE_INVALID_REASONS.overMarked);
  const chosen = new Set<number>();
  for (const option of marked) {
    if (option === UNKNOWN_OPTION) return invalidRow(ENGINE_INVALID_REASONS.unknownOption);
    if (chosen.has(option)) return invalidRow(ENGINE_INVALID_REASONS.duplicateMark);
    chosen.add(option);
  }
  return { type: 'row', options: [...chosen] };
}

/** How one ballot's rows are read: from a record object, or from packed records. */
export interface RowReader {
  /** Reason the whole ballot was spoilt (a paper ballot rejected by the committee), if any. */
  invalid(): string | undefined;
  /** What the ballot weighs where the rule counts weight; 1 when it carries none. */
  weight(): number;
  /** Fills `rows` with each subject's single mark: option index, BLANK or SPOILT. */
  singleRows(rows: Int32Array): void;
  /** Each subject's election row. */
  electionRows(seats: number): ElectionRow[];
}

/** Reads record objects, one at a time (`at`). */
export function objectReader(
  records: readonly BallotRecord[],
  subjectIds: readonly string[],
  optionIndex: ReadonlyMap<string, number>,
): RowReader & { at: number } {
  return {
    at: 0,
    invalid() {
      return records[this.at]?.invalid;
    },
    weight() {
      return records[this.at]?.weight ?? 1;
    },
    singleRows(rows) {
      const record = records[this.at] as BallotRecord;
      for (let s = 0; s < subjectIds.length; s += 1)
        rows[s] = readSingleRow(record, subjectIds[s] as string, optionIndex);
    },
    electionRows(seats) {
      const record = records[this.at] as BallotRecord;
      return subjectIds.map((id) => {
        const marked = record.marks[id];
        return readElectionRow(Array.isArray(marked) ? marked : [], optionIndex, seats);
      });
    },
  };
}

/** Reads packed records, one at a time (`at`): typed arrays only, no lookup by id. */
export function packedReader(packed: PackedRecords): RowReader & { at: number } {
  const { rowStart, marks, subjects } = packed;
  return {
    at: 0,
    invalid() {
      return packed.invalid?.get(this.at);
    },
    weight() {
      return packed.weight?.[this.at] ?? 1;
    },
    singleRows(rows) {
      // Each row ends where the next starts: one read of rowStart per row.
      let at = this.at * subjects;
      let start = rowStart[at] as number;
      for (let s = 0; s < subjects; s += 1) {
        at += 1;
        const end = rowStart[at] as number;
        const mark = marks[start] as number;
        rows[s] = end === start ? BLANK : end - start !== 1 || mark === UNKNOWN_OPTION ? SPOILT : mark;
        start = end;
      }
    },
    electionRows(seats) {
      const first = this.at * subjects;
      return Array.from({ length: subjects }, (_, s) =>
        readElectionIndexes(marks.subarray(rowStart[first + s] ?? 0, rowStart[first + s + 1] ?? 0), seats),
      );
    },
  };
}
