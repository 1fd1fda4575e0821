// A round read from its stored JSON texts (round-text.ts) gives the records and the seal that
// parsing every text gives (round-records.ts): canonical texts (how votes are stored) and anything
// else a database may hold (older rows, unknown ids, odd lists, integer-like ids, whitespace).
import fc from 'fast-check';
import { describe, expect, test, vi } from 'vitest';
import { canonicalRecord, CLASSIFICATION_LEVELS, type Marks, type TallyBallot } from '@hallvote/shared';
import { roundRecords } from '../../../server/src/store/round-records';
import { roundRecordsFromText } from '../../../server/src/store/round-text';

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
          const parsed = texts.map((t) => JSON.parse(t) as Marks);
          expect(roundRecordsFromText(ballot, texts)).toEqual(roundRecords(ballot, parsed));
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
    const read = roundRecordsFromText(ballot, texts);
    expect(parse).not.toHaveBeenCalled();
    parse.mockRestore();
    expect([...read.records.rowStart]).toEqual([0, 1, 2, 2, 3]);
    expect([...read.records.marks]).toEqual([1, 0, 1]);
    expect(read).toEqual(
      roundRecords(
        ballot,
        texts.map((t) => JSON.parse(t) as Marks),
      ),
    );
  });
});
