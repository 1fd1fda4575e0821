// The store behind the app (server/src/store/): every time it stores comes from the clock createApp
// is given (server/src/context.ts), never from the machine's own; and it compiles no SQL after it
// has opened: every statement is prepared once, in the store's threads.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import type { SqliteStore } from '../../server/src/store/sqlite-store';
import { startHarness, TEST_STORE, type Harness } from '../support/harness';
import { runMeetingLife } from '../support/meeting-life';

const harnesses: Harness[] = [];
afterAll(() => harnesses.forEach((h) => h.cleanup()));

const FIXED = '2031-03-04T05:06:07.000Z';

/** Every non-null value of a column named `at` or `…_at`, in every table. */
function storedTimes(dbFile: string): { column: string; value: unknown }[] {
  const db = new Database(dbFile, { readonly: true });
  const tables = db.prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table'`).all();
  const stamps: { column: string; value: unknown }[] = [];
  for (const { name: table } of tables) {
    const timeColumns = db
      .prepare<[], { name: string }>(`PRAGMA table_info(${table})`)
      .all()
      .map((c) => c.name)
      .filter((c) => c === 'at' || c.endsWith('_at'));
    for (const column of timeColumns)
      for (const row of db.prepare<[], Record<string, unknown>>(`SELECT ${column} FROM ${table}`).all())
        if (row[column] !== null) stamps.push({ column: `${table}.${column}`, value: row[column] });
  }
  db.close();
  return stamps;
}

// SQLite's files and statements; the PostgreSQL store's are tested in test/store/.
describe.skipIf(TEST_STORE !== 'sqlite')('the SQLite store', () => {
  test('meetings, ballots, rounds, votes (cast, changed, on paper) and the audit log are stamped by the app clock', async () => {
    const h = await startHarness(undefined, { clock: { now: () => new Date(FIXED) } });
    harnesses.push(h);
    await runMeetingLife(h);
    await h.stop();
    const stamps = storedTimes(h.dbFile);
    expect([...new Set(stamps.map((s) => s.column))].sort()).toEqual([
      'audit.at',
      'ballots.created_at',
      'meetings.created_at',
      'participation.voted_at',
      'rounds.closed_at',
      'rounds.opened_at',
      'rounds.published_at',
    ]);
    expect(stamps.filter((s) => s.value !== FIXED)).toEqual([]);
  });

  test('once open, the store compiles no SQL: the whole life of a meeting runs on statements prepared at start-up', async () => {
    const h = await startHarness();
    harnesses.push(h);
    await runMeetingLife(h);
    // The store's threads record every prepare, exec and pragma after they opened (sqlite-thread.ts).
    const compiled = await (h.store as SqliteStore).compiledSinceOpen();
    await h.stop();
    expect(compiled).toEqual([]);
  });
});
