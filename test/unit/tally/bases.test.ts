import { describe, expect, test } from 'vitest';
import { tally, type TallyBase } from '../../../shared/src/tally/index';
import { MOTION, input, records, rules } from './fixtures';

// 60 on the roster, 5 excused and absent (eligible 55), 50 present, 40 returned of which 4 are
// invalid; the 36 valid say 19 yes, 12 no, 5 not voting (decisive 31).
const ATTENDANCE = { roster: 60, present: 50, excusedAbsent: 5 };
const RECORDS = records('yes:19 no:12 not-voting:5', 4);

describe('the majority base', () => {
  // base → its value, votes needed for "more than half", the motion's outcome with 19 yes
  test.each<[TallyBase, number, number, 'adopted' | 'rejected']>([
    ['eligible', 55, 28, 'rejected'],
    ['present', 50, 26, 'rejected'],
    ['returned', 40, 21, 'rejected'],
    ['valid', 36, 19, 'adopted'],
    ['decisive', 31, 16, 'adopted'],
  ])('%s: base %i, needs %i → %s', (base, value, needed, outcome) => {
    const result = tally(
      input({
        rules: rules({ majority: { fraction: { num: 1, den: 2 }, strict: true, base } }),
        ballot: MOTION,
        records: RECORDS,
        attendance: ATTENDANCE,
        issued: 50,
      }),
    );
    const subject = result.subjects[0];
    expect(subject?.majorityBase).toEqual({ name: base, value });
    expect(subject?.votesNeeded).toBe(needed);
    expect(subject?.outcome.type).toBe(outcome);
  });
});

describe('the percentage base', () => {
  // base → its value, percentages of yes / no / not voting (null: an abstention is no part of the decisive base)
  test.each<[TallyBase, number, string, string, string | null]>([
    ['eligible', 55, '34.55', '21.82', '9.09'],
    ['present', 50, '38.00', '24.00', '10.00'],
    ['returned', 40, '47.50', '30.00', '12.50'],
    ['valid', 36, '52.78', '33.33', '13.89'],
    ['decisive', 31, '61.29', '38.71', null],
  ])('%s (%i): yes %s, no %s, not voting %s', (base, value, yes, no, notVoting) => {
    const result = tally(
      input({
        rules: rules({ percentBase: base }),
        ballot: MOTION,
        records: RECORDS,
        attendance: ATTENDANCE,
      }),
    );
    const subject = result.subjects[0];
    expect(subject?.percentBase).toEqual({ name: base, value });
    expect(subject?.counts.map((c) => c.percent?.text ?? null)).toEqual([yes, no, notVoting]);
  });

  test('regression: an abstention gets no percentage of the decisive base, which leaves it out (was "250.00")', () => {
    // 2 yes and 5 not voting: the decisive base is 2, and 5 of 2 is no share of anything.
    const result = tally(
      input({
        rules: rules({ percentBase: 'decisive' }),
        ballot: MOTION,
        records: records('yes:2 not-voting:5'),
      }),
    );
    const subject = result.subjects[0];
    expect(subject?.percentBase).toEqual({ name: 'decisive', value: 2 });
    expect(subject?.counts.map((c) => c.percent?.text ?? null)).toEqual(['100.00', '0.00', null]);
  });

  test('a base of 0 gives no percentage rather than a division by zero', () => {
    const result = tally(
      input({
        rules: rules(),
        ballot: MOTION,
        records: [],
        attendance: { roster: 3, present: 3, excusedAbsent: 0 },
      }),
    );
    expect(result.subjects[0]?.counts.map((c) => c.percent)).toEqual([null, null, null]);
  });
});
