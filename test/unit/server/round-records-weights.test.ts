// A round counted in the store with weights and splits (round-records.ts, issue 19 on top of
// issue 13's count in the store): the packed records carry a weight column, a split is cut into
// ordinary ballots, and the tally and seal are exactly those of the record objects and of
// shared/src/seal.ts with every ballot's weight, the proxies and who cast each named vote. A round
// without weights or splits packs and seals as it did before weights existed.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { createHash } from 'node:crypto';
import {
  canonicalRecord,
  getRulePreset,
  packRecords,
  roundSealInput,
  talliedRecords,
  tally,
  type Marks,
  type RuleSet,
  type SplitVote,
  type StoredRecord,
  type TallyBallot,
} from '@hallvote/shared';
import {
  countStoredBallots,
  countStoredRound,
  roundBallotsOfStored,
  type RoundCount,
} from '../../../server/src/store/round-records';

const MOTION: TallyBallot = {
  kind: 'motion',
  subjects: [{ id: 's', label: 'S' }],
  options: [
    { id: 'yes', label: 'Yes' },
    { id: 'no', label: 'No' },
    { id: 'abstain', label: 'Abstain', abstain: true },
  ],
};

function roundCount(rules: RuleSet, weighted: boolean): RoundCount {
  return {
    ballotId: 'b1',
    round: 1,
    tally: {
      rules,
      ballot: MOTION,
      attendance: {
        roster: 10,
        present: 10,
        excusedAbsent: 0,
        ...(weighted ? { weight: { roster: 1000, present: 1000, excusedAbsent: 0 } } : {}),
      },
      issued: 10,
      paperVoters: 0,
      ...(weighted ? { weights: { issued: 1000, paperVoters: 0 } } : {}),
    },
    seal: {
      meetingId: 'm',
      ballot: {
        id: 'b1',
        title: 'T',
        kind: 'motion',
        secret: false,
        subjects: MOTION.subjects,
        options: MOTION.options,
        allowChange: false,
        interimForChair: false,
      },
      round: 1,
      closedAt: '2031-03-04T05:06:07.000Z',
      rules: { id: rules.id, version: rules.version, hash: 'h' },
      issued: 10,
      namedVotes: [
        { delegateId: 'd1', marks: { s: ['yes'] }, weight: 300 },
        { delegateId: 'd2', marks: { s: ['no'] }, castBy: 'd1', weight: 200 },
      ],
      proxies: [{ grantorId: 'd2', holderId: 'd1' }],
      ...(weighted ? { weights: { issued: 1000, paperVoters: 0 } } : {}),
      paper: null,
      paperVoters: 0,
      attendance: { present: ['d1'], excused: [], absent: [], represented: ['d2'] },
      earlyClose: null,
    },
  };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const option = fc.constantFrom('yes', 'no', 'abstain');
const marksArb: fc.Arbitrary<Marks> = fc.array(option, { maxLength: 2 }).map((row) => ({ s: row }));
const splitArb = (unit: SplitVote['unit']): fc.Arbitrary<SplitVote> =>
  fc
    .tuple(fc.nat({ max: 500 }), fc.nat({ max: 500 }), fc.nat({ max: 500 }))
    .filter(([y, n, a]) => y + n + a > 0)
    .map(([yes, no, abstain]) => ({ unit, total: yes + no + abstain, rows: { s: { yes, no, abstain } } }));

describe('a weighted round counted in the store', () => {
  const weightRules = getRulePreset('agm-ordinary')!;

  test('tallies and seals as the record objects and the shared recipe do, splits cut', () => {
    const storedArb: fc.Arbitrary<StoredRecord> = fc.oneof(
      fc.record({ marks: marksArb, weight: fc.integer({ min: 1, max: 1e9 }), split: fc.constant(null) }),
      splitArb('weight').map((split) => ({ marks: {}, weight: null, split })),
    );
    fc.assert(
      fc.property(fc.array(storedArb, { maxLength: 12 }), (stored) => {
        const input = roundCount(weightRules, true);
        const records = talliedRecords(MOTION, stored);
        const counted = countStoredBallots(input, stored);
        const expected = tally({ ...input.tally, records });
        expect(counted.tally).toEqual(expected);
        const text = roundSealInput({
          ...input.seal,
          records: [],
          weightedRecords: records.map((r) => ({ marks: r.marks, weight: r.weight ?? 1 })),
          tally: expected,
        });
        expect(counted.seal).toBe(sha256(text));
      }),
      { numRuns: 200 },
    );
  });

  test('the packed records carry each ballot weight; the seal changes with any one weight', () => {
    const input = roundCount(weightRules, true);
    const stored: StoredRecord[] = [
      { marks: { s: ['yes'] }, weight: 300, split: null },
      { marks: { s: ['no'] }, weight: 200, split: null },
    ];
    const { packed } = roundBallotsOfStored(input, stored);
    expect([...(packed.weight ?? [])]).toEqual([300, 200]);
    const counted = countStoredBallots(input, stored);
    expect(counted.tally.subjects[0]?.counts.map((c) => c.votes)).toEqual([300, 200, 0]);
    const heavier = countStoredBallots(input, [stored[0]!, { ...stored[1]!, weight: 201 }]);
    expect(heavier.seal).not.toBe(counted.seal);
  });
});

describe('a round counted by heads in the store', () => {
  const headRules = getRulePreset('association')!;

  test('without weights or splits: no weight column, and the same seal as plain marks', () => {
    fc.assert(
      fc.property(fc.array(marksArb, { maxLength: 12 }), (marks) => {
        const input = roundCount(headRules, false);
        const stored = marks.map((m) => ({ marks: m, weight: null, split: null }));
        const ballots = roundBallotsOfStored(input, stored);
        expect(ballots.packed.weight).toBeUndefined();
        expect(ballots.packed).toEqual(
          packRecords(
            MOTION,
            marks.map((m) => ({ marks: m })),
          ),
        );
        expect(ballots.canonical).toEqual(marks.map(canonicalRecord));
        expect(countStoredBallots(input, stored)).toEqual(countStoredRound(input, marks));
      }),
      { numRuns: 200 },
    );
  });

  test('a split in heads is counted and sealed as one ordinary ballot per member', () => {
    fc.assert(
      fc.property(splitArb('heads'), fc.array(marksArb, { maxLength: 5 }), (split, marks) => {
        const input = roundCount(headRules, false);
        const stored: StoredRecord[] = [
          ...marks.map((m) => ({ marks: m, weight: null, split: null })),
          { marks: {}, weight: null, split },
        ];
        const cut = talliedRecords(MOTION, stored).map((r) => r.marks);
        expect(cut).toHaveLength(marks.length + split.total);
        expect(countStoredBallots(input, stored)).toEqual(countStoredRound(input, cut));
      }),
      { numRuns: 100 },
    );
  });
});
