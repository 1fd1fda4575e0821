import { describe, expect, test } from 'vitest';
import {
  CLASSIFICATION_LEVELS,
  MOTION_OPTIONS,
  OPTION_LABELS,
  RULE_PRESETS,
  RULE_PRESET_IDS,
  getRulePreset,
} from '../../../shared/src/rules/index';
import { TALLY_BASES } from '../../../shared/src/tally/index';

describe('rule presets', () => {
  test('every preset is listed once, under its own id', () => {
    expect([...RULE_PRESET_IDS].sort()).toEqual(Object.keys(RULE_PRESETS).sort());
    for (const id of RULE_PRESET_IDS) expect(RULE_PRESETS[id].id).toBe(id);
  });

  // id → quorum, majority (">" strict / "≥"), base, percent base
  test.each([
    ['vn-party-classification', '2/3', '>1/2', 'eligible', 'eligible'],
    ['national-assembly', '1/2', '>1/2', 'eligible', 'eligible'],
    ['simple-majority', '2/3', '>1/2', 'valid', 'valid'],
    ['two-thirds', '2/3', '≥2/3', 'valid', 'valid'],
    ['election', '2/3', '>1/2', 'valid', 'valid'],
  ])('%s: quorum %s, majority %s of %s, percentages of %s', (id, quorum, majority, base, percentBase) => {
    const preset = getRulePreset(id);
    expect(preset).toBeDefined();
    if (preset === undefined) return;
    const { fraction, strict } = preset.majority;
    expect(`${preset.quorum.num}/${preset.quorum.den}`).toBe(quorum);
    expect(`${strict ? '>' : '≥'}${fraction.num}/${fraction.den}`).toBe(majority);
    expect(preset.majority.base).toBe(base);
    expect(preset.percentBase).toBe(percentBase);
    expect(TALLY_BASES).toContain(preset.majority.base);
    expect(preset.version).toBeGreaterThanOrEqual(1);
  });

  test('the party classification cumulates down and caps excellent at a fifth of good', () => {
    const preset = RULE_PRESETS['vn-party-classification'];
    expect(preset.noDecision).toBe('cumulate-down');
    expect(preset.caps).toEqual([{ top: 'excellent', reference: 'good', rate: { num: 1, den: 5 } }]);
    expect(preset.batchStrict).toBe(false);
  });

  test.each(['', 'constructor', 'toString', 'Election'])('%j is not a preset', (id) => {
    expect(getRulePreset(id)).toBeUndefined();
  });
});

describe('standard options', () => {
  test('levels run from highest to lowest', () => {
    expect(CLASSIFICATION_LEVELS.map((o) => o.id)).toEqual(['excellent', 'good', 'completed', 'not-completed']);
  });

  test('a motion is yes, no and an abstaining not-voting', () => {
    expect(MOTION_OPTIONS.map((o) => [o.id, 'abstain' in o && o.abstain])).toEqual([
      ['yes', false],
      ['no', false],
      ['not-voting', true],
    ]);
  });

  test('every standard option has a Vietnamese and an English label', () => {
    for (const option of [...CLASSIFICATION_LEVELS, ...MOTION_OPTIONS]) {
      const labels: { vi: string; en: string } = OPTION_LABELS[option.id];
      expect(labels.vi).not.toBe('');
      expect(labels.en).toBe(option.label);
    }
    expect(OPTION_LABELS.excellent.vi).toBe('Hoàn thành xuất sắc nhiệm vụ');
  });
});
