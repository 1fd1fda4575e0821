import { checkQuorum, eligibleBase, attendanceWeight } from './attendance';
import { bandVerdicts } from './bands';
import { allBases, baseOf, publishedBases, shareOf, sharesOf, turnoutOf, type BallotBases } from './bases';
import { checkCaps } from './caps';
import { countBallots, seatsOf, type BallotTally, type SubjectTally } from './count';
import { decideSubject } from './decide';
import { passesMajority, votesNeeded } from './fraction';
import { checkInvariants } from './invariants';
import { checkProposal } from './proposals';
import type {
  BallotCounts,
  InvariantCheck,
  NamedBase,
  PaperTotals,
  ResultBasis,
  RuleSet,
  SubjectResult,
  TallyBase,
  PackedTallyInput,
  TallyInput,
  TallyResult,
  TallySubject,
} from './types';

/** What one measure (heads, or weight) counted, with its ballot-wide bases. */
interface Measure {
  readonly unit: 'heads' | 'weight';
  readonly counted: BallotTally;
  readonly bases: BallotBases;
  readonly paper: Omit<PaperTotals, 'weight'> | undefined;
  readonly issued: number;
  readonly paperVoters: number;
}

/** One subject's counts under one measure, and what each option passes on its own there. */
interface SubjectMeasure {
  readonly votes: readonly number[];
  readonly empty: number;
  readonly decisive: number;
  readonly named: (name: TallyBase) => NamedBase;
  readonly majorityBase: NamedBase;
  readonly percentBase: NamedBase;
  readonly published: readonly NamedBase[];
  /** Per option: meets the majority rule on this measure, before quorum and decision are asked. */
  readonly meets: readonly boolean[];
}

function subjectMeasure(
  input: TallyInput | PackedTallyInput,
  counted: SubjectTally,
  bases: BallotBases,
): SubjectMeasure {
  const { rules, ballot } = input;
  const votes = ballot.options.map((_, o) => counted.votes[o] ?? 0);
  const decisive = ballot.options.reduce(
    (sum, option, o) => (option.abstain === true ? sum : sum + (votes[o] ?? 0)),
    0,
  );
  const named = (name: TallyBase) => baseOf(name, bases, decisive);
  const majorityBase = named(rules.majority.base);
  return {
    votes,
    empty: counted.empty,
    decisive,
    named,
    majorityBase,
    percentBase: named(rules.percentBase),
    published: publishedBases(rules.percentBase, rules.extraPercentBases ?? []).map(named),
    meets: votes.map((v) => passesMajority(v, majorityBase.value, rules.majority)),
  };
}

function subjectResult(
  input: TallyInput | PackedTallyInput,
  subject: TallySubject,
  s: number,
  main: Measure,
  weight: Measure | null,
  quorate: boolean,
): SubjectResult {
  const { rules, ballot } = input;
  const decision = rules.decision ?? 'majority';
  const m = subjectMeasure(input, main.counted.subjects[s] ?? { votes: [], empty: 0 }, main.bases);
  const w = weight && subjectMeasure(input, weight.counted.subjects[s] ?? { votes: [], empty: 0 }, weight.bases);
  // An abstention is never carried, whatever its share: it is the absence of a choice. Without
  // quorum nothing is carried, and under 'bands' nothing is decided by majority at all. Under a
  // double majority an option passes only on heads and on weight both.
  const may = ballot.options.map((option) => quorate && decision !== 'bands' && option.abstain !== true);
  const byHeads = may.map((ok, o) => ok && (m.meets[o] ?? false));
  const byWeight = w && may.map((ok, o) => ok && (w.meets[o] ?? false));
  const passes = byHeads.map((ok, o) => ok && (byWeight?.[o] ?? true));
  const outcome = quorate
    ? decideSubject({
        kind: ballot.kind,
        decision,
        options: ballot.options,
        votes: m.votes,
        passes,
        majorityBase: m.majorityBase.value,
        majority: rules.majority,
        noDecision: rules.noDecision,
        seats: seatsOf(ballot),
        ...(w ? { weight: { votes: w.votes, majorityBase: w.majorityBase.value } } : {}),
      })
    : ({ type: 'no-quorum' } as const);
  return {
    subjectId: subject.id,
    label: subject.label,
    group: subject.group ?? '',
    counts: ballot.options.map((option, o) => {
      const votes = m.votes[o] ?? 0;
      const count = {
        optionId: option.id,
        label: option.label,
        votes,
        percent: shareOf(votes, option, m.percentBase),
        shares: sharesOf(votes, option, m.published),
        passes: passes[o] ?? false,
      };
      if (!w || !byWeight) return count;
      const weightVotes = w.votes[o] ?? 0;
      return {
        ...count,
        weight: {
          votes: weightVotes,
          percent: shareOf(weightVotes, option, w.percentBase),
          shares: sharesOf(weightVotes, option, w.published),
        },
        passesBy: { heads: byHeads[o] ?? false, weight: byWeight[o] ?? false },
      };
    }),
    empty: m.empty,
    majorityBase: m.majorityBase,
    percentBase: m.percentBase,
    bases: allBases(main.bases, m.decisive),
    votesNeeded: votesNeeded(m.majorityBase.value, rules.majority),
    outcome,
    bands: bandVerdicts(rules.bands ?? [], { options: ballot.options, votes: m.votes, baseOf: m.named, quorate }),
    proposal: checkProposal(subject, outcome, rules.levelScores),
    ...(w
      ? {
          weight: {
            empty: w.empty,
            majorityBase: w.majorityBase,
            percentBase: w.percentBase,
            bases: allBases(weight.bases, w.decisive),
            votesNeeded: votesNeeded(w.majorityBase.value, rules.majority),
          },
        }
      : {}),
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
 * Counts the records under one measure: as heads (each ballot one), or as weight (each ballot its
 * weight; paper totals, issued ballots and paper voters in weight).
 */
function measureOf(input: TallyInput | PackedTallyInput, unit: 'heads' | 'weight'): Measure {
  const { rules, ballot, attendance } = input;
  // A blank election ballot keeps no name, or, approving a single nominee, marks neither (or
  // both) of "đồng ý / không đồng ý". With several nominees and no surplus, a row left blank only
  // gives that nominee no vote and the ballot stays valid (QĐ 190-QĐ/TW, Điều 30). A blank
  // classification or motion ballot is a valid blank.
  const electionLike = ballot.kind === 'election' || (rules.decision === 'approval' && ballot.subjects.length === 1);
  // Under a double majority the paper totals carry their weight apart; under weight alone they are weight.
  const paper = unit === 'weight' && rules.countBy === 'both' ? input.paper?.weight : input.paper;
  const counted = countBallots(ballot, input.records, paper, {
    batchStrict: rules.batchStrict,
    blankInvalid: electionLike && rules.blankElectionBallot === 'invalid',
    weighted: unit === 'weight',
  });
  const counts = unit === 'weight' ? attendanceWeight(attendance) : attendance;
  return {
    unit,
    counted,
    bases: {
      eligible: eligibleBase(counts),
      present: counts.present,
      returned: counted.returned,
      valid: counted.valid,
    },
    paper,
    issued: unit === 'weight' ? (input.weights?.issued ?? input.issued) : input.issued,
    paperVoters: unit === 'weight' ? (input.weights?.paperVoters ?? input.paperVoters) : input.paperVoters,
  };
}

function ballotCounts(measure: Measure): BallotCounts {
  const { counted } = measure;
  return {
    issued: measure.issued,
    returned: counted.returned,
    valid: counted.valid,
    invalid: counted.invalid,
    invalidReasons: counted.invalidReasons,
  };
}

/** The invariants of one measure; those of weight say so. */
function invariantsOf(
  input: TallyInput | PackedTallyInput,
  measure: Measure,
  perSubject: readonly SubjectTally[],
): InvariantCheck[] {
  const checks = checkInvariants({
    kind: input.ballot.kind,
    seats: seatsOf(input.ballot),
    present: measure.bases.present,
    ballots: ballotCounts(measure),
    subjects: input.ballot.subjects.map((subject, s) => ({
      subjectId: subject.id,
      votes: (perSubject[s]?.votes ?? []).reduce((sum, v) => sum + v, 0),
      empty: perSubject[s]?.empty ?? 0,
    })),
    paperReturned: measure.paper?.returned ?? 0,
    paperVoters: measure.paperVoters,
  });
  return measure.unit === 'weight' ? checks.map((c) => ({ ...c, unit: 'weight' as const })) : checks;
}

/**
 * Tallies one ballot round: counts, bases, per-subject outcomes, bands and proposal checks, cap
 * warnings and invariants. Records come as objects or packed (packRecords): the same result. Pure
 * and deterministic: the same input, in any record order, gives
 * the same result. A quorum lost by tally time turns every outcome into "no quorum"; the counts
 * and shares are still reported. A rule that counts weight counts every ballot as its weight; a
 * double majority counts heads and weight both, and an option passes only on both.
 */
export function tally(input: TallyInput | PackedTallyInput): TallyResult {
  const { rules, ballot, attendance } = input;
  const countBy = rules.countBy ?? 'heads';
  const quorum = checkQuorum(attendance, rules.quorum, rules.quorumBy ?? 'heads');
  const main = measureOf(input, countBy === 'weight' ? 'weight' : 'heads');
  const weight = countBy === 'both' ? measureOf(input, 'weight') : null;
  const subjects = ballot.subjects.map((subject, s) => subjectResult(input, subject, s, main, weight, quorum.met));
  const turnoutBase = rules.turnoutBase ?? 'eligible';
  const turnout = turnoutOf(main.counted.returned, turnoutBase, main.bases);
  const { weight: weightCounts, ...heads } = attendance;
  return {
    rules: { id: rules.id, version: rules.version, name: rules.name, sources: rules.sources ?? [] },
    ...(countBy === 'heads' ? {} : { countBy }),
    attendance: {
      ...heads,
      eligible: eligibleBase(attendance),
      ...(weightCounts ? { weight: { ...weightCounts, eligible: eligibleBase(weightCounts) } } : {}),
    },
    quorum,
    ballots: { ...ballotCounts(main), ...(weight ? { weight: ballotCounts(weight) } : {}) },
    turnout: {
      ...turnout,
      ...(weight ? { weight: turnoutOf(weight.counted.returned, turnoutBase, weight.bases) } : {}),
    },
    basis: basisOf(rules),
    subjects,
    invariants: [
      ...invariantsOf(input, main, main.counted.subjects),
      ...(weight ? invariantsOf(input, weight, weight.counted.subjects) : []),
    ],
    warnings: checkCaps(ballot.kind, rules.caps, subjects, ballot.options),
  };
}
