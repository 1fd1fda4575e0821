import type { TallyResult } from './tally/types';

/**
 * How many findings of a result the chair must acknowledge in writing before publishing it: cap
 * warnings and failed invariant checks (paper totals that do not add up). Neither changes the
 * result; the server refuses to publish without the acknowledgement, and the console asks for it.
 */
export function warningsToAcknowledge(tally: Pick<TallyResult, 'warnings' | 'invariants'>): number {
  return tally.warnings.length + tally.invariants.filter((check) => !check.ok).length;
}
