import { floorDiv } from './fraction';
import type { Percent } from './types';

/**
 * `votes` as a percentage of `base`, in hundredths rounded half-up, with its two-decimal text
 * ("90.57"). Null when the base is 0: there is nothing to be a share of.
 *
 * Half-up in integers: hundredths = floor((votes × 10000 × 2 + base) / (2 × base)).
 */
export function percentOf(votes: number, base: number): Percent | null {
  if (base === 0) return null;
  const hundredths = floorDiv(votes * 20000 + base, 2 * base);
  const whole = floorDiv(hundredths, 100);
  const fraction = hundredths - whole * 100;
  return { hundredths, text: `${whole}.${String(fraction).padStart(2, '0')}` };
}
