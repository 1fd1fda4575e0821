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
  /**
   * Election under a rule that counts it invalid: no name kept (every name crossed out), or
   * neither "đồng ý" nor "không đồng ý" marked for the only nominee.
   */
  blankBallot: 'blank-ballot',
} as const;

/** The rule settings counting depends on. */
export interface CountSettings {
  /** Batch: a spoilt or blank row voids the whole ballot. */
  readonly batchStrict: boolean;
  /**
   * A ballot with no counted mark on any row is invalid: an election ballot that keeps no name,
   * or a single nominee's approval ballot with neither or both boxes marked.
   */
  readonly blankInvalid: boolean;
  /**
   * Count each ballot as its weight (`BallotRecord.weight`, 1 when absent) instead of as one: every
   * count this returns is then weight.
   */
  readonly weighted?: boolean;
}

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

/** What a single-mark row reads as, besides an option index (≥ 0). */
const BLANK = -1;
const SPOILT = -2;

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

type ElectionRow =
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

const bump = (counts: Int32Array | Float64Array, i: number, amount: number) => {
  counts[i] = (counts[i] ?? 0) + amount;
};

/**
 * Flat counters: votes per subject × option (row-major), empty rows per subject. Heads fit 32
 * bits; weight is counted in doubles, exact for integers up to 2^53 (the roster's total weight is
 * bounded far below that, shared/src/roster/checks.ts).
 */
interface Counters {
  readonly votes: Int32Array | Float64Array;
  readonly empty: Int32Array | Float64Array;
  readonly options: number;
  /** What the ballot being counted adds: 1, or its weight. */
  amount: number;
}

/**
 * One motion, choice or batch ballot. Rows are read into `rows` first because a strict batch
 * voids the whole ballot for one bad row, before anything of it is counted.
 */
function countSingleRecord(
  record: BallotRecord,
  subjectIds: readonly string[],
  optionIndex: ReadonlyMap<string, number>,
  strict: boolean,
  blankInvalid: boolean,
  rows: Int32Array,
  counters: Counters,
): string | null {
  let spoilt = false;
  let blank = false;
  let counted = false;
  for (let s = 0; s < subjectIds.length; s += 1) {
    const row = readSingleRow(record, subjectIds[s] as string, optionIndex);
    rows[s] = row;
    if (row === SPOILT) spoilt = true;
    else if (row === BLANK) blank = true;
    else counted = true;
  }
  // A misread mark is a worse defect than a missing one, so it names the reason.
  if ((strict || (blankInvalid && !counted)) && spoilt) return ENGINE_INVALID_REASONS.spoiltRow;
  if (strict && blank) return ENGINE_INVALID_REASONS.blankRow;
  if (blankInvalid && !counted) return ENGINE_INVALID_REASONS.blankBallot;
  for (let s = 0; s < subjectIds.length; s += 1) {
    const row = rows[s] ?? BLANK;
    if (row >= 0) bump(counters.votes, s * counters.options + row, counters.amount);
    else bump(counters.empty, s, counters.amount);
  }
  return null;
}

/**
 * One election ballot: over-marking (or a mark that cannot be read) voids it, and so does keeping
 * no name at all where the rule says a blank ballot is invalid.
 */
function countElectionRecord(
  record: BallotRecord,
  ballot: TallyBallot,
  optionIndex: ReadonlyMap<string, number>,
  blankInvalid: boolean,
  counters: Counters,
): string | null {
  const rows: (readonly number[])[] = [];
  for (const subject of ballot.subjects) {
    const marked = record.marks[subject.id];
    const row = readElectionRow(Array.isArray(marked) ? marked : [], optionIndex, seatsOf(ballot));
    if (row.type === 'invalid') return row.reason;
    rows.push(row.options);
  }
  if (blankInvalid && rows.every((row) => row.length === 0)) return ENGINE_INVALID_REASONS.blankBallot;
  rows.forEach((row, s) => {
    if (row.length === 0) bump(counters.empty, s, counters.amount);
    for (const option of row) bump(counters.votes, s * counters.options + option, counters.amount);
  });
  return null;
}

function countRecord(
  record: BallotRecord,
  ballot: TallyBallot,
  subjectIds: readonly string[],
  optionIndex: ReadonlyMap<string, number>,
  settings: CountSettings,
  rows: Int32Array,
  counters: Counters,
): string | null {
  if (record.invalid !== undefined) return record.invalid;
  switch (ballot.kind) {
    case 'motion':
    case 'choice':
      return countSingleRecord(record, subjectIds, optionIndex, false, settings.blankInvalid, rows, counters);
    case 'batch':
      return countSingleRecord(
        record,
        subjectIds,
        optionIndex,
        settings.batchStrict,
        settings.blankInvalid,
        rows,
        counters,
      );
    case 'election':
      return countElectionRecord(record, ballot, optionIndex, settings.blankInvalid, counters);
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
  settings: CountSettings,
): BallotTally {
  const optionIndex = new Map(ballot.options.map((o, i) => [o.id, i] as const));
  const weighted = settings.weighted === true;
  const Counts = weighted ? Float64Array : Int32Array;
  const counters: Counters = {
    votes: new Counts(ballot.subjects.length * ballot.options.length),
    empty: new Counts(ballot.subjects.length),
    options: ballot.options.length,
    amount: 1,
  };
  const rows = new Int32Array(ballot.subjects.length);
  const subjectIds = ballot.subjects.map((subject) => subject.id);
  const reasons = new Map<string, number>();
  let valid = 0;
  let returned = 0;

  for (const record of records) {
    if (weighted) counters.amount = record.weight ?? 1;
    const reason = countRecord(record, ballot, subjectIds, optionIndex, settings, rows, counters);
    returned += counters.amount;
    if (reason === null) valid += counters.amount;
    else reasons.set(reason, (reasons.get(reason) ?? 0) + counters.amount);
  }
  const votes = ballot.subjects.map((_, s) =>
    Array.from(counters.votes.subarray(s * counters.options, (s + 1) * counters.options)),
  );
  const empty = Array.from(counters.empty);

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
