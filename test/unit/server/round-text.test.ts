// A round read from its stored JSON texts (round-text.ts) gives the packed records and canonical
// texts that parsing every text gives: canonical texts (how votes are stored) and anything else a
// database may hold (older rows, unknown ids, odd lists, integer-like ids, whitespace). And a round
// counted in the store (round-records.ts) is sealed exactly as shared/src/seal.ts says.
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { createHash } from 'node:crypto';
import {
  canonicalRecord,
  CLASSIFICATION_LEVELS,
  getRulePreset,
  packRecords,
  roundSealInput,
  tally,
  type Marks,
  type TallyBallot,
} from '@hallvote/shared';
import { countStoredRound, type RoundCount } from '../../../server/src/store/round-records';
import { roundBallotsFromText } from '../../../server/src/store/round-text';

/** What parsing every text gives. */
const parsedBallots = (ballot: TallyBallot, texts: readonly string[]) => {
  const marks = texts.map((t) => JSON.parse(t) as Marks);
  return {
    packed: packRecords(
      ballot,
      marks.map((m) => ({ marks: m })),
    ),
    canonical: marks.map(canonicalRecord),
  };
};

const ballotArb: fc.Arbitrary<TallyBallot> = fc
  .record({
    subjects: fc.uniqueArray(fc.constantFrom('u1', 'u2', 'u10', 'b', 'a-1', 'Z_z', '7', 'constructor'), {
      minLength: 1,
      maxLength: 6,
    }),
    kind: fc.constantFrom('batch' as const, 'election' as const),
  })
  .map(({ subjects, kind }) => ({
    kind,
    subjects: subjects.map((id) => ({ id, label: id })),
    options: [...CLASSIFICATION_LEVELS],
    ...(kind === 'election' ? { seats: 2 } : {}),
  }));

function textArb(b: TallyBallot): fc.Arbitrary<string> {
  const ids = [...b.options.map((o) => o.id), 'bogus', '10'];
  const marks = fc.dictionary(
    fc.constantFrom(...b.subjects.map((s) => s.id), 'stray'),
    fc.array(fc.constantFrom(...ids), { maxLength: 3 }),
  );
  return fc.oneof(
    marks.map((m) => canonicalRecord(m)),
    marks.map((m) => JSON.stringify(m)),
    marks.map((m) => JSON.stringify(m, null, 1)),
    fc.constant('{"u1":"good","b":null}'),
  );
}

describe('a round read from its texts', () => {
  test('packs and seals exactly as parsing each text does', () => {
    fc.assert(
      fc.property(
        ballotArb.chain((b) => fc.tuple(fc.constant(b), fc.array(textArb(b), { maxLength: 25 }))),
        ([ballot, texts]) => {
          expect(roundBallotsFromText(ballot, texts)).toEqual(parsedBallots(ballot, texts));
        },
      ),
      { numRuns: 400 },
    );
  });

  test('the canonical text is read without parsing, and is what the seal hashes', () => {
    const ballot: TallyBallot = {
      kind: 'batch',
      subjects: [
        { id: 'u2', label: 'two' },
        { id: 'u10', label: 'ten' },
      ],
      options: [...CLASSIFICATION_LEVELS],
    };
    const texts = [canonicalRecord({ u2: ['good'], u10: ['excellent'] }), canonicalRecord({ u2: [], u10: ['good'] })];
    expect(texts[0]).toBe('{"u10":["excellent"],"u2":["good"]}');
    const parse = vi.spyOn(JSON, 'parse');
    const read = roundBallotsFromText(ballot, texts);
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    expect([...read.packed.rowStart]).toEqual([0, 1, 2, 2, 3]);
    expect([...read.packed.marks]).toEqual([1, 0, 1]);
    expect(read.canonical).toEqual(texts);
    expect(read).toEqual(parsedBallots(ballot, texts));
  });
});

test('a round counted in the store has the tally and the seal the shared recipe gives', () => {
  const rules = getRulePreset('vn-party-classification')!;
  const ballot: TallyBallot = {
    kind: 'choice',
    subjects: [{ id: 'p', label: 'P' }],
    options: [...CLASSIFICATION_LEVELS],
  };
  const marks: Marks[] = [{ p: ['good'] }, { p: ['excellent'] }, { p: [] }];
  const attendance = { present: ['a', 'b', 'c'], excused: [], absent: [] };
  const input: RoundCount = {
    ballotId: 'b1',
    round: 1,
    tally: { rules, ballot, attendance: { roster: 3, present: 3, excusedAbsent: 0 }, issued: 3, paperVoters: 0 },
    seal: {
      meetingId: 'm',
      ballot: {
        id: 'b1',
        title: 'T',
        kind: 'choice',
        secret: true,
        subjects: ballot.subjects,
        options: ballot.options,
        allowChange: false,
        interimForChair: false,
      },
      round: 1,
      closedAt: '2031-03-04T05:06:07.000Z',
      rules: { id: rules.id, version: rules.version, hash: 'h' },
      issued: 3,
      namedVotes: null,
      paper: null,
      paperVoters: 0,
      attendance,
      earlyClose: null,
    },
  };
  const counted = countStoredRound(input, marks);
  const expected = tally({ ...input.tally, records: marks.map((m) => ({ marks: m })) });
  expect(counted.tally).toEqual(expected);
  const text = roundSealInput({ ...input.seal, records: marks, tally: expected });
  expect(counted.seal).toBe(createHash('sha256').update(text).digest('hex'));
});
