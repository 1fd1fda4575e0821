// The small value types every other tally type is built from. They import nothing, so the larger
// type modules (types.ts, law-types.ts, result-types.ts) can share them without an import cycle.

/** A fraction of two positive integers; all tally arithmetic is integer cross-multiplication. */
export interface Fraction {
  readonly num: number;
  readonly den: number;
}

/**
 * What a majority or a percentage is measured against.
 * - eligible: roster minus excused absentees
 * - present: members checked in when the ballot closed
 * - returned: ballots cast (valid + invalid)
 * - valid: valid ballots
 * - decisive: votes for options that are not abstentions (yes + no), per subject
 */
export type TallyBase = 'eligible' | 'present' | 'returned' | 'valid' | 'decisive';

/** Same set as {@link TallyBase}, as a value, for schemas and pickers. */
export const TALLY_BASES = ['eligible', 'present', 'returned', 'valid', 'decisive'] as const;

/** What happens to a subject that no option carries. */
export type NoDecisionPolicy = 'revote' | 'refer' | 'cumulate-down';

/** Same set as {@link NoDecisionPolicy}, as a value. */
export const NO_DECISION_POLICIES = ['revote', 'refer', 'cumulate-down'] as const;

/**
 * The count a cap's rate is applied to: subjects on the reference level alone ("20 % of good"),
 * or on it and every level above it in ballot order ("20 % of good and above").
 */
export type CapDenominator = 'reference' | 'reference-and-above';

/** Same set as {@link CapDenominator}, as a value. */
export const CAP_DENOMINATORS = ['reference', 'reference-and-above'] as const;

/**
 * What a rule counts: members (heads), the weight they carry (shares, or the members a delegate
 * represents), or both, each on its own threshold (a double majority).
 */
export type CountBy = 'heads' | 'weight' | 'both';

/** Same set as {@link CountBy}, as a value. */
export const COUNT_BY = ['heads', 'weight', 'both'] as const;

/** Attendance counts in weight: the sum of the weights of the members each count counts. */
export interface WeightCounts {
  readonly roster: number;
  readonly present: number;
  readonly excusedAbsent: number;
}

/** Attendance counts when the ballot is tallied. */
export interface AttendanceCounts {
  readonly roster: number;
  /**
   * Members checked in (including excused members who checked in anyway), and members represented
   * by a proxy holder who is present: present in person or by proxy.
   */
  readonly present: number;
  /** Excused members who did not check in: they leave the eligible base. */
  readonly excusedAbsent: number;
  /** Of `present`, the members present by proxy; absent where nobody is. */
  readonly represented?: number;
  /** The same counts in weight; absent where the rule counts heads alone. */
  readonly weight?: WeightCounts;
}

/** A percentage in hundredths of a percent (9057 = 90.57 %), rounded half-up, and its text. */
export interface Percent {
  readonly hundredths: number;
  readonly text: string;
}

/** A base, named, with its value. */
export interface NamedBase {
  readonly name: TallyBase;
  readonly value: number;
}
