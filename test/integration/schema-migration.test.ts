// A database written before rounds kept their roster ordinal and re-votes could be drafted opens
// with both columns added: its rounds have every member on their roster, no re-vote is drafted.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { SCHEMA_SQL } from '../../server/src/store/sqlite-schema';
import { openSqliteStore } from '../../server/src/store/sqlite-store';
import { TEST_STORE } from '../support/harness';

test.skipIf(TEST_STORE !== 'sqlite')('an older SQLite database gains roster_through and revote_drafted', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'hallvote-migration-'));
  try {
    const file = join(dir, 'hallvote.sqlite');
    const older = SCHEMA_SQL.replace(/,\n\s*-- A re-vote prepared[^\n]*\n\s*revote_drafted[^\n]*/, '').replace(
      /\n\s*-- The highest roster ordinal[^\n]*\n\s*roster_through INTEGER,/,
      '',
    );
    expect(older).not.toContain('roster_through');
    expect(older).not.toContain('revote_drafted');
    const db = new Database(file);
    db.exec(older);
    db.exec(`INSERT INTO meetings (id, title, rule_preset_id, rule_preset_version, chair_key, projector_key, created_at)
               VALUES ('m1', 'Old', 'vn-party-classification', 1, 'k', 'p', '2024-01-01T00:00:00Z');
             INSERT INTO ballots VALUES ('b1', 'm1', '{}', '2024-01-01T00:00:00Z');
             INSERT INTO rounds (ballot_id, round, state, opened_at) VALUES ('b1', 1, 'open', '2024-01-01T00:01:00Z');`);
    db.close();
    const store = openSqliteStore(file);
    const [loaded] = await store.loadAll();
    expect(loaded?.ballots[0]?.revoteDrafted).toBe(false);
    expect(loaded?.rounds[0]?.rosterThrough).toBeNull();
    await store.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
