// When a secret round's box is too small to count (shared/src/early-close.ts): online ballots
// against the minimum, unless everyone present voted online. Row: online, present, everyone
// online?, minimum → short?
import { describe, expect, test } from 'vitest';
import { shortOfMinimum } from '@hallvote/shared';

describe('shortOfMinimum', () => {
  test.each([
    [1, 20, false, 10, true], // one ballot in a hall of twenty
    [9, 20, false, 10, true], // nine online (paper voters are not in the box)
    [10, 20, false, 10, false], // the minimum
    [3, 3, true, 10, false], // a cell of three, all voted online
    [1, 20, true, 10, false], // cannot happen with 20 present, but everyone online always counts
    [0, 20, false, 0, false], // a minimum of 0 never holds a round back
    [1, 2, false, 2, true],
  ])(
    '%i online of %i present (everyone online: %s), minimum %i → short %s',
    (online, present, everyoneOnline, minimum, short) => {
      expect(shortOfMinimum({ online, present, everyoneOnline }, minimum)).toBe(short);
    },
  );
});
