// Properties of every published figure (fast-check): shares of every base, turnout, bands, and
// that nothing is decided without quorum.
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import { TALLY_BASES, meetsFraction, percentOf, tally } from '../../../shared/src/tally/index';
import { NUM_RUNS, scenarioArb } from './arbitraries';

describe('published figures', () => {
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
