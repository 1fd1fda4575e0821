// Properties of split ballots (shared/src/split.ts) counted by the tally (fast-check).
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { tally, type TallyBallot } from '../../../shared/src/tally/index';
import { splitProblem, splitRecords, type SplitVote } from '../../../shared/src/split';
import { CLASSIFICATION_LEVELS } from '../../../shared/src/rules/index';
import { NUM_RUNS } from './arbitraries';
import { CLASSIFICATION, MOTION, ballot, input, rules } from './fixtures';

const ballotArb: fc.Arbitrary<TallyBallot> = fc.oneof(
  fc.constant(MOTION),
  fc.constant(CLASSIFICATION),
  fc.integer({ min: 1, max: 4 }).map((n) =>
    ballot(
      'batch',
      CLASSIFICATION_LEVELS,
      Array.from({ length: n }, (_, i) => ({ id: `u${i}`, label: `u${i}` })),
    ),
  ),
);

/** A split that can be cast on `b`: every vote given on a motion or choice, up to all on a batch. */
function splitArb(b: TallyBallot, unit: SplitVote['unit']): fc.Arbitrary<SplitVote> {
  const totalArb = unit === 'heads' ? fc.integer({ min: 1, max: 60 }) : fc.integer({ min: 1, max: 1e11 });
  return totalArb.chain((total) =>
    fc
      .tuple(
        ...b.subjects.map(() =>
          fc.tuple(
            fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
              minLength: b.options.length,
              maxLength: b.options.length,
            }),
            b.kind === 'batch' ? fc.double({ min: 0, max: 1, noNaN: true }) : fc.constant(1),
          ),
        ),
      )
      .map((rows) => ({
        unit,
        total,
        rows: Object.fromEntries(
          rows.map(([shares, given], s) => {
            // Whole votes, in proportion to the shares, adding up to `given` of the total.
            const target = Math.floor(total * given);
            const sum = shares.reduce((a, x) => a + x, 0) || 1;
            const votes = shares.map((x) => Math.floor((target * x) / sum));
            votes[0] = (votes[0] ?? 0) + target - votes.reduce((a, v) => a + v, 0);
            return [b.subjects[s]?.id ?? '', Object.fromEntries(b.options.map((o, i) => [o.id, votes[i] ?? 0]))];
          }),
        ),
      })),
  );
}

const weightedCase = ballotArb.chain((b) =>
  fc.record({
    ballot: fc.constant(b),
    split: splitArb(b, 'weight'),
    // Other ballots in the box, each with its member's weight.
    others: fc.array(
      fc.record({ option: fc.constantFrom(...b.options.map((o) => o.id)), weight: fc.integer({ min: 1, max: 1e6 }) }),
      { maxLength: 8 },
    ),
  }),
);

describe('split ballots', () => {
  test('splitting a vote across options never changes the total weight counted', () => {
    fc.assert(
      fc.property(weightedCase, ({ ballot: b, split, others }) => {
        expect(splitProblem(b, split)).toBeNull();
        const othersRecords = others.map(({ option, weight }) => ({
          marks: Object.fromEntries(b.subjects.map((s) => [s.id, [option]])),
          weight,
        }));
        const othersWeight = others.reduce((sum, o) => sum + o.weight, 0);
        const records = [...othersRecords, ...splitRecords(b, split)];
        const total = othersWeight + split.total;
        const result = tally(
          input({
            rules: rules({ countBy: 'weight' }),
            ballot: b,
            records,
            attendance: {
              roster: records.length,
              present: records.length,
              excusedAbsent: 0,
              weight: { roster: total, present: total, excusedAbsent: 0 },
            },
            weights: { issued: total, paperVoters: 0 },
          }),
        );
        expect(result.ballots).toMatchObject({ returned: total, valid: total, invalid: 0 });
        result.subjects.forEach((subject, s) => {
          const id = b.subjects[s]?.id ?? '';
          // Each option's weight is the others' plus exactly what the split gave it.
          subject.counts.forEach((count) => {
            const fromOthers = others.filter((o) => o.option === count.optionId).reduce((a, o) => a + o.weight, 0);
            expect(count.votes).toBe(fromOthers + (split.rows[id]?.[count.optionId] ?? 0));
          });
          expect(subject.counts.reduce((a, c) => a + c.votes, 0) + subject.empty).toBe(total);
        });
        expect(result.invariants.every((i) => i.ok)).toBe(true);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  test('a split in heads is one ordinary ballot per member, whatever the distribution', () => {
    fc.assert(
      fc.property(
        ballotArb.chain((b) => fc.tuple(fc.constant(b), splitArb(b, 'heads'))),
        ([b, split]) => {
          const records = splitRecords(b, split);
          expect(records).toHaveLength(split.total);
          expect(records.every((r) => r.weight === undefined)).toBe(true);
          const result = tally(input({ rules: rules(), ballot: b, records }));
          expect(result.ballots.valid).toBe(split.total);
          result.subjects.forEach((subject, s) =>
            subject.counts.forEach((count) =>
              expect(count.votes).toBe(split.rows[b.subjects[s]?.id ?? '']?.[count.optionId] ?? 0),
            ),
          );
        },
      ),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('split problems', () => {
  const motion = { kind: 'motion', subjects: [{ id: 's' }], options: MOTION.options } as const;
  test.each([
    [{ s: { yes: 2, no: 2 } }, { code: 'OVER', subjectId: 's', total: 3, given: 4 }],
    [{ s: { yes: 2 } }, { code: 'UNDER', subjectId: 's', total: 3, given: 2 }],
    [{ s: { yes: 1.5, no: 1.5 } }, { code: 'NOT_WHOLE', subjectId: 's', optionId: 'yes' }],
    [{ s: { yes: -1, no: 4 } }, { code: 'NOT_WHOLE', subjectId: 's', optionId: 'yes' }],
    [{ s: { maybe: 3 } }, { code: 'UNKNOWN_OPTION', subjectId: 's', optionId: 'maybe' }],
    [{ t: { yes: 3 } }, { code: 'UNKNOWN_SUBJECT', subjectId: 't' }],
    [{ s: { yes: 2, no: 1 } }, null],
  ])('%j of 3 → %j', (rows, problem) => {
    expect(splitProblem(motion, { unit: 'heads', total: 3, rows })).toEqual(problem);
  });

  test('an election is never split', () => {
    const election = { kind: 'election', subjects: [{ id: 's' }], options: [{ id: 'a' }] } as const;
    expect(splitProblem(election, { unit: 'heads', total: 1, rows: {} })).toEqual({ code: 'KIND', kind: 'election' });
  });
});
