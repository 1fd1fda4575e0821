// What the law adds to a rule set: where each rule comes from, threshold bands with named
// consequences (confidence votes), and score bands that say which level a score allows (QĐ 366).
// Plain data, like types.ts; the tally never picks a language, so every text carries both.
import type { Fraction, NamedBase, Percent, TallyBase } from './primitive-types';

/** A text in each language the views speak. */
export interface Localized {
  readonly vi: string;
  readonly en: string;
}

/** A legal text a rule comes from. */
export interface LegalSource {
  /** Short citation: "NQ 96/2023/QH15" / "Resolution 96/2023/QH15". */
  readonly document: Localized;
  /** Date of issue, yyyy-mm-dd. */
  readonly date: string;
}

/**
 * A rule's legal basis, printed next to the numbers it governs:
 * "NQ 96/2023/QH15, Điều 19: tỷ lệ trên tổng số phiếu".
 */
export interface LegalBasis {
  readonly source: LegalSource;
  /** "Điều 19" / "Art. 19"; null where the article number could not be checked against the text. */
  readonly article: Localized | null;
  /** What the text says about these numbers, in a few words. */
  readonly says: Localized;
}

/**
 * Per part of a rule set, the text it comes from. A part without one is the body's own
 * convention (or a generic rule), and the result says so by carrying null.
 */
export interface RuleBasis {
  readonly quorum?: LegalBasis;
  readonly majority?: LegalBasis;
  /** The percentage bases, the first and every further one. */
  readonly percentages?: LegalBasis;
  readonly turnout?: LegalBasis;
  readonly blankBallot?: LegalBasis;
}

/** {@link RuleBasis} as a result carries it: every part named, null where the rule has no basis. */
export type ResultBasis = { readonly [K in keyof RuleBasis]-?: LegalBasis | null };

/** A rule set by id and version, e.g. the preset of a follow-up vote. */
export interface RuleSetRef {
  readonly id: string;
  readonly version: number;
}

/**
 * A threshold with a consequence: the option's votes × den > base × num (strict) or ≥. An option
 * with no votes reaches no band, as it passes no majority.
 */
export interface Band {
  /** Stable id, e.g. "may-resign"; views and follow-up actions refer to it. */
  readonly id: string;
  readonly fraction: Fraction;
  readonly strict: boolean;
  readonly base: TallyBase;
  readonly consequence: Localized;
  readonly basis?: LegalBasis;
  /** The vote this band calls for next (the vote of no confidence), by rule set. */
  readonly followUp?: RuleSetRef;
}

/**
 * Bands attached to one option, lowest threshold first. A subject falls in the last band whose
 * threshold it meets, so "> 1/2" followed by "≥ 2/3" reads "> 1/2 and < 2/3", then "≥ 2/3".
 */
export interface OptionBands {
  readonly optionId: string;
  readonly bands: readonly Band[];
}

/** Where one subject falls on one banded option. */
export interface BandVerdict {
  readonly optionId: string;
  readonly votes: number;
  /** The base the share is of: the reached band's, or the first band's when none is reached. */
  readonly base: NamedBase;
  /** Null when the base is 0, or when the option is an abstention and the base is `decisive`. */
  readonly percent: Percent | null;
  /** The highest band reached; null below the first one, and always without quorum. */
  readonly band: Band | null;
}

/** The lowest score of a level; the level runs up to the next higher level's minimum. */
export interface LevelScore {
  /** An option id. */
  readonly level: string;
  readonly min: number;
  /** A condition of the level the score alone cannot show (QĐ 366: ≥ 30 % of tasks exceeded). */
  readonly condition?: Localized;
}

/** Score bands, highest level first. */
export interface LevelScores {
  readonly levels: readonly LevelScore[];
  readonly basis?: LegalBasis;
}

/** A subject's proposal and score held against the level the vote gave it. */
export interface ProposalCheck {
  readonly proposedLevel: string | null;
  readonly score: number | null;
  /** The level the subject ended on, adopted or cumulated; null when it ended on none. */
  readonly adoptedLevel: string | null;
  /** There is a proposal and the vote did not adopt it (also when it adopted nothing). */
  readonly differs: boolean;
  /** The level the score falls in under the rule's score bands; null without either. */
  readonly scoreLevel: string | null;
  /**
   * Whether the score allows the adopted level: the adopted level is the score's or a lower one
   * (conditions beyond the score can only lower a level). Null when either level is unknown.
   */
  readonly scoreAllows: boolean | null;
  /** A condition of the adopted level that the score cannot show, for the minutes to print. */
  readonly condition: Localized | null;
  readonly basis: LegalBasis | null;
}
