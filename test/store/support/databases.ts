// The two stores the contract suite runs against, each on a new, empty database, with what a
// test needs to look underneath the Store interface: every table's rows, and whether the database
// lets the audit log be changed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { secretTableName } from '../../../server/src/store/pg-scrub';
import { openPgStore } from '../../../server/src/store/pg-store';
import { openSqliteStore } from '../../../server/src/store/sqlite-store';
import type { Store } from '../../../server/src/store/store';
import { asAdmin, freshDatabase } from '../../support/postgres';

export type Row = Record<string, unknown>;
export type AuditTamper = 'UPDATE' | 'DELETE' | 'TRUNCATE';

export interface TestDb {
  /** A store on this database; several may be open at once (PostgreSQL) or one after the other. */
  open(): Promise<Store>;
  /** Every table that holds rows, by the name `rows` takes. */
  tables(): Promise<string[]>;
  rows(table: string): Promise<Row[]>;
  /** The columns of the table(s) that hold a round's secret ballots. */
  secretColumns(ballotId: string, round: number): Promise<string[]>;
  /** Tries to change the audit log as the server's own connection would; the refusals, one per way tried. */
  tamperAudit(how: AuditTamper): Promise<string[]>;
  dispose(): Promise<void>;
}

export interface StoreKind {
  readonly name: 'sqlite' | 'pg';
  create(): Promise<TestDb>;
}

const refusal = (run: () => unknown) => {
  try {
    run();
    return 'allowed';
  } catch (error) {
    return (error as Error).message;
  }
};

async function asyncRefusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return 'allowed';
  } catch (error) {
    return (error as Error).message;
  }
}

const SQLITE_TAMPER: Record<AuditTamper, string> = {
  UPDATE: `UPDATE audit SET action = 'x'`,
  // SQLite has no TRUNCATE; a DELETE without WHERE is its truncate optimisation.
  DELETE: 'DELETE FROM audit WHERE seq = 1',
  TRUNCATE: 'DELETE FROM audit',
};

export const sqliteKind: StoreKind = {
  name: 'sqlite',
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'hallvote-contract-'));
    const file = join(dir, 'hallvote.sqlite');
    const withDb = <T>(body: (db: Database.Database) => T): T => {
      const db = new Database(file);
      try {
        return body(db);
      } finally {
        db.close();
      }
    };
    return {
      open: async () => openSqliteStore(file),
      tables: async () =>
        withDb((db) =>
          db
            .prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`)
            .all()
            .map((t) => t.name),
        ),
      rows: async (table) => withDb((db) => db.prepare<[], Row>(`SELECT * FROM ${table}`).all()),
      secretColumns: async () =>
        withDb((db) =>
          db
            .prepare<[], { name: string }>('PRAGMA table_info(secret_ballots)')
            .all()
            .map((c) => c.name)
            .sort(),
        ),
      tamperAudit: async (how) => withDb((db) => [refusal(() => db.prepare(SQLITE_TAMPER[how]).run())]),
      dispose: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};

export const pgKind: StoreKind = {
  name: 'pg',
  async create() {
    const db = await freshDatabase();
    const stores: Store[] = [];
    const admin = <T>(body: (client: pg.Client) => Promise<T>) => asAdmin(db, body);
    return {
      async open() {
        const store = await openPgStore(db.url, { poolSize: 4 });
        stores.push(store);
        return store;
      },
      tables: () =>
        admin(async (c) =>
          (
            await c.query<{ t: string }>(
              `SELECT schemaname || '.' || tablename AS t FROM pg_tables
                WHERE schemaname IN ('public', 'ballot_box') ORDER BY 1`,
            )
          ).rows.map((r) => r.t),
        ),
      rows: (table) => admin(async (c) => (await c.query<Row>(`SELECT * FROM ${table}`)).rows),
      secretColumns: (ballotId, round) =>
        admin(async (c) => {
          const { rows } = await c.query<{ column_name: string }>(
            `SELECT column_name FROM information_schema.columns WHERE table_schema = 'ballot_box' AND table_name = $1`,
            [secretTableName(ballotId, round)],
          );
          return rows.map((r) => r.column_name).sort();
        }),
      async tamperAudit(how) {
        const sql = {
          UPDATE: `UPDATE audit SET action = 'x'`,
          DELETE: 'DELETE FROM audit',
          TRUNCATE: 'TRUNCATE audit',
        }[how];
        // The server's role has no such privilege; the owner (here a superuser) meets the triggers.
        const app = new pg.Client({ connectionString: db.url });
        await app.connect();
        const asApp = await asyncRefusal(() => app.query(sql)).finally(() => app.end());
        const asOwner = await admin((c) => asyncRefusal(() => c.query(sql)));
        return [asApp, asOwner];
      },
      async dispose() {
        await Promise.allSettled(stores.map((s) => s.close()));
      },
    };
  },
};

export const STORE_KINDS: readonly StoreKind[] = [sqliteKind, pgKind];
