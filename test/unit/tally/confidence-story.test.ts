// The design's second story: a People's Council of 47 rates 7 officials on one secret batch
// ballot under NQ 96/2023/QH15; one has 25 "low confidence" of 47, in the band between half and
// two thirds, and the follow-up vote of no confidence is created for that official and decided.
import { describe, expect, test } from 'vitest';
import { tally, type AttendanceCounts, type TallySubject } from '../../../shared/src/tally/index';
import { RULE_PRESETS, basisText, followUpVotes } from '../../../shared/src/rules/index';
import { batchRecords } from './fixtures';

const RULES = RULE_PRESETS['vn-confidence-2023'];
const COUNCIL: AttendanceCounts = { roster: 47, present: 47, excusedAbsent: 0 };
const OFFICIALS: TallySubject[] = [
  'Chủ tịch HĐND',
  'Phó Chủ tịch HĐND',
  'Chủ tịch UBND',
  'Phó Chủ tịch UBND (1)',
  'Phó Chủ tịch UBND (2)',
  'Trưởng Ban Pháp chế',
  'Trưởng Ban Kinh tế - Ngân sách',
].map((label, i) => ({ id: `o${i + 1}`, label }));

// 47 ballots; official o4 gets 25 "low confidence", the others at most 12.
const ROWS: Record<string, string> = {
  o1: 'high-confidence:40 confidence:6 low-confidence:1',
  o2: 'high-confidence:35 confidence:10 low-confidence:2',
  o3: 'high-confidence:30 confidence:12 low-confidence:5',
  o4: 'high-confidence:10 confidence:12 low-confidence:25',
  o5: 'high-confidence:20 confidence:15 low-confidence:12',
  o6: 'high-confidence:38 confidence:9',
  o7: 'high-confidence:33 confidence:13 -:1',
};

function rating() {
  return tally({
    rules: RULES,
    ballot: { kind: 'batch', subjects: OFFICIALS, options: RULES.template.options },
    attendance: COUNCIL,
    issued: 47,
    paperVoters: 0,
    records: batchRecords(ROWS),
  });
}

describe("the People's Council confidence vote", () => {
  test('one official of seven falls in the band "may resign / vote of no confidence"', () => {
    const result = rating();
    expect(result.quorum.met).toBe(true);
    expect(result.ballots).toMatchObject({ issued: 47, returned: 47, valid: 47, invalid: 0 });
    expect(result.subjects.map((s) => s.bands[0]?.band?.id ?? '-')).toEqual([
      '-',
      '-',
      '-',
      'may-resign',
      '-',
      '-',
      '-',
    ]);
    const o4 = result.subjects[3];
    expect(o4?.outcome).toEqual({ type: 'banded' });
    expect(o4?.counts.map((c) => [c.optionId, c.votes, c.percent?.text])).toEqual([
      ['high-confidence', 10, '21.28'],
      ['confidence', 12, '25.53'],
      ['low-confidence', 25, '53.19'],
    ]);
    expect(o4?.bands[0]).toMatchObject({
      votes: 25,
      base: { name: 'returned', value: 47 },
      percent: { text: '53.19' },
    });
    expect(result.invariants.every((i) => i.ok)).toBe(true);
  });

  test('the result says which text produced its shares, beside them', () => {
    const result = rating();
    expect(result.rules).toMatchObject({ id: 'vn-confidence-2023', version: 1 });
    expect(result.rules.sources.map((s) => s.document.vi)).toEqual(['NQ 96/2023/QH15']);
    expect(result.basis.percentages && basisText(result.basis.percentages, 'vi')).toBe(
      'NQ 96/2023/QH15, Điều 19: tỷ lệ trên tổng số phiếu',
    );
    const band = result.subjects[3]?.bands[0]?.band;
    expect(band?.basis && basisText(band.basis, 'en')).toBe(
      'Resolution 96/2023/QH15, Art. 19: more than 1/2, less than 2/3',
    );
    expect(result.turnout).toEqual({
      returned: 47,
      base: { name: 'eligible', value: 47 },
      percent: { hundredths: 10000, text: '100.00' },
    });
  });

  test('the follow-up vote of no confidence is created for that official only', () => {
    const [vote, ...others] = followUpVotes(rating());
    expect(others).toEqual([]);
    expect(vote).toMatchObject({ optionId: 'low-confidence', bandId: 'may-resign' });
    expect(vote?.rules).toBe(RULE_PRESETS['vn-no-confidence-2023']);
    expect(vote?.ballot).toEqual({
      kind: 'batch',
      secret: true,
      options: [
        { id: 'confidence', label: 'Confidence' },
        { id: 'no-confidence', label: 'No confidence' },
      ],
      subjects: [{ id: 'o4', label: 'Phó Chủ tịch UBND (1)' }],
    });
  });

  // "no confidence" ballots of 47 returned → band; more than half of the ballots means dismissal
  test.each([
    [24, 'dismissal'],
    [23, '-'],
  ])('the follow-up vote decided: %i "no confidence" of 47 → %s', (noConfidence, bandId) => {
    const [vote] = followUpVotes(rating());
    if (vote === undefined) throw new Error('no follow-up vote');
    const result = tally({
      rules: vote.rules,
      ballot: vote.ballot,
      attendance: COUNCIL,
      issued: 47,
      paperVoters: 0,
      records: batchRecords({ o4: `no-confidence:${noConfidence} confidence:${47 - noConfidence}` }),
    });
    const subject = result.subjects[0];
    expect(subject?.outcome).toEqual({ type: 'banded' });
    expect(subject?.bands[0]?.band?.id ?? '-').toBe(bandId);
    if (bandId === 'dismissal') {
      expect(subject?.bands[0]?.band?.consequence.en).toBe('The nominating body proposes dismissal');
    }
  });

  test('a rating below every band calls for no follow-up vote', () => {
    const result = tally({
      rules: RULES,
      ballot: { kind: 'batch', subjects: OFFICIALS.slice(0, 1), options: RULES.template.options },
      attendance: COUNCIL,
      issued: 47,
      paperVoters: 0,
      records: batchRecords({ o1: ROWS.o1 ?? '' }),
    });
    expect(followUpVotes(result)).toEqual([]);
  });
});
