// Packed records (what the store reads at close) are counted exactly as the same records as
// objects: over every random scenario of the property tests (empty, over-marked, repeated and
// unknown marks, whole ballots spoilt), and for rows named like Object.prototype's properties.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { packRecords, tally, type BallotRecord } from '../../../shared/src/tally/index';
import { CLASSIFICATION_LEVELS } from '../../../shared/src/rules/index';
import { NUM_RUNS, scenarioArb } from './arbitraries';
import { ballot, rules } from './fixtures';

describe('packed records', () => {
  test('give the same result as record objects', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        expect(tally({ ...input, records: packRecords(input.ballot, input.records) })).toEqual(tally(input));
      }),
      { numRuns: NUM_RUNS * 2 },
    );
  });

  test('a row named "constructor" or "toString" reads as the record has it, never from Object.prototype', () => {
    const b = ballot(
      'batch',
      CLASSIFICATION_LEVELS,
      ['constructor', 'toString', 'valueOf'].map((id) => ({ id, label: id })),
    );
    const records: BallotRecord[] = [
      { marks: { constructor: ['good'] } },
      { marks: { toString: ['excellent'], valueOf: ['constructor'] } },
      { marks: JSON.parse('{"__proto__":["good"],"constructor":[]}') as BallotRecord['marks'] },
    ];
    const input = {
      rules: rules(),
      ballot: b,
      records,
      attendance: { roster: 3, present: 3, excusedAbsent: 0 },
      issued: 3,
      paperVoters: 0,
    };
    const packed = packRecords(b, records);
    expect([...packed.rowStart]).toEqual([0, 1, 1, 1, 1, 2, 3, 3, 3, 3]);
    expect(tally({ ...input, records: packed })).toEqual(tally(input));
  });
});
