// Every figure that gets published: the turnout share and further named percentage bases,
// reproduced to two decimals from published results.
import { describe, expect, test } from 'vitest';
import { TALLY_BASES, tally, type TallyBase, type TurnoutBase } from '../../../shared/src/tally/index';
import { RULE_PRESETS } from '../../../shared/src/rules/index';
import { MOTION, input, records, rules } from './fixtures';

describe('turnout share', () => {
  // roster, present, ballots returned, turnout base → the published share
  test.each<[number, number, number, TurnoutBase, string]>([
    // "448 đại biểu tham gia biểu quyết (94,71 %)": 448 of 473 deputies
    [473, 460, 448, 'eligible', '94.71'],
    [473, 460, 448, 'present', '97.39'],
    [53, 49, 49, 'eligible', '92.45'],
    [53, 49, 49, 'present', '100.00'],
  ])('%i members, %i present, %i returned, of %s → %s %%', (roster, present, returned, turnoutBase, text) => {
    const result = tally(
      input({
        rules: rules({ turnoutBase, quorum: { num: 1, den: 2 } }),
        ballot: MOTION,
        records: records(`yes:${returned}`),
        attendance: { roster, present, excusedAbsent: 0 },
      }),
    );
    expect(result.turnout.returned).toBe(returned);
    expect(result.turnout.base).toEqual({ name: turnoutBase, value: turnoutBase === 'eligible' ? roster : present });
    expect(result.turnout.percent?.text).toBe(text);
  });

  test('every result carries it, of the eligible members when the rule names no base', () => {
    const result = tally(
      input({ rules: RULE_PRESETS['simple-majority'], ballot: MOTION, records: records('yes:30 no:5') }),
    );
    expect(result.turnout).toEqual({
      returned: 35,
      base: { name: 'eligible', value: 35 },
      percent: { hundredths: 10000, text: '100.00' },
    });
  });

  test('no share of nobody', () => {
    const result = tally(
      input({ rules: rules(), ballot: MOTION, records: [], attendance: { roster: 2, present: 0, excusedAbsent: 2 } }),
    );
    expect(result.turnout.percent).toBeNull();
  });
});

describe('further named percentage bases', () => {
  test('a party congress: 89.81 % of the valid votes and 88.99 % including abstentions', () => {
    const result = tally(
      input({
        rules: rules({ percentBase: 'decisive', extraPercentBases: ['valid'] }),
        ballot: MOTION,
        records: records('yes:97 no:11 not-voting:1'),
      }),
    );
    const yes = result.subjects[0]?.counts[0];
    expect(yes?.shares.map((s) => [s.base.name, s.base.value, s.percent?.text])).toEqual([
      ['decisive', 108, '89.81'],
      ['valid', 109, '88.99'],
    ]);
    // the abstention has no share of the base that leaves it out, and one of the other base
    const notVoting = result.subjects[0]?.counts[2];
    expect(notVoting?.percent).toBeNull();
    expect(notVoting?.shares.map((s) => s.percent?.text ?? null)).toEqual([null, '0.92']);
  });

  test('"100 % of the deputies present" beside the share of all deputies', () => {
    const result = tally(
      input({
        rules: rules({ percentBase: 'eligible', extraPercentBases: ['present'], quorum: { num: 1, den: 2 } }),
        ballot: MOTION,
        records: records('yes:480'),
        attendance: { roster: 500, present: 480, excusedAbsent: 0 },
      }),
    );
    const yes = result.subjects[0]?.counts[0];
    expect(yes?.percent?.text).toBe('96.00');
    expect(yes?.shares.map((s) => `${s.percent?.text} % of ${s.base.name} ${s.base.value}`)).toEqual([
      '96.00 % of eligible 500',
      '100.00 % of present 480',
    ]);
  });

  test('a base named twice is published once; without further bases the first is the only share', () => {
    const twice = tally(
      input({
        rules: rules({ percentBase: 'valid', extraPercentBases: ['valid', 'returned'] }),
        ballot: MOTION,
        records: records('yes:3'),
      }),
    );
    expect(twice.subjects[0]?.counts[0]?.shares.map((s) => s.base.name)).toEqual(['valid', 'returned']);
    const plain = tally(input({ rules: rules(), ballot: MOTION, records: records('yes:3') }));
    expect(plain.subjects[0]?.counts[0]?.shares).toEqual([
      { base: { name: 'valid', value: 3 }, percent: { hundredths: 10000, text: '100.00' } },
    ]);
  });

  test('every base is listed with its value, in a fixed order', () => {
    // 60 on the roster, 5 excused (eligible 55), 50 present, 40 returned, 4 invalid, 36 valid,
    // decisive 31 (19 yes + 12 no; 5 not voting left out)
    const result = tally(
      input({
        rules: rules(),
        ballot: MOTION,
        records: records('yes:19 no:12 not-voting:5', 4),
        attendance: { roster: 60, present: 50, excusedAbsent: 5 },
      }),
    );
    const values: Record<TallyBase, number> = { eligible: 55, present: 50, returned: 40, valid: 36, decisive: 31 };
    expect(result.subjects[0]?.bases).toEqual(TALLY_BASES.map((name) => ({ name, value: values[name] })));
  });
});
