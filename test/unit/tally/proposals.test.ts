// QĐ 366: a subject carries a proposed level and/or a score; the result flags every subject whose
// adopted level differs from its proposal and says whether the score allows the adopted level.
import { describe, expect, test } from 'vitest';
import { tally, type RuleSet, type TallySubject } from '../../../shared/src/tally/index';
import { CLASSIFICATION_LEVELS, RULE_PRESETS, RULE_PRESET_VERSIONS, basisText } from '../../../shared/src/rules/index';
import { ballot, batchRecords, input } from './fixtures';

const V2 = RULE_PRESETS['vn-party-classification'];
const [V1] = RULE_PRESET_VERSIONS['vn-party-classification'];

/** One subject with this proposal and score, rated by 3 voters with the rows `spec`. */
function rated(proposal: Omit<TallySubject, 'id' | 'label'>, spec: string, rules: RuleSet = V2) {
  const subject: TallySubject = { id: 'u', label: 'unit', ...proposal };
  return tally(
    input({ rules, ballot: ballot('batch', CLASSIFICATION_LEVELS, [subject]), records: batchRecords({ u: spec }) }),
  ).subjects[0]?.proposal;
}

describe('proposal and score against the adopted level', () => {
  // proposed level ('-' none), score (null none), rows of 3 voters → adopted, differs, the
  // score's level, whether the score allows the adopted level
  test.each<[string, number | null, string, string | null, boolean, string | null, boolean | null]>([
    ['good', 85, 'good:3', 'good', false, 'good', true],
    // the vote went below the proposal: flagged; the score allows a lower level
    ['excellent', 92, 'good:3', 'good', true, 'excellent', true],
    // above what the score allows: flagged twice
    ['good', 85, 'excellent:3', 'excellent', true, 'good', false],
    // the score's edges: 90 is excellent, 89.99 good, 70 good, 50 completed, 49.5 not completed
    ['-', 90, 'excellent:3', 'excellent', false, 'excellent', true],
    ['-', 89.99, 'excellent:3', 'excellent', false, 'good', false],
    ['-', 70, 'good:3', 'good', false, 'good', true],
    ['-', 69.5, 'good:3', 'good', false, 'completed', false],
    ['-', 50, 'completed:3', 'completed', false, 'completed', true],
    ['-', 49.5, 'completed:3', 'completed', false, 'not-completed', false],
    ['-', 0, 'not-completed:3', 'not-completed', false, 'not-completed', true],
    // a proposal without a score
    ['completed', null, 'completed:3', 'completed', false, null, null],
    // no level carried (strict half of 3 eligible needs 2; cumulating down lands on good)
    ['good', 75, 'excellent:1 good:1 completed:1', 'good', false, 'good', true],
    // nothing adopted at all: the proposal was not kept
    ['good', 75, '-:3', null, true, 'good', null],
  ])(
    'proposed %s, score %s, votes %j → adopted %s, differs %s, score level %s, allows %s',
    (proposed, score, spec, adopted, differs, scoreLevel, allows) => {
      const proposal = {
        ...(proposed === '-' ? {} : { proposedLevel: proposed }),
        ...(score === null ? {} : { score }),
      };
      expect(rated(proposal, spec)).toMatchObject({
        proposedLevel: proposed === '-' ? null : proposed,
        score,
        adoptedLevel: adopted,
        differs,
        scoreLevel,
        scoreAllows: allows,
      });
    },
  );

  test('a subject with neither a proposal nor a score has no check', () => {
    expect(rated({}, 'good:3')).toBeNull();
  });

  test('the adopted level’s condition the score cannot show, and the text the bands come from', () => {
    const check = rated({ proposedLevel: 'excellent', score: 95 }, 'excellent:3');
    expect(check?.condition?.en).toBe(
      '100 % of tasks done, at least 30 % exceeded; no subordinate unit or member disciplined',
    );
    expect(check?.basis && basisText(check.basis, 'vi')).toBe(
      'Quy định 366-QĐ/TW, Điều 11: xếp loại theo thang điểm 100',
    );
  });

  test('under v1 (QĐ 124) a score means nothing, but the proposal is still checked', () => {
    expect(rated({ proposedLevel: 'excellent', score: 95 }, 'good:3', V1)).toEqual({
      proposedLevel: 'excellent',
      score: 95,
      adoptedLevel: 'good',
      differs: true,
      scoreLevel: null,
      scoreAllows: null,
      condition: null,
      basis: null,
    });
  });

  test('every subject of a batch is checked on its own', () => {
    const subjects: TallySubject[] = [
      { id: 'a', label: 'a', proposedLevel: 'good', score: 80 },
      { id: 'b', label: 'b', proposedLevel: 'good', score: 80 },
      { id: 'c', label: 'c' },
    ];
    const result = tally(
      input({
        rules: V2,
        ballot: ballot('batch', CLASSIFICATION_LEVELS, subjects),
        records: batchRecords({ a: 'good:3', b: 'completed:3', c: 'good:3' }),
      }),
    );
    expect(result.subjects.map((s) => s.proposal?.differs ?? null)).toEqual([false, true, null]);
  });
});
