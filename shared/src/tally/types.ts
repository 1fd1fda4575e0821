// Plain data in, plain data out. This file and everything under tally/ imports nothing outside
// tally/: the same code decides outcomes on the server, in `verify`, and in tests.
import type { LegalBasis, LegalSource, LevelScores, OptionBands, RuleBasis } from './law-types';
import type {
  AttendanceCounts,
  CapDenominator,
  CountBy,
  Fraction,
  NoDecisionPolicy,
  TallyBase,
} from './primitive-types';

export * from './primitive-types';
export type * from './result-types';
export type * from './law-types';

/** votes × den > base × num (strict, "more than") or ≥ ("at least"). */
export interface MajorityRule {
  readonly fraction: Fraction;
  readonly strict: boolean;
  readonly base: TallyBase;
}

/** The bases a turnout share can be of: returned ÷ eligible, or returned ÷ present. */
export type TurnoutBase = 'eligible' | 'present';

/** Same set as {@link TurnoutBase}, as a value. */
export const TURNOUT_BASES = ['eligible', 'present'] as const;

/** present × den > eligible × num (strict, "more than") or ≥ (at least, the default). */
export interface QuorumRule extends Fraction {
  readonly strict?: boolean;
}

/**
 * Per group of subjects: the number of subjects whose outcome is `top` must not exceed
 * floor(rate × number of subjects whose outcome is `reference`). A breach is a warning only.
 */
export interface CapRule {
  readonly top: string;
  readonly reference: string;
  readonly rate: Fraction;
  /** What the rate is applied to; 'reference' when absent. */
  readonly denominator?: CapDenominator;
  readonly basis?: LegalBasis;
}

/**
 * How a subject is decided.
 * - majority: by ballot kind (a motion carries on "yes", levels by majority, elections k of n)
 * - approval: every subject on its own carries on its first non-abstain option ("đồng ý") or is
 *   rejected, however many subjects the ballot has (per-candidate "đồng ý / không đồng ý")
 * - bands: nothing passes; the subject's outcome is the band it falls in (confidence votes)
 */
export type SubjectDecision = 'majority' | 'approval' | 'bands';

/** Same set as {@link SubjectDecision}, as a value. */
export const SUBJECT_DECISIONS = ['majority', 'approval', 'bands'] as const;

/**
 * Proxies under a rule set: a member who cannot come gives their vote to a member who does. The
 * server checks them; the tally sees only the ballots they produce (one per member represented).
 */
export interface ProxyRule {
  /** The most proxies one member may hold; null for no limit. */
  readonly maxPerHolder: number | null;
  /**
   * Whether a holder may cast one split ballot for every member they vote for, distributing their
   * votes across options ("70 yes, 30 no"). Never under a double majority, where each member's
   * head and weight must go to the same option.
   */
  readonly split: boolean;
}

/** What ballots under a rule set look like, for the builder and for follow-up votes. */
export interface BallotTemplate {
  readonly kind: BallotKind;
  readonly options: readonly TallyOption[];
  readonly secret: boolean;
}

/** The ballot kinds the engine knows; every switch over them ends in assertNever. */
export type BallotKind = 'motion' | 'choice' | 'batch' | 'election';

/** Same set as {@link BallotKind}, as a value. */
export const BALLOT_KINDS = ['motion', 'choice', 'batch', 'election'] as const;

/**
 * A named, versioned rule set. Presets live in shared/src/rules. The optional parts were added
 * later; absent, each means what the tally did before it existed (noted on each).
 */
export interface RuleSet {
  readonly id: string;
  readonly version: number;
  readonly name: string;
  /** present × den ≥ eligible × num (or >), to open a ballot and again at close. */
  readonly quorum: QuorumRule;
  readonly majority: MajorityRule;
  /** The base percentages are shown against (may differ from the majority base). */
  readonly percentBase: TallyBase;
  readonly noDecision: NoDecisionPolicy;
  readonly caps: readonly CapRule[];
  /** Batch ballots: a spoilt row voids the whole ballot instead of that subject only. */
  readonly batchStrict: boolean;
  /** Further bases every option's share is published of, after `percentBase`; none when absent. */
  readonly extraPercentBases?: readonly TallyBase[];
  /** Turnout is returned ÷ this base; 'eligible' when absent. */
  readonly turnoutBase?: TurnoutBase;
  /** 'majority' when absent. */
  readonly decision?: SubjectDecision;
  /** Threshold bands per option, with their consequences; none when absent. */
  readonly bands?: readonly OptionBands[];
  /**
   * Whether an election ballot that keeps no name (every name crossed out) is valid; 'valid' when
   * absent. Vietnam's election law and the Party's election rules count it as invalid.
   */
  readonly blankElectionBallot?: 'valid' | 'invalid';
  /** Which level a subject's score allows (QĐ 366); none when absent. */
  readonly levelScores?: LevelScores;
  /** The legal texts of the rule set, in both languages; none for a generic rule. */
  readonly sources?: readonly LegalSource[];
  /** Per part of the rule set, the text it comes from. */
  readonly basis?: RuleBasis;
  /** The ballot this rule set is written for. */
  readonly template?: BallotTemplate;
  /**
   * Secret ballots: the ballots that must be in before the chair may close a round early (before
   * every member present has voted and before its countdown ends); DEFAULT_EARLY_CLOSE_MINIMUM
   * (shared/src/early-close.ts) when absent. Not a tally rule: the server checks it at close.
   */
  readonly earlyCloseMinimum?: number;
  /**
   * What majorities, bands, percentages and ballot counts count: heads, weight, or both (a double
   * majority: an option passes only on both); 'heads' when absent.
   */
  readonly countBy?: CountBy;
  /** What the quorum counts: heads, weight, or both (met only on both); 'heads' when absent. */
  readonly quorumBy?: CountBy;
  /** Proxies allowed, and how; none when absent. */
  readonly proxies?: ProxyRule;
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
  /** The level proposed before the vote (an option id), which the vote approves or not. */
  readonly proposedLevel?: string;
  /** The subject's evaluation score (QĐ 366: out of 100), compared, never computed with. */
  readonly score?: number;
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
  /**
   * What the ballot weighs where the rule counts weight: its member's weight, or a part of a split
   * ballot's (shared/src/split.ts); 1 when absent. Heads count every record as one.
   */
  readonly weight?: number;
}

/**
 * Ballot records packed into typed arrays, for counting many at once (10,000 ballots of 50
 * sub-units are 500,000 rows). Row `r × subjects + s` (record r, subject s in ballot order) holds
 * `marks[rowStart[i]]` up to `marks[rowStart[i + 1]]`: the options marked on it, as indexes into
 * the ballot's options, -1 for an id the ballot does not have. Counted exactly as the same records
 * as objects would be (`packRecords` in packed.ts makes one from the other).
 */
export interface PackedRecords {
  readonly count: number;
  readonly subjects: number;
  /** count × subjects + 1 offsets into `marks`. */
  readonly rowStart: Int32Array;
  readonly marks: Int16Array;
  /** Record index → the reason a record was spoilt as a whole (as BallotRecord.invalid). */
  readonly invalid?: ReadonlyMap<number, string>;
  /** Per record, its weight (as BallotRecord.weight); absent when every record weighs 1. */
  readonly weight?: Float64Array;
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
  /**
   * Under a double majority, the same totals in weight (the counts above are heads). Under a rule
   * that counts weight alone, the counts above are weight already.
   */
  readonly weight?: Omit<PaperTotals, 'weight'>;
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
  /**
   * Members marked as having handed in a paper ballot in this round. Paper ballots are bounded by
   * people: the paper returned may not exceed it (0 when nobody voted on paper).
   */
  readonly paperVoters: number;
  /**
   * Where the rule counts weight: the weight of the ballots issued and of the paper voters (the
   * counts above are heads). Absent, both are taken as the head counts (every weight 1).
   */
  readonly weights?: { readonly issued: number; readonly paperVoters: number };
}

/** A tally's input with its records packed (what a store reads thousands of at close). */
export type PackedTallyInput = Omit<TallyInput, 'records'> & { readonly records: PackedRecords };
