import { describe, expect, test } from 'vitest';
import { checkQuorum, eligibleBase, summarizeAttendance, tally } from '../../../shared/src/tally/index';
import { MOTION, input, records, rules } from './fixtures';

describe('summarizeAttendance', () => {
  // members as P (present) / A (absent) / E (excused, absent) / EP (excused, checked in anyway)
  // → roster, present, excused absent, eligible
  test.each([
    ['P P P A', 4, 3, 0, 4],
    ['P P E E', 4, 2, 2, 2],
    ['P EP E', 3, 2, 1, 2],
    ['EP EP', 2, 2, 0, 2],
    ['', 0, 0, 0, 0],
  ])('%j → roster %i, present %i, excused absent %i, eligible %i', (spec, roster, present, excused, eligible) => {
    const members = spec
      .split(' ')
      .filter((m) => m !== '')
      .map((m) => ({ present: m.includes('P'), excused: m.includes('E') }));
    const attendance = summarizeAttendance(members);
    expect(attendance).toEqual({ roster, present, excusedAbsent: excused });
    expect(eligibleBase(attendance)).toBe(eligible);
  });

  test('an excused member who checks in counts again, in present and in the base', () => {
    const before = summarizeAttendance([
      { present: true, excused: false },
      { present: false, excused: true },
      { present: false, excused: false },
    ]);
    const after = summarizeAttendance([
      { present: true, excused: false },
      { present: true, excused: true },
      { present: false, excused: false },
    ]);
    expect(eligibleBase(before)).toBe(2);
    expect(eligibleBase(after)).toBe(3);
    expect(after.present).toBe(2);
  });
});

describe('checkQuorum', () => {
  // roster, excused absent, present, quorum num/den → met, required present
  test.each([
    [53, 0, 36, 2, 3, true, 36],
    [53, 0, 35, 2, 3, false, 36],
    [53, 0, 37, 2, 3, true, 36],
    [53, 0, 30, 2, 3, false, 36],
    [54, 0, 36, 2, 3, true, 36],
    [54, 0, 35, 2, 3, false, 36],
    // excused absentees shrink the base: 53 − 5 = 48 eligible need 32
    [53, 5, 32, 2, 3, true, 32],
    [53, 5, 31, 2, 3, false, 32],
    [500, 0, 250, 1, 2, true, 250],
    [500, 0, 249, 1, 2, false, 250],
    [499, 0, 250, 1, 2, true, 250],
    [499, 0, 249, 1, 2, false, 250],
    // regression: with every member excused nobody can make a quorum (was met with 0 present)
    [0, 0, 0, 2, 3, false, 1],
    [5, 5, 0, 1, 2, false, 1],
  ])(
    'roster %i, excused %i, present %i, quorum %i/%i → met %s, required %i',
    (roster, excusedAbsent, present, num, den, met, required) => {
      const verdict = checkQuorum({ roster, present, excusedAbsent }, { num, den });
      expect(verdict).toEqual({
        met,
        present,
        eligible: roster - excusedAbsent,
        fraction: { num, den },
        strict: false,
        required,
      });
    },
  );
});

describe('checkQuorum, strict ("more than") or at least', () => {
  // roster, excused absent, present, quorum ">" strict or "≥", num/den → met, required present
  test.each<[number, number, number, '>' | '≥', number, number, boolean, number]>([
    // "more than half of the members": 5 of 10 is not enough, 6 is
    [10, 0, 5, '>', 1, 2, false, 6],
    [10, 0, 6, '>', 1, 2, true, 6],
    [10, 0, 5, '≥', 1, 2, true, 5],
    [11, 0, 6, '>', 1, 2, true, 6],
    [11, 0, 5, '>', 1, 2, false, 6],
    // exactly two thirds is not more than two thirds
    [9, 0, 6, '>', 2, 3, false, 7],
    [9, 0, 7, '>', 2, 3, true, 7],
    [9, 0, 6, '≥', 2, 3, true, 6],
    // excused absentees leave the base: 12 − 2 = 10 eligible
    [12, 2, 6, '>', 1, 2, true, 6],
    [12, 2, 5, '>', 1, 2, false, 6],
    // nobody eligible: no quorum either way
    [3, 3, 0, '>', 1, 2, false, 1],
    [3, 3, 0, '≥', 1, 2, false, 1],
  ])(
    'roster %i, excused %i, present %i, quorum %s%i/%i → met %s, required %i',
    (roster, excusedAbsent, present, op, num, den, met, required) => {
      const strict = op === '>';
      const verdict = checkQuorum({ roster, present, excusedAbsent }, { num, den, strict });
      expect(verdict).toEqual({
        met,
        present,
        eligible: roster - excusedAbsent,
        fraction: { num, den },
        strict,
        required,
      });
    },
  );

  test('a strict quorum missed by one turns the outcome into "no quorum"', () => {
    const result = tally(
      input({
        rules: rules({ quorum: { num: 1, den: 2, strict: true } }),
        ballot: MOTION,
        records: records('yes:5'),
        attendance: { roster: 10, present: 5, excusedAbsent: 0 },
      }),
    );
    expect(result.quorum).toMatchObject({ met: false, strict: true, required: 6 });
    expect(result.subjects[0]?.outcome).toEqual({ type: 'no-quorum' });
    expect(result.subjects[0]?.counts[0]).toMatchObject({ votes: 5, passes: false });
  });
});
