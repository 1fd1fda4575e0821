import { describe, expect, test } from 'vitest';
import { tally, type BallotRecord, type TallySubject } from '../../../shared/src/tally/index';
import { CLASSIFICATION_LEVELS } from '../../../shared/src/rules/index';
import { MOTION, CLASSIFICATION, ballot, batchRecords, candidates, input, records, rules } from './fixtures';

const ROWS: TallySubject[] = [
  { id: 'u1', label: 'unit 1' },
  { id: 'u2', label: 'unit 2' },
];
const BATCH = ballot('batch', CLASSIFICATION_LEVELS, ROWS);

describe('rows that carry no vote', () => {
  // rows → per-option votes (excellent, good, completed, not completed), empty rows, valid
  test.each<[string, number[], number, number]>([
    ['good:3', [0, 3, 0, 0], 0, 3],
    ['good:3 -:2', [0, 3, 0, 0], 2, 5],
    ['good:3 good+excellent:2', [0, 3, 0, 0], 2, 5],
    ['good:3 good+good:1', [0, 3, 0, 0], 1, 4],
    ['good:3 unheard-of:1', [0, 3, 0, 0], 1, 4],
    ['', [0, 0, 0, 0], 0, 0],
  ])('%j → votes %j, empty %i, valid %i', (spec, votes, empty, valid) => {
    const result = tally(input({ rules: rules(), ballot: CLASSIFICATION, records: records(spec) }));
    const subject = result.subjects[0];
    expect(subject?.counts.map((c) => c.votes)).toEqual(votes);
    expect(subject?.empty).toBe(empty);
    expect(result.ballots).toMatchObject({ returned: valid, valid, invalid: 0 });
  });

  test('a mark for a subject not on the ballot is ignored', () => {
    const result = tally(
      input({
        rules: rules(),
        ballot: MOTION,
        records: [{ marks: { s: ['yes'], other: ['no'] } }],
      }),
    );
    expect(result.subjects[0]?.counts.map((c) => c.votes)).toEqual([1, 0, 0]);
  });

  test('a subject id that is also an Object.prototype key is read as an empty row', () => {
    const result = tally(
      input({
        rules: rules(),
        ballot: ballot('motion', MOTION.options, [{ id: 'constructor', label: 'c' }]),
        records: [{ marks: {} }],
      }),
    );
    expect(result.subjects[0]?.empty).toBe(1);
    expect(result.ballots.valid).toBe(1);
  });
});

describe('ballots invalid as a whole', () => {
  test('reasons are counted, sorted by reason, and left out of valid', () => {
    const spoilt = (reason: string): BallotRecord => ({ marks: { s: ['yes'] }, invalid: reason });
    const result = tally(
      input({
        rules: rules(),
        ballot: MOTION,
        records: [spoilt('torn'), ...records('yes:3'), spoilt('signed'), spoilt('torn')],
      }),
    );
    expect(result.ballots).toEqual({
      issued: 6,
      returned: 6,
      valid: 3,
      invalid: 3,
      invalidReasons: [
        { reason: 'signed', count: 1 },
        { reason: 'torn', count: 2 },
      ],
    });
    expect(result.subjects[0]?.counts[0]?.votes).toBe(3);
  });

  test('zero ballots', () => {
    const result = tally(input({ rules: rules(), ballot: MOTION, records: [], issued: 0 }));
    expect(result.ballots).toEqual({
      issued: 0,
      returned: 0,
      valid: 0,
      invalid: 0,
      invalidReasons: [],
    });
    expect(result.subjects[0]?.counts.map((c) => c.votes)).toEqual([0, 0, 0]);
    expect(result.invariants.every((i) => i.ok)).toBe(true);
  });
});

describe('batch ballots', () => {
  // u1 rows, u2 rows (ballot i = row i of each), strict → valid, invalid reasons, u1 votes+empty, u2 votes+empty
  test.each<[string, string, boolean, number, string[], string, string]>([
    ['good:2 excellent:1', 'good:3', false, 3, [], 'e1 g2 -0', 'g3 -0'],
    ['good:2 -:1', 'good:3', false, 3, [], 'g2 -1', 'g3 -0'],
    ['good:2 good+excellent:1', 'good:3', false, 3, [], 'g2 -1', 'g3 -0'],
    ['good:2 good:1', 'good:3', true, 3, [], 'g3 -0', 'g3 -0'],
    ['good:2 -:1', 'good:3', true, 2, ['blank-row'], 'g2 -0', 'g2 -0'],
    ['good:2 good+excellent:1', 'good:3', true, 2, ['spoilt-row'], 'g2 -0', 'g2 -0'],
    ['good:2 nonsense:1', 'good:3', true, 2, ['spoilt-row'], 'g2 -0', 'g2 -0'],
    // a ballot with both a blank and a spoilt row is named for the spoilt one
    ['good:2 -:1', 'good:2 good+excellent:1', true, 2, ['spoilt-row'], 'g2 -0', 'g2 -0'],
    ['-:1 good:1 excellent+good:1', 'good:3', true, 1, ['blank-row', 'spoilt-row'], 'g1 -0', 'g1 -0'],
  ])('%j | %j strict=%s → valid %i, invalid %j, u1 %s, u2 %s', (u1, u2, batchStrict, valid, reasons, row1, row2) => {
    const result = tally(input({ rules: rules({ batchStrict }), ballot: BATCH, records: batchRecords({ u1, u2 }) }));
    expect(result.ballots.valid).toBe(valid);
    expect(result.ballots.invalidReasons.map((r) => r.reason)).toEqual(reasons);
    const summary = result.subjects.map((s) =>
      [...s.counts.filter((c) => c.votes > 0).map((c) => `${c.optionId[0]}${c.votes}`), `-${s.empty}`].join(' '),
    );
    expect(summary).toEqual([row1, row2]);
  });

  test('a strict batch ballot with nothing marked at all is invalid', () => {
    const result = tally(input({ rules: rules({ batchStrict: true }), ballot: BATCH, records: [{ marks: {} }] }));
    expect(result.ballots.invalidReasons).toEqual([{ reason: 'blank-row', count: 1 }]);
  });

  test('strict mode is for batches only: a blank choice row is still a valid blank ballot', () => {
    const result = tally(
      input({
        rules: rules({ batchStrict: true }),
        ballot: CLASSIFICATION,
        records: records('-:1'),
      }),
    );
    expect(result.ballots).toMatchObject({ valid: 1, invalid: 0 });
  });
});

describe('election ballots', () => {
  // marks on one ballot (3 seats, candidates a–e) → valid or the reason it is void
  test.each<[string[], string]>([
    [[], 'valid'],
    [['a'], 'valid'],
    [['a', 'b', 'c'], 'valid'],
    [['a', 'b', 'c', 'd'], 'over-marked'],
    [['a', 'b', 'c', 'd', 'e'], 'over-marked'],
    [['a', 'z'], 'unknown-option'],
    [['a', 'a'], 'duplicate-mark'],
  ])('%j → %s', (marks, expected) => {
    const result = tally(
      input({
        rules: rules(),
        ballot: ballot('election', candidates('a', 'b', 'c', 'd', 'e'), undefined, 3),
        records: [{ marks: { s: marks } }],
      }),
    );
    const verdict = result.ballots.valid === 1 ? 'valid' : result.ballots.invalidReasons[0]?.reason;
    expect(verdict).toBe(expected);
  });

  test('a blank election ballot is valid, an empty row, and weighs against every candidate', () => {
    const result = tally(
      input({
        rules: rules(),
        ballot: ballot('election', candidates('a', 'b'), undefined, 2),
        records: records('a:5 -:5'),
      }),
    );
    expect(result.subjects[0]?.empty).toBe(5);
    expect(result.subjects[0]?.outcome).toEqual({
      type: 'elected',
      elected: [],
      tiedAtCutoff: [],
      seatsUnfilled: 2,
    });
  });

  test('an election without a seat count elects one', () => {
    const result = tally(
      input({
        rules: rules(),
        ballot: ballot('election', candidates('a', 'b')),
        records: records('a+b:1 a:3'),
      }),
    );
    expect(result.ballots.invalidReasons).toEqual([{ reason: 'over-marked', count: 1 }]);
    expect(result.subjects[0]?.outcome).toMatchObject({ elected: ['a'], seatsUnfilled: 0 });
  });
});

describe('paper totals', () => {
  test('are added to the records: returned, invalid reasons, counts and empty rows', () => {
    const result = tally(
      input({
        rules: rules(),
        ballot: MOTION,
        records: records('yes:3 -:1', 1, 'torn'),
        issued: 20,
        attendance: { roster: 20, present: 20, excusedAbsent: 0 },
        paper: {
          returned: 10,
          invalid: [
            { reason: 'torn', count: 1 },
            { reason: 'marked outside the box', count: 2 },
          ],
          subjects: { s: { counts: { yes: 4, no: 2, 'not-voting': 1 }, empty: 0 } },
        },
      }),
    );
    expect(result.ballots).toEqual({
      issued: 20,
      returned: 15,
      valid: 11,
      invalid: 4,
      invalidReasons: [
        { reason: 'marked outside the box', count: 2 },
        { reason: 'torn', count: 2 },
      ],
    });
    expect(result.subjects[0]?.counts.map((c) => c.votes)).toEqual([7, 2, 1]);
    expect(result.subjects[0]?.empty).toBe(1);
    expect(result.invariants.every((i) => i.ok)).toBe(true);
  });
});
