import { assertNever } from './assert-never';
import {
  BLANK,
  ENGINE_INVALID_REASONS,
  SPOILT,
  objectReader,
  packedReader,
  type ElectionRow,
  type RowReader,
} from './count-rows';
import { isPacked } from './packed';
import type { BallotRecord, InvalidReason, PackedRecords, PaperTotals, TallyBallot } from './types';

export { ENGINE_INVALID_REASONS } from './count-rows';

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
   * Count each ballot as its weight (`BallotRecord.weight`, or the packed weight column; 1 when
   * absent) instead of as one: every count this returns is then weight.
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
 * One motion, choice or batch ballot, its rows read into `rows` (option index, BLANK or SPOILT)
 * first because a strict batch voids the whole ballot for one bad row, before anything of it is
 * counted.
 */
function settleSingleRows(rows: Int32Array, strict: boolean, blankInvalid: boolean, counters: Counters): string | null {
  let spoilt = false;
  let blank = false;
  let counted = false;
  for (let s = 0; s < rows.length; s += 1) {
    const row = rows[s] ?? BLANK;
    if (row === SPOILT) spoilt = true;
    else if (row === BLANK) blank = true;
    else counted = true;
  }
  // A misread mark is a worse defect than a missing one, so it names the reason.
  if ((strict || (blankInvalid && !counted)) && spoilt) return ENGINE_INVALID_REASONS.spoiltRow;
  if (strict && blank) return ENGINE_INVALID_REASONS.blankRow;
  if (blankInvalid && !counted) return ENGINE_INVALID_REASONS.blankBallot;
  for (let s = 0; s < rows.length; s += 1) {
    const row = rows[s] ?? BLANK;
    if (row >= 0) bump(counters.votes, s * counters.options + row, counters.amount);
    else bump(counters.empty, s, counters.amount);
  }
  return null;
}

/**
 * One election ballot, its rows read: over-marking (or a mark that cannot be read) voids it, and
 * so does keeping no name at all where the rule says a blank ballot is invalid.
 */
function settleElectionRows(rows: readonly ElectionRow[], blankInvalid: boolean, counters: Counters): string | null {
  for (const row of rows) if (row.type === 'invalid') return row.reason;
  const chosen = rows.map((row) => (row.type === 'row' ? row.options : []));
  if (blankInvalid && chosen.every((row) => row.length === 0)) return ENGINE_INVALID_REASONS.blankBallot;
  chosen.forEach((row, s) => {
    if (row.length === 0) bump(counters.empty, s, counters.amount);
    for (const option of row) bump(counters.votes, s * counters.options + option, counters.amount);
  });
  return null;
}

function countBallot(
  reader: RowReader,
  ballot: TallyBallot,
  settings: CountSettings,
  rows: Int32Array,
  counters: Counters,
): string | null {
  const invalid = reader.invalid();
  if (invalid !== undefined) return invalid;
  switch (ballot.kind) {
    case 'motion':
    case 'choice':
      reader.singleRows(rows);
      return settleSingleRows(rows, false, settings.blankInvalid, counters);
    case 'batch':
      reader.singleRows(rows);
      return settleSingleRows(rows, settings.batchStrict, settings.blankInvalid, counters);
    case 'election':
      return settleElectionRows(reader.electionRows(seatsOf(ballot)), settings.blankInvalid, counters);
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
  records: readonly BallotRecord[] | PackedRecords,
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
  const reader = isPacked(records) ? packedReader(records) : objectReader(records, subjectIds, optionIndex);
  const count = isPacked(records) ? records.count : records.length;

  for (reader.at = 0; reader.at < count; reader.at += 1) {
    if (weighted) counters.amount = reader.weight();
    const reason = countBallot(reader, ballot, settings, rows, counters);
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
