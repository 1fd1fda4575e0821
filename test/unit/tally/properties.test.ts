// Properties of the tally over random ballots, records, rules and attendance (fast-check).
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { TALLY_BASES, tally, type TallyBase, type TallyInput } from '../../../shared/src/tally/index';
import { NUM_RUNS, scenarioArb } from './arbitraries';
import { CLASSIFICATION, MOTION, records, rules } from './fixtures';

describe('properties', () => {
  test('counts add up: votes + empty = valid per subject, valid + invalid = returned', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const result = tally(input);
        const { returned, valid, invalid, invalidReasons } = result.ballots;
        expect(returned).toBe(input.records.length);
        expect(valid + invalid).toBe(returned);
        expect(invalidReasons.reduce((sum, r) => sum + r.count, 0)).toBe(invalid);
        for (const subject of result.subjects) {
          const votes = subject.counts.reduce((sum, c) => sum + c.votes, 0);
          if (input.ballot.kind === 'election') {
            // a valid election row carries 0..seats distinct candidates
            const marked = valid - subject.empty;
            expect(votes).toBeGreaterThanOrEqual(marked);
            expect(votes).toBeLessThanOrEqual(marked * (input.ballot.seats ?? 1));
          } else {
            expect(votes + subject.empty).toBe(valid);
          }
        }
        expect(result.invariants.filter((i) => !i.ok).map((i) => i.name)).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  test('an option passes exactly when it has at least votesNeeded votes, never without quorum or under bands', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const result = tally(input);
        const decides = result.quorum.met && input.rules.decision !== 'bands';
        for (const subject of result.subjects) {
          subject.counts.forEach((count, i) => {
            const abstain = input.ballot.options[i]?.abstain === true;
            expect(count.passes).toBe(decides && !abstain && count.votes >= subject.votesNeeded);
          });
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  test('permuting the records changes nothing', () => {
    const permuted = scenarioArb.chain((input) =>
      fc
        .shuffledSubarray([...input.records], {
          minLength: input.records.length,
          maxLength: input.records.length,
        })
        .map((shuffled) => [input, { ...input, records: shuffled }] as const),
    );
    fc.assert(
      fc.property(permuted, ([original, shuffled]) => {
        expect(tally(shuffled)).toEqual(tally(original));
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('one more vote never hurts the option it goes to', () => {
  // On a fixed base (eligible, present) one vote more only helps. On a base that grows with the
  // extra ballot (returned, valid, decisive) it still helps for strict 1/2: from 2v > b follows
  // 2(v + 1) > b + 1. (For any fraction num/den ≤ 1, v/b ≤ (v + 1)/(b + 1) whenever v ≤ b.)
  const oneMoreArb = (kind: 'choice' | 'motion', bases: readonly TallyBase[]) =>
    fc
      .record({
        base: fc.constantFrom(...bases),
        noDecision: fc.constantFrom('revote', 'refer', 'cumulate-down'),
        counts: fc.array(fc.nat({ max: 15 }), { minLength: 5, maxLength: 5 }),
        option: fc.nat({ max: kind === 'choice' ? 3 : 2 }),
      })
      .map(({ base, noDecision, counts, option }) => {
        const b = kind === 'choice' ? CLASSIFICATION : MOTION;
        const ids = b.options.map((o) => o.id);
        const spec = counts.map((n, i) => `${ids[i] ?? '-'}:${n}`).join(' ');
        const recs = records(spec);
        const r = rules({
          majority: { fraction: { num: 1, den: 2 }, strict: true, base },
          noDecision,
        });
        const before: TallyInput = {
          rules: r,
          ballot: b,
          records: recs,
          attendance: { roster: 80, present: 80, excusedAbsent: 0 },
          issued: 80,
          paperVoters: 0,
        };
        const optionId = ids[option] ?? '';
        const after: TallyInput = { ...before, records: [...recs, { marks: { s: [optionId] } }] };
        return { before, after, option, optionId };
      });

  test.each<['choice' | 'motion', readonly TallyBase[]]>([
    ['choice', ['eligible']],
    ['choice', ['valid']],
    ['motion', TALLY_BASES],
  ])('%s, strict half of %j', (kind, bases) => {
    fc.assert(
      fc.property(oneMoreArb(kind, bases), ({ before, after, option, optionId }) => {
        const was = tally(before).subjects[0];
        const is = tally(after).subjects[0];
        if (was?.counts[option]?.passes === true) expect(is?.counts[option]?.passes).toBe(true);
        if (was?.outcome.type === 'adopted' && was.outcome.optionId === optionId) {
          expect(is?.outcome).toEqual({ type: 'adopted', optionId });
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
