/**
 * The SQLite schema. Secrecy is structural: a secret ballot's content lives in `secret_ballots`,
 * which has no delegate, no vote id, no receipt and no time, under a random primary key, so query
 * order says nothing. Who voted lives in `participation`, which never holds a choice. On disk, a
 * page keeps its cells in insertion order and the WAL keeps older page versions, so while a round
 * is open a copy of the files could still reveal voting order; right after the close the store
 * rewrites the round's rows in key order with secure_delete and empties the WAL (see sqlite-scrub.ts).
 */
export const SCHEMA_SQL = `
CREATE TABLE IF NOT EXISTS meetings (
  id             TEXT PRIMARY KEY,
  title          TEXT NOT NULL,
  rule_preset_id TEXT NOT NULL,
  rule_preset_version INTEGER NOT NULL,
  chair_key      TEXT NOT NULL,
  projector_key  TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  settings       TEXT
);

CREATE TABLE IF NOT EXISTS delegates (
  id            TEXT PRIMARY KEY,
  meeting_id    TEXT NOT NULL REFERENCES meetings(id),
  ordinal       INTEGER NOT NULL,
  name          TEXT NOT NULL,
  position      TEXT NOT NULL,
  grp           TEXT NOT NULL,
  token         TEXT NOT NULL UNIQUE,
  -- The badge's join code (features/badges/join-code.ts), written with the token: /j finds a
  -- badge by it. Not unique: two badges may share one (both are refused at /j).
  join_code     TEXT,
  attendance    TEXT NOT NULL CHECK (attendance IN ('absent', 'present', 'excused')),
  checked_in_by TEXT CHECK (checked_in_by IN ('phone', 'chair')),
  -- What the member weighs where a rule counts weight (shares, members represented).
  weight        INTEGER NOT NULL DEFAULT 1 CHECK (weight >= 1)
);
CREATE INDEX IF NOT EXISTS delegates_meeting ON delegates(meeting_id, ordinal);

-- Proxies the chair recorded: the grantor's vote goes to the holder for the rounds opened while it
-- is in force. Taken back by the chair, or by the grantor arriving.
CREATE TABLE IF NOT EXISTS proxies (
  id           TEXT PRIMARY KEY,
  meeting_id   TEXT NOT NULL REFERENCES meetings(id),
  grantor_id   TEXT NOT NULL REFERENCES delegates(id),
  holder_id    TEXT NOT NULL REFERENCES delegates(id),
  instructions TEXT NOT NULL,
  granted_at   TEXT NOT NULL,
  revoked_at   TEXT,
  revoked_by   TEXT CHECK (revoked_by IN ('chair', 'arrival')),
  CHECK (grantor_id <> holder_id)
);
-- One proxy in force per grantor: the database refuses a second, whatever memory says.
CREATE UNIQUE INDEX IF NOT EXISTS proxies_in_force ON proxies(grantor_id) WHERE revoked_at IS NULL;
CREATE INDEX IF NOT EXISTS proxies_meeting ON proxies(meeting_id);

CREATE TABLE IF NOT EXISTS ballots (
  id             TEXT PRIMARY KEY,
  meeting_id     TEXT NOT NULL REFERENCES meetings(id),
  definition     TEXT NOT NULL,
  created_at     TEXT NOT NULL,
  -- A re-vote prepared, not opened yet (sqlite-migrations.ts adds it to older databases).
  revote_drafted INTEGER NOT NULL DEFAULT 0 CHECK (revote_drafted IN (0, 1))
);

CREATE TABLE IF NOT EXISTS rounds (
  ballot_id    TEXT NOT NULL REFERENCES ballots(id),
  round        INTEGER NOT NULL CHECK (round >= 1),
  state        TEXT NOT NULL CHECK (state IN ('open', 'closed', 'published', 'cancelled')),
  opened_at    TEXT NOT NULL,
  closes_at    TEXT,
  closed_at    TEXT,
  published_at TEXT,
  result       TEXT,
  -- Secret rounds: the X25519 key pair phones seal their marks to; the secret half only while open.
  seal_public_key TEXT,
  seal_secret_key TEXT,
  -- The highest roster ordinal at opening: the round's roster (null: every member; older rounds).
  roster_through INTEGER,
  PRIMARY KEY (ballot_id, round)
);

-- The proxies a round opened with: in that round the holder votes for the grantor, and only they.
CREATE TABLE IF NOT EXISTS round_proxies (
  ballot_id  TEXT NOT NULL,
  round      INTEGER NOT NULL,
  grantor_id TEXT NOT NULL,
  holder_id  TEXT NOT NULL,
  PRIMARY KEY (ballot_id, round, grantor_id),
  FOREIGN KEY (ballot_id, round) REFERENCES rounds(ballot_id, round)
) WITHOUT ROWID;

-- Ballots issued: every delegate present at some moment while the round was open.
CREATE TABLE IF NOT EXISTS issued (
  ballot_id   TEXT NOT NULL,
  round       INTEGER NOT NULL,
  delegate_id TEXT NOT NULL,
  PRIMARY KEY (ballot_id, round, delegate_id),
  FOREIGN KEY (ballot_id, round) REFERENCES rounds(ballot_id, round)
) WITHOUT ROWID;

-- At most one vote per delegate per round: this primary key is the guarantee.
CREATE TABLE IF NOT EXISTS participation (
  ballot_id   TEXT NOT NULL,
  round       INTEGER NOT NULL,
  delegate_id TEXT NOT NULL REFERENCES delegates(id),
  vote_id     TEXT NOT NULL,
  receipt     TEXT NOT NULL,
  voted_at    TEXT NOT NULL,
  channel     TEXT NOT NULL DEFAULT 'online' CHECK (channel IN ('online', 'paper')),
  -- The proxy holder who cast this member's vote; NULL when the member voted themself.
  cast_by     TEXT,
  PRIMARY KEY (ballot_id, round, delegate_id),
  FOREIGN KEY (ballot_id, round) REFERENCES rounds(ballot_id, round)
) WITHOUT ROWID;

-- Open (named) ballots only.
CREATE TABLE IF NOT EXISTS open_votes (
  ballot_id   TEXT NOT NULL,
  round       INTEGER NOT NULL,
  delegate_id TEXT NOT NULL,
  marks       TEXT NOT NULL,
  -- In a round counted by weight, the member's weight.
  weight      INTEGER,
  -- A proxy holder's split ballot (JSON), cast for themself and others; marks then '{}'.
  split       TEXT,
  PRIMARY KEY (ballot_id, round, delegate_id),
  FOREIGN KEY (ballot_id, round, delegate_id) REFERENCES participation(ballot_id, round, delegate_id)
) WITHOUT ROWID;

-- Secret ballots only: the paper in the box.
CREATE TABLE IF NOT EXISTS secret_ballots (
  id        TEXT PRIMARY KEY,
  ballot_id TEXT NOT NULL,
  round     INTEGER NOT NULL,
  marks     TEXT NOT NULL,
  -- In a round counted by weight, the ballot's weight (its member's, or a part of a split's).
  weight    INTEGER,
  FOREIGN KEY (ballot_id, round) REFERENCES rounds(ballot_id, round)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS secret_ballots_round ON secret_ballots(ballot_id, round);

-- Rounds closed or cancelled whose secret rows are still to be rewritten (sqlite-scrub.ts): written
-- with the close, deleted with the rewrite, so a process that dies in between finishes it at start.
CREATE TABLE IF NOT EXISTS scrub_pending (
  ballot_id TEXT NOT NULL,
  round     INTEGER NOT NULL,
  PRIMARY KEY (ballot_id, round)
) WITHOUT ROWID;

-- Paper ballots counted by the counting committee, per round.
CREATE TABLE IF NOT EXISTS paper_totals (
  ballot_id TEXT NOT NULL,
  round     INTEGER NOT NULL,
  totals    TEXT NOT NULL,
  PRIMARY KEY (ballot_id, round),
  FOREIGN KEY (ballot_id, round) REFERENCES rounds(ballot_id, round)
) WITHOUT ROWID;

-- Append-only, hash-chained: every state change, with time, actor and action, never a secret
-- ballot's content. The triggers refuse edits and deletions; the chain exposes them anyway.
CREATE TABLE IF NOT EXISTS audit (
  meeting_id TEXT NOT NULL,
  seq        INTEGER NOT NULL,
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  action     TEXT NOT NULL,
  details    TEXT NOT NULL,
  prev_hash  TEXT NOT NULL,
  hash       TEXT NOT NULL,
  PRIMARY KEY (meeting_id, seq)
) WITHOUT ROWID;
CREATE TRIGGER IF NOT EXISTS audit_no_update BEFORE UPDATE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_no_delete BEFORE DELETE ON audit
  BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
`;

/** Columns added after a table was first created: ALTER TABLE for a database made before them. */
const ADDED_COLUMNS: readonly { table: string; column: string; type: string }[] = [
  { table: 'rounds', column: 'seal_public_key', type: 'TEXT' },
  { table: 'rounds', column: 'seal_secret_key', type: 'TEXT' },
  { table: 'delegates', column: 'weight', type: 'INTEGER NOT NULL DEFAULT 1 CHECK (weight >= 1)' },
  { table: 'participation', column: 'cast_by', type: 'TEXT' },
  { table: 'open_votes', column: 'weight', type: 'INTEGER' },
  { table: 'open_votes', column: 'split', type: 'TEXT' },
  { table: 'secret_ballots', column: 'weight', type: 'INTEGER' },
  // Issue 15. Older rounds keep null: no member could be added once voting had started, so every
  // member is on their roster; and no re-vote was ever left unopened.
  { table: 'rounds', column: 'roster_through', type: 'INTEGER' },
  // Filled for existing rows, and indexed, by sqlite-migrations.ts.
  { table: 'delegates', column: 'join_code', type: 'TEXT' },
  {
    table: 'ballots',
    column: 'revote_drafted',
    type: 'INTEGER NOT NULL DEFAULT 0 CHECK (revote_drafted IN (0, 1))',
  },
];

/** Brings a database made by an earlier version up to SCHEMA_SQL. */
export function upgradeSchema(db: { prepare(sql: string): { all(): unknown[]; run(): unknown } }): void {
  for (const { table, column, type } of ADDED_COLUMNS) {
    const columns = db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[];
    if (!columns.some((c) => c.name === column)) db.prepare(`ALTER TABLE ${table} ADD COLUMN ${column} ${type}`).run();
  }
}
