import { describe, expect, test } from 'vitest';
import { tally, type InvariantName, type PaperTotals, type TallyInput } from '../../../shared/src/tally/index';
import { MOTION, ballot, candidates, input, records, rules } from './fixtures';

const NAMES: InvariantName[] = [
  'issued>=returned',
  'returned=valid+invalid',
  'subject-counts+empty=valid',
  'returned<=present',
  'paper-returned<=paper-voters',
];

function broken(overrides: Partial<TallyInput>): InvariantName[] {
  const result = tally(
    input({
      rules: rules(),
      ballot: MOTION,
      records: records('yes:6 no:3 -:1'),
      issued: 10,
      attendance: { roster: 12, present: 10, excusedAbsent: 0 },
      ...overrides,
    }),
  );
  expect(result.invariants.map((i) => i.name)).toEqual(NAMES);
  return result.invariants.filter((i) => !i.ok).map((i) => i.name);
}

const paper = (p: Partial<PaperTotals>): PaperTotals => ({
  returned: 0,
  invalid: [],
  subjects: {},
  ...p,
});

describe('invariants', () => {
  // what is changed from 10 records (6 yes, 3 no, 1 empty) with 10 issued and 10 present → broken
  test.each<[string, Partial<TallyInput>, InvariantName[]]>([
    ['nothing', {}, []],
    ['issued 9', { issued: 9 }, ['issued>=returned']],
    ['present 9', { attendance: { roster: 12, present: 9, excusedAbsent: 0 } }, ['returned<=present']],
    [
      'paper: 2 returned, 3 of them invalid',
      {
        paper: paper({ returned: 2, invalid: [{ reason: 'torn', count: 3 }] }),
        issued: 12,
        attendance: { roster: 12, present: 12, excusedAbsent: 0 },
      },
      ['returned=valid+invalid'],
    ],
    [
      'paper: 2 returned, counts for 1',
      {
        paper: paper({ returned: 2, subjects: { s: { counts: { yes: 1 }, empty: 0 } } }),
        issued: 12,
        attendance: { roster: 12, present: 12, excusedAbsent: 0 },
      },
      ['subject-counts+empty=valid'],
    ],
    [
      'paper: 2 returned, counts for 3',
      {
        paper: paper({ returned: 2, subjects: { s: { counts: { yes: 2 }, empty: 1 } } }),
        issued: 12,
        attendance: { roster: 12, present: 12, excusedAbsent: 0 },
      },
      ['subject-counts+empty=valid'],
    ],
    [
      'paper: 2 returned, counted for an option not on the ballot',
      {
        paper: paper({ returned: 2, subjects: { s: { counts: { maybe: 2 }, empty: 0 } } }),
        issued: 12,
        attendance: { roster: 12, present: 12, excusedAbsent: 0 },
      },
      ['subject-counts+empty=valid'],
    ],
    [
      'paper: 5 returned, 6 invalid, 1 yes; 9 issued, 9 present',
      {
        paper: paper({
          returned: 5,
          invalid: [{ reason: 'torn', count: 6 }],
          subjects: { s: { counts: { yes: 1 }, empty: 0 } },
        }),
        issued: 9,
        attendance: { roster: 12, present: 9, excusedAbsent: 0 },
        paperVoters: 4,
      },
      NAMES,
    ],
    // Paper ballots are bounded by people: no more in the box than members who handed one in.
    [
      'paper: 10 returned "yes", no paper voter marked',
      {
        paper: paper({ returned: 10, subjects: { s: { counts: { yes: 10 }, empty: 0 } } }),
        issued: 20,
        attendance: { roster: 20, present: 20, excusedAbsent: 0 },
        paperVoters: 0,
      },
      ['paper-returned<=paper-voters'],
    ],
    [
      'paper: 2 returned, 2 paper voters',
      {
        paper: paper({ returned: 2, subjects: { s: { counts: { yes: 2 }, empty: 0 } } }),
        issued: 12,
        attendance: { roster: 12, present: 12, excusedAbsent: 0 },
        paperVoters: 2,
      },
      [],
    ],
    [
      'paper: 3 returned, 2 paper voters',
      {
        paper: paper({ returned: 3, subjects: { s: { counts: { yes: 3 }, empty: 0 } } }),
        issued: 13,
        attendance: { roster: 13, present: 13, excusedAbsent: 0 },
        paperVoters: 2,
      },
      ['paper-returned<=paper-voters'],
    ],
  ])('%s', (_, overrides, expected) => {
    expect(broken(overrides)).toEqual(expected);
  });

  test('details carry the numbers', () => {
    const result = tally(
      input({
        rules: rules(),
        ballot: MOTION,
        records: records('yes:2'),
        issued: 1,
        attendance: { roster: 3, present: 1, excusedAbsent: 0 },
        paper: paper({ returned: 1, invalid: [{ reason: 'torn', count: 2 }] }),
        paperVoters: 0,
      }),
    );
    expect(result.invariants.map((i) => i.detail)).toEqual([
      'issued 1 < returned 3',
      'returned 3 ≠ valid 2 + invalid 2',
      'every subject: counts + empty = valid 2',
      'returned 3 > present 1',
      'paper ballots returned 1 > paper voters 0',
    ]);
  });

  test('every broken subject is named in the one per-subject entry', () => {
    const twoSubjects = ballot('motion', MOTION.options, [
      { id: 'a', label: 'a' },
      { id: 'b', label: 'b' },
      { id: 'c', label: 'c' },
    ]);
    const result = tally(
      input({
        rules: rules(),
        ballot: twoSubjects,
        records: [],
        paper: paper({
          returned: 2,
          subjects: {
            a: { counts: { yes: 3 }, empty: 0 },
            b: { counts: { no: 2 }, empty: 0 },
            c: { counts: {}, empty: 1 },
          },
        }),
        issued: 2,
        attendance: { roster: 2, present: 2, excusedAbsent: 0 },
      }),
    );
    expect(result.invariants[2]).toEqual({
      name: 'subject-counts+empty=valid',
      ok: false,
      detail: 'a: 3 + 0 ≠ 2; c: 0 + 1 ≠ 2',
    });
  });

  // election, 2 seats, paper counts for 4 valid ballots → per-subject check holds
  test.each<[string, Record<string, number>, number, boolean]>([
    ['one mark on every ballot', { a: 4 }, 0, true],
    ['two marks on every ballot', { a: 4, b: 4 }, 0, true],
    ['two blank, two with two marks', { a: 2, b: 2 }, 2, true],
    ['more marks than seats allow', { a: 4, b: 4, c: 1 }, 0, false],
    ['fewer marks than marked ballots', { a: 2 }, 1, false],
    ['more empty rows than ballots', {}, 5, false],
  ])('election: %s → %s', (_, counts, empty, ok) => {
    const result = tally(
      input({
        rules: rules(),
        ballot: ballot('election', candidates('a', 'b', 'c'), undefined, 2),
        records: [],
        paper: paper({ returned: 4, subjects: { s: { counts, empty } } }),
        issued: 4,
        attendance: { roster: 4, present: 4, excusedAbsent: 0 },
      }),
    );
    expect(result.invariants[2]?.ok).toBe(ok);
  });
});
