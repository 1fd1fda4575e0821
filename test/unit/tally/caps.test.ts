import { describe, expect, test } from 'vitest';
import { tally, type CapDenominator, type CapRule, type TallySubject } from '../../../shared/src/tally/index';
import { CLASSIFICATION_LEVELS, RULE_PRESETS } from '../../../shared/src/rules/index';
import { MOTION, ballot, batchRecords, input, records, rules } from './fixtures';

const EXCELLENT_PER_GOOD: CapRule = {
  top: 'excellent',
  reference: 'good',
  rate: { num: 1, den: 5 },
};

/** One subject per outcome letter (E excellent, G good, C completed), 3 voters, all unanimous. */
function batchOf(outcomes: string, group?: (index: number) => string) {
  const ids = { E: 'excellent', G: 'good', C: 'completed' } as const;
  const letters = [...outcomes];
  const subjects: TallySubject[] = letters.map((_, i) => {
    const label = `unit ${i + 1}`;
    const g = group?.(i);
    return g === undefined ? { id: `u${i + 1}`, label } : { id: `u${i + 1}`, label, group: g };
  });
  const specs = Object.fromEntries(letters.map((letter, i) => [`u${i + 1}`, `${ids[letter as keyof typeof ids]}:3`]));
  return { ballot: ballot('batch', CLASSIFICATION_LEVELS, subjects), records: batchRecords(specs) };
}

const repeat = (letter: string, n: number) => letter.repeat(n);

describe('caps: excellent ≤ floor(20 % of good)', () => {
  // excellent subjects, good subjects → allowed, breach
  test.each([
    [4, 14, 2, true],
    [3, 14, 2, true],
    [2, 14, 2, false],
    [3, 15, 3, false],
    [4, 15, 3, true],
    [1, 4, 0, true],
    [1, 5, 1, false],
    [0, 0, 0, false],
    [1, 0, 0, true],
  ])('%i excellent against %i good: allowed %i, warning %s', (excellent, good, allowed, breach) => {
    const { ballot: b, records: r } = batchOf(repeat('E', excellent) + repeat('G', good) + 'C');
    const result = tally(input({ rules: rules({ caps: [EXCELLENT_PER_GOOD] }), ballot: b, records: r }));
    expect(result.warnings).toEqual(
      breach
        ? [
            {
              group: '',
              top: 'excellent',
              reference: 'good',
              topCount: excellent,
              referenceCount: good,
              allowed,
              rate: { num: 1, den: 5 },
              denominator: 'reference',
              basis: null,
            },
          ]
        : [],
    );
    // a warning never changes an outcome
    expect(
      result.subjects.filter((s) => s.outcome.type === 'adopted' && s.outcome.optionId === 'excellent'),
    ).toHaveLength(excellent);
  });

  test('per group: only the group that breaks the cap is warned', () => {
    // group A: 1 excellent, 5 good (allowed 1); group B: 2 excellent, 5 good (allowed 1)
    const outcomes = 'EGGGGG' + 'EEGGGGG';
    const { ballot: b, records: r } = batchOf(outcomes, (i) => (i < 6 ? 'A' : 'B'));
    const result = tally(input({ rules: rules({ caps: [EXCELLENT_PER_GOOD] }), ballot: b, records: r }));
    expect(result.warnings).toEqual([
      {
        group: 'B',
        top: 'excellent',
        reference: 'good',
        topCount: 2,
        referenceCount: 5,
        allowed: 1,
        rate: { num: 1, den: 5 },
        denominator: 'reference',
        basis: null,
      },
    ]);
  });

  test('levels reached by cumulating down count towards the cap', () => {
    const subjects = [
      { id: 'u1', label: 'u1' },
      { id: 'u2', label: 'u2' },
    ];
    const result = tally(
      input({
        rules: rules({
          caps: [EXCELLENT_PER_GOOD],
          noDecision: 'cumulate-down',
          majority: { fraction: { num: 1, den: 2 }, strict: true, base: 'valid' },
        }),
        ballot: ballot('batch', CLASSIFICATION_LEVELS, subjects),
        // u1: excellent 2 of 4 does not carry alone; cumulated it is excellent (2 is not > 2, so
        // it lands on good with 4). u2: excellent 3 of 4 carries outright.
        records: batchRecords({ u1: 'excellent:2 good:2', u2: 'excellent:3 good:1' }),
      }),
    );
    expect(result.subjects.map((s) => s.outcome)).toEqual([
      { type: 'cumulated', optionId: 'good', cumulativeVotes: 4 },
      { type: 'adopted', optionId: 'excellent' },
    ]);
    expect(result.warnings).toMatchObject([{ topCount: 1, referenceCount: 1, allowed: 0 }]);
  });

  test('no outcome, no count: a ballot without quorum raises no warning', () => {
    const { ballot: b, records: r } = batchOf('EEEE');
    const result = tally(
      input({
        rules: rules({ caps: [EXCELLENT_PER_GOOD] }),
        ballot: b,
        records: r,
        attendance: { roster: 10, present: 3, excusedAbsent: 0 },
      }),
    );
    expect(result.quorum.met).toBe(false);
    expect(result.warnings).toEqual([]);
  });

  test('caps do not apply to motions', () => {
    const cap: CapRule = { top: 'yes', reference: 'no', rate: { num: 1, den: 5 } };
    const result = tally(input({ rules: rules({ caps: [cap] }), ballot: MOTION, records: records('yes:3') }));
    expect(result.warnings).toEqual([]);
  });
});

describe('caps: what the rate is applied to', () => {
  // excellent subjects, good subjects, denominator → counted, allowed, warning
  test.each<[number, number, CapDenominator, number, number, boolean]>([
    // good alone: 8 good allow 1 excellent
    [2, 8, 'reference', 8, 1, true],
    // good and above: 8 good + 2 excellent = 10 allow 2
    [2, 8, 'reference-and-above', 10, 2, false],
    [3, 10, 'reference', 10, 2, true],
    [3, 10, 'reference-and-above', 13, 2, true],
    [1, 4, 'reference', 4, 0, true],
    [1, 4, 'reference-and-above', 5, 1, false],
  ])(
    '%i excellent, %i good, of %s: %i counted, %i allowed, warning %s',
    (excellent, good, denominator, counted, allowed, warn) => {
      const { ballot: b, records: r } = batchOf(repeat('E', excellent) + repeat('G', good) + 'C');
      const cap: CapRule = { ...EXCELLENT_PER_GOOD, denominator };
      const result = tally(input({ rules: rules({ caps: [cap] }), ballot: b, records: r }));
      expect(result.warnings).toEqual(
        warn
          ? [
              {
                ...EXCELLENT_PER_GOOD,
                group: '',
                topCount: excellent,
                referenceCount: counted,
                allowed,
                denominator,
                basis: null,
              },
            ]
          : [],
      );
    },
  );

  test('good and above, per group: each group counts its own levels', () => {
    // group A: 2 excellent + 8 good (10 → 2 allowed); group B: 2 excellent + 3 good (5 → 1 allowed)
    const { ballot: b, records: r } = batchOf('EEGGGGGGGG' + 'EEGGG', (i) => (i < 10 ? 'A' : 'B'));
    const cap: CapRule = { ...EXCELLENT_PER_GOOD, denominator: 'reference-and-above' };
    const result = tally(input({ rules: rules({ caps: [cap] }), ballot: b, records: r }));
    expect(result.warnings.map((w) => [w.group, w.topCount, w.referenceCount, w.allowed])).toEqual([['B', 2, 5, 1]]);
  });

  test('the preset’s cap carries its basis into the warning, or null where it has none', () => {
    const { ballot: b, records: r } = batchOf('EEGGGG');
    const result = tally(input({ rules: RULE_PRESETS['vn-party-classification'], ballot: b, records: r }));
    expect(result.warnings).toMatchObject([{ denominator: 'reference', basis: null }]);
  });
});
