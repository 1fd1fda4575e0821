import { assertNever } from './assert-never';
import type { BallotRecord, InvalidReason, PaperTotals, TallyBallot } from './types';

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
} as const;

/** Votes per option (in ballot option order) and empty rows, for one subject. */
export interface SubjectTally {
  readonly votes: readonly number[];
  readonly empty: number;
}

/** Records and paper totals added together. */
export interface BallotTally {
  readonly returned: number;
  readonly valid: number;
  readonly invalid: number;
  /** Sorted by reason. */
  readonly invalidReasons: readonly InvalidReason[];
  /** In ballot subject order. */
  readonly subjects: readonly SubjectTally[];
}

/**
 * Seats in an election. A ballot without `seats` elects one: "pick one" is the only reading of
 * k of n that needs no number.
 */
export function seatsOf(ballot: TallyBallot): number {
  return ballot.seats ?? 1;
}

type RowReading =
  | { readonly type: 'vote'; readonly option: number }
  | { readonly type: 'blank' }
  | { readonly type: 'spoilt' };

/** Per subject, the option indexes a valid ballot votes for; an empty list is an empty row. */
type RecordReading =
  | { readonly type: 'invalid'; readonly reason: string }
  | { readonly type: 'valid'; readonly rows: readonly (readonly number[])[] };

const invalid = (reason: string): RecordReading => ({ type: 'invalid', reason });

/** hasOwn, so a subject id such as "constructor" never reads Object.prototype. */
function marksOn(record: BallotRecord, subjectId: string): readonly string[] {
  return Object.hasOwn(record.marks, subjectId) ? (record.marks[subjectId] ?? []) : [];
}

function readSingleRow(
  marked: readonly string[],
  optionIndex: ReadonlyMap<string, number>,
): RowReading {
  if (marked.length === 0) return { type: 'blank' };
  const option =
    marked.length === 1 && marked[0] !== undefined ? optionIndex.get(marked[0]) : undefined;
  return option === undefined ? { type: 'spoilt' } : { type: 'vote', option };
}

type ElectionRow =
  | { readonly type: 'invalid'; readonly reason: string }
  | { readonly type: 'row'; readonly options: readonly number[] };

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

function readRecord(
  record: BallotRecord,
  ballot: TallyBallot,
  optionIndex: ReadonlyMap<string, number>,
  batchStrict: boolean,
): RecordReading {
  if (record.invalid !== undefined) return invalid(record.invalid);
  const rowsOf = (readings: readonly RowReading[]): RecordReading => ({
    type: 'valid',
    rows: readings.map((r) => (r.type === 'vote' ? [r.option] : [])),
  });
  const singleRows = (): RowReading[] =>
    ballot.subjects.map((s) => readSingleRow(marksOn(record, s.id), optionIndex));

  switch (ballot.kind) {
    case 'motion':
    case 'choice':
      return rowsOf(singleRows());
    case 'batch': {
      const readings = singleRows();
      if (batchStrict) {
        // A misread mark is a worse defect than a missing one, so it names the reason.
        if (readings.some((r) => r.type === 'spoilt')) {
          return invalid(ENGINE_INVALID_REASONS.spoiltRow);
        }
        if (readings.some((r) => r.type === 'blank')) {
          return invalid(ENGINE_INVALID_REASONS.blankRow);
        }
      }
      return rowsOf(readings);
    }
    case 'election': {
      const rows: (readonly number[])[] = [];
      for (const subject of ballot.subjects) {
        const row = readElectionRow(marksOn(record, subject.id), optionIndex, seatsOf(ballot));
        if (row.type === 'invalid') return row;
        rows.push(row.options);
      }
      return { type: 'valid', rows };
    }
    default:
      return assertNever(ballot.kind);
  }
}

function sortedReasons(reasons: ReadonlyMap<string, number>): InvalidReason[] {
  return [...reasons]
    .filter(([, count]) => count !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([reason, count]) => ({ reason, count }));
}

/**
 * Counts ballot records and adds hand-counted paper totals.
 *
 * Marks for subject ids that are not on the ballot are ignored, and so are paper counts for
 * unknown subjects or options: they cannot be reported against anything, and dropping them
 * makes the per-subject invariant fail where the numbers no longer add up.
 *
 * Paper valid ballots are paper returned − paper invalid, never below 0: when a committee
 * enters more invalid ballots than it returned, `returned = valid + invalid` fails visibly
 * instead of a negative count propagating into the bases.
 */
export function countBallots(
  ballot: TallyBallot,
  records: readonly BallotRecord[],
  paper: PaperTotals | undefined,
  batchStrict: boolean,
): BallotTally {
  const optionIndex = new Map(ballot.options.map((o, i) => [o.id, i] as const));
  const votes = ballot.subjects.map(() => ballot.options.map(() => 0));
  const empty = ballot.subjects.map(() => 0);
  const reasons = new Map<string, number>();
  let valid = 0;

  for (const record of records) {
    const reading = readRecord(record, ballot, optionIndex, batchStrict);
    if (reading.type === 'invalid') {
      reasons.set(reading.reason, (reasons.get(reading.reason) ?? 0) + 1);
      continue;
    }
    valid += 1;
    reading.rows.forEach((row, s) => {
      const subjectVotes = votes[s];
      if (subjectVotes === undefined) return;
      if (row.length === 0) empty[s] = (empty[s] ?? 0) + 1;
      for (const option of row) subjectVotes[option] = (subjectVotes[option] ?? 0) + 1;
    });
  }

  let returned = records.length;
  if (paper !== undefined) {
    returned += paper.returned;
    let paperInvalid = 0;
    for (const { reason, count } of paper.invalid) {
      reasons.set(reason, (reasons.get(reason) ?? 0) + count);
      paperInvalid += count;
    }
    valid += Math.max(0, paper.returned - paperInvalid);
    ballot.subjects.forEach((subject, s) => {
      const subjectVotes = votes[s];
      if (subjectVotes === undefined || !Object.hasOwn(paper.subjects, subject.id)) return;
      const totals = paper.subjects[subject.id];
      if (totals === undefined) return;
      empty[s] = (empty[s] ?? 0) + totals.empty;
      ballot.options.forEach((option, o) => {
        if (Object.hasOwn(totals.counts, option.id)) {
          subjectVotes[o] = (subjectVotes[o] ?? 0) + (totals.counts[option.id] ?? 0);
        }
      });
    });
  }

  const invalidReasons = sortedReasons(reasons);
  return {
    returned,
    valid,
    invalid: invalidReasons.reduce((sum, r) => sum + r.count, 0),
    invalidReasons,
    subjects: votes.map((v, s) => ({ votes: v, empty: empty[s] ?? 0 })),
  };
}
