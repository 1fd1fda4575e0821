import type { Fraction, MajorityRule } from './types';

// Every comparison here is integer cross-multiplication. Operands are head counts and small
// fractions, so products stay far below Number.MAX_SAFE_INTEGER and are exact.

/** The rule parts that decide whether a count passes (the base is supplied separately). */
export type Threshold = Pick<MajorityRule, 'fraction' | 'strict'>;

/** floor(a / b) for integers, b > 0, computed without trusting a rounded quotient. */
export function floorDiv(a: number, b: number): number {
  let r = a % b;
  if (r < 0) r += b;
  // a − r is an exact multiple of b, so this division is exact.
  return (a - r) / b;
}

/** ceil(a / b) for integers, b > 0. */
export function ceilDiv(a: number, b: number): number {
  return floorDiv(a, b) + (a % b === 0 ? 0 : 1);
}

/** part × den > whole × num (strict) or ≥ (not strict). */
export function meetsFraction(part: number, whole: number, fraction: Fraction, strict: boolean): boolean {
  const left = part * fraction.den;
  const right = whole * fraction.num;
  return strict ? left > right : left >= right;
}

/**
 * Whether `votes` carry the rule on `base`.
 *
 * An option with no votes never passes, even where "at least" on a base of 0 would hold
 * arithmetically (0 ≥ 0): nobody chose it, so nothing was decided for it.
 */
export function passesMajority(votes: number, base: number, rule: Threshold): boolean {
  return votes >= 1 && meetsFraction(votes, base, rule.fraction, rule.strict);
}

/**
 * The smallest vote count that passes the rule on `base`: the least v with v × den > base × num
 * (strict) or v × den ≥ base × num, and never less than 1 (see {@link passesMajority}).
 */
export function votesNeeded(base: number, rule: Threshold): number {
  const product = base * rule.fraction.num;
  const least = rule.strict ? floorDiv(product, rule.fraction.den) + 1 : ceilDiv(product, rule.fraction.den);
  return Math.max(1, least);
}
