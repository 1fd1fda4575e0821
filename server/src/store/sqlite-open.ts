// Opening the SQLite file, for the writer thread (which owns the one write connection) and the
// reader thread (a read-only connection: WAL lets it read while another process holds the write
// lock, so the chair's reads never wait for a write).
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './sqlite-migrations';
import { SCHEMA_SQL, upgradeSchema } from './sqlite-schema';

export interface SqliteOptions {
  /**
   * How long a write waits for another program's lock before it is refused with
   * STORE_UNAVAILABLE (retryable). It waits in the writer thread, never on the event loop.
   */
  readonly busyTimeoutMs?: number;
  /** Further pragmas for the write connection, e.g. `max_page_count = 200` (a full disk, in tests). */
  readonly pragmas?: readonly string[];
}

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

/** The write connection: WAL, synchronous FULL, foreign keys, secure_delete; the schema applied. */
export function openWriteConnection(file: string, options: SqliteOptions): Database.Database {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: a commit is on disk when it returns, so an ack after commit survives a power cut too.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS}`);
  // Deleted rows are overwritten with zeros, not left in free space (see sqlite-scrub.ts).
  db.pragma('secure_delete = ON');
  for (const pragma of options.pragmas ?? []) db.pragma(pragma);
  db.exec(SCHEMA_SQL);
  upgradeSchema(db);
  migrate(db);
  return db;
}

/** A read-only connection to a database the writer has opened (and so created) already. */
export function openReadConnection(file: string): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 2000');
  return db;
}
