// Threshold bands: the band a subject falls in, at each edge, on the base each resolution names.
import { describe, expect, test } from 'vitest';
import { tally, type RuleSet } from '../../../shared/src/tally/index';
import { CONFIDENCE_LEVELS, RULE_PRESETS } from '../../../shared/src/rules/index';
import { ballot, input, records, rules } from './fixtures';

const RATING = ballot('batch', CONFIDENCE_LEVELS);

/** One official rated by `returned` ballots of `members`: `low` "low confidence", the rest "high". */
function rate(preset: RuleSet, members: number, returned: number, low: number) {
  return tally(
    input({
      rules: preset,
      ballot: RATING,
      records: records(`low-confidence:${low} high-confidence:${returned - low}`),
      attendance: { roster: members, present: returned, excusedAbsent: 0 },
    }),
  );
}

describe('confidence-vote bands at each edge', () => {
  // preset (2023: shares of ballots returned; 2014: shares of all members), members, ballots
  // returned, "low confidence" ballots → band reached ('-' none), its percentage of the base
  test.each<['vn-confidence-2023' | 'vn-confidence-2014', number, number, number, string, string]>([
    // 48 returned: exactly 1/2 is not more than half; one above is; one below 2/3; exactly 2/3
    ['vn-confidence-2023', 50, 48, 24, '-', '50.00'],
    ['vn-confidence-2023', 50, 48, 25, 'may-resign', '52.08'],
    ['vn-confidence-2023', 50, 48, 31, 'may-resign', '64.58'],
    ['vn-confidence-2023', 50, 48, 32, 'dismissal', '66.67'],
    ['vn-confidence-2023', 50, 48, 48, 'dismissal', '100.00'],
    // an odd base: 24 of 47 is more than half, 31 of 47 still less than two thirds
    ['vn-confidence-2023', 47, 47, 23, '-', '48.94'],
    ['vn-confidence-2023', 47, 47, 24, 'may-resign', '51.06'],
    ['vn-confidence-2023', 47, 47, 31, 'may-resign', '65.96'],
    ['vn-confidence-2023', 47, 47, 32, 'dismissal', '68.09'],
    // 2014: all 60 members are the base, whoever returned a ballot
    ['vn-confidence-2014', 60, 48, 30, '-', '50.00'],
    ['vn-confidence-2014', 60, 48, 31, 'may-resign', '51.67'],
    ['vn-confidence-2014', 60, 48, 39, 'may-resign', '65.00'],
    ['vn-confidence-2014', 60, 48, 40, 'no-confidence-vote', '66.67'],
    // the same 25 of 48 ballots: a band under 2023, none under 2014 (25 of 60 members)
    ['vn-confidence-2023', 60, 48, 25, 'may-resign', '52.08'],
    ['vn-confidence-2014', 60, 48, 25, '-', '41.67'],
  ])('%s, %i members, %i returned, %i low → %s (%s %%)', (id, members, returned, low, bandId, percent) => {
    const preset = RULE_PRESETS[id];
    const subject = rate(preset, members, returned, low).subjects[0];
    const verdict = subject?.bands[0];
    expect(verdict?.optionId).toBe('low-confidence');
    expect(verdict?.votes).toBe(low);
    expect(verdict?.band?.id ?? '-').toBe(bandId);
    expect(verdict?.base).toEqual({
      name: preset.percentBase,
      value: id === 'vn-confidence-2023' ? returned : members,
    });
    expect(verdict?.percent?.text).toBe(percent);
    // a rating decides nothing by majority: no option passes, whatever its share
    expect(subject?.outcome).toEqual({ type: 'banded' });
    expect(subject?.counts.map((c) => c.passes)).toEqual([false, false, false]);
  });

  test('the band carries its consequence in both languages and the vote it calls for', () => {
    const band = rate(RULE_PRESETS['vn-confidence-2023'], 47, 47, 25).subjects[0]?.bands[0]?.band;
    expect(band?.consequence.vi).toBe(
      'Có thể xin từ chức; nếu không, bỏ phiếu tín nhiệm tại kỳ họp đó hoặc kỳ họp gần nhất',
    );
    expect(band?.consequence.en).toBe('May resign; otherwise a vote of no confidence at this session or the next');
    expect(band?.followUp).toEqual({ id: 'vn-no-confidence-2023', version: 1 });
  });

  test('without quorum no band is reached; the share is still reported', () => {
    const result = rate(RULE_PRESETS['vn-confidence-2023'], 47, 30, 25);
    expect(result.quorum.met).toBe(false);
    expect(result.subjects[0]?.outcome).toEqual({ type: 'no-quorum' });
    expect(result.subjects[0]?.bands[0]).toMatchObject({ band: null, votes: 25, percent: { text: '83.33' } });
  });
});

describe('bands in general', () => {
  const HIGH_BAND = {
    id: 'high',
    fraction: { num: 1, den: 2 },
    strict: false,
    base: 'decisive',
    consequence: { vi: 'cao', en: 'high' },
  } as const;

  test('bands for an option the ballot does not have are skipped', () => {
    const result = tally(
      input({
        rules: rules({ bands: [{ optionId: 'nowhere', bands: [HIGH_BAND] }] }),
        ballot: RATING,
        records: records('low-confidence:3'),
      }),
    );
    expect(result.subjects[0]?.bands).toEqual([]);
  });

  test('an abstention never reaches a band on the decisive base, which leaves it out', () => {
    const options = [...CONFIDENCE_LEVELS, { id: 'abstain', label: 'Abstain', abstain: true }];
    const result = tally(
      input({
        rules: rules({ bands: [{ optionId: 'abstain', bands: [HIGH_BAND] }] }),
        ballot: ballot('batch', options),
        records: records('abstain:9 low-confidence:1'),
      }),
    );
    expect(result.subjects[0]?.bands[0]).toMatchObject({ band: null, percent: null, base: { name: 'decisive' } });
  });

  test('no votes reach no band, even an "at least" band on a base of 0', () => {
    const result = tally(
      input({
        rules: rules({ bands: [{ optionId: 'high-confidence', bands: [HIGH_BAND] }] }),
        ballot: RATING,
        records: [],
        attendance: { roster: 1, present: 1, excusedAbsent: 0 },
      }),
    );
    expect(result.subjects[0]?.bands[0]).toMatchObject({ band: null, votes: 0, percent: null });
  });
});
