// Weights, the double majority, split votes and quorum by weight (issue 19), as tables.
import { describe, expect, test } from 'vitest';
import {
  tally,
  type AttendanceCounts,
  type BallotRecord,
  type CountBy,
  type SubjectOutcome,
} from '../../../shared/src/tally/index';
import { splitRecords, type SplitVote } from '../../../shared/src/split';
import { CLASSIFICATION, MOTION, input, rules } from './fixtures';

// Legend: records are space-separated `marks*weight` (one ballot of that weight; `-` marks nothing,
// `a+b` marks both), e.g. "yes*60 no*25 -*5" is three ballots weighing 60, 25 and 5.
function weighted(spec: string, subjectId = 's'): BallotRecord[] {
  return spec
    .split(' ')
    .filter((p) => p !== '')
    .map((pair) => {
      const [marks = '', weight = '1'] = pair.split('*');
      return { marks: { [subjectId]: marks === '-' ? [] : marks.split('+') }, weight: Number(weight) };
    });
}

/** Heads present / on the roster, the same in weight, nobody excused. */
function attendance(present: number, roster: number, presentWeight: number, rosterWeight: number): AttendanceCounts {
  return {
    roster,
    present,
    excusedAbsent: 0,
    weight: { roster: rosterWeight, present: presentWeight, excusedAbsent: 0 },
  };
}

const HALF_OF_VALID = { fraction: { num: 1, den: 2 }, strict: true, base: 'valid' } as const;
const HALF_OF_DECISIVE = { fraction: { num: 1, den: 2 }, strict: true, base: 'decisive' } as const;
const THREE_QUARTERS_OF_DECISIVE = { fraction: { num: 3, den: 4 }, strict: false, base: 'decisive' } as const;

describe('counting by weight', () => {
  // records, majority → yes votes, valid, outcome (the counts are weight)
  test.each<[string, string, number, number, SubjectOutcome['type']]>([
    ['yes*60 no*40', '>1/2 of valid', 60, 100, 'adopted'],
    ['yes*50 no*50', '>1/2 of valid', 50, 100, 'rejected'],
    ['yes*1 yes*1 yes*1 no*10', '>1/2 of valid', 3, 13, 'rejected'],
    ['yes*51 no*30 not-voting*19', '>1/2 of valid', 51, 100, 'adopted'],
    ['yes*50 no*30 not-voting*20', '>1/2 of decisive', 50, 100, 'adopted'],
    ['yes*75 no*25', '≥3/4 of decisive', 75, 100, 'adopted'],
    ['yes*74 no*25 not-voting*1', '≥3/4 of decisive', 74, 100, 'rejected'],
    ['yes*75 no*25 not-voting*900', '≥3/4 of decisive', 75, 1000, 'adopted'],
  ])('%s, %s → yes %i of %i valid: %s', (spec, rule, yes, valid, outcome) => {
    const majority = {
      '>1/2 of valid': HALF_OF_VALID,
      '>1/2 of decisive': HALF_OF_DECISIVE,
      '≥3/4 of decisive': THREE_QUARTERS_OF_DECISIVE,
    }[rule];
    if (!majority) throw new Error(rule);
    const records = weighted(spec);
    const result = tally(
      input({
        rules: rules({ majority, countBy: 'weight' }),
        ballot: MOTION,
        records,
        attendance: attendance(records.length, records.length, valid, valid),
        weights: { issued: valid, paperVoters: 0 },
      }),
    );
    expect(result.countBy).toBe('weight');
    expect(result.subjects[0]?.counts[0]?.votes).toBe(yes);
    expect(result.ballots).toMatchObject({ issued: valid, returned: valid, valid });
    expect(result.subjects[0]?.outcome.type).toBe(outcome);
    expect(result.invariants.every((i) => i.ok && i.unit === 'weight')).toBe(true);
  });

  test('shares and the turnout are of weight: 60 of 80 returned of 100 eligible', () => {
    const result = tally(
      input({
        rules: rules({ countBy: 'weight', extraPercentBases: ['eligible'] }),
        ballot: MOTION,
        records: weighted('yes*60 no*20'),
        attendance: attendance(2, 5, 80, 100),
        weights: { issued: 80, paperVoters: 0 },
      }),
    );
    const yes = result.subjects[0]?.counts[0];
    expect(yes?.shares.map((s) => [s.base.name, s.base.value, s.percent?.text])).toEqual([
      ['valid', 80, '75.00'],
      ['eligible', 100, '60.00'],
    ]);
    expect(result.turnout).toEqual({
      returned: 80,
      base: { name: 'eligible', value: 100 },
      percent: { hundredths: 8000, text: '80.00' },
    });
    // attendance and quorum keep heads, with their weight beside them
    expect(result.attendance).toMatchObject({
      roster: 5,
      present: 2,
      eligible: 5,
      weight: { present: 80, eligible: 100 },
    });
  });

  test('a paper ballot under weight alone is entered in weight', () => {
    const result = tally(
      input({
        rules: rules({ countBy: 'weight' }),
        ballot: MOTION,
        records: weighted('yes*40'),
        attendance: attendance(3, 3, 100, 100),
        paper: { returned: 60, invalid: [], subjects: { s: { counts: { no: 60 }, empty: 0 } } },
        paperVoters: 1,
        weights: { issued: 100, paperVoters: 60 },
      }),
    );
    expect(result.subjects[0]?.counts.map((c) => c.votes)).toEqual([40, 60, 0]);
    expect(result.subjects[0]?.outcome).toEqual({ type: 'rejected' });
    expect(result.invariants.every((i) => i.ok)).toBe(true);
  });

  test('weights of 10^11 in all count exactly', () => {
    const result = tally(
      input({
        rules: rules({ countBy: 'weight' }),
        ballot: MOTION,
        records: weighted('yes*50000000001 no*49999999999'),
        attendance: attendance(2, 2, 1e11, 1e11),
        weights: { issued: 1e11, paperVoters: 0 },
      }),
    );
    expect(result.subjects[0]?.counts[0]?.percent?.text).toBe('50.00');
    expect(result.subjects[0]?.outcome).toEqual({ type: 'adopted', optionId: 'yes' });
  });

  test('under heads a weight changes nothing: the result carries no weight at all', () => {
    const records = weighted('yes*1 yes*1 no*1000');
    const plain = records.map(({ marks }) => ({ marks }));
    const asHeads = tally(input({ rules: rules(), ballot: MOTION, records }));
    expect(asHeads).toEqual(tally(input({ rules: rules(), ballot: MOTION, records: plain })));
    expect(asHeads.subjects[0]?.outcome).toEqual({ type: 'adopted', optionId: 'yes' });
    expect(JSON.stringify(asHeads)).not.toMatch(/weight|countBy/);
  });
});

describe('double majority (heads and weight)', () => {
  // records, → heads pass, weight pass, outcome; strict half of valid on both
  test.each<[string, boolean, boolean, SubjectOutcome['type']]>([
    ['yes*10 yes*10 no*30', true, false, 'rejected'], // most members, not most shares
    ['yes*60 no*10 no*10', false, true, 'rejected'], // most shares, not most members
    ['yes*30 yes*30 no*50', true, true, 'adopted'],
    ['yes*25 yes*25 no*50', true, false, 'rejected'], // exactly half the weight: not more than half
    ['yes*1 no*1', false, false, 'rejected'],
  ])('%s → heads %s, weight %s: %s', (spec, heads, weight, outcome) => {
    const records = weighted(spec);
    const total = records.reduce((sum, r) => sum + (r.weight ?? 1), 0);
    const result = tally(
      input({
        rules: rules({ countBy: 'both' }),
        ballot: MOTION,
        records,
        attendance: attendance(records.length, records.length, total, total),
        weights: { issued: total, paperVoters: 0 },
      }),
    );
    const yes = result.subjects[0]?.counts[0];
    expect(yes?.passesBy).toEqual({ heads, weight });
    expect(yes?.passes).toBe(heads && weight);
    expect(result.subjects[0]?.outcome.type).toBe(outcome);
    // heads on top, weight beside them
    expect(yes?.votes).toBe(records.filter((r) => r.marks['s']?.[0] === 'yes').length);
    expect(yes?.weight?.votes).toBe(
      records.filter((r) => r.marks['s']?.[0] === 'yes').reduce((s, r) => s + (r.weight ?? 1), 0),
    );
    expect(result.ballots.weight).toMatchObject({ returned: total, valid: total });
    expect(result.invariants.map((i) => [i.name, i.unit ?? 'heads', i.ok])).toHaveLength(10);
  });

  test('cumulating downward needs both measures on the running sum', () => {
    // good passes on heads at once (3 of 5) but not on weight (30 of 100); good + excellent has
    // 3 heads and 60 weight: cumulated to good on both.
    const records = [...weighted('good*10 good*10 good*10'), ...weighted('excellent*30 completed*40')];
    const result = tally(
      input({
        rules: rules({ countBy: 'both', noDecision: 'cumulate-down' }),
        ballot: CLASSIFICATION,
        records,
        attendance: attendance(5, 5, 100, 100),
        weights: { issued: 100, paperVoters: 0 },
      }),
    );
    expect(result.subjects[0]?.outcome).toEqual({ type: 'cumulated', optionId: 'good', cumulativeVotes: 4 });
  });
});

describe('quorum by heads, weight or both', () => {
  // heads present/roster, weight present/roster, quorum rule → met
  test.each<[CountBy, number, number, number, number, boolean]>([
    ['heads', 2, 3, 10, 100, true],
    ['weight', 2, 3, 10, 100, false],
    ['weight', 1, 3, 51, 100, true],
    ['weight', 1, 3, 50, 100, false], // strict: more than half
    ['both', 2, 3, 51, 100, true],
    ['both', 1, 3, 90, 100, false],
    ['both', 2, 3, 50, 100, false],
  ])('by %s: %i of %i members, %i of %i weight → met %s', (by, present, roster, presentWeight, rosterWeight, met) => {
    const result = tally(
      input({
        rules: rules({ quorum: { num: 1, den: 2, strict: true }, quorumBy: by, countBy: 'weight' }),
        ballot: MOTION,
        records: weighted('yes*1'),
        attendance: attendance(present, roster, presentWeight, rosterWeight),
      }),
    );
    expect(result.quorum.met).toBe(met);
    if (by !== 'heads')
      expect(result.quorum).toMatchObject({ by, weight: { present: presentWeight, eligible: rosterWeight } });
    else expect(result.quorum.by).toBeUndefined();
    if (!met) expect(result.subjects[0]?.outcome).toEqual({ type: 'no-quorum' });
  });

  test('an excused absentee leaves the eligible weight, one represented by a proxy counts present', () => {
    const result = tally(
      input({
        rules: rules({ quorum: { num: 1, den: 2, strict: true }, quorumBy: 'weight' }),
        ballot: MOTION,
        records: weighted('yes*1 yes*1'),
        attendance: {
          roster: 4,
          present: 2,
          excusedAbsent: 1,
          represented: 1,
          weight: { roster: 100, present: 41, excusedAbsent: 20 },
        },
      }),
    );
    expect(result.quorum.weight).toEqual({ met: true, present: 41, eligible: 80, required: 41 });
    expect(result.attendance).toMatchObject({ represented: 1, weight: { eligible: 80 } });
  });
});

describe('split votes', () => {
  const motion = { kind: 'motion', subjects: [{ id: 's' }], options: MOTION.options } as const;
  // split (unit, total, yes/no/not-voting) → records as `marks*weight` (weight) or marks×n (heads)
  test.each<[SplitVote, string]>([
    [{ unit: 'heads', total: 100, rows: { s: { yes: 70, no: 30 } } }, 'no×30 yes×70'],
    [{ unit: 'heads', total: 3, rows: { s: { yes: 3 } } }, 'yes×3'],
    [{ unit: 'weight', total: 1700, rows: { s: { yes: 1000, no: 700 } } }, 'no*700 yes*1000'],
    [{ unit: 'weight', total: 10, rows: { s: { yes: 5, 'not-voting': 5 } } }, 'not-voting*5 yes*5'],
  ])('%j → %s', (split, expected) => {
    const records = splitRecords(motion, split);
    const text = records.map((r) => `${r.marks['s']?.join('+') || '-'}${r.weight === undefined ? '' : `*${r.weight}`}`);
    const runs = new Map<string, number>();
    for (const t of text) runs.set(t, (runs.get(t) ?? 0) + 1);
    const grouped = split.unit === 'heads' ? [...runs].map(([t, n]) => `${t}×${n}`).join(' ') : text.join(' ');
    expect(grouped).toBe(expected);
  });

  test('70 yes and 30 no for 100 proxies count as 100 ballots, the same as 100 cast one by one', () => {
    const split = splitRecords(motion, { unit: 'heads', total: 100, rows: { s: { yes: 70, no: 30 } } });
    const oneByOne = [...weighted('yes*1 '.repeat(70)), ...weighted('no*1 '.repeat(30))].map(({ marks }) => ({
      marks,
    }));
    const count = (records: BallotRecord[]) => tally(input({ rules: rules(), ballot: MOTION, records }));
    expect(count(split)).toEqual(count(oneByOne));
    expect(count(split).subjects[0]?.counts.map((c) => c.votes)).toEqual([70, 30, 0]);
  });

  test('a batch split gives each subject its own distribution; the rest of a row is blank', () => {
    const batch = { kind: 'batch', subjects: [{ id: 'a' }, { id: 'b' }], options: CLASSIFICATION.options } as const;
    const records = splitRecords(batch, {
      unit: 'weight',
      total: 100,
      rows: { a: { good: 60, excellent: 40 }, b: { completed: 90 } },
    });
    const result = tally(
      input({
        rules: rules({ countBy: 'weight' }),
        ballot: {
          kind: 'batch',
          subjects: [
            { id: 'a', label: 'A' },
            { id: 'b', label: 'B' },
          ],
          options: CLASSIFICATION.options,
        },
        records,
        attendance: attendance(1, 1, 100, 100),
        weights: { issued: 100, paperVoters: 0 },
      }),
    );
    expect(result.subjects.map((s) => [s.counts.map((c) => c.votes), s.empty])).toEqual([
      [[40, 60, 0, 0], 0],
      [[0, 0, 90, 0], 10],
    ]);
    expect(result.ballots.valid).toBe(100);
  });
});
