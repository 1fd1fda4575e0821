import type { BallotCounts, BallotKind, InvariantCheck } from './types';

/** One subject's totals, as the invariants see them. */
export interface SubjectTotals {
  readonly subjectId: string;
  /** Sum of the votes over all options. */
  readonly votes: number;
  readonly empty: number;
}

/** Everything the five invariants are checked against. */
export interface InvariantInput {
  readonly kind: BallotKind;
  readonly seats: number;
  readonly present: number;
  readonly ballots: BallotCounts;
  readonly subjects: readonly SubjectTotals[];
  /** Paper ballots the counting committee returned (0 without paper totals). */
  readonly paperReturned: number;
  /** Members marked as having voted on paper. */
  readonly paperVoters: number;
}

function check(name: InvariantCheck['name'], ok: boolean, detail: string): InvariantCheck {
  return { name, ok, detail };
}

/**
 * Why a subject's rows do not add up, or undefined when they do.
 *
 * An election row may carry up to `seats` votes, so there the check is a range: the rows that
 * are not empty carry between one and `seats` votes each. With one seat it is the equality
 * every other kind checks.
 */
function subjectDefect(input: InvariantInput, subject: SubjectTotals): string | undefined {
  const { valid } = input.ballots;
  const { subjectId, votes, empty } = subject;
  if (input.kind !== 'election') {
    return votes + empty === valid ? undefined : `${subjectId}: ${votes} + ${empty} ≠ ${valid}`;
  }
  const marked = valid - empty;
  const ok = marked >= 0 && votes >= marked && votes <= marked * input.seats;
  return ok
    ? undefined
    : `${subjectId}: ${votes} votes on ${marked} marked rows (${valid} valid − ${empty} empty, ` +
        `${input.seats} seats)`;
}

/**
 * The five invariants, always all five and in a fixed order; a broken one is reported, never
 * thrown. The per-subject check is a single entry so consumers can look every invariant up by
 * name; its detail lists each subject that breaks it.
 */
export function checkInvariants(input: InvariantInput): InvariantCheck[] {
  const { issued, returned, valid, invalid } = input.ballots;
  const defects = input.subjects.map((s) => subjectDefect(input, s)).filter((d): d is string => d !== undefined);
  const perSubjectOk =
    input.kind === 'election'
      ? `every subject: votes fit ${valid} valid ballots and ${input.seats} seats`
      : `every subject: counts + empty = valid ${valid}`;
  return [
    check(
      'issued>=returned',
      issued >= returned,
      issued >= returned ? `issued ${issued} ≥ returned ${returned}` : `issued ${issued} < returned ${returned}`,
    ),
    check(
      'returned=valid+invalid',
      returned === valid + invalid,
      `returned ${returned} ${returned === valid + invalid ? '=' : '≠'} ` + `valid ${valid} + invalid ${invalid}`,
    ),
    check('subject-counts+empty=valid', defects.length === 0, defects.length === 0 ? perSubjectOk : defects.join('; ')),
    check(
      'returned<=present',
      returned <= input.present,
      returned <= input.present
        ? `returned ${returned} ≤ present ${input.present}`
        : `returned ${returned} > present ${input.present}`,
    ),
    // Paper ballots are bounded by people: every paper ballot in the box was handed in by a member
    // the chair marked as a paper voter (present, and not voting online in this round).
    check(
      'paper-returned<=paper-voters',
      input.paperReturned <= input.paperVoters,
      `paper ballots returned ${input.paperReturned} ${input.paperReturned <= input.paperVoters ? '≤' : '>'} ` +
        `paper voters ${input.paperVoters}`,
    ),
  ];
}
