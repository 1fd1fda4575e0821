// The secret-round scrub. A b-tree page lays its cells out in the order they were inserted, that is
// in voting order, and the WAL keeps every earlier version of a page; with the audit log (who voted
// when) either one would pair delegates with secret ballots. Once a round stops taking votes its
// rows are written again in key (random) order, the old cells zeroed (secure_delete, set when the
// store opens), and the WAL emptied.
import type { SqliteStatements } from './sqlite-statements';

/** Rewrites a round's secret rows in key order; runs inside the write that closes or cancels it. */
export function scrubSecretRound(s: SqliteStatements, ballotId: string, round: number): void {
  const rows = s.secretRows.all(ballotId, round);
  s.deleteSecretRows.run(ballotId, round);
  for (const r of rows) s.insertSecret.run(r.id, ballotId, round, r.marks, r.weight);
}

/** Copies the WAL into the database and truncates it; runs between group transactions. */
export function truncateWal(s: SqliteStatements): void {
  s.truncateWal.get();
}
