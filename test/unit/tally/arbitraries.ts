// Random ballots, records, rules and attendance for the tally's property tests (fast-check).
import fc from 'fast-check';
import {
  CAP_DENOMINATORS,
  SUBJECT_DECISIONS,
  TALLY_BASES,
  TURNOUT_BASES,
  type AttendanceCounts,
  type BallotRecord,
  type MajorityRule,
  type OptionBands,
  type RuleSet,
  type TallyBallot,
  type TallyInput,
} from '../../../shared/src/tally/index';
import { CLASSIFICATION_LEVELS } from '../../../shared/src/rules/index';
import { CLASSIFICATION, MOTION, ballot, candidates, rules } from './fixtures';

export const NUM_RUNS = 300;

export const ballotArb: fc.Arbitrary<TallyBallot> = fc.oneof(
  fc.constant(MOTION),
  fc.constant(CLASSIFICATION),
  fc.integer({ min: 1, max: 4 }).map((n) =>
    ballot(
      'batch',
      CLASSIFICATION_LEVELS,
      Array.from({ length: n }, (_, i) => ({
        id: `u${i}`,
        label: `u${i}`,
        group: i % 2 === 0 ? 'A' : 'B',
      })),
    ),
  ),
  fc.integer({ min: 1, max: 3 }).map((seats) => ballot('election', candidates('a', 'b', 'c', 'd'), undefined, seats)),
);

/** Rows may be empty, over-marked, repeat an option or name one not on the ballot. */
export function recordArb(b: TallyBallot): fc.Arbitrary<BallotRecord> {
  const ids = [...b.options.map((o) => o.id), 'bogus'];
  const row = fc.option(fc.array(fc.constantFrom(...ids), { maxLength: 4 }), { freq: 6 });
  return fc
    .record({
      rows: fc.tuple(...b.subjects.map(() => row)),
      invalid: fc.option(fc.constantFrom('torn', 'signed'), { freq: 8 }),
    })
    .map(({ rows, invalid }): BallotRecord => {
      const marks = Object.fromEntries(
        b.subjects.flatMap((s, i) => {
          const r = rows[i];
          return r === null || r === undefined ? [] : [[s.id, r]];
        }),
      );
      return invalid === null ? { marks } : { marks, invalid };
    });
}

export const majorityArb: fc.Arbitrary<MajorityRule> = fc.record({
  fraction: fc.constantFrom({ num: 1, den: 2 }, { num: 2, den: 3 }, { num: 1, den: 3 }),
  strict: fc.boolean(),
  base: fc.constantFrom(...TALLY_BASES),
});

/** Two rising bands on an option that may or may not be on the ballot, on any base. */
export const bandsArb: fc.Arbitrary<OptionBands[]> = fc
  .record({
    optionId: fc.constantFrom('excellent', 'good', 'yes', 'not-voting', 'a'),
    base: fc.constantFrom(...TALLY_BASES),
    banded: fc.boolean(),
  })
  .map(({ optionId, base, banded }) =>
    banded
      ? [
          {
            optionId,
            bands: [
              { id: 'half', fraction: { num: 1, den: 2 }, strict: true, base, consequence: { vi: 'n', en: 'h' } },
              {
                id: 'two-thirds',
                fraction: { num: 2, den: 3 },
                strict: false,
                base,
                consequence: { vi: 'h', en: 't' },
              },
            ],
          },
        ]
      : [],
  );

export const rulesArb: fc.Arbitrary<RuleSet> = fc
  .record({
    majority: majorityArb,
    quorum: fc.record({
      num: fc.constantFrom(1, 2),
      den: fc.constant(3),
      strict: fc.boolean(),
    }),
    percentBase: fc.constantFrom(...TALLY_BASES),
    extraPercentBases: fc.subarray([...TALLY_BASES]),
    turnoutBase: fc.constantFrom(...TURNOUT_BASES),
    decision: fc.constantFrom(...SUBJECT_DECISIONS),
    noDecision: fc.constantFrom('revote', 'refer', 'cumulate-down'),
    batchStrict: fc.boolean(),
    blankElectionBallot: fc.constantFrom('valid', 'invalid'),
    bands: bandsArb,
    capped: fc.constantFrom(undefined, ...CAP_DENOMINATORS),
  })
  .map(({ capped, ...r }) =>
    rules({
      ...r,
      caps:
        capped === undefined
          ? []
          : [{ top: 'excellent', reference: 'good', rate: { num: 1, den: 5 }, denominator: capped }],
    }),
  );

/** Attendance in which every returned ballot came from a present, eligible member. */
export function attendanceArb(returned: number): fc.Arbitrary<AttendanceCounts> {
  return fc
    .record({
      extra: fc.integer({ min: 0, max: 20 }),
      excused: fc.nat({ max: 20 }),
      present: fc.nat({ max: 100 }),
    })
    .map(({ extra, excused, present }) => {
      const excusedAbsent = Math.min(excused, extra);
      return {
        roster: returned + extra,
        excusedAbsent,
        present: returned + Math.min(present, extra - excusedAbsent),
      };
    });
}

export const scenarioArb: fc.Arbitrary<TallyInput> = fc.tuple(ballotArb, rulesArb).chain(([b, r]) =>
  fc.array(recordArb(b), { maxLength: 30 }).chain((recs) =>
    attendanceArb(recs.length).map((attendance) => ({
      rules: r,
      ballot: b,
      records: recs,
      attendance,
      issued: recs.length,
      paperVoters: 0,
    })),
  ),
);
