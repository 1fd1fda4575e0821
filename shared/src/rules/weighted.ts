import type { RuleSet } from '../tally/types';
import { MOTION_OPTIONS } from './options';

// Rule sets that weigh members or take proxies (issue 19). Generic, like generic.ts: they name no
// legal source. A company's articles or an association's statutes may set other numbers; these are
// the common ones, and a body whose rules differ needs a preset of its own.

/**
 * A shareholders' general meeting, ordinary resolution: every share is a vote (weight = shares,
 * imported as a roster column), the meeting is quorate with more than half of the shares present
 * or represented, and a resolution passes with more than half of the votes cast. "Votes cast" are
 * those for and against: an abstention (a vote withheld) is no vote, so the base is `decisive`.
 * Proxies without limit, and a holder may split their votes (a nominee voting for many owners).
 * A Vietnamese joint-stock company's meeting measures its majorities against the votes of the
 * shareholders attending instead (Law on Enterprises 2020): that is not this preset.
 */
export const AGM_ORDINARY = {
  id: 'agm-ordinary',
  version: 1,
  name: 'General meeting: ordinary resolution (more than half of the votes cast, by shares)',
  quorum: { num: 1, den: 2, strict: true },
  quorumBy: 'weight',
  majority: { fraction: { num: 1, den: 2 }, strict: true, base: 'decisive' },
  percentBase: 'decisive',
  turnoutBase: 'present',
  noDecision: 'revote',
  caps: [],
  batchStrict: false,
  countBy: 'weight',
  proxies: { maxPerHolder: null, split: true },
  template: { kind: 'motion', options: MOTION_OPTIONS, secret: false },
} as const satisfies RuleSet;

/** As {@link AGM_ORDINARY}, for a special resolution: at least three quarters of the votes cast. */
export const AGM_SPECIAL = {
  ...AGM_ORDINARY,
  id: 'agm-special',
  name: 'General meeting: special resolution (at least 3/4 of the votes cast, by shares)',
  majority: { fraction: { num: 3, den: 4 }, strict: false, base: 'decisive' },
} as const satisfies RuleSet;

/**
 * An association: one member, one vote. Quorate with more than half of the members present or
 * represented; a motion passes with more than half of the valid ballots, as `simple-majority`. A
 * member may hold at most two proxies, and may split the votes they hold.
 */
export const ASSOCIATION = {
  id: 'association',
  version: 1,
  name: 'Association (one member, one vote; at most 2 proxies each)',
  quorum: { num: 1, den: 2, strict: true },
  majority: { fraction: { num: 1, den: 2 }, strict: true, base: 'valid' },
  percentBase: 'valid',
  noDecision: 'revote',
  caps: [],
  batchStrict: false,
  proxies: { maxPerHolder: 2, split: true },
  template: { kind: 'motion', options: MOTION_OPTIONS, secret: false },
} as const satisfies RuleSet;

/**
 * A double majority (a cooperative, an owners' association): more than half of the members voting
 * and more than half of their weight, each counted on the valid ballots; quorum likewise on both.
 * A proxy holder casts one ballot per member: a split would give one member's head and weight to
 * different options.
 */
export const DOUBLE_MAJORITY = {
  id: 'double-majority',
  version: 1,
  name: 'Double majority (more than half of the members voting and of their weight)',
  quorum: { num: 1, den: 2, strict: true },
  quorumBy: 'both',
  majority: { fraction: { num: 1, den: 2 }, strict: true, base: 'valid' },
  percentBase: 'valid',
  noDecision: 'revote',
  caps: [],
  batchStrict: false,
  countBy: 'both',
  proxies: { maxPerHolder: null, split: false },
  template: { kind: 'motion', options: MOTION_OPTIONS, secret: false },
} as const satisfies RuleSet;
