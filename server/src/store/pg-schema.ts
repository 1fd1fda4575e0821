// Opening a PostgreSQL database for the store: the schema (pg-schema.sql) when there is none yet,
// and the settings the store's promises rest on, checked rather than assumed.
import { readFileSync } from 'node:fs';
import type { PoolClient } from 'pg';
import { joinCodeOf } from '../features/badges/join-code';

const SCHEMA_SQL = readFileSync(new URL('./pg-schema.sql', import.meta.url), 'utf8');

/**
 * Creates the schema when the database has none, as the connecting role (which then owns it; see
 * scripts/services.sh for an owner role apart from the server's). A database that has one is left
 * alone: the server's role need not own it. Two stores opening an empty database at once take
 * turns on an advisory lock.
 */
export async function ensureSchema(client: PoolClient): Promise<void> {
  const present = async () =>
    (await client.query<{ t: string | null }>(`SELECT to_regclass('meeting_head')::text AS t`)).rows[0]?.t != null;
  if (await present()) {
    await migrate(client);
    await addColumns(client);
    await addJoinCodes(client);
    return;
  }
  await client.query('BEGIN');
  try {
    await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('hallvote:schema', 0))`);
    if (!(await present())) await client.query(SCHEMA_SQL);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

/** Tables and columns added after the first schema, as pg-schema.sql has them (sqlite-schema.ts likewise). */
const ADDED = [
  `ALTER TABLE delegates ADD COLUMN IF NOT EXISTS weight BIGINT NOT NULL DEFAULT 1 CHECK (weight >= 1)`,
  `ALTER TABLE participation ADD COLUMN IF NOT EXISTS cast_by TEXT`,
  `ALTER TABLE open_votes ADD COLUMN IF NOT EXISTS weight BIGINT`,
  `ALTER TABLE open_votes ADD COLUMN IF NOT EXISTS split TEXT`,
  `CREATE TABLE IF NOT EXISTS proxies (
     id TEXT PRIMARY KEY, meeting_id TEXT NOT NULL REFERENCES meetings(id),
     grantor_id TEXT NOT NULL REFERENCES delegates(id), holder_id TEXT NOT NULL REFERENCES delegates(id),
     instructions TEXT NOT NULL, granted_at TEXT NOT NULL, revoked_at TEXT,
     revoked_by TEXT CHECK (revoked_by IN ('chair', 'arrival')), CHECK (grantor_id <> holder_id))`,
  `CREATE UNIQUE INDEX IF NOT EXISTS proxies_in_force ON proxies(grantor_id) WHERE revoked_at IS NULL`,
  `CREATE INDEX IF NOT EXISTS proxies_meeting ON proxies(meeting_id)`,
  `CREATE TABLE IF NOT EXISTS round_proxies (
     ballot_id TEXT NOT NULL, round INTEGER NOT NULL, grantor_id TEXT NOT NULL, holder_id TEXT NOT NULL,
     PRIMARY KEY (ballot_id, round, grantor_id), FOREIGN KEY (ballot_id, round) REFERENCES rounds(ballot_id, round))`,
] as const;

/** How many of the columns and tables added later a schema lacks. */
async function missing(client: PoolClient): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    `SELECT (SELECT count(*) FROM (VALUES ('meetings', 'rule_preset_version'), ('delegates', 'weight'),
                                          ('participation', 'cast_by'), ('open_votes', 'weight'),
                                          ('open_votes', 'split')) AS wanted(t, c)
              WHERE NOT EXISTS (SELECT 1 FROM information_schema.columns
                                 WHERE table_schema = current_schema() AND table_name = wanted.t
                                   AND column_name = wanted.c))
          + (CASE WHEN to_regclass('proxies') IS NULL THEN 1 ELSE 0 END)
          + (CASE WHEN to_regclass('round_proxies') IS NULL THEN 1 ELSE 0 END) AS n`,
  );
  return Number(rows[0]?.n);
}

/**
 * Columns added after a table was first created, as sqlite-schema.ts's ADDED_COLUMNS: a database
 * made by an earlier build gets them when the store opens.
 */
const ADDED_COLUMNS: readonly { table: string; column: string; type: string }[] = [
  { table: 'rounds', column: 'seal_public_key', type: 'TEXT' },
  { table: 'rounds', column: 'seal_secret_key', type: 'TEXT' },
  { table: 'rounds', column: 'roster_through', type: 'INTEGER' },
  { table: 'ballots', column: 'revote_drafted', type: 'BOOLEAN NOT NULL DEFAULT false' },
  // Filled for existing rows, and indexed, by addJoinCodes.
  { table: 'delegates', column: 'join_code', type: 'TEXT' },
];

/**
 * The columns of ADDED_COLUMNS a database made by an earlier build lacks. Altering a table takes
 * its owner: a database whose owner is not the server's role is migrated by the owner, and until
 * then this refuses to start, naming the statements to run.
 */
async function addColumns(client: PoolClient): Promise<void> {
  const { rows } = await client.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema()`,
  );
  const have = new Set(rows.map((r) => `${r.table_name}.${r.column_name}`));
  const statements = ADDED_COLUMNS.filter((c) => !have.has(`${c.table}.${c.column}`)).map(
    (c) => `ALTER TABLE ${c.table} ADD COLUMN IF NOT EXISTS ${c.column} ${c.type}`,
  );
  if (statements.length === 0) return;
  await client.query('BEGIN');
  try {
    await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('hallvote:schema', 0))`);
    for (const sql of statements) await client.query(sql);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw new Error(
      `the schema lacks columns of this build and this role cannot add them; as the schema owner run: ${statements.join('; ')}`,
      { cause: error },
    );
  }
}

/** What a database made before join codes were looked up in the store lacks (pg-schema.sql has them). */
const JOIN_CODE_SCHEMA = [
  'CREATE INDEX IF NOT EXISTS delegates_join_code ON delegates(join_code)',
  'CREATE TABLE IF NOT EXISTS join_guesses (key TEXT PRIMARY KEY, tokens DOUBLE PRECISION NOT NULL, at_ms DOUBLE PRECISION NOT NULL)',
];

/**
 * delegates.join_code's index and the join_guesses table when missing (made by the owner, as for
 * ADDED_COLUMNS), then the join code of every badge written without one: computed from its token.
 */
async function addJoinCodes(client: PoolClient): Promise<void> {
  const { rows } = await client.query<{ i: string | null; t: string | null }>(
    `SELECT to_regclass('delegates_join_code')::text AS i, to_regclass('join_guesses')::text AS t`,
  );
  if (rows[0]?.i == null || rows[0]?.t == null) {
    await client.query('BEGIN');
    try {
      await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('hallvote:schema', 0))`);
      for (const sql of JOIN_CODE_SCHEMA) await client.query(sql);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw new Error(
        `the schema lacks what join codes need and this role cannot add it; as the schema owner run: ${JOIN_CODE_SCHEMA.join('; ')}`,
        { cause: error },
      );
    }
  }
  const missing = await client.query<{ id: string; token: string }>(
    'SELECT id, token FROM delegates WHERE join_code IS NULL',
  );
  if (missing.rows.length === 0) return;
  await client.query(
    `UPDATE delegates d SET join_code = c.code FROM unnest($1::text[], $2::text[]) AS c(id, code)
      WHERE d.id = c.id AND d.join_code IS NULL`,
    [missing.rows.map((r) => r.id), missing.rows.map((r) => joinCodeOf(r.token))],
  );
}

/**
 * A schema written by an earlier build, brought up to pg-schema.sql's shape; the same steps as
 * sqlite-migrations.ts and sqlite-schema.ts. meetings.rule_preset_version: a meeting without it
 * gets the version its stored results were tallied under, else 1. Then the columns and tables of
 * weights and proxies (every weight 1, no proxy). Altering a table takes its owner: a database
 * whose owner is not the server's role is migrated by the owner (or `npm run services`), and
 * until then this refuses to start rather than run on a schema it cannot write.
 */
async function migrate(client: PoolClient): Promise<void> {
  await ruleVersionAndProxies(client);
  await settingsOfMeetings(client);
}

async function hasColumn(client: PoolClient, table: string, column: string): Promise<boolean> {
  const { rows } = await client.query<{ n: string }>(
    `SELECT count(*) AS n FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name = $1 AND column_name = $2`,
    [table, column],
  );
  return Number(rows[0]?.n) > 0;
}

/** meetings.settings (issue 16): NULL for a meeting stored before it, read as the defaults. */
async function settingsOfMeetings(client: PoolClient): Promise<void> {
  if (await hasColumn(client, 'meetings', 'settings')) return;
  try {
    await client.query('ALTER TABLE meetings ADD COLUMN IF NOT EXISTS settings TEXT');
  } catch (error) {
    throw new Error(
      'meetings has no settings column and this role cannot add it; as the schema owner run ' +
        '"ALTER TABLE meetings ADD COLUMN settings TEXT" (docs/postgres-store.md)',
      { cause: error },
    );
  }
}

/** meetings.rule_preset_version, then the columns and tables of weights and proxies (ADDED). */
async function ruleVersionAndProxies(client: PoolClient): Promise<void> {
  if ((await missing(client)) === 0) return;
  await client.query('BEGIN');
  try {
    await client.query(`SELECT pg_advisory_xact_lock(hashtextextended('hallvote:schema', 0))`);
    const { rows } = await client.query<{ n: string }>(
      `SELECT count(*) AS n FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = 'meetings' AND column_name = 'rule_preset_version'`,
    );
    if (Number(rows[0]?.n) === 0) {
      await client.query(
        `ALTER TABLE meetings ADD COLUMN IF NOT EXISTS rule_preset_version INTEGER NOT NULL DEFAULT 1`,
      );
      await client.query(
        `UPDATE meetings m SET rule_preset_version = coalesce((
           SELECT (r.result::jsonb #>> '{tally,rules,version}')::int
             FROM rounds r JOIN ballots b ON b.id = r.ballot_id
            WHERE b.meeting_id = m.id AND r.result IS NOT NULL
              AND r.result::jsonb #>> '{tally,rules,id}' = m.rule_preset_id
            ORDER BY r.closed_at COLLATE "C" LIMIT 1), 1)`,
      );
    }
    for (const step of ADDED) await client.query(step);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw new Error(
      'the schema lacks columns or tables this build needs and this role cannot add them; as the schema owner ' +
        'run the statements of server/src/store/pg-schema.ts (ADDED), or ' +
        '"ALTER TABLE meetings ADD COLUMN rule_preset_version INTEGER NOT NULL DEFAULT 1" for the oldest ' +
        'schemas (docs/postgres-store.md)',
      { cause: error },
    );
  }
}

/**
 * Refuses a database on which the store could not keep its promises: an ack after commit needs
 * fsync (synchronous_commit is set per connection); the secret-round scrub needs CHECKPOINT
 * (pg_checkpoint) and pg_switch_wal() (docs/postgres-store.md).
 */
export async function checkSettings(client: PoolClient): Promise<void> {
  const { rows } = await client.query<{ fsync: string; sync: string; checkpoint: boolean; switch_wal: boolean }>(
    `SELECT current_setting('fsync') AS fsync, current_setting('synchronous_commit') AS sync,
            (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) OR pg_has_role('pg_checkpoint', 'MEMBER')
              AS checkpoint,
            has_function_privilege('pg_switch_wal()', 'EXECUTE') AS switch_wal`,
  );
  const s = rows[0];
  const problems = [
    s?.fsync === 'on' ? null : 'fsync is off: a commit would not be on disk when acknowledged',
    s?.sync === 'on' ? null : `synchronous_commit is ${s?.sync}, not on`,
    s?.checkpoint ? null : 'the role may not CHECKPOINT (GRANT pg_checkpoint TO <role>)',
    s?.switch_wal
      ? null
      : 'the role may not call pg_switch_wal() (GRANT EXECUTE ON FUNCTION pg_switch_wal() TO <role>)',
  ].filter((p) => p !== null);
  if (problems.length > 0) throw new Error(`this PostgreSQL database cannot hold hallvote: ${problems.join('; ')}`);
}
