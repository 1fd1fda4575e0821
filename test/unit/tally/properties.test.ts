// Properties of the tally over random ballots, records, rules and attendance (fast-check).
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import {
  CAP_DENOMINATORS,
  SUBJECT_DECISIONS,
  TALLY_BASES,
  TURNOUT_BASES,
  meetsFraction,
  percentOf,
  tally,
  type AttendanceCounts,
  type BallotRecord,
  type MajorityRule,
  type OptionBands,
  type RuleSet,
  type TallyBallot,
  type TallyBase,
  type TallyInput,
} from '../../../shared/src/tally/index';
import { CLASSIFICATION_LEVELS } from '../../../shared/src/rules/index';
import { CLASSIFICATION, MOTION, ballot, candidates, records, rules } from './fixtures';

const NUM_RUNS = 300;

const ballotArb: fc.Arbitrary<TallyBallot> = fc.oneof(
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
function recordArb(b: TallyBallot): fc.Arbitrary<BallotRecord> {
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

const majorityArb: fc.Arbitrary<MajorityRule> = fc.record({
  fraction: fc.constantFrom({ num: 1, den: 2 }, { num: 2, den: 3 }, { num: 1, den: 3 }),
  strict: fc.boolean(),
  base: fc.constantFrom(...TALLY_BASES),
});

/** Two rising bands on an option that may or may not be on the ballot, on any base. */
const bandsArb: fc.Arbitrary<OptionBands[]> = fc
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

const rulesArb: fc.Arbitrary<RuleSet> = fc
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
function attendanceArb(returned: number): fc.Arbitrary<AttendanceCounts> {
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

const scenarioArb: fc.Arbitrary<TallyInput> = fc.tuple(ballotArb, rulesArb).chain(([b, r]) =>
  fc.array(recordArb(b), { maxLength: 30 }).chain((recs) =>
    attendanceArb(recs.length).map((attendance) => ({
      rules: r,
      ballot: b,
      records: recs,
      attendance,
      issued: recs.length,
    })),
  ),
);

describe('properties', () => {
  test('counts add up: votes + empty = valid per subject, valid + invalid = returned', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const result = tally(input);
        const { returned, valid, invalid, invalidReasons } = result.ballots;
        expect(returned).toBe(input.records.length);
        expect(valid + invalid).toBe(returned);
        expect(invalidReasons.reduce((sum, r) => sum + r.count, 0)).toBe(invalid);
        for (const subject of result.subjects) {
          const votes = subject.counts.reduce((sum, c) => sum + c.votes, 0);
          if (input.ballot.kind === 'election') {
            // a valid election row carries 0..seats distinct candidates
            const marked = valid - subject.empty;
            expect(votes).toBeGreaterThanOrEqual(marked);
            expect(votes).toBeLessThanOrEqual(marked * (input.ballot.seats ?? 1));
          } else {
            expect(votes + subject.empty).toBe(valid);
          }
        }
        expect(result.invariants.filter((i) => !i.ok).map((i) => i.name)).toEqual([]);
      }),
      { numRuns: NUM_RUNS },
    );
  });

  test('an option passes exactly when it has at least votesNeeded votes, never without quorum or under bands', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const result = tally(input);
        const decides = result.quorum.met && input.rules.decision !== 'bands';
        for (const subject of result.subjects) {
          subject.counts.forEach((count, i) => {
            const abstain = input.ballot.options[i]?.abstain === true;
            expect(count.passes).toBe(decides && !abstain && count.votes >= subject.votesNeeded);
          });
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  test('permuting the records changes nothing', () => {
    const permuted = scenarioArb.chain((input) =>
      fc
        .shuffledSubarray([...input.records], {
          minLength: input.records.length,
          maxLength: input.records.length,
        })
        .map((shuffled) => [input, { ...input, records: shuffled }] as const),
    );
    fc.assert(
      fc.property(permuted, ([original, shuffled]) => {
        expect(tally(shuffled)).toEqual(tally(original));
      }),
      { numRuns: NUM_RUNS },
    );
  });

  test('every base: no share exceeds 100.00, and an abstention has none of the decisive base', () => {
    // Each base holds every vote for one option: a valid row votes for an option at most once,
    // returned ≤ present ≤ eligible here, and decisive is the sum of the non-abstain votes.
    fc.assert(
      fc.property(scenarioArb, (input) => {
        for (const subject of tally(input).subjects) {
          subject.counts.forEach((count, i) => {
            const abstain = input.ballot.options[i]?.abstain === true;
            const shares = [
              { base: subject.percentBase, percent: count.percent },
              ...count.shares,
              ...subject.bands.filter((v) => v.optionId === count.optionId),
            ];
            for (const { base, percent } of shares) {
              expect(percent?.hundredths ?? 0).toBeLessThanOrEqual(10000);
              if (abstain && base.name === 'decisive') expect(percent).toBeNull();
              else expect(percent).toEqual(percentOf(count.votes, base.value));
            }
          });
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  test('the published shares are the named bases, the first one first, each with its value', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const named = [...new Set([input.rules.percentBase, ...(input.rules.extraPercentBases ?? [])])];
        const result = tally(input);
        for (const subject of result.subjects) {
          expect(subject.bases.map((b) => b.name)).toEqual(TALLY_BASES);
          for (const count of subject.counts) {
            expect(count.shares.map((s) => s.base)).toEqual(
              named.map((name) => subject.bases.find((b) => b.name === name)),
            );
          }
        }
        const turnoutBase = input.rules.turnoutBase ?? 'eligible';
        const base = turnoutBase === 'eligible' ? result.attendance.eligible : result.attendance.present;
        expect(result.turnout).toEqual({
          returned: result.ballots.returned,
          base: { name: turnoutBase, value: base },
          percent: percentOf(result.ballots.returned, base),
        });
      }),
      { numRuns: NUM_RUNS },
    );
  });

  test('a band is the highest one its votes meet, and none without quorum', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const result = tally(input);
        for (const subject of result.subjects) {
          for (const verdict of subject.bands) {
            const option = input.ballot.options.find((o) => o.id === verdict.optionId);
            const met = (input.rules.bands?.[0]?.bands ?? []).filter((band) => {
              if (band.base === 'decisive' && option?.abstain === true) return false;
              const base = subject.bases.find((b) => b.name === band.base)?.value ?? 0;
              return verdict.votes >= 1 && meetsFraction(verdict.votes, base, band.fraction, band.strict);
            });
            expect(verdict.band).toEqual(result.quorum.met ? (met.at(-1) ?? null) : null);
          }
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });

  test('without quorum nothing is decided: no outcome, nothing passes, no band', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const result = tally(input);
        fc.pre(!result.quorum.met);
        for (const subject of result.subjects) {
          expect(subject.outcome).toEqual({ type: 'no-quorum' });
          expect(subject.counts.some((c) => c.passes)).toBe(false);
          expect(subject.bands.some((v) => v.band !== null)).toBe(false);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe('one more vote never hurts the option it goes to', () => {
  // On a fixed base (eligible, present) one vote more only helps. On a base that grows with the
  // extra ballot (returned, valid, decisive) it still helps for strict 1/2: from 2v > b follows
  // 2(v + 1) > b + 1. (For any fraction num/den ≤ 1, v/b ≤ (v + 1)/(b + 1) whenever v ≤ b.)
  const oneMoreArb = (kind: 'choice' | 'motion', bases: readonly TallyBase[]) =>
    fc
      .record({
        base: fc.constantFrom(...bases),
        noDecision: fc.constantFrom('revote', 'refer', 'cumulate-down'),
        counts: fc.array(fc.nat({ max: 15 }), { minLength: 5, maxLength: 5 }),
        option: fc.nat({ max: kind === 'choice' ? 3 : 2 }),
      })
      .map(({ base, noDecision, counts, option }) => {
        const b = kind === 'choice' ? CLASSIFICATION : MOTION;
        const ids = b.options.map((o) => o.id);
        const spec = counts.map((n, i) => `${ids[i] ?? '-'}:${n}`).join(' ');
        const recs = records(spec);
        const r = rules({
          majority: { fraction: { num: 1, den: 2 }, strict: true, base },
          noDecision,
        });
        const before: TallyInput = {
          rules: r,
          ballot: b,
          records: recs,
          attendance: { roster: 80, present: 80, excusedAbsent: 0 },
          issued: 80,
        };
        const optionId = ids[option] ?? '';
        const after: TallyInput = { ...before, records: [...recs, { marks: { s: [optionId] } }] };
        return { before, after, option, optionId };
      });

  test.each<['choice' | 'motion', readonly TallyBase[]]>([
    ['choice', ['eligible']],
    ['choice', ['valid']],
    ['motion', TALLY_BASES],
  ])('%s, strict half of %j', (kind, bases) => {
    fc.assert(
      fc.property(oneMoreArb(kind, bases), ({ before, after, option, optionId }) => {
        const was = tally(before).subjects[0];
        const is = tally(after).subjects[0];
        if (was?.counts[option]?.passes === true) expect(is?.counts[option]?.passes).toBe(true);
        if (was?.outcome.type === 'adopted' && was.outcome.optionId === optionId) {
          expect(is?.outcome).toEqual({ type: 'adopted', optionId });
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});
