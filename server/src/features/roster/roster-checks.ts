// The server's side of the one set of roster checks (shared/src/roster/checks.ts): a refusal that
// carries every problem as a code with parameters, for an import, a new meeting and a single edit.
import {
  HallvoteError,
  memberProblems,
  rosterProblems,
  type ExistingMember,
  type RosterEntry,
  type RosterLine,
  type RosterProblem,
} from '@hallvote/shared';

/** More than any chair reads; the browser found them all before sending anyway. */
const MAX_PROBLEMS_SENT = 100;

function refuse(problems: readonly RosterProblem[]): never {
  throw new HallvoteError('INVALID_ROSTER', { problems: problems.slice(0, MAX_PROBLEMS_SENT) });
}

/** Refuses the lines of a file unless every line passes; `existing` is the roster they are added to. */
export function assertRosterLines(lines: readonly RosterLine[], existing: readonly ExistingMember[] = []): void {
  const problems = rosterProblems(lines, existing);
  if (problems.length > 0) refuse(problems);
}

/** Refuses one member added or edited on their own unless they pass; `others` is the rest of the roster. */
export function assertMember(member: RosterEntry, others: readonly ExistingMember[]): void {
  const problems = memberProblems(member, others);
  if (problems.length > 0) refuse(problems);
}
