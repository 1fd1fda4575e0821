import { HallvoteError, assertNever, type BallotDefinition, type Marks } from '@hallvote/shared';

/**
 * Checks a phone's marks against the ballot. Online ballots are never spoilt: the phone cannot
 * produce an over-marked row, so a payload that has one is refused rather than stored as invalid.
 * Returns the marks with every subject of the ballot present (an unrated subject is an empty row).
 */
export function validateMarks(ballot: BallotDefinition, marks: Marks): Record<string, string[]> {
  const refuse = (message: string): never => {
    throw new HallvoteError('INVALID_VOTE', message);
  };
  const subjects = new Set(ballot.subjects.map((s) => s.id));
  const options = new Set(ballot.options.map((o) => o.id));
  for (const subjectId of Object.keys(marks)) if (!subjects.has(subjectId)) refuse(`Unknown subject "${subjectId}".`);
  const clean: Record<string, string[]> = {};
  for (const subject of ballot.subjects) {
    // Own properties only: a subject id such as "constructor" must not read Object.prototype.
    const row = (Object.hasOwn(marks, subject.id) ? marks[subject.id] : undefined) ?? [];
    if (new Set(row).size !== row.length) refuse(`An option is marked twice for "${subject.label}".`);
    for (const optionId of row) if (!options.has(optionId)) refuse(`Unknown option "${optionId}".`);
    switch (ballot.kind) {
      case 'motion':
      case 'choice':
        if (row.length !== 1) refuse('Mark exactly one option.');
        break;
      case 'batch':
        if (row.length > 1) refuse(`Mark at most one level for "${subject.label}".`);
        break;
      case 'election':
        if (row.length > (ballot.seats ?? 0)) refuse(`Mark at most ${ballot.seats} candidates.`);
        break;
      default:
        assertNever(ballot.kind);
    }
    clean[subject.id] = [...row];
  }
  return clean;
}
