import { describe, expect, test } from 'vitest';
import {
  APPROVAL_OPTIONS_NOT_VOTING,
  CLASSIFICATION_LEVELS,
  CONFIDENCE_LEVELS,
  MOTION_OPTIONS,
  NO_CONFIDENCE_OPTIONS,
  OPTION_LABELS,
  RULE_PRESETS,
  RULE_PRESET_IDS,
  RULE_PRESET_VERSIONS,
  basisText,
  getRulePreset,
  presetRef,
  ruleSetFor,
} from '../../../shared/src/rules/index';
import { TALLY_BASES, meetsFraction, type Band, type RuleSet } from '../../../shared/src/tally/index';

const EVERY_VERSION: RuleSet[] = Object.values(RULE_PRESET_VERSIONS).flat();

describe('rule presets', () => {
  test('every preset is listed once, under its own id, and its current version is its last', () => {
    expect([...RULE_PRESET_IDS].sort()).toEqual(Object.keys(RULE_PRESETS).sort());
    expect(Object.keys(RULE_PRESET_VERSIONS).sort()).toEqual(Object.keys(RULE_PRESETS).sort());
    for (const id of RULE_PRESET_IDS) {
      const versions: readonly RuleSet[] = RULE_PRESET_VERSIONS[id];
      expect(RULE_PRESETS[id].id).toBe(id);
      expect(versions.map((v) => v.id)).toEqual(versions.map(() => id));
      expect(versions.map((v) => v.version)).toEqual(versions.map((_, i) => i + 1));
      expect(RULE_PRESETS[id]).toBe(versions.at(-1));
    }
  });

  // id → quorum, majority (">" strict / "≥"), base, percent base, decision
  test.each([
    ['vn-party-classification', '2/3', '>1/2', 'eligible', 'eligible', 'majority'],
    ['vn-confidence-2023', '2/3', '>1/2', 'returned', 'returned', 'bands'],
    ['vn-confidence-2014', '2/3', '>1/2', 'eligible', 'eligible', 'bands'],
    ['vn-no-confidence-2023', '2/3', '>1/2', 'returned', 'returned', 'bands'],
    ['vn-no-confidence-2014', '2/3', '>1/2', 'eligible', 'eligible', 'bands'],
    ['vn-party-election', '2/3', '>1/2', 'eligible', 'valid', 'approval'],
    ['national-assembly', '1/2', '>1/2', 'eligible', 'eligible', 'majority'],
    ['simple-majority', '2/3', '>1/2', 'valid', 'valid', 'majority'],
    ['two-thirds', '2/3', '≥2/3', 'valid', 'valid', 'majority'],
    ['election', '2/3', '>1/2', 'valid', 'valid', 'majority'],
  ])('%s: quorum %s, majority %s of %s, percentages of %s, decided by %s', (id, q, majority, base, pct, decision) => {
    const preset = getRulePreset(id);
    expect(preset).toBeDefined();
    if (preset === undefined) return;
    const { fraction, strict } = preset.majority;
    expect(`${preset.quorum.num}/${preset.quorum.den}`).toBe(q);
    expect(preset.quorum.strict ?? false).toBe(false);
    expect(`${strict ? '>' : '≥'}${fraction.num}/${fraction.den}`).toBe(majority);
    expect(preset.majority.base).toBe(base);
    expect(preset.percentBase).toBe(pct);
    expect(preset.decision ?? 'majority').toBe(decision);
    expect(TALLY_BASES).toContain(preset.majority.base);
  });

  // id → counts, quorum by, quorum, majority of base, proxies per holder, split
  test.each([
    ['agm-ordinary', 'weight', 'weight', '>1/2', '>1/2 of decisive', 'no limit', true],
    ['agm-special', 'weight', 'weight', '>1/2', '≥3/4 of decisive', 'no limit', true],
    ['association', 'heads', 'heads', '>1/2', '>1/2 of valid', '2', true],
    ['double-majority', 'both', 'both', '>1/2', '>1/2 of valid', 'no limit', false],
  ])(
    '%s: counts %s, quorum by %s %s, passes on %s; proxies: %s per holder, split %s',
    (id, by, qBy, q, m, max, split) => {
      const preset = getRulePreset(id);
      if (preset === undefined) throw new Error(id);
      const { fraction, strict, base } = preset.majority;
      expect(preset.countBy ?? 'heads').toBe(by);
      expect(preset.quorumBy ?? 'heads').toBe(qBy);
      expect(`${preset.quorum.strict ? '>' : '≥'}${preset.quorum.num}/${preset.quorum.den}`).toBe(q);
      expect(`${strict ? '>' : '≥'}${fraction.num}/${fraction.den} of ${base}`).toBe(m);
      expect(String(preset.proxies?.maxPerHolder ?? 'no limit')).toBe(max);
      expect(preset.proxies?.split).toBe(split);
    },
  );

  test('no preset splits a vote under a double majority, and only the weighted ones take proxies', () => {
    for (const preset of EVERY_VERSION) {
      if (preset.countBy === 'both') expect(preset.proxies?.split ?? false, preset.id).toBe(false);
      if (preset.id.startsWith('vn-')) expect(preset.proxies, preset.id).toBeUndefined();
    }
  });

  test('the party classification: v1 (QĐ 124) is kept beside v2 (QĐ 366), which is current', () => {
    const [v1, v2] = RULE_PRESET_VERSIONS['vn-party-classification'];
    expect(getRulePreset('vn-party-classification', 1)).toBe(v1);
    expect(getRulePreset('vn-party-classification')).toBe(v2);
    expect(getRulePreset('vn-party-classification', 3)).toBeUndefined();
    for (const preset of [v1, v2]) {
      expect(preset.noDecision).toBe('cumulate-down');
      expect(preset.batchStrict).toBe(false);
    }
    expect(v1.caps).toEqual([{ top: 'excellent', reference: 'good', rate: { num: 1, den: 5 } }]);
    expect(v2.caps).toEqual([
      { top: 'excellent', reference: 'good', rate: { num: 1, den: 5 }, denominator: 'reference' },
    ]);
    expect(v1.sources.map((s) => s.document.vi)).toEqual(['Quy định 124-QĐ/TW']);
    expect(v2.sources.map((s) => s.document.vi)).toEqual(['Quy định 366-QĐ/TW', 'Hướng dẫn 43-HD/BTCTW']);
    expect(v2.levelScores.levels.map((l) => `${l.level} ≥ ${l.min}`)).toEqual([
      'excellent ≥ 90',
      'good ≥ 70',
      'completed ≥ 50',
      'not-completed ≥ 0',
    ]);
  });

  test('every Vietnamese preset names its sources, dated, in both languages, and counts a blank election ballot invalid', () => {
    const vietnamese = EVERY_VERSION.filter((p) => p.id.startsWith('vn-'));
    expect(vietnamese.length).toBeGreaterThanOrEqual(7);
    for (const preset of vietnamese) {
      expect(preset.sources?.length, preset.id).toBeGreaterThan(0);
      for (const source of preset.sources ?? []) {
        expect(source.document.vi).not.toBe('');
        expect(source.document.en).not.toBe('');
        expect(source.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
      // v1 of the classification is kept exactly as it decided earlier results
      const keptAsItWas = preset === RULE_PRESET_VERSIONS['vn-party-classification'][0];
      if (!keptAsItWas) expect(preset.blankElectionBallot, preset.id).toBe('invalid');
    }
  });

  test('a legal basis reads as the law cites it, in either language', () => {
    const basis = RULE_PRESETS['vn-confidence-2023'].basis.percentages;
    expect(basisText(basis, 'vi')).toBe('NQ 96/2023/QH15, Điều 19: tỷ lệ trên tổng số phiếu');
    expect(basisText(basis, 'en')).toBe('Resolution 96/2023/QH15, Art. 19: shares of the ballots returned');
    const unchecked = RULE_PRESETS['vn-no-confidence-2023'].basis.majority;
    expect(basisText(unchecked, 'vi')).toMatch(/^NQ 96\/2023\/QH15: quá nửa tổng số phiếu/);
  });

  const bandsOf = (preset: RuleSet): [string, Band[]][] =>
    (preset.bands ?? []).map((b) => [`${preset.id} v${preset.version} ${b.optionId}`, [...b.bands]]);

  test.each(EVERY_VERSION.flatMap(bandsOf))('%s: bands rise, ids are unique, options exist', (_, bands) => {
    // each threshold lies above the one before: at base 6000 the least passing count grows
    const least = (band: Band) => {
      let votes = 0;
      while (!meetsFraction(votes, 6000, band.fraction, band.strict)) votes += 1;
      return votes;
    };
    const edges = bands.map(least);
    expect(edges).toEqual([...edges].sort((a, b) => a - b));
    expect(new Set(edges).size).toBe(edges.length);
    expect(new Set(bands.map((b) => b.id)).size).toBe(bands.length);
    for (const band of bands) expect(band.consequence.vi && band.consequence.en).toBeTruthy();
  });

  test('every band option is on its preset ballot, and every follow-up resolves to a preset with a ballot', () => {
    for (const preset of EVERY_VERSION) {
      for (const { optionId, bands } of preset.bands ?? []) {
        expect(
          preset.template?.options.map((o) => o.id),
          preset.id,
        ).toContain(optionId);
        for (const band of bands) {
          if (band.followUp === undefined) continue;
          const next = getRulePreset(band.followUp.id, band.followUp.version);
          expect(next?.template, `${preset.id} → ${band.followUp.id}`).toBeDefined();
        }
      }
    }
  });

  test('rules per ballot: the ballot’s own preset and version, else the meeting’s; an unknown one is refused', () => {
    const meeting = RULE_PRESETS['vn-party-classification'];
    expect(ruleSetFor(undefined, meeting)).toBe(meeting);
    expect(ruleSetFor(presetRef('election'), meeting)).toBe(RULE_PRESETS.election);
    expect(ruleSetFor({ id: 'vn-party-classification', version: 1 }, meeting)?.version).toBe(1);
    expect(ruleSetFor({ id: 'vn-party-classification', version: 9 }, meeting)).toBeUndefined();
    expect(ruleSetFor({ id: 'nonsense', version: 1 }, meeting)).toBeUndefined();
  });

  test.each(['', 'constructor', 'toString', 'Election'])('%j is not a preset', (id) => {
    expect(getRulePreset(id)).toBeUndefined();
    expect(getRulePreset(id, 1)).toBeUndefined();
  });
});

describe('standard options', () => {
  test('levels run from highest to lowest', () => {
    expect(CLASSIFICATION_LEVELS.map((o) => o.id)).toEqual(['excellent', 'good', 'completed', 'not-completed']);
    expect(CONFIDENCE_LEVELS.map((o) => o.id)).toEqual(['high-confidence', 'confidence', 'low-confidence']);
  });

  test('a motion is yes, no and an abstaining not-voting', () => {
    expect(MOTION_OPTIONS.map((o) => [o.id, 'abstain' in o && o.abstain])).toEqual([
      ['yes', false],
      ['no', false],
      ['not-voting', true],
    ]);
  });

  test('every standard option has a Vietnamese and an English label', () => {
    const all = [
      ...CLASSIFICATION_LEVELS,
      ...MOTION_OPTIONS,
      ...CONFIDENCE_LEVELS,
      ...NO_CONFIDENCE_OPTIONS,
      ...APPROVAL_OPTIONS_NOT_VOTING,
    ];
    for (const option of all) {
      const labels: { vi: string; en: string } = OPTION_LABELS[option.id];
      expect(labels.vi).not.toBe('');
      expect(labels.en).toBe(option.label);
    }
    expect(OPTION_LABELS.excellent.vi).toBe('Hoàn thành xuất sắc nhiệm vụ');
    expect(OPTION_LABELS['low-confidence'].vi).toBe('Tín nhiệm thấp');
    expect(OPTION_LABELS.agree.vi).toBe('Đồng ý');
  });
});
