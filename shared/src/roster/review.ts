// A sheet and the chair's column choice, reviewed: the members it would import and every problem
// that stops it, all at once. The preview shows this; the server checks the same lines again.
import { rosterProblems, type ExistingMember, type RosterLine } from './checks';
import { applyColumns, guessColumns, type ColumnChoice } from './columns';
import { byLine, type RosterProblem } from './problems';
import { readDelimited, type Sheet } from './read-text';

/** What an import would do. Nothing may be stored while `problems` is not empty. */
export interface RosterReview {
  readonly lines: readonly RosterLine[];
  /** Lines with nothing in a chosen column (a row number alone, say): not members. */
  readonly leftOut: readonly number[];
  readonly problems: readonly RosterProblem[];
}

/** Reviews `sheet` read through `choice`; `existing` is the roster the lines would be added to. */
export function reviewRoster(
  sheet: Sheet,
  choice: ColumnChoice,
  existing: readonly ExistingMember[] = [],
): RosterReview {
  const { lines, leftOut } = applyColumns(sheet, choice);
  const problems: RosterProblem[] = [...sheet.problems];
  if (lines.length === 0 && leftOut.length === 0) {
    if (problems.length === 0) problems.push({ code: 'NO_MEMBERS' });
  } else if (!choice.roles.includes('name')) problems.push({ code: 'NO_NAME_COLUMN' });
  else problems.push(...rosterProblems(lines, existing));
  return { lines, leftOut, problems: problems.sort(byLine) };
}

/** Roster text read with every automatic guess: what the chair gets by accepting the preview as it is. */
export function reviewRosterText(text: string, existing: readonly ExistingMember[] = []): RosterReview {
  const sheet = readDelimited(text);
  return reviewRoster(sheet, guessColumns(sheet), existing);
}
