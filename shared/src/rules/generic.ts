import type { RuleSet } from '../tally/types';

// Generic rule sets, not tied to one legal text; they name no source.

/**
 * A National-Assembly style yes / no / not-voting motion. Laws and resolutions pass with more
 * than half of ALL members voting yes, so the majority base is `eligible`, not the votes cast,
 * and percentages are of all members too. That base already protects against a thin hall: with
 * half the members or fewer present nothing can pass. The quorum of one half therefore only
 * stops the chair from opening a vote that could not carry; a higher one would add nothing the
 * base does not already demand. Excused absentees leave `eligible`; a body that counts every
 * member whatever the excuse records no excused absences.
 * `noDecision` is unused: a motion that does not carry is rejected.
 */
export const NATIONAL_ASSEMBLY = {
  id: 'national-assembly',
  version: 1,
  name: 'National Assembly motion (more than half of all members)',
  quorum: { num: 1, den: 2 },
  majority: { fraction: { num: 1, den: 2 }, strict: true, base: 'eligible' },
  percentBase: 'eligible',
  noDecision: 'revote',
  caps: [],
  batchStrict: false,
} as const satisfies RuleSet;

/**
 * More than half of the votes cast, measured on the `valid` ballots. A spoilt ballot chose
 * nothing, so counting it (`returned`) would make it weigh as a "no". A valid "not voting" does
 * stay in the base: the member took a ballot and declined to support, which is why this is not
 * `decisive`. A body that wants abstentions left out entirely uses base `decisive` instead.
 */
export const SIMPLE_MAJORITY = {
  id: 'simple-majority',
  version: 1,
  name: 'Simple majority of votes cast',
  quorum: { num: 2, den: 3 },
  majority: { fraction: { num: 1, den: 2 }, strict: true, base: 'valid' },
  percentBase: 'valid',
  noDecision: 'revote',
  caps: [],
  batchStrict: false,
} as const satisfies RuleSet;

/** At least two thirds of the valid ballots ("at least", so exactly 2/3 carries). */
export const TWO_THIRDS = {
  id: 'two-thirds',
  version: 1,
  name: 'Two-thirds majority',
  quorum: { num: 2, den: 3 },
  majority: { fraction: { num: 2, den: 3 }, strict: false, base: 'valid' },
  percentBase: 'valid',
  noDecision: 'revote',
  caps: [],
  batchStrict: false,
} as const satisfies RuleSet;

/**
 * Election of k of n: a candidate needs more than half of the valid ballots. `valid`, because a
 * blank ballot (no candidate marked) is a valid vote for nobody and must weigh against every
 * candidate; `decisive` would be the number of marks, which grows with the seats and would let
 * a candidate through with a minority of voters. Unfilled seats go to a new round.
 */
export const ELECTION = {
  id: 'election',
  version: 1,
  name: 'Election (more than half of valid ballots)',
  quorum: { num: 2, den: 3 },
  majority: { fraction: { num: 1, den: 2 }, strict: true, base: 'valid' },
  percentBase: 'valid',
  noDecision: 'revote',
  caps: [],
  batchStrict: false,
} as const satisfies RuleSet;
