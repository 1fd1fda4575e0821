import {
  HallvoteError,
  assertNever,
  type BallotDefinition,
  type InvalidVoteReason,
  type Marks,
} from '@hallvote/shared';

/**
 * Checks a phone's marks against the ballot. Online ballots are never spoilt: the phone cannot
 * produce an over-marked row, so a payload that has one is refused rather than stored as invalid.
 * Returns the marks with every subject of the ballot present (an unrated subject is an empty row).
 */
export function validateMarks(ballot: BallotDefinition, marks: Marks): Record<string, string[]> {
  const refuse = (reason: InvalidVoteReason, id?: string, limit?: number): never => {
    throw new HallvoteError('INVALID_VOTE', {
      reason,
      ...(id !== undefined ? { id } : {}),
      ...(limit !== undefined ? { limit } : {}),
    });
  };
  const subjects = new Set(ballot.subjects.map((s) => s.id));
  const options = new Set(ballot.options.map((o) => o.id));
  for (const subjectId of Object.keys(marks)) if (!subjects.has(subjectId)) refuse('unknown-subject', subjectId);
  const clean: Record<string, string[]> = {};
  for (const subject of ballot.subjects) {
    // Own properties only: a subject id such as "constructor" must not read Object.prototype.
    const row = (Object.hasOwn(marks, subject.id) ? marks[subject.id] : undefined) ?? [];
    if (new Set(row).size !== row.length) refuse('duplicate-mark', subject.id);
    for (const optionId of row) if (!options.has(optionId)) refuse('unknown-option', optionId);
    switch (ballot.kind) {
      case 'motion':
      case 'choice':
        if (row.length !== 1) refuse('one-mark', subject.id);
        break;
      case 'batch':
        if (row.length > 1) refuse('row-over-marked', subject.id);
        break;
      case 'election':
        if (row.length > (ballot.seats ?? 0)) refuse('too-many-candidates', subject.id, ballot.seats ?? 0);
        break;
      default:
        assertNever(ballot.kind);
    }
    clean[subject.id] = [...row];
  }
  return clean;
}
