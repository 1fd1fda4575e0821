// A phone's messages are capped at what its meeting's largest vote needs (socket-limits.ts, issue
// 13). Under rules that allow split ballots (issue 19) the largest vote is a holder's split: the
// members it is cast for and a count per subject and option, larger than any `vote:cast`. The cap
// must let the longest valid split through, or the holder's phone is cut off mid-meeting.
import { describe, expect, test } from 'vitest';
import { CLASSIFICATION_LEVELS, getRulePreset, voteSplitSchema, type BallotDefinition } from '@hallvote/shared';
import { SMALL_MESSAGE, splitMessageBound, voteMessageBound } from '../../../server/src/socket-limits';

const id = (prefix: string, i: number) => `${prefix}${i}`.padEnd(64, 'x');

function batch(subjects: number): BallotDefinition {
  return {
    title: 'Review',
    kind: 'batch',
    secret: false,
    subjects: Array.from({ length: subjects }, (_, i) => ({ id: id('u', i), label: `u${i}` })),
    options: [...CLASSIFICATION_LEVELS],
    allowChange: false,
    interimForChair: false,
  };
}

/** The longest `vote:cast-split` a holder may send on `def` for `members` members, as socket.io frames it. */
function longestSplit(def: BallotDefinition, members: number): string {
  const payload = {
    ballotId: id('b', 0),
    round: 1000,
    voteId: '00000000-0000-4000-8000-000000000000',
    members: Array.from({ length: members }, (_, i) => id('d', i)),
    rows: Object.fromEntries(
      def.subjects.map((s) => [s.id, Object.fromEntries(def.options.map((o) => [o.id, 100_000_000_000]))]),
    ),
  };
  expect(voteSplitSchema.safeParse(payload).success).toBe(true);
  return `42999999${JSON.stringify(['vote:cast-split', payload])}`;
}

describe('the phone message cap under split ballots', () => {
  // One member, one vote, at most 2 proxies each, splits allowed.
  const splitRules = getRulePreset('association')!;
  const { proxies: _none, ...rules } = splitRules;

  test('lets the longest valid split through, larger than any vote:cast', () => {
    const def = batch(50);
    const message = longestSplit(def, 3);
    // What the cap was without splits: the split would have closed the holder's connection.
    expect(message.length).toBeGreaterThan(Math.max(SMALL_MESSAGE, voteMessageBound(def)));
    expect(message.length).toBeLessThanOrEqual(splitMessageBound(def, splitRules));
  });

  test('adds nothing where the rules take no split', () => {
    expect(splitMessageBound(batch(50), rules)).toBe(0);
    expect(splitMessageBound(batch(50), { ...rules, proxies: { maxPerHolder: 2, split: false } })).toBe(0);
  });
});
