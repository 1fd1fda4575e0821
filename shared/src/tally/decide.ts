import { assertNever } from './assert-never';
import { passesMajority, type Threshold } from './fraction';
import type { BallotKind, NoDecisionPolicy, SubjectDecision, SubjectOutcome, TallyOption } from './types';

/** One subject's counts, as the decision needs them. */
export interface DecisionInput {
  readonly kind: BallotKind;
  readonly decision: SubjectDecision;
  readonly options: readonly TallyOption[];
  /** Votes per option, in option order. */
  readonly votes: readonly number[];
  /** Per option, whether it meets the majority rule on its own (never an abstention). */
  readonly passes: readonly boolean[];
  readonly majorityBase: number;
  readonly majority: Threshold;
  readonly noDecision: NoDecisionPolicy;
  readonly seats: number;
  /**
   * Under a double majority: the votes in weight and their majority base. `passes` already asks
   * both; cumulating downward asks both of each running sum.
   */
  readonly weight?: { readonly votes: readonly number[]; readonly majorityBase: number };
}

interface Ranked {
  readonly id: string;
  readonly index: number;
  readonly votes: number;
}

function passingOptions(input: DecisionInput): Ranked[] {
  const passing: Ranked[] = [];
  input.options.forEach((option, index) => {
    if (input.passes[index] === true) {
      passing.push({ id: option.id, index, votes: input.votes[index] ?? 0 });
    }
  });
  return passing;
}

/** Most votes first; equal votes keep ballot order so the output never depends on sorting. */
function byVotes(a: Ranked, b: Ranked): number {
  return b.votes - a.votes || a.index - b.index;
}

/** The motion carries on its first non-abstain option ("yes"); anything else is a rejection. */
function decideMotion(input: DecisionInput): SubjectOutcome {
  const yes = input.options.findIndex((o) => o.abstain !== true);
  const option = input.options[yes];
  return option !== undefined && input.passes[yes] === true
    ? { type: 'adopted', optionId: option.id }
    : { type: 'rejected' };
}

/**
 * Walks the levels from the highest down, adding each level's votes to the next, and stops at
 * the first level whose running sum passes. Abstentions are not a level and are skipped.
 */
function cumulateDown(input: DecisionInput): SubjectOutcome {
  let cumulativeVotes = 0;
  let cumulativeWeight = 0;
  const { weight } = input;
  for (const [index, option] of input.options.entries()) {
    if (option.abstain === true) continue;
    cumulativeVotes += input.votes[index] ?? 0;
    cumulativeWeight += weight?.votes[index] ?? 0;
    const byWeight = !weight || passesMajority(cumulativeWeight, weight.majorityBase, input.majority);
    if (passesMajority(cumulativeVotes, input.majorityBase, input.majority) && byWeight) {
      return { type: 'cumulated', optionId: option.id, cumulativeVotes };
    }
  }
  return { type: 'no-decision', policy: 'cumulate-down', tied: [] };
}

function noOptionCarried(input: DecisionInput): SubjectOutcome {
  switch (input.noDecision) {
    case 'revote':
    case 'refer':
      return { type: 'no-decision', policy: input.noDecision, tied: [] };
    case 'cumulate-down':
      return cumulateDown(input);
    default:
      return assertNever(input.noDecision);
  }
}

/**
 * Several levels can pass only on a non-strict rule or a fraction below one half; the most
 * votes then wins. A tie at the top is reported as a tie under the ballot's policy, and is not
 * cumulated: cumulating is for a subject no level carries, and here two levels carry it.
 */
function decideChoice(input: DecisionInput): SubjectOutcome {
  const passing = passingOptions(input).sort(byVotes);
  const first = passing[0];
  if (first === undefined) return noOptionCarried(input);
  const top = passing.filter((p) => p.votes === first.votes);
  return top.length === 1
    ? { type: 'adopted', optionId: first.id }
    : { type: 'no-decision', policy: input.noDecision, tied: top.map((p) => p.id) };
}

/**
 * Everyone who passes is elected while seats last. When more pass than there are seats and
 * the candidates at the cut-off have equal votes, none of those is elected: the seats they
 * straddle stay unfilled and the tie is reported for the chair to resolve.
 */
function decideElection(input: DecisionInput): SubjectOutcome {
  const passing = passingOptions(input).sort(byVotes);
  const seats = input.seats;
  if (passing.length <= seats) {
    return {
      type: 'elected',
      elected: passing.map((p) => p.id),
      tiedAtCutoff: [],
      seatsUnfilled: seats - passing.length,
    };
  }
  const lastIn = passing[seats - 1];
  const firstOut = passing[seats];
  if (lastIn === undefined || firstOut === undefined || lastIn.votes !== firstOut.votes) {
    const elected = passing.slice(0, seats).map((p) => p.id);
    return { type: 'elected', elected, tiedAtCutoff: [], seatsUnfilled: seats - elected.length };
  }
  const cutoff = lastIn.votes;
  const elected = passing.filter((p) => p.votes > cutoff).map((p) => p.id);
  return {
    type: 'elected',
    elected,
    tiedAtCutoff: passing.filter((p) => p.votes === cutoff).map((p) => p.id),
    seatsUnfilled: seats - elected.length,
  };
}

/** The outcome under 'majority': by ballot kind. */
function decideByKind(input: DecisionInput): SubjectOutcome {
  switch (input.kind) {
    case 'motion':
      return decideMotion(input);
    case 'choice':
    case 'batch':
      return decideChoice(input);
    case 'election':
      return decideElection(input);
    default:
      return assertNever(input.kind);
  }
}

/**
 * The outcome of one quorate subject. Under 'approval' every subject is a motion of its own
 * ("đồng ý" carries or the nominee is not elected), except on an election ballot, whose marks
 * are approvals already. Under 'bands' nothing is decided by majority: the bands say what follows.
 */
export function decideSubject(input: DecisionInput): SubjectOutcome {
  switch (input.decision) {
    case 'majority':
      return decideByKind(input);
    case 'approval':
      return input.kind === 'election' ? decideElection(input) : decideMotion(input);
    case 'bands':
      return { type: 'banded' };
    default:
      return assertNever(input.decision);
  }
}
