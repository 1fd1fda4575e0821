// The secret-round scrub. A b-tree page lays its cells out in the order they were inserted, that is
// in voting order, and the WAL keeps every earlier version of a page; with the audit log (who voted
// when) either one would pair delegates with secret ballots. Once a round stops taking votes its
// rows are written again in key (random) order, the old cells zeroed (secure_delete, set when the
// store opens), and the WAL emptied. Emptying the WAL needs every reader of the file to have moved
// on: another program reading it (a backup tool) can hold that up for as long as it reads, so the
// writer thread tries again until it succeeds, and the chair is told while it waits.
import type Database from 'better-sqlite3';
import type { StorageStatus } from '@hallvote/shared';
import type { SqliteStatements } from './sqlite-statements';

/** Writer threads' scrubbers, by their statements: what a write function can reach. */
const scrubbers = new WeakMap<SqliteStatements, WalScrubber>();

/** Asks the writer thread to empty the WAL after this write's transaction has committed. */
export function requestWalTruncation(s: SqliteStatements): void {
  scrubbers.get(s)?.request();
}

/** Rewrites a round's secret rows in key order; runs inside the write that closes or cancels it. */
export function scrubSecretRound(s: SqliteStatements, ballotId: string, round: number): void {
  const rows = s.secretRows.all(ballotId, round);
  s.deleteSecretRows.run(ballotId, round);
  for (const r of rows) s.insertSecret.run(r.id, ballotId, round, r.marks);
  requestWalTruncation(s);
}

/** How long one attempt waits for readers to move on; the writer thread is blocked meanwhile. */
const ATTEMPT_BUSY_MS = 50;
/** Between attempts while another program holds the WAL. */
const RETRY_MS = 500;

/**
 * Empties the WAL (checkpoint TRUNCATE) when a scrub asked for it, after the commit; while a reader
 * holds it, tries again every RETRY_MS and reports the wait (never silent), until it is done.
 */
export class WalScrubber {
  #requested = false;
  #pendingSince: string | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  readonly #checkpoint;
  readonly #shortWait;
  readonly #normalWait;

  constructor(
    s: SqliteStatements,
    db: Database.Database,
    busyTimeoutMs: number,
    private readonly report: (status: StorageStatus) => void,
  ) {
    scrubbers.set(s, this);
    this.#checkpoint = db.prepare<[], { busy: number; log: number; checkpointed: number }>(
      'PRAGMA wal_checkpoint(TRUNCATE)',
    );
    this.#shortWait = db.prepare(`PRAGMA busy_timeout = ${ATTEMPT_BUSY_MS}`);
    this.#normalWait = db.prepare(`PRAGMA busy_timeout = ${busyTimeoutMs}`);
  }

  get status(): StorageStatus {
    return { scrubPendingSince: this.#pendingSince };
  }

  request(): void {
    this.#requested = true;
  }

  /** After a commit (and once at start-up: a WAL left by a crash holds old pages too). */
  afterCommit(): void {
    if (this.#requested) this.#attempt();
  }

  /** Stops retrying (the store is closing); true when nothing was left waiting. */
  stop(): boolean {
    if (this.#requested) this.#attempt();
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    return !this.#requested;
  }

  #attempt(): void {
    let done = false;
    try {
      this.#shortWait.get();
      done = this.#checkpoint.get()?.busy === 0;
    } catch {
      // SQLITE_BUSY or LOCKED: another program has the file; the next attempt will tell.
    } finally {
      this.#normalWait.get();
    }
    if (done) {
      this.#requested = false;
      if (this.#timer) clearTimeout(this.#timer);
      this.#timer = null;
      if (this.#pendingSince !== null) {
        this.#pendingSince = null;
        this.report(this.status);
      }
      return;
    }
    if (this.#pendingSince === null) {
      this.#pendingSince = new Date().toISOString();
      this.report(this.status);
    }
    if (!this.#timer)
      this.#timer = setTimeout(() => {
        this.#timer = null;
        this.afterCommit();
      }, RETRY_MS);
  }
}
