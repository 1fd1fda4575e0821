// Elections: per-candidate "đồng ý / không đồng ý" ballots (one nominee or several), and whether
// a blank election ballot is valid.
import { describe, expect, test } from 'vitest';
import { tally, type RuleSet, type TallySubject } from '../../../shared/src/tally/index';
import {
  APPROVAL_OPTIONS,
  APPROVAL_OPTIONS_NOT_VOTING,
  RULE_PRESETS,
  basisText,
} from '../../../shared/src/rules/index';
import { allPresent, ballot, batchRecords, candidates, input, records, rules } from './fixtures';

const PARTY = RULE_PRESETS['vn-party-election'];
const NOMINEE: TallySubject[] = [{ id: 's', label: 'the nominee' }];
const NOMINEES: TallySubject[] = ['n1', 'n2', 'n3'].map((id) => ({ id, label: id }));

describe('one nominee, "đồng ý / không đồng ý"', () => {
  // rows (agree / disagree / not-voting, '-' a blank row, 'agree+disagree' both boxes) on 53
  // eligible, all present, more than half of the eligible members needed (27) →
  // outcome, valid, invalid reasons
  test.each<[string, 'adopted' | 'rejected', number, string[]]>([
    ['agree:27 disagree:26', 'adopted', 53, []],
    ['agree:26 disagree:27', 'rejected', 53, []],
    ['agree:26 not-voting:27', 'rejected', 53, []],
    // a blank ballot, or both boxes, voids a single nominee's ballot
    ['agree:27 -:26', 'adopted', 27, ['blank-ballot']],
    ['agree:26 -:1 disagree:26', 'rejected', 52, ['blank-ballot']],
    ['agree:27 agree+disagree:26', 'adopted', 27, ['spoilt-row']],
  ])('%j → %s, %i valid, invalid %j', (spec, outcome, valid, reasons) => {
    const result = tally(
      input({
        rules: PARTY,
        ballot: ballot('motion', APPROVAL_OPTIONS_NOT_VOTING, NOMINEE),
        records: records(spec),
        attendance: allPresent(53),
      }),
    );
    expect(result.subjects[0]?.outcome.type).toBe(outcome);
    expect(result.ballots.valid).toBe(valid);
    expect(result.ballots.invalidReasons.map((r) => r.reason)).toEqual(reasons);
  });

  test('"against" and "abstain" are told apart, where a blank ballot could not', () => {
    const result = tally(
      input({
        rules: PARTY,
        ballot: ballot('batch', APPROVAL_OPTIONS_NOT_VOTING, NOMINEE),
        records: records('agree:30 disagree:15 not-voting:8'),
        attendance: allPresent(53),
      }),
    );
    expect(result.subjects[0]?.counts.map((c) => [c.optionId, c.votes, c.passes])).toEqual([
      ['agree', 30, true],
      ['disagree', 15, false],
      ['not-voting', 8, false],
    ]);
    expect(result.subjects[0]?.outcome).toEqual({ type: 'adopted', optionId: 'agree' });
  });

  test('under a rule that keeps blank ballots valid, a blank row is an empty row', () => {
    const result = tally(
      input({
        rules: rules({ decision: 'approval' }),
        ballot: ballot('motion', APPROVAL_OPTIONS, NOMINEE),
        records: records('agree:3 -:2'),
      }),
    );
    expect(result.ballots).toMatchObject({ valid: 5, invalid: 0 });
    expect(result.subjects[0]?.empty).toBe(2);
  });
});

describe('several nominees, no surplus: each decided on their own', () => {
  test('every nominee is elected or not; a blank row only withholds that nominee’s vote', () => {
    // 10 eligible, more than half needed (6); ballot i carries row i of every nominee
    const result = tally(
      input({
        rules: PARTY,
        ballot: ballot('batch', APPROVAL_OPTIONS, NOMINEES),
        records: batchRecords({
          n1: 'agree:6 disagree:4',
          n2: 'agree:5 disagree:4 -:1',
          n3: 'disagree:6 agree+disagree:2 -:2',
        }),
        attendance: allPresent(10),
      }),
    );
    expect(result.ballots).toMatchObject({ valid: 10, invalid: 0 });
    expect(result.subjects.map((s) => s.outcome)).toEqual([
      { type: 'adopted', optionId: 'agree' },
      { type: 'rejected' },
      { type: 'rejected' },
    ]);
    expect(result.subjects.map((s) => s.empty)).toEqual([0, 1, 4]);
  });

  test('a ballot blank for every nominee stays valid (QĐ 190, Art. 30)', () => {
    const result = tally(
      input({
        rules: PARTY,
        ballot: ballot('batch', APPROVAL_OPTIONS, NOMINEES),
        records: batchRecords({ n1: 'agree:1 -:1', n2: '-:2', n3: '-:2' }),
      }),
    );
    expect(result.ballots).toMatchObject({ valid: 2, invalid: 0 });
  });
});

describe('a blank election ballot: every name crossed out', () => {
  const K_OF_N = ballot('election', candidates('a', 'b', 'c'), undefined, 2);

  // rule → valid ballots and invalid reasons for 5 ballots keeping a and b and 3 keeping nobody
  test.each<[string, RuleSet, number, string[]]>([
    ['the generic election preset', RULE_PRESETS.election, 8, []],
    ['vn-party-election', PARTY, 5, ['blank-ballot']],
    ['a rule that says invalid', rules({ blankElectionBallot: 'invalid' }), 5, ['blank-ballot']],
    ['a rule that says valid', rules({ blankElectionBallot: 'valid' }), 8, []],
  ])('%s: %i valid, invalid %j', (_, ruleSet, valid, reasons) => {
    const result = tally(input({ rules: ruleSet, ballot: K_OF_N, records: records('a+b:5 -:3') }));
    expect(result.ballots.valid).toBe(valid);
    expect(result.ballots.invalidReasons).toEqual(reasons.map((reason) => ({ reason, count: 3 })));
  });

  test('the invalid count says which text voids it', () => {
    const result = tally(input({ rules: PARTY, ballot: K_OF_N, records: records('a+b:5 -:3') }));
    expect(result.basis.blankBallot && basisText(result.basis.blankBallot, 'vi')).toBe(
      'Quyết định 190-QĐ/TW (Quy chế bầu cử trong Đảng), Điều 15: phiếu gạch tên tất cả là không hợp lệ',
    );
  });

  test('a blank classification or motion ballot stays a valid blank under a rule that voids blank elections', () => {
    const result = tally(
      input({
        rules: rules({ blankElectionBallot: 'invalid' }),
        ballot: ballot('choice', candidates('x', 'y')),
        records: records('x:2 -:1'),
      }),
    );
    expect(result.ballots).toMatchObject({ valid: 3, invalid: 0 });
  });
});
