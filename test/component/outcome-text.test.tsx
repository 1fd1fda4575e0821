// A rating decides nothing by majority: its outcome in words is the band each subject falls in,
// in the viewer's language (the views' shared outcome text, fed a real tally).
import { describe, expect, test } from 'vitest';
import { RULE_PRESETS, tally } from '@hallvote/shared';
import { commonText } from '../../client/src/i18n/common';
import { decidedOption, outcomeLines } from '../../client/src/ui/outcome-text';

const RULES = RULE_PRESETS['vn-confidence-2023'];

function rated(low: number) {
  const records = Array.from({ length: 47 }, (_, i) => ({
    marks: { o: [i < low ? 'low-confidence' : 'high-confidence'] },
  }));
  const result = tally({
    rules: RULES,
    ballot: { kind: 'batch', subjects: [{ id: 'o', label: 'Official' }], options: RULES.template.options },
    attendance: { roster: 47, present: 47, excusedAbsent: 0 },
    issued: 47,
    paperVoters: 0,
    records,
  });
  const subject = result.subjects[0];
  if (subject === undefined) throw new Error('no subject');
  return subject;
}

describe('the outcome of a rating in words', () => {
  test('names the band and its consequence, in either language', () => {
    const subject = rated(25);
    expect(outcomeLines(subject, 'batch', commonText.en, 'en')).toEqual([
      'Band reached: May resign; otherwise a vote of no confidence at this session or the next.',
    ]);
    expect(outcomeLines(subject, 'batch', commonText.vi, 'vi')).toEqual([
      'Thuộc ngưỡng: Có thể xin từ chức; nếu không, bỏ phiếu tín nhiệm tại kỳ họp đó hoặc kỳ họp gần nhất.',
    ]);
    expect(decidedOption(subject)).toBeNull();
  });

  test('says that no consequence follows below every band', () => {
    expect(outcomeLines(rated(20), 'batch', commonText.en, 'en')).toEqual(['No band reached: no consequence follows.']);
  });
});
