// The hall story, end to end through the tally: a provincial party executive committee of 53
// (examples/roster-53.csv) classifies itself and its 19 sub-units (examples/sub-units-19.txt) under
// the vn-party-classification preset. The integration and e2e hall-story tests play it too.
import { describe, expect, test } from 'vitest';
import { checkQuorum, tally, type AttendanceCounts, type TallySubject } from '../../../shared/src/tally/index';
import { CLASSIFICATION_LEVELS, RULE_PRESETS } from '../../../shared/src/rules/index';
import { ballot, batchRecords, records } from './fixtures';

const RULES = RULE_PRESETS['vn-party-classification'];
// 53 convened, 4 absent without excuse: they stay in the eligible base.
const HALL: AttendanceCounts = { roster: 53, present: 49, excusedAbsent: 0 };

describe('the hall story', () => {
  test('ballot 1: 48 good, 1 excellent → good is adopted on more than half of 53', () => {
    const result = tally({
      rules: RULES,
      ballot: ballot('choice', CLASSIFICATION_LEVELS, [
        { id: 'province-2023', label: 'The provincial Party organisation, 2023' },
      ]),
      attendance: HALL,
      issued: 49,
      paperVoters: 0,
      records: records('good:48 excellent:1', 0, '', 'province-2023'),
    });
    const subject = result.subjects[0];
    expect(result.attendance.eligible).toBe(53);
    expect(result.quorum).toEqual({
      met: true,
      present: 49,
      eligible: 53,
      fraction: { num: 2, den: 3 },
      strict: false,
      required: 36,
    });
    expect(subject?.majorityBase).toEqual({ name: 'eligible', value: 53 });
    expect(subject?.votesNeeded).toBe(27);
    expect(subject?.outcome).toEqual({ type: 'adopted', optionId: 'good' });
    expect(subject?.counts.map((c) => [c.optionId, c.votes, c.percent?.text, c.passes])).toEqual([
      ['excellent', 1, '1.89', false],
      ['good', 48, '90.57', true],
      ['completed', 0, '0.00', false],
      ['not-completed', 0, '0.00', false],
    ]);
    expect(result.invariants.every((i) => i.ok)).toBe(true);
    expect(result.warnings).toEqual([]);
  });

  // present → quorate (present × 3 ≥ 53 × 2)
  test.each([
    [49, true],
    [36, true],
    [35, false],
    [30, false],
  ])('%i present → quorate %s, 36 required', (present, met) => {
    expect(checkQuorum({ ...HALL, present }, RULES.quorum)).toMatchObject({ met, required: 36 });
  });

  test('a ballot that lost quorum before closing ends as no quorum, with its counts', () => {
    const result = tally({
      rules: RULES,
      ballot: ballot('choice', CLASSIFICATION_LEVELS),
      attendance: { ...HALL, present: 35 },
      issued: 49,
      paperVoters: 0,
      records: records('good:35'),
    });
    expect(result.subjects[0]?.outcome).toEqual({ type: 'no-quorum' });
    expect(result.subjects[0]?.counts[1]?.votes).toBe(35);
    // 35 returned against 35 still present holds; 49 issued earlier is not a defect either
    expect(result.invariants.every((i) => i.ok)).toBe(true);
  });

  test('ballot 2: 19 sub-units, 4 excellent against 14 good breaks the 20 % cap once', () => {
    const subjects: TallySubject[] = Array.from({ length: 19 }, (_, i) => ({
      id: `unit-${i + 1}`,
      label: `Sub-unit ${i + 1}`,
    }));
    // 49 ballots per row: rows 1–4 go excellent, 5–18 good, 19 completed, each with a clear
    // majority of the 53 eligible (27 needed) and the rest scattered.
    const spec = (i: number): string =>
      i < 4
        ? 'excellent:30 good:19'
        : i < 18
          ? 'good:40 excellent:5 completed:4'
          : 'completed:35 good:10 not-completed:4';
    const result = tally({
      rules: RULES,
      ballot: ballot('batch', CLASSIFICATION_LEVELS, subjects),
      attendance: HALL,
      issued: 49,
      paperVoters: 0,
      records: batchRecords(Object.fromEntries(subjects.map((s, i) => [s.id, spec(i)]))),
    });
    expect(result.ballots).toMatchObject({ returned: 49, valid: 49, invalid: 0 });
    const adopted = result.subjects.map((s) => (s.outcome.type === 'adopted' ? s.outcome.optionId : s.outcome.type));
    expect(adopted).toEqual([...Array<string>(4).fill('excellent'), ...Array<string>(14).fill('good'), 'completed']);
    expect(result.warnings).toEqual([
      {
        group: '',
        top: 'excellent',
        reference: 'good',
        topCount: 4,
        referenceCount: 14,
        allowed: 2,
        rate: { num: 1, den: 5 },
        denominator: 'reference',
        basis: null,
      },
    ]);
    expect(result.invariants.every((i) => i.ok)).toBe(true);
  });
});
