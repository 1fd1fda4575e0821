// How many secret ballots must be in before the chair may close a round early. A result is a sum:
// the fewer ballots in it, the likelier it gives away each one (all of them, when it is
// unanimous), and a chair who closes right after one delegate has voted learns that delegate's
// choice. So a secret round closed before every member present has voted, and before its
// countdown ends, needs at least this many ballots in the box. README ("Threat model") says why
// 10: with 10 ballots a 70 / 30 vote is unanimous 2.8 % of the time, with 5 ballots 17 %.
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
