// The batch list of the ballot builder: a subject per line, then optionally its proposed level and
// its score, split by tabs (a spreadsheet paste) or semicolons.
import { describe, expect, test } from 'vitest';
import {
  CLASSIFICATION_LEVELS,
  CONFIDENCE_LEVELS,
  RULE_PRESETS,
  ballotDefinitionSchema,
  type RuleSet,
} from '@hallvote/shared';
import { EMPTY_FORM, buildBallot } from '../../../client/src/chair/ballot-templates';
import { matchLevel } from '../../../client/src/chair/subject-lines';

const CLASSIFICATION: RuleSet = RULE_PRESETS['vn-party-classification'];
const batch = (subjectsText: string, rules = CLASSIFICATION) =>
  buildBallot({ ...EMPTY_FORM, template: 'batch', title: 'Xếp loại chi bộ', subjectsText }, rules);

describe('a batch list with proposals', () => {
  test('level by short form, Vietnamese name, English name or id; score with a comma or a point', () => {
    const built = batch(
      [
        'Chi bộ 1; HTT; 78,5',
        'Chi bộ 2\tHoàn thành xuất sắc nhiệm vụ\t92',
        'Chi bộ 3; completed',
        'Chi bộ 4;;49.25',
        'Chi bộ 5',
      ].join('\n'),
    );
    if (!built.ok) throw new Error(JSON.stringify(built.problems));
    expect(built.definition.subjects).toEqual([
      { id: 's1', label: 'Chi bộ 1', proposedLevel: 'good', score: 78.5 },
      { id: 's2', label: 'Chi bộ 2', proposedLevel: 'excellent', score: 92 },
      { id: 's3', label: 'Chi bộ 3', proposedLevel: 'completed' },
      { id: 's4', label: 'Chi bộ 4', score: 49.25 },
      { id: 's5', label: 'Chi bộ 5' },
    ]);
    expect(ballotDefinitionSchema.safeParse(built.definition).success).toBe(true);
  });

  test('a level not on the ballot, or a score out of 100, is refused with its line', () => {
    const built = batch('Chi bộ 1; HTT\nChi bộ 2; heroic\nChi bộ 3; 101\nChi bộ 4; 7.5.1');
    expect(built.ok ? [] : built.problems).toEqual([
      { type: 'unknown-level', line: 2, text: 'heroic' },
      { type: 'bad-score', line: 3, text: '101' },
      { type: 'bad-score', line: 4, text: '7.5.1' },
    ]);
  });

  test("under a confidence rating the options are the rating's, and levels are matched against them", () => {
    const built = batch('Chủ tịch UBND; HTT', RULE_PRESETS['vn-confidence-2023']);
    expect(built.ok ? [] : built.problems).toEqual([{ type: 'unknown-level', line: 1, text: 'HTT' }]);
    const ok = batch('Chủ tịch UBND', RULE_PRESETS['vn-confidence-2023']);
    expect(ok.ok && ok.definition.options).toEqual(CONFIDENCE_LEVELS);
  });

  test('matching ignores case, spacing and Unicode composition', () => {
    const decomposed = 'Hoàn thành tốt nhiệm vụ'.normalize('NFD').toUpperCase();
    expect(matchLevel(`  ${decomposed}  `, CLASSIFICATION_LEVELS)).toBe('good');
    expect(matchLevel('kht', CLASSIFICATION_LEVELS)).toBe('not-completed');
    expect(matchLevel('tín nhiệm thấp', CONFIDENCE_LEVELS)).toBe('low-confidence');
    expect(matchLevel('HTT', CONFIDENCE_LEVELS)).toBeNull();
  });
});

describe('the rule chosen for the ballot', () => {
  test("is sent with the definition; none means the meeting's", () => {
    const chosen = buildBallot(
      { ...EMPTY_FORM, template: 'motion', title: 'Bầu Bí thư', rules: { id: 'vn-party-election', version: 1 } },
      RULE_PRESETS['vn-party-election'],
    );
    expect(chosen.ok && chosen.definition).toMatchObject({
      rules: { id: 'vn-party-election', version: 1 },
      options: [{ id: 'agree' }, { id: 'disagree' }],
    });
    const meeting = batch('Chi bộ 1');
    expect(meeting.ok && 'rules' in meeting.definition).toBe(false);
  });
});
