// The secret-round storage of the PostgreSQL store, and its scrub. A heap table keeps its rows in
// the order they were inserted (ctid), and each row carries the id of the transaction that wrote
// it (xmin), which is the same as that of the delegate's participation row; with the audit log (who
// voted when) either would pair delegates with secret ballots. So each secret round gets a table of
// its own, and when the round closes its rows are copied in key (random) order into a new table,
// in the closing transaction (one xmin for all, ctid in key order), and the old table is dropped
// (a cancelled round's table is dropped without a copy: its ballots are destroyed unseen): its file goes, where deleting rows would leave them in the heap until vacuumed and
// their bytes after. After the commit the WAL moves to a new segment and a checkpoint removes the
// old ones (wal_recycle = off deletes them rather than reusing them with their records inside).
// What this cannot reach (archives, replicas, backups) is in docs/postgres-store.md.
import { createHash, randomBytes } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { Queryable } from './pg-statements';

/** The schema that holds the per-round tables (pg-schema.sql). */
export const BALLOT_BOX = 'ballot_box';

/** The name of a secret round's table: a hash, so nothing in the name needs quoting. */
export function secretTableName(ballotId: string, round: number): string {
  return `r_${createHash('sha256').update(`${ballotId}\n${round}`).digest('hex').slice(0, 40)}`;
}

const qualified = (ballotId: string, round: number) => `${BALLOT_BOX}.${secretTableName(ballotId, round)}`;

// A round counted by weight stores each ballot's weight; tables made by a build before weights have
// no such column, so what reads or copies them names no column it does not need.
const COLUMNS = 'id TEXT NOT NULL, ballot_id TEXT NOT NULL, round INTEGER NOT NULL, marks TEXT NOT NULL, weight BIGINT';

/** Makes the table of a secret round's ballots; runs inside the write that opens the round. */
export async function createSecretRound(client: Queryable, ballotId: string, round: number): Promise<void> {
  await client.query({ text: `CREATE TABLE ${qualified(ballotId, round)} (${COLUMNS}, PRIMARY KEY (id))` });
}

/** Whether the round has a secret table (a round of an open ballot has none). */
export async function hasSecretRound(client: Queryable, ballotId: string, round: number): Promise<boolean> {
  const { rows } = await client.query<{ found: string | null }>({
    text: 'SELECT to_regclass($1)::text AS found',
    values: [qualified(ballotId, round)],
  });
  return rows[0]?.found != null;
}

/** Fisher-Yates with a CSPRNG: the order of a batch's rows must not follow the order of its votes. */
export function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = randomBytes(4).readUInt32BE(0) % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** A secret ballot as stored: its marks (JSON) and, in a round counted by weight, its weight. */
export interface SecretRow {
  readonly marks: string;
  readonly weight: number | null;
}

/** Inserts a batch's secret ballots of one round, shuffled, each under a random key. */
export async function insertSecretBallots(
  client: Queryable,
  ballotId: string,
  round: number,
  ballots: readonly SecretRow[],
): Promise<void> {
  const rows = shuffled(ballots);
  // Only a round counted by weight names the column: an older round's table may not have it.
  const weighted = rows.some((r) => r.weight !== null);
  await client.query({
    text: weighted
      ? `INSERT INTO ${qualified(ballotId, round)} (id, ballot_id, round, marks, weight)
         SELECT v.id, $2, $3, v.marks, v.weight FROM unnest($1::text[], $4::text[], $5::bigint[]) AS v(id, marks, weight)`
      : `INSERT INTO ${qualified(ballotId, round)} (id, ballot_id, round, marks)
         SELECT v.id, $2, $3, v.marks FROM unnest($1::text[], $4::text[]) AS v(id, marks)`,
    values: [
      rows.map(() => randomBytes(16).toString('hex')),
      ballotId,
      round,
      rows.map((r) => r.marks),
      ...(weighted ? [rows.map((r) => r.weight)] : []),
    ],
  });
}

/** A secret round's ballots (anonymous rows), or none when the round has no secret table. */
export async function readSecretBallots(client: Queryable, ballotId: string, round: number): Promise<SecretRow[]> {
  if (!(await hasSecretRound(client, ballotId, round))) return [];
  const { rows } = await client.query<{ marks: string; weight: string | null }>({
    text: `SELECT marks, to_jsonb(t) ->> 'weight' AS weight FROM ${qualified(ballotId, round)} t`,
  });
  return rows.map((r) => ({ marks: r.marks, weight: r.weight === null ? null : Number(r.weight) }));
}

/**
 * Rewrites a round's secret rows in key order into a new table and drops the old one; runs inside
 * the write that closes the round (a cancel destroys them instead: destroySecretRound). The primary key is built after the copy, so the new
 * index is written once, in order, too.
 */
export async function scrubSecretRound(client: Queryable, ballotId: string, round: number): Promise<void> {
  if (!(await hasSecretRound(client, ballotId, round))) return;
  const name = secretTableName(ballotId, round);
  const old = `${BALLOT_BOX}.${name}`;
  const fresh = `${BALLOT_BOX}.${name}_new`;
  await client.query({
    text: `CREATE TABLE ${fresh} (LIKE ${old});
           INSERT INTO ${fresh} SELECT * FROM ${old} ORDER BY id;
           DROP TABLE ${old};
           ALTER TABLE ${fresh} RENAME TO ${name};
           ALTER TABLE ${old} ADD PRIMARY KEY (id);`,
  });
}

/**
 * Destroys a cancelled round's secret ballots unseen: the table is dropped (its file goes, as after
 * a close's rewrite), and only how many there were is returned, for the audit entry. Runs inside
 * the write that cancels the round; the caller drops the old WAL after the commit.
 */
export async function destroySecretRound(client: Queryable, ballotId: string, round: number): Promise<number> {
  if (!(await hasSecretRound(client, ballotId, round))) return 0;
  const table = qualified(ballotId, round);
  const { rows } = await client.query<{ n: string }>({ text: `SELECT count(*) AS n FROM ${table}` });
  await client.query({ text: `DROP TABLE ${table}` });
  return Number(rows[0]?.n ?? 0);
}

/**
 * After a close has committed: a new WAL segment, then a checkpoint, which removes the segments
 * before it (those holding the round's votes in voting order) and the dropped table's file.
 */
export async function dropOldWal(client: PoolClient): Promise<void> {
  await client.query('SELECT pg_switch_wal()');
  await client.query('CHECKPOINT');
}
