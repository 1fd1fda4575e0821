// Changes to the schema of a database written by an earlier build, run when the store opens,
// after SCHEMA_SQL (which creates what is missing, never alters what exists). Each step checks
// for itself whether it is needed, so running them again changes nothing.
import type Database from 'better-sqlite3';
import { joinCodeOf } from '../features/badges/join-code';

function hasColumn(db: Database.Database, table: string, column: string): boolean {
  return db
    .prepare<[], { name: string }>(`PRAGMA table_info(${table})`)
    .all()
    .some((c) => c.name === column);
}

/**
 * meetings.rule_preset_version. Before it, a meeting stored only its preset's id and resolved to
 * the preset's newest version, so a new version silently changed an old meeting's rules. A row
 * without it gets the version its stored results were tallied under (a result names it), else
 * version 1: every preset had only version 1 when the builds without the column were current.
 */
function ruleVersionOfMeetings(db: Database.Database): void {
  if (hasColumn(db, 'meetings', 'rule_preset_version')) return;
  db.exec(`
    ALTER TABLE meetings ADD COLUMN rule_preset_version INTEGER NOT NULL DEFAULT 1;
    UPDATE meetings SET rule_preset_version = coalesce((
      SELECT json_extract(r.result, '$.tally.rules.version')
        FROM rounds r JOIN ballots b ON b.id = r.ballot_id
       WHERE b.meeting_id = meetings.id AND r.result IS NOT NULL
         AND json_extract(r.result, '$.tally.rules.id') = meetings.rule_preset_id
       ORDER BY r.closed_at LIMIT 1), 1);
  `);
}

/**
 * meetings.settings (form of address, time zone, minutes header; issue 16). A meeting stored
 * before it keeps NULL, read as the defaults: "đồng chí", Asia/Ho_Chi_Minh, a header to fill in.
 */
function settingsOfMeetings(db: Database.Database): void {
  if (hasColumn(db, 'meetings', 'settings')) return;
  db.exec('ALTER TABLE meetings ADD COLUMN settings TEXT');
}

/**
 * delegates.join_code, for rows written before it (or by another program): computed from each
 * token, then indexed. The index is made here, after upgradeSchema has added the column.
 */
function joinCodesOfDelegates(db: Database.Database): void {
  const missing = db.prepare<[], { id: string; token: string }>(
    'SELECT id, token FROM delegates WHERE join_code IS NULL',
  );
  const fill = db.prepare<[code: string, id: string]>('UPDATE delegates SET join_code = ? WHERE id = ?');
  for (const row of missing.all()) fill.run(joinCodeOf(row.token), row.id);
  db.exec('CREATE INDEX IF NOT EXISTS delegates_join_code ON delegates(join_code)');
}

/** Brings an older database up to SCHEMA_SQL's shape, in one transaction. */
export function migrate(db: Database.Database): void {
  db.transaction(() => {
    ruleVersionOfMeetings(db);
    settingsOfMeetings(db);
    joinCodesOfDelegates(db);
  })();
}
