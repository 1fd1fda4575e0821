// How many secret ballots must be in before a round is counted. A result is a sum: the fewer
// ballots in it, the likelier it gives away each one (all of them, when it is unanimous), and a
// chair who closes right after one delegate has voted learns that delegate's choice. So a secret
// round is counted only when every member present has voted online or at least this many online
// ballots are in, whether the chair closes it early or its countdown runs out. Online only: the
// counts shown at the close are the online box's (paper totals come later, as totals), so a paper
// voter adds nothing to hide a ballot among; counting them let 19 paper marks and one online
// ballot pass as "everyone has voted". README ("Threat model") says why 10: with 10 ballots a
// 70 / 30 vote is unanimous 2.8 % of the time, with 5 ballots 17 %.
import type { RuleSet } from './tally/types';

/** The minimum of returned ballots for an early close, when the rule set names none. */
export const DEFAULT_EARLY_CLOSE_MINIMUM = 10;

/** The minimum a ballot asks for (its own, which may lower the rules') and the rules' own. */
export function earlyCloseMinimum(
  rules: Pick<RuleSet, 'earlyCloseMinimum'>,
  ballot: { readonly earlyCloseMinimum?: number | undefined },
): { readonly minimum: number; readonly ruleMinimum: number } {
  const ruleMinimum = rules.earlyCloseMinimum ?? DEFAULT_EARLY_CLOSE_MINIMUM;
  return { minimum: ballot.earlyCloseMinimum ?? ruleMinimum, ruleMinimum };
}

/**
 * The ballot's minimum when it lowers the rules' (phones, the console and the minutes warn about
 * it: a small count can show how members voted); null when it does not. A phone, which has no
 * rule set, compares with the default.
 */
export function loweredEarlyCloseMinimum(
  rules: Pick<RuleSet, 'earlyCloseMinimum'>,
  ballot: { readonly secret: boolean; readonly earlyCloseMinimum?: number | undefined },
): number | null {
  const { minimum, ruleMinimum } = earlyCloseMinimum(rules, ballot);
  return ballot.secret && minimum < ruleMinimum ? minimum : null;
}

/** A secret round's box as its minimum sees it. */
export interface SecretBox {
  /**
   * Members who cast online ballots in the box whose counts appear at the close, each counted once:
   * a proxy holder and the members they voted for are one person. Paper voters are not in it.
   */
  readonly online: number;
  /** Members present. */
  readonly present: number;
  /** Every member present has voted online (so the box holds the whole hall). */
  readonly everyoneOnline: boolean;
}

/**
 * True when the box is too small to count: fewer online ballots than the minimum (a minimum of 0
 * never is) and not every member present has voted online.
 */
export function shortOfMinimum(box: SecretBox, minimum: number): boolean {
  return minimum > 0 && !box.everyoneOnline && box.online < minimum;
}
