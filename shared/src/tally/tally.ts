import { checkQuorum, eligibleBase } from './attendance';
import { bandVerdicts } from './bands';
import { allBases, baseOf, publishedBases, shareOf, sharesOf, turnoutOf, type BallotBases } from './bases';
import { checkCaps } from './caps';
import { countBallots, seatsOf, type SubjectTally } from './count';
import { decideSubject } from './decide';
import { passesMajority, votesNeeded } from './fraction';
import { checkInvariants } from './invariants';
import { checkProposal } from './proposals';
import type {
  BallotCounts,
  PackedTallyInput,
  ResultBasis,
  RuleSet,
  SubjectResult,
  TallyBase,
  TallyInput,
  TallyResult,
  TallySubject,
} from './types';

function subjectResult(
  input: TallyInput | PackedTallyInput,
  subject: TallySubject,
  counted: SubjectTally,
  bases: BallotBases,
  quorate: boolean,
): SubjectResult {
  const { rules, ballot } = input;
  const decision = rules.decision ?? 'majority';
  const votes = ballot.options.map((_, o) => counted.votes[o] ?? 0);
  const decisive = ballot.options.reduce(
    (sum, option, o) => (option.abstain === true ? sum : sum + (votes[o] ?? 0)),
    0,
  );
  const named = (name: TallyBase) => baseOf(name, bases, decisive);
  const majorityBase = named(rules.majority.base);
  const percentBase = named(rules.percentBase);
  const published = publishedBases(rules.percentBase, rules.extraPercentBases ?? []).map(named);
  // An abstention is never carried, whatever its share: it is the absence of a choice. Without
  // quorum nothing is carried, and under 'bands' nothing is decided by majority at all.
  const passes = ballot.options.map(
    (option, o) =>
      quorate &&
      decision !== 'bands' &&
      option.abstain !== true &&
      passesMajority(votes[o] ?? 0, majorityBase.value, rules.majority),
  );
  const outcome = quorate
    ? decideSubject({
        kind: ballot.kind,
        decision,
        options: ballot.options,
        votes,
        passes,
        majorityBase: majorityBase.value,
        majority: rules.majority,
        noDecision: rules.noDecision,
        seats: seatsOf(ballot),
      })
    : ({ type: 'no-quorum' } as const);
  return {
    subjectId: subject.id,
    label: subject.label,
    group: subject.group ?? '',
    counts: ballot.options.map((option, o) => ({
      optionId: option.id,
      label: option.label,
      votes: votes[o] ?? 0,
      percent: shareOf(votes[o] ?? 0, option, percentBase),
      shares: sharesOf(votes[o] ?? 0, option, published),
      passes: passes[o] ?? false,
    })),
    empty: counted.empty,
    majorityBase,
    percentBase,
    bases: allBases(bases, decisive),
    votesNeeded: votesNeeded(majorityBase.value, rules.majority),
    outcome,
    bands: bandVerdicts(rules.bands ?? [], { options: ballot.options, votes, baseOf: named, quorate }),
    proposal: checkProposal(subject, outcome, rules.levelScores),
  };
}

/** Every part of the rule set's legal basis, null where it has none. */
function basisOf(rules: RuleSet): ResultBasis {
  const basis = rules.basis ?? {};
  return {
    quorum: basis.quorum ?? null,
    majority: basis.majority ?? null,
    percentages: basis.percentages ?? null,
    turnout: basis.turnout ?? null,
    blankBallot: basis.blankBallot ?? null,
  };
}

/**
 * Tallies one ballot round: counts, bases, per-subject outcomes, bands and proposal checks, cap
 * warnings and invariants. Records come as objects or packed (packRecords): the same result. Pure
 * and deterministic: the same input, in any record order, gives
 * the same result. A quorum lost by tally time turns every outcome into "no quorum"; the counts
 * and shares are still reported.
 */
export function tally(input: TallyInput | PackedTallyInput): TallyResult {
  const { rules, ballot, attendance } = input;
  const quorum = checkQuorum(attendance, rules.quorum);
  // A blank election ballot keeps no name, or, approving a single nominee, marks neither (or
  // both) of "đồng ý / không đồng ý". With several nominees and no surplus, a row left blank only
  // gives that nominee no vote and the ballot stays valid (QĐ 190-QĐ/TW, Điều 30). A blank
  // classification or motion ballot is a valid blank.
  const electionLike = ballot.kind === 'election' || (rules.decision === 'approval' && ballot.subjects.length === 1);
  const counted = countBallots(ballot, input.records, input.paper, {
    batchStrict: rules.batchStrict,
    blankInvalid: electionLike && rules.blankElectionBallot === 'invalid',
  });
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
    rules: { id: rules.id, version: rules.version, name: rules.name, sources: rules.sources ?? [] },
    attendance: { ...attendance, eligible: bases.eligible },
    quorum,
    ballots,
    turnout: turnoutOf(counted.returned, rules.turnoutBase ?? 'eligible', bases),
    basis: basisOf(rules),
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
      paperReturned: input.paper?.returned ?? 0,
      paperVoters: input.paperVoters,
    }),
    warnings: checkCaps(ballot.kind, rules.caps, subjects, ballot.options),
  };
}
