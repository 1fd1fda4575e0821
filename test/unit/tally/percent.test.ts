import { describe, expect, test } from 'vitest';
import { percentOf } from '../../../shared/src/tally/index';

describe('percentOf', () => {
  // votes, base → text of the percentage, two decimals rounded half-up (null: base 0)
  test.each([
    [1, 3, '33.33'],
    [2, 3, '66.67'],
    [1, 8, '12.50'],
    [1, 200, '0.50'],
    [1, 400, '0.25'],
    [1, 800, '0.13'],
    [1, 1600, '0.06'],
    [3, 1600, '0.19'],
    [48, 53, '90.57'],
    [48, 49, '97.96'],
    [0, 53, '0.00'],
    [53, 53, '100.00'],
    [1, 0, null],
    [0, 0, null],
  ])('%i of %i → %s', (votes, base, text) => {
    expect(percentOf(votes, base)?.text ?? null).toBe(text);
  });

  test('hundredths carry the same number as the text', () => {
    expect(percentOf(48, 53)).toEqual({ hundredths: 9057, text: '90.57' });
    expect(percentOf(1, 800)).toEqual({ hundredths: 13, text: '0.13' });
  });
});
