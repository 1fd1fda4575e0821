import { describe, expect, test } from 'vitest';
import { tally, type MajorityRule, type NoDecisionPolicy, type SubjectOutcome } from '../../../shared/src/tally/index';
import { MOTION, CLASSIFICATION, allPresent, ballot, candidates, input, records, rules } from './fixtures';

const HALF_OF_VALID = { fraction: { num: 1, den: 2 }, strict: true, base: 'valid' } as const;
const HALF_OF_ELIGIBLE = { fraction: { num: 1, den: 2 }, strict: true, base: 'eligible' } as const;

function outcomeOf(result: ReturnType<typeof tally>): SubjectOutcome | undefined {
  return result.subjects[0]?.outcome;
}

describe('motion', () => {
  // rows (see fixtures.rows: option:count, '-' empty, 'a+b' several marks) → outcome, base strict half of valid
  test.each<[string, SubjectOutcome]>([
    ['yes:6 no:4', { type: 'adopted', optionId: 'yes' }],
    ['yes:5 no:5', { type: 'rejected' }],
    ['yes:5 no:4 not-voting:1', { type: 'rejected' }],
    ['yes:5 no:1 -:4', { type: 'rejected' }],
    ['no:10', { type: 'rejected' }],
    ['not-voting:10', { type: 'rejected' }],
    ['-:10', { type: 'rejected' }],
    ['', { type: 'rejected' }],
  ])('%j → %j', (spec, outcome) => {
    const result = tally(
      input({
        rules: rules({ majority: HALF_OF_VALID }),
        ballot: MOTION,
        records: records(spec),
        attendance: allPresent(10),
      }),
    );
    expect(outcomeOf(result)).toEqual(outcome);
  });

  test('all abstentions: nothing passes, not even the abstention, and the decisive base is 0', () => {
    const result = tally(
      input({
        rules: rules({ majority: { ...HALF_OF_VALID, base: 'decisive' }, percentBase: 'decisive' }),
        ballot: MOTION,
        records: records('not-voting:10'),
      }),
    );
    const subject = result.subjects[0];
    expect(subject?.outcome).toEqual({ type: 'rejected' });
    expect(subject?.majorityBase).toEqual({ name: 'decisive', value: 0 });
    expect(subject?.counts.map((c) => [c.votes, c.passes, c.percent])).toEqual([
      [0, false, null],
      [0, false, null],
      [10, false, null],
    ]);
  });

  test('a "no" majority is reported as passing on its own, the motion is still only rejected', () => {
    const result = tally(input({ rules: rules(), ballot: MOTION, records: records('yes:2 no:8') }));
    expect(result.subjects[0]?.counts.map((c) => c.passes)).toEqual([false, true, false]);
    expect(outcomeOf(result)).toEqual({ type: 'rejected' });
  });
});

describe('choice', () => {
  // rows, rule (">1/2" strict or "≥1/2" / "≥1/3" not strict, of valid) → outcome
  test.each<[string, string, SubjectOutcome]>([
    ['good:6 excellent:4', '>1/2', { type: 'adopted', optionId: 'good' }],
    ['good:5 excellent:5', '>1/2', { type: 'no-decision', policy: 'revote', tied: [] }],
    ['good:5 excellent:5', '≥1/2', { type: 'no-decision', policy: 'revote', tied: ['excellent', 'good'] }],
    ['good:4 excellent:3 completed:3', '≥1/3', { type: 'adopted', optionId: 'good' }],
    ['good:4 excellent:4 completed:2', '≥1/3', { type: 'no-decision', policy: 'revote', tied: ['excellent', 'good'] }],
    ['excellent:4 good:3 completed:3', '≥1/3', { type: 'adopted', optionId: 'excellent' }],
  ])('%j with %s → %j', (spec, rule, outcome) => {
    const majority: MajorityRule | undefined = {
      '>1/2': HALF_OF_VALID,
      '≥1/2': { ...HALF_OF_VALID, strict: false },
      '≥1/3': { fraction: { num: 1, den: 3 }, strict: false, base: 'valid' } as const,
    }[rule];
    if (majority === undefined) throw new Error(rule);
    const result = tally(input({ rules: rules({ majority }), ballot: CLASSIFICATION, records: records(spec) }));
    expect(outcomeOf(result)).toEqual(outcome);
  });

  test('an abstain option is never carried on a choice', () => {
    const options = [...candidates('a', 'b'), { id: 'none', label: 'none', abstain: true }];
    const result = tally(input({ rules: rules(), ballot: ballot('choice', options), records: records('none:8 a:2') }));
    expect(outcomeOf(result)).toEqual({ type: 'no-decision', policy: 'revote', tied: [] });
  });
});

describe('no level carries: the policy', () => {
  // policy, rows on 53 eligible (27 needed), highest level first → outcome
  test.each<[NoDecisionPolicy, string, SubjectOutcome]>([
    ['revote', 'excellent:20 good:20 completed:9', { type: 'no-decision', policy: 'revote', tied: [] }],
    ['refer', 'excellent:20 good:20 completed:9', { type: 'no-decision', policy: 'refer', tied: [] }],
    // 20 + 20 = 40 ≥ 27 at the second level
    ['cumulate-down', 'excellent:20 good:20 completed:9', { type: 'cumulated', optionId: 'good', cumulativeVotes: 40 }],
    // exactly 27 at the second level
    [
      'cumulate-down',
      'excellent:14 good:13 completed:20',
      { type: 'cumulated', optionId: 'good', cumulativeVotes: 27 },
    ],
    // 26 at the second level is one short; the third level reaches 36
    [
      'cumulate-down',
      'excellent:13 good:13 completed:10 not-completed:13',
      { type: 'cumulated', optionId: 'completed', cumulativeVotes: 36 },
    ],
    // the lowest level can be where it lands
    [
      'cumulate-down',
      'excellent:5 good:5 completed:5 not-completed:20',
      { type: 'cumulated', optionId: 'not-completed', cumulativeVotes: 35 },
    ],
    // 26 ballots in all can never make 27
    [
      'cumulate-down',
      'excellent:10 good:10 completed:6 -:23',
      { type: 'no-decision', policy: 'cumulate-down', tied: [] },
    ],
    ['cumulate-down', '', { type: 'no-decision', policy: 'cumulate-down', tied: [] }],
  ])('%s: %j → %j', (noDecision, spec, outcome) => {
    const result = tally(
      input({
        rules: rules({ majority: HALF_OF_ELIGIBLE, noDecision }),
        ballot: CLASSIFICATION,
        records: records(spec),
        attendance: allPresent(53),
      }),
    );
    expect(outcomeOf(result)).toEqual(outcome);
  });

  test('cumulating skips abstentions', () => {
    const options = [
      { id: 'high', label: 'high' },
      { id: 'skip', label: 'skip', abstain: true },
      { id: 'low', label: 'low' },
    ];
    const result = tally(
      input({
        rules: rules({ majority: HALF_OF_VALID, noDecision: 'cumulate-down' }),
        ballot: ballot('choice', options),
        records: records('high:3 skip:4 low:3'),
      }),
    );
    expect(outcomeOf(result)).toEqual({ type: 'cumulated', optionId: 'low', cumulativeVotes: 6 });
  });
});

describe('election', () => {
  // seats, rows (a+b marks a and b on one ballot), strict half of valid → elected (most votes
  // first), tied at the cut-off, seats unfilled
  test.each<[number, string, string[], string[], number]>([
    [2, 'a+b:6 c:4', ['a', 'b'], [], 0],
    [2, 'a:6 b:4', ['a'], [], 1],
    [3, 'a+b:4 a+c:3 d:3', ['a'], [], 2],
    [2, '-:10', [], [], 2],
    [2, '', [], [], 2],
    // three pass for two seats: the top two by votes
    [2, 'a+b:4 a+c:3 b+c:3', ['a', 'b'], [], 0],
    [2, 'b+c:4 a+c:3 a+b:2 c:1', ['c', 'b'], [], 0],
    // a tie straddling the cut-off: b and c both 6, only a above it
    [2, 'a+b:4 a+c:4 b+c:2', ['a'], ['b', 'c'], 1],
    // a tie for the only seat
    [1, 'a:3 b:3', [], [], 1],
    [1, 'a:4 b:4 -:1', [], [], 1],
    // a tie below the cut-off does not matter
    [1, 'a:6 b:2 c:2', ['a'], [], 0],
  ])('%i seats, %j → elected %j, tied %j, unfilled %i', (seats, spec, elected, tied, unfilled) => {
    const result = tally(
      input({
        rules: rules({ majority: HALF_OF_VALID }),
        ballot: ballot('election', candidates('a', 'b', 'c', 'd'), undefined, seats),
        records: records(spec),
      }),
    );
    expect(result.ballots.invalid).toBe(0);
    expect(outcomeOf(result)).toEqual({
      type: 'elected',
      elected,
      tiedAtCutoff: tied,
      seatsUnfilled: unfilled,
    });
  });
});

describe('quorum lost by tally time', () => {
  test.each(['motion', 'choice', 'election'] as const)('%s: no quorum, counts still reported', (kind) => {
    const options = kind === 'motion' ? MOTION.options : candidates('good', 'excellent');
    const result = tally(
      input({
        rules: rules(),
        ballot: ballot(kind, options, undefined, 1),
        records: records(kind === 'motion' ? 'yes:30' : 'good:30'),
        attendance: { roster: 53, present: 35, excusedAbsent: 0 },
      }),
    );
    expect(result.quorum).toMatchObject({ met: false, required: 36 });
    expect(outcomeOf(result)).toEqual({ type: 'no-quorum' });
    expect(result.subjects[0]?.counts[0]?.votes).toBe(30);
    // regression: 30 of 30 valid is more than half, but without quorum nothing carries (was passes: true)
    expect(result.subjects[0]?.counts.map((c) => c.passes)).toEqual(options.map(() => false));
  });
});
