// Which findings of a result need the chair's written acknowledgement before publishing: the server
// refuses without one, and the console asks for one, by this same count.
import { describe, expect, test } from 'vitest';
import { warningsToAcknowledge, type CapWarning, type InvariantCheck } from '@hallvote/shared';

const cap: CapWarning = {
  group: 'units',
  top: 'excellent',
  reference: 'good',
  topCount: 2,
  referenceCount: 4,
  allowed: 0,
  rate: { num: 1, den: 5 },
  denominator: 'reference',
  basis: null,
};
const holds: InvariantCheck = { name: 'issued>=returned', ok: true, detail: 'issued 49 ≥ returned 49' };
const broken: InvariantCheck = { name: 'returned=valid+invalid', ok: false, detail: 'returned 50 ≠ 48 + 1' };

describe('warningsToAcknowledge', () => {
  test.each([
    ['a clean result', [], [holds], 0],
    ['one cap warning', [cap], [holds], 1],
    ['one failed check', [], [holds, broken], 1],
    ['both, counted together', [cap, cap], [broken, holds, broken], 4],
  ] as const)('%s', (_name, warnings, invariants, expected) => {
    expect(warningsToAcknowledge({ warnings, invariants })).toBe(expected);
  });
});
