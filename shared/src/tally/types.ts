// Plain data in, plain data out. This file and everything under tally/ imports nothing outside
// tally/: the same code decides outcomes on the server, in `verify`, and in tests.

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

/** votes × den > base × num (strict, "more than") or ≥ ("at least"). */
export interface MajorityRule {
  readonly fraction: Fraction;
  readonly strict: boolean;
  readonly base: TallyBase;
}

/** What happens to a subject that no option carries. */
export type NoDecisionPolicy = 'revote' | 'refer' | 'cumulate-down';

/** Same set as {@link NoDecisionPolicy}, as a value. */
export const NO_DECISION_POLICIES = ['revote', 'refer', 'cumulate-down'] as const;

/**
 * Per group of subjects: the number of subjects whose outcome is `top` must not exceed
 * floor(rate × number of subjects whose outcome is `reference`). A breach is a warning only.
 */
export interface CapRule {
  readonly top: string;
  readonly reference: string;
  readonly rate: Fraction;
}

/** The ballot kinds the engine knows; every switch over them ends in assertNever. */
export type BallotKind = 'motion' | 'choice' | 'batch' | 'election';

/** Same set as {@link BallotKind}, as a value. */
export const BALLOT_KINDS = ['motion', 'choice', 'batch', 'election'] as const;

/** A named, versioned rule set. Presets live in shared/src/rules. */
export interface RuleSet {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  /** present × den ≥ eligible × num, to open a ballot and again at close. */
  readonly quorum: Fraction;
  readonly majority: MajorityRule;
  /** The base percentages are shown against (may differ from the majority base). */
  readonly percentBase: TallyBase;
  readonly noDecision: NoDecisionPolicy;
  readonly caps: readonly CapRule[];
  /** Batch ballots: a spoilt row voids the whole ballot instead of that subject only. */
  readonly batchStrict: boolean;
}

/** An option of a subject (a level, yes/no/abstain, or a candidate). */
export interface TallyOption {
  readonly id: string;
  readonly label: string;
  /** Abstention-like options (not voting) are left out of the `decisive` base. */
  readonly abstain?: boolean;
}

/** One thing being decided. Motion, choice and election ballots have exactly one subject. */
export interface TallySubject {
  readonly id: string;
  readonly label: string;
  /** Caps are applied per group; subjects without a group form the group "". */
  readonly group?: string;
}

/** The ballot as the tally needs it. Options are ordered from the highest level to the lowest. */
export interface TallyBallot {
  readonly kind: BallotKind;
  readonly subjects: readonly TallySubject[];
  readonly options: readonly TallyOption[];
  /** Election only: how many may be elected (k of n). */
  readonly seats?: number;
}

/**
 * One returned ballot: per subject id, the option ids marked on that row.
 * A missing subject is an empty row. `invalid` carries a reason for a ballot spoilt as a whole
 * (a paper ballot the counting committee rejected).
 */
export interface BallotRecord {
  readonly marks: Readonly<Record<string, readonly string[]>>;
  readonly invalid?: string;
}

/**
 * Aggregated counts entered by hand (paper ballots counted by the committee). They are added to
 * the counts from individual records; nothing forces them to be consistent, which is why the
 * invariants are checked.
 */
export interface PaperTotals {
  readonly returned: number;
  readonly invalid: readonly { readonly reason: string; readonly count: number }[];
  /** Per subject id: votes per option id, and rows left empty or spoilt. */
  readonly subjects: Readonly<
    Record<string, { readonly counts: Readonly<Record<string, number>>; readonly empty: number }>
  >;
}

/** Attendance counts when the ballot is tallied. */
export interface AttendanceCounts {
  readonly roster: number;
  /** Members checked in (including excused members who checked in anyway). */
  readonly present: number;
  /** Excused members who did not check in: they leave the eligible base. */
  readonly excusedAbsent: number;
}

/** Everything one tally needs. */
export interface TallyInput {
  readonly rules: RuleSet;
  readonly ballot: TallyBallot;
  readonly attendance: AttendanceCounts;
  /** Ballots handed out (online: present when opened; paper: as counted). */
  readonly issued: number;
  readonly records: readonly BallotRecord[];
  readonly paper?: PaperTotals;
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

export interface QuorumVerdict {
  readonly met: boolean;
  readonly present: number;
  readonly eligible: number;
  readonly fraction: Fraction;
  /** The smallest present count that meets quorum for this eligible base. */
  readonly required: number;
}

export interface OptionCount {
  readonly optionId: string;
  readonly label: string;
  readonly votes: number;
  /** Percentage of `percentBase`; null when that base is 0. */
  readonly percent: Percent | null;
  /** Whether these votes meet the majority rule on their own. */
  readonly passes: boolean;
}

/** Why a subject ended as it did; closed union, rendered into words by the UI. */
export type SubjectOutcome =
  | { readonly type: 'adopted'; readonly optionId: string }
  | { readonly type: 'rejected' }
  | {
      /** No option carried it and the policy cumulated downward to this level. */
      readonly type: 'cumulated';
      readonly optionId: string;
      readonly cumulativeVotes: number;
    }
  | { readonly type: 'no-decision'; readonly policy: NoDecisionPolicy; readonly tied: readonly string[] }
  | {
      readonly type: 'elected';
      readonly elected: readonly string[];
      /** Candidates tied at the cut-off (none of them elected), empty when there is no tie. */
      readonly tiedAtCutoff: readonly string[];
      readonly seatsUnfilled: number;
    }
  | { readonly type: 'no-quorum' };

export interface SubjectResult {
  readonly subjectId: string;
  readonly label: string;
  readonly group: string;
  readonly counts: readonly OptionCount[];
  /** Rows with no mark or several marks (no vote for this subject). */
  readonly empty: number;
  readonly majorityBase: NamedBase;
  readonly percentBase: NamedBase;
  /** The smallest vote count that passes the majority rule on this base. */
  readonly votesNeeded: number;
  readonly outcome: SubjectOutcome;
}

export interface InvalidReason {
  readonly reason: string;
  readonly count: number;
}

export interface BallotCounts {
  readonly issued: number;
  readonly returned: number;
  readonly valid: number;
  readonly invalid: number;
  readonly invalidReasons: readonly InvalidReason[];
}

export type InvariantName =
  'issued>=returned' | 'returned=valid+invalid' | 'subject-counts+empty=valid' | 'returned<=present';

export interface InvariantCheck {
  readonly name: InvariantName;
  readonly ok: boolean;
  /** e.g. "issued 49 ≥ returned 49", or the subject id that breaks it. */
  readonly detail: string;
}

export interface CapWarning {
  readonly group: string;
  readonly top: string;
  readonly reference: string;
  readonly topCount: number;
  readonly referenceCount: number;
  /** floor(rate × referenceCount). */
  readonly allowed: number;
  readonly rate: Fraction;
}

/** The full, reportable result of one ballot round. */
export interface TallyResult {
  readonly rules: { readonly id: string; readonly version: number; readonly name: string };
  readonly attendance: AttendanceCounts & { readonly eligible: number };
  readonly quorum: QuorumVerdict;
  readonly ballots: BallotCounts;
  readonly subjects: readonly SubjectResult[];
  readonly invariants: readonly InvariantCheck[];
  readonly warnings: readonly CapWarning[];
}
