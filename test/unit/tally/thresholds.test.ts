import { describe, expect, test } from 'vitest';
import { tally } from '../../../shared/src/tally/index';
import { RULE_PRESETS, type RulePresetId } from '../../../shared/src/rules/index';
import { MOTION, allPresent, ballot, candidates, input, records } from './fixtures';

describe('each preset exactly at its threshold, one below and one above', () => {
  // preset, members (all present), yes votes, no votes → outcome of the motion.
  // Every member returns a valid ballot unless yes + no < members (the rest stay home).
  test.each<[RulePresetId, number, number, number, 'adopted' | 'rejected']>([
    // more than half of 53 eligible: 27 needed
    ['vn-party-classification', 53, 26, 27, 'rejected'],
    ['vn-party-classification', 53, 27, 26, 'adopted'],
    ['vn-party-classification', 53, 28, 25, 'adopted'],
    // absentees stay in the base: 27 of 40 returned still passes, 26 of 40 does not
    ['vn-party-classification', 53, 26, 14, 'rejected'],
    // more than half of all 500 members, however many voted
    ['national-assembly', 500, 250, 0, 'rejected'],
    ['national-assembly', 500, 251, 0, 'adopted'],
    ['national-assembly', 500, 252, 240, 'adopted'],
    ['national-assembly', 499, 249, 0, 'rejected'],
    ['national-assembly', 499, 250, 0, 'adopted'],
    // more than half of 100 valid ballots
    ['simple-majority', 100, 50, 50, 'rejected'],
    ['simple-majority', 100, 51, 49, 'adopted'],
    ['simple-majority', 100, 52, 48, 'adopted'],
    // at least two thirds of 99 valid: exactly 66 carries
    ['two-thirds', 99, 65, 34, 'rejected'],
    ['two-thirds', 99, 66, 33, 'adopted'],
    ['two-thirds', 99, 67, 32, 'adopted'],
    ['two-thirds', 100, 66, 34, 'rejected'],
    ['two-thirds', 100, 67, 33, 'adopted'],
  ])('%s, %i members: %i yes, %i no → %s', (id, members, yes, no, expected) => {
    const result = tally(
      input({
        rules: RULE_PRESETS[id],
        ballot: MOTION,
        records: records(`yes:${yes} no:${no}`),
        attendance: allPresent(members),
      }),
    );
    expect(result.subjects[0]?.outcome.type).toBe(expected);
  });

  // votes for candidate a out of valid ballots (the rest marked b) → a elected
  test.each([
    [10, 5, false],
    [10, 6, true],
    [10, 7, true],
    [11, 5, false],
    [11, 6, true],
  ])('election preset: %i valid ballots, %i for a → elected %s', (valid, forA, elected) => {
    const result = tally(
      input({
        rules: RULE_PRESETS.election,
        ballot: ballot('election', candidates('a', 'b'), undefined, 1),
        records: records(`a:${forA} b:${valid - forA}`),
      }),
    );
    const outcome = result.subjects[0]?.outcome;
    expect(outcome?.type).toBe('elected');
    expect(outcome?.type === 'elected' && outcome.elected.includes('a')).toBe(elected);
  });
});
