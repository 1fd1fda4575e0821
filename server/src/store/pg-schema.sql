-- The PostgreSQL schema: the tables and columns of the SQLite store (sqlite-schema.ts), so that
-- rows.ts maps both, plus `meeting_head`, the row every write transaction of a meeting locks first.
-- Run by the store when the database has no schema yet, and by scripts/services.sh as the owner
-- role (the server's role then gets no UPDATE, DELETE or TRUNCATE on the audit log). Times are the
-- app clock's ISO strings and JSON is text, as in SQLite. See docs/postgres-store.md.

-- A secret round's ballots: one table per round, ballot_box.r_<hash of ballot id and round>, made
-- when the round opens and rewritten into fresh storage when it closes (pg-scrub.ts).
CREATE SCHEMA IF NOT EXISTS ballot_box;

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

-- One row per meeting, locked FOR UPDATE by every write transaction of the meeting: it orders the
-- meeting's writes (and so its audit chain) across connections and nodes. `epoch` fences a node
-- that lost the meeting: a write whose store claimed an older epoch is refused.
CREATE TABLE IF NOT EXISTS meeting_head (
  meeting_id TEXT PRIMARY KEY REFERENCES meetings(id),
  epoch      INTEGER NOT NULL DEFAULT 0,
  audit_seq  INTEGER NOT NULL DEFAULT 0,
  audit_hash TEXT
);

CREATE TABLE IF NOT EXISTS delegates (
  id            TEXT PRIMARY KEY,
  meeting_id    TEXT NOT NULL REFERENCES meetings(id),
  ordinal       INTEGER NOT NULL,
  name          TEXT NOT NULL,
  position      TEXT NOT NULL,
  grp           TEXT NOT NULL,
  token         TEXT NOT NULL UNIQUE,
  -- The badge's join code (features/badges/join-code.ts), written with the token: any node finds
  -- a badge typed at /j by it. Not unique: two badges may share one (both are refused at /j).
  join_code     TEXT,
  attendance    TEXT NOT NULL CHECK (attendance IN ('absent', 'present', 'excused')),
  checked_in_by TEXT CHECK (checked_in_by IN ('phone', 'chair')),
  -- What the member weighs where a rule counts weight (shares, members represented).
  weight        BIGINT NOT NULL DEFAULT 1 CHECK (weight >= 1)
);
CREATE INDEX IF NOT EXISTS delegates_meeting ON delegates(meeting_id, ordinal);
CREATE INDEX IF NOT EXISTS delegates_join_code ON delegates(join_code);

-- The budget of wrong join codes that every node spends (features/badges/join-code-limit.ts,
-- pg-join-guesses.ts): the row 'hall' for the whole server, 'a:<address>' per address. A token
-- bucket per row, at_ms by the nodes' clocks; a full bucket is deleted (it is no bucket).
CREATE TABLE IF NOT EXISTS join_guesses (
  key    TEXT PRIMARY KEY,
  tokens DOUBLE PRECISION NOT NULL,
  at_ms  DOUBLE PRECISION NOT NULL
);

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
  revote_drafted BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX IF NOT EXISTS ballots_meeting ON ballots(meeting_id);

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
);

-- Ballots issued: every delegate present at some moment while the round was open.
CREATE TABLE IF NOT EXISTS issued (
  ballot_id   TEXT NOT NULL,
  round       INTEGER NOT NULL,
  delegate_id TEXT NOT NULL,
  PRIMARY KEY (ballot_id, round, delegate_id),
  FOREIGN KEY (ballot_id, round) REFERENCES rounds(ballot_id, round)
);

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
);

-- Open (named) ballots only.
CREATE TABLE IF NOT EXISTS open_votes (
  ballot_id   TEXT NOT NULL,
  round       INTEGER NOT NULL,
  delegate_id TEXT NOT NULL,
  marks       TEXT NOT NULL,
  -- In a round counted by weight, the member's weight.
  weight      BIGINT,
  -- A proxy holder's split ballot (JSON), cast for themself and others; marks then '{}'.
  split       TEXT,
  PRIMARY KEY (ballot_id, round, delegate_id),
  FOREIGN KEY (ballot_id, round, delegate_id) REFERENCES participation(ballot_id, round, delegate_id)
);

-- Paper ballots counted by the counting committee, per round.
CREATE TABLE IF NOT EXISTS paper_totals (
  ballot_id TEXT NOT NULL,
  round     INTEGER NOT NULL,
  totals    TEXT NOT NULL,
  PRIMARY KEY (ballot_id, round),
  FOREIGN KEY (ballot_id, round) REFERENCES rounds(ballot_id, round)
);

-- Append-only, hash-chained: every state change, with time, actor and action, never a secret
-- ballot's content. Statement triggers refuse UPDATE, DELETE (even of no row) and TRUNCATE for
-- every role but a superuser who disables them; the server's role lacks the privileges as well
-- when provisioned by scripts/services.sh; the chain exposes an edit anyway.
CREATE TABLE IF NOT EXISTS audit (
  meeting_id TEXT NOT NULL REFERENCES meetings(id),
  seq        INTEGER NOT NULL,
  at         TEXT NOT NULL,
  actor      TEXT NOT NULL,
  action     TEXT NOT NULL,
  details    TEXT NOT NULL,
  prev_hash  TEXT NOT NULL,
  hash       TEXT NOT NULL,
  PRIMARY KEY (meeting_id, seq)
);

CREATE OR REPLACE FUNCTION audit_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE OR REPLACE TRIGGER audit_no_change BEFORE UPDATE OR DELETE ON audit
  FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
CREATE OR REPLACE TRIGGER audit_no_truncate BEFORE TRUNCATE ON audit
  FOR EACH STATEMENT EXECUTE FUNCTION audit_append_only();
