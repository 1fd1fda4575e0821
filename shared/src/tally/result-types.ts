// What a tally reports: plain data, rendered into words by the views. Every field here is
// computed by tally.ts; none is ever read back into a decision.
import type { BandVerdict, LegalSource, LegalBasis, ProposalCheck, ResultBasis } from './law-types';
import type {
  AttendanceCounts,
  CapDenominator,
  Fraction,
  NamedBase,
  NoDecisionPolicy,
  Percent,
  WeightCounts,
} from './primitive-types';

/**
 * A result under a rule that counts weight. Under 'weight' every count of votes, ballots and bases
 * in the result is weight (attendance and quorum keep heads, with their weight beside them); under
 * 'both' those counts are heads and each carries its `weight` beside it. A result under heads alone
 * carries none of this.
 */
export type WeightedCountBy = 'weight' | 'both';

export interface QuorumVerdict {
  readonly met: boolean;
  readonly present: number;
  readonly eligible: number;
  readonly fraction: Fraction;
  /** "More than" the fraction rather than "at least". */
  readonly strict: boolean;
  /** The smallest present count that meets quorum for this eligible base. */
  readonly required: number;
  /**
   * Quorum counted by weight ('weight': `met` is the weight's verdict) or by both (`met` only when
   * heads and weight both meet it); heads alone when absent.
   */
  readonly by?: WeightedCountBy;
  /** The quorum in weight, where the rule counts it. */
  readonly weight?: WeightQuorum;
}

/** Quorum in weight: present weight × den ≥ eligible weight × num (or >). */
export interface WeightQuorum {
  readonly met: boolean;
  readonly present: number;
  readonly eligible: number;
  readonly required: number;
}

export interface OptionCount {
  readonly optionId: string;
  readonly label: string;
  readonly votes: number;
  /**
   * Percentage of the subject's `percentBase`; null when that base is 0, and for an abstention
   * when it is `decisive` (a base that leaves abstentions out has no share to give them).
   */
  readonly percent: Percent | null;
  /** Every share the rule publishes for this option: `percentBase` first, then the further ones. */
  readonly shares: readonly OptionShare[];
  /**
   * Whether these votes meet the majority rule on their own; never without quorum. Under a double
   * majority, on heads and on weight both (`passesBy` has each).
   */
  readonly passes: boolean;
  /** Under a double majority: the option's weight and its shares. */
  readonly weight?: WeightVotes;
  /** Under a double majority: whether the option passes on heads, and on weight. */
  readonly passesBy?: { readonly heads: boolean; readonly weight: boolean };
}

/** An option's votes in weight, beside its heads. */
export interface WeightVotes {
  readonly votes: number;
  readonly percent: Percent | null;
  readonly shares: readonly OptionShare[];
}

/** One published share of an option; the percent follows the same rules as `OptionCount.percent`. */
export interface OptionShare {
  readonly base: NamedBase;
  readonly percent: Percent | null;
}

/** Returned ballots as a share of a named base: "448 đại biểu tham gia biểu quyết (94,71 %)". */
export interface TurnoutShare {
  readonly returned: number;
  readonly base: NamedBase;
  readonly percent: Percent | null;
  /** Under a double majority: the same share in weight. */
  readonly weight?: Omit<TurnoutShare, 'weight'>;
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
  | {
      /** The rule decides nothing by majority: the subject's bands say what follows. */
      readonly type: 'banded';
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
  /** Every base with its value, in {@link TALLY_BASES} order (`decisive` is this subject's). */
  readonly bases: readonly NamedBase[];
  /** The smallest vote count that passes the majority rule on this base. */
  readonly votesNeeded: number;
  readonly outcome: SubjectOutcome;
  /** Per banded option, the band this subject falls in; empty when the rule has no bands. */
  readonly bands: readonly BandVerdict[];
  /** The subject's proposal and score against the level adopted; null when it has neither. */
  readonly proposal: ProposalCheck | null;
  /** Under a double majority: the subject's bases and empty rows in weight. */
  readonly weight?: SubjectWeight;
}

/** A subject's counts in weight, beside its heads. */
export interface SubjectWeight {
  readonly empty: number;
  readonly majorityBase: NamedBase;
  readonly percentBase: NamedBase;
  readonly bases: readonly NamedBase[];
  readonly votesNeeded: number;
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
  /** Under a double majority: the same counts in weight. */
  readonly weight?: Omit<BallotCounts, 'weight'>;
}

export type InvariantName =
  | 'issued>=returned'
  | 'returned=valid+invalid'
  | 'subject-counts+empty=valid'
  | 'returned<=present'
  | 'paper-returned<=paper-voters';

export interface InvariantCheck {
  readonly name: InvariantName;
  readonly ok: boolean;
  /** e.g. "issued 49 ≥ returned 49", or the subject id that breaks it. */
  readonly detail: string;
  /** A check of the counts in weight; of heads when absent. */
  readonly unit?: 'weight';
}

export interface CapWarning {
  readonly group: string;
  readonly top: string;
  readonly reference: string;
  readonly topCount: number;
  /** The subjects the rate is applied to (see `denominator`). */
  readonly referenceCount: number;
  /** floor(rate × referenceCount). */
  readonly allowed: number;
  readonly rate: Fraction;
  /** What `referenceCount` counts: the reference level alone, or it and every level above. */
  readonly denominator: CapDenominator;
  readonly basis: LegalBasis | null;
}

/** The full, reportable result of one ballot round. */
export interface TallyResult {
  readonly rules: {
    readonly id: string;
    readonly version: number;
    readonly name: string;
    readonly sources: readonly LegalSource[];
  };
  /** What the counts of this result count; heads when absent (see {@link WeightedCountBy}). */
  readonly countBy?: WeightedCountBy;
  readonly attendance: AttendanceCounts & {
    readonly eligible: number;
    readonly weight?: WeightCounts & { readonly eligible: number };
  };
  readonly quorum: QuorumVerdict;
  readonly ballots: BallotCounts;
  readonly turnout: TurnoutShare;
  /** Per part of the rule set, the legal text it comes from, beside the numbers it governs. */
  readonly basis: ResultBasis;
  readonly subjects: readonly SubjectResult[];
  readonly invariants: readonly InvariantCheck[];
  readonly warnings: readonly CapWarning[];
}
