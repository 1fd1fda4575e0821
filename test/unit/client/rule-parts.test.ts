// Which parts of a rule set the builder, the rule panels and the minutes print for a ballot: only
// the ones that decide or describe it. Legend: a row is (preset, ballot kind) → the part types.
import { describe, expect, test } from 'vitest';
import {
  APPROVAL_OPTIONS,
  CLASSIFICATION_LEVELS,
  CONFIDENCE_LEVELS,
  MOTION_OPTIONS,
  RULE_PRESETS,
  getRulePreset,
  type BallotKind,
  type RulePresetId,
} from '@hallvote/shared';
import { ruleParts } from '../../../client/src/ui/rule-parts';

const types = (id: RulePresetId, kind: BallotKind, options: readonly { id: string }[], subjects = 2) =>
  ruleParts(RULE_PRESETS[id], {
    kind,
    options,
    subjects: Array.from({ length: subjects }, (_, i) => ({ id: `s${i}`, label: `S${i}` })),
  }).map((p) => p.type);

describe('the rules that apply to a ballot', () => {
  test.each([
    [
      'vn-party-classification',
      'batch',
      CLASSIFICATION_LEVELS,
      ['quorum', 'majority', 'percentages', 'turnout', 'no-decision', 'cap'],
    ],
    [
      'vn-party-classification',
      'election',
      [{ id: 'c1' }, { id: 'c2' }],
      ['quorum', 'majority', 'percentages', 'turnout', 'blank-ballot'],
    ],
    ['vn-party-classification', 'motion', MOTION_OPTIONS, ['quorum', 'majority', 'percentages', 'turnout']],
    ['vn-confidence-2023', 'batch', CONFIDENCE_LEVELS, ['quorum', 'bands', 'percentages', 'turnout']],
    ['vn-party-election', 'batch', APPROVAL_OPTIONS, ['quorum', 'majority', 'percentages', 'turnout']],
    [
      'simple-majority',
      'choice',
      CLASSIFICATION_LEVELS,
      ['quorum', 'majority', 'percentages', 'turnout', 'no-decision'],
    ],
  ] as const)('%s on a %s ballot → %j', (id, kind, options, expected) => {
    expect(types(id, kind, options)).toEqual(expected);
  });

  test('an election under the classification rules names no cumulating down and no 20 % cap', () => {
    const parts = types('vn-party-classification', 'election', [{ id: 'c1' }]);
    expect(parts).not.toContain('no-decision');
    expect(parts).not.toContain('cap');
  });

  test('a single nominee approved under the party election rules is told a blank ballot is invalid', () => {
    const parts = ruleParts(RULE_PRESETS['vn-party-election'], {
      kind: 'motion',
      options: APPROVAL_OPTIONS,
      subjects: [{ id: 'n', label: 'A' }],
    });
    expect(parts.find((p) => p.type === 'blank-ballot')).toMatchObject({
      valid: false,
      basis: { article: { vi: 'Điều 15' } },
    });
    expect(parts.find((p) => p.type === 'majority')).toMatchObject({ approval: true, majority: { base: 'eligible' } });
  });

  test('scores are named where a subject carries a proposal or a score, under QĐ 366 only', () => {
    const rules = RULE_PRESETS['vn-party-classification'];
    const withScore = [{ id: 's', label: 'S', score: 80 }];
    expect(ruleParts(rules, { kind: 'batch', subjects: withScore }).map((p) => p.type)).toContain('scores');
    expect(ruleParts(rules, { kind: 'batch', subjects: [{ id: 's', label: 'S' }] }).map((p) => p.type)).not.toContain(
      'scores',
    );
    const v1 = getRulePreset('vn-party-classification', 1)!;
    expect(ruleParts(v1, { kind: 'batch', subjects: withScore }).map((p) => p.type)).not.toContain('scores');
  });

  test("the bands of a confidence rating carry their basis; the percentages Article 19's", () => {
    const parts = ruleParts(RULE_PRESETS['vn-confidence-2023'], { kind: 'batch', options: CONFIDENCE_LEVELS });
    const bands = parts.find((p) => p.type === 'bands');
    expect(bands).toMatchObject({ optionId: 'low-confidence', bands: [{ id: 'may-resign' }, { id: 'dismissal' }] });
    expect(parts.find((p) => p.type === 'percentages')).toMatchObject({
      bases: ['returned'],
      basis: { says: { vi: 'tỷ lệ trên tổng số phiếu' } },
    });
  });

  test('bands of an option the ballot lacks do not apply', () => {
    expect(types('vn-confidence-2023', 'batch', CLASSIFICATION_LEVELS)).not.toContain('bands');
  });

  test("without a ballot (the meeting's panel) every part the rule has is listed", () => {
    expect(ruleParts(RULE_PRESETS['vn-party-classification']).map((p) => p.type)).toEqual([
      'quorum',
      'majority',
      'percentages',
      'turnout',
      'no-decision',
      'cap',
      'blank-ballot',
      'scores',
    ]);
  });
});
