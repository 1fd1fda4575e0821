import { assertNever } from './assert-never';
import { checkQuorum, eligibleBase } from './attendance';
import { checkCaps } from './caps';
import { countBallots, seatsOf, type SubjectTally } from './count';
import { decideSubject } from './decide';
import { passesMajority, votesNeeded } from './fraction';
import { checkInvariants } from './invariants';
import { percentOf } from './percent';
import type { BallotCounts, NamedBase, SubjectResult, TallyBase, TallyInput, TallyResult, TallySubject } from './types';

/** The ballot-wide base values; `decisive` is per subject and computed from its counts. */
interface BallotBases {
  readonly eligible: number;
  readonly present: number;
  readonly returned: number;
  readonly valid: number;
}

function baseOf(name: TallyBase, bases: BallotBases, decisive: number): NamedBase {
  switch (name) {
    case 'eligible':
    case 'present':
    case 'returned':
    case 'valid':
      return { name, value: bases[name] };
    case 'decisive':
      return { name, value: decisive };
    default:
      return assertNever(name);
  }
}

function subjectResult(
  input: TallyInput,
  subject: TallySubject,
  counted: SubjectTally,
  bases: BallotBases,
  quorate: boolean,
): SubjectResult {
  const { rules, ballot } = input;
  const votes = ballot.options.map((_, o) => counted.votes[o] ?? 0);
  const decisive = ballot.options.reduce(
    (sum, option, o) => (option.abstain === true ? sum : sum + (votes[o] ?? 0)),
    0,
  );
  const majorityBase = baseOf(rules.majority.base, bases, decisive);
  const percentBase = baseOf(rules.percentBase, bases, decisive);
  // An abstention is never carried, whatever its share: it is the absence of a choice.
  const passes = ballot.options.map(
    (option, o) => option.abstain !== true && passesMajority(votes[o] ?? 0, majorityBase.value, rules.majority),
  );
  return {
    subjectId: subject.id,
    label: subject.label,
    group: subject.group ?? '',
    counts: ballot.options.map((option, o) => ({
      optionId: option.id,
      label: option.label,
      votes: votes[o] ?? 0,
      percent: percentOf(votes[o] ?? 0, percentBase.value),
      passes: passes[o] ?? false,
    })),
    empty: counted.empty,
    majorityBase,
    percentBase,
    votesNeeded: votesNeeded(majorityBase.value, rules.majority),
    outcome: quorate
      ? decideSubject({
          kind: ballot.kind,
          options: ballot.options,
          votes,
          passes,
          majorityBase: majorityBase.value,
          majority: rules.majority,
          noDecision: rules.noDecision,
          seats: seatsOf(ballot),
        })
      : { type: 'no-quorum' },
  };
}

/**
 * Tallies one ballot round: counts, bases, per-subject outcomes, cap warnings and invariants.
 * Pure and deterministic: the same input, in any record order, gives the same result. A quorum
 * lost by tally time turns every outcome into "no quorum"; the counts are still reported.
 */
export function tally(input: TallyInput): TallyResult {
  const { rules, ballot, attendance } = input;
  const quorum = checkQuorum(attendance, rules.quorum);
  const counted = countBallots(ballot, input.records, input.paper, rules.batchStrict);
  const ballots: BallotCounts = {
    issued: input.issued,
    returned: counted.returned,
    valid: counted.valid,
    invalid: counted.invalid,
    invalidReasons: counted.invalidReasons,
  };
  const bases: BallotBases = {
    eligible: eligibleBase(attendance),
    present: attendance.present,
    returned: counted.returned,
    valid: counted.valid,
  };
  const subjects = ballot.subjects.map((subject, s) =>
    subjectResult(input, subject, counted.subjects[s] ?? { votes: [], empty: 0 }, bases, quorum.met),
  );
  return {
    rules: { id: rules.id, version: rules.version, name: rules.name },
    attendance: { ...attendance, eligible: bases.eligible },
    quorum,
    ballots,
    subjects,
    invariants: checkInvariants({
      kind: ballot.kind,
      seats: seatsOf(ballot),
      present: attendance.present,
      ballots,
      subjects: subjects.map((s) => ({
        subjectId: s.subjectId,
        votes: s.counts.reduce((sum, c) => sum + c.votes, 0),
        empty: s.empty,
      })),
    }),
    warnings: checkCaps(ballot.kind, rules.caps, subjects),
  };
}
