import { describe, expect, test } from 'vitest';
import { meetsFraction, passesMajority, votesNeeded } from '../../../shared/src/tally/index';
import { ceilDiv, floorDiv } from '../../../shared/src/tally/fraction';

describe('votesNeeded', () => {
  // base, num/den, strict (">" when true, "≥" when false) → least passing vote count
  test.each([
    [53, 1, 2, true, 27],
    [52, 1, 2, true, 27],
    [100, 1, 2, true, 51],
    [99, 1, 2, true, 50],
    [99, 2, 3, false, 66],
    [100, 2, 3, false, 67],
    [99, 2, 3, true, 67],
    [10, 1, 2, false, 5],
    [1, 1, 2, true, 1],
    // a base of 0 still needs one vote: an option nobody chose is not carried
    [0, 1, 2, true, 1],
    [0, 2, 3, false, 1],
  ])('base %i, %i/%i strict=%s → %i', (base, num, den, strict, needed) => {
    const rule = { fraction: { num, den }, strict };
    expect(votesNeeded(base, rule)).toBe(needed);
    expect(passesMajority(needed, base, rule)).toBe(true);
    expect(passesMajority(needed - 1, base, rule)).toBe(false);
    expect(passesMajority(needed + 1, base, rule)).toBe(true);
  });
});

describe('meetsFraction', () => {
  // part, whole, num/den, strict → part/whole compared with num/den
  test.each([
    [1, 2, 1, 2, true, false],
    [1, 2, 1, 2, false, true],
    [2, 3, 2, 3, false, true],
    [2, 3, 2, 3, true, false],
    [36, 53, 2, 3, false, true],
    [35, 53, 2, 3, false, false],
    [0, 0, 2, 3, false, true],
  ])('%i/%i vs %i/%i strict=%s → %s', (part, whole, num, den, strict, expected) => {
    expect(meetsFraction(part, whole, { num, den }, strict)).toBe(expected);
  });
});

describe('integer division', () => {
  // a, b → floor(a/b), ceil(a/b)
  test.each([
    [7, 2, 3, 4],
    [6, 2, 3, 3],
    [-7, 2, -4, -3],
    [0, 5, 0, 0],
    [2 ** 52 + 1, 2 ** 52, 1, 2],
  ])('%i / %i → floor %i, ceil %i', (a, b, floor, ceil) => {
    expect(floorDiv(a, b)).toBe(floor);
    expect(ceilDiv(a, b)).toBe(ceil);
  });
});
