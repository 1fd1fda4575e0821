// The secret-round scrub. A b-tree page lays its cells out in the order they were inserted, that is
// in voting order, and the WAL keeps every earlier version of a page; with the audit log (who voted
// when) either one would pair delegates with secret ballots. Once a round stops taking votes its
// rows are written again in key (random) order, the old cells zeroed (secure_delete, set when the
// store opens), and the WAL emptied.
//
// The rewrite of a large round takes a while (10,000 ballots of 50 sub-units: half a second), so
// it runs right after the close is committed and answered, in the writer thread, before any later
// write; a marker written with the close makes the next start finish it if the process dies in
// between. Emptying the WAL needs every reader of the file to have moved on: another program
// reading it (a backup tool) can hold that up for as long as it reads, so the thread tries again
// until it succeeds, and the chair is told while it waits.
import type Database from 'better-sqlite3';
import type { StorageStatus } from '@hallvote/shared';
import type { SqliteStatements } from './sqlite-statements';

/** Writer threads' scrubbers, by their statements: what a write function can reach. */
const scrubbers = new WeakMap<SqliteStatements, SecretScrubber>();

/** Asks the writer thread to empty the WAL after this write's transaction has committed. */
export function requestWalTruncation(s: SqliteStatements): void {
  scrubbers.get(s)?.requestTruncation();
}

/** Rewrites a round's secret rows in key order, now, in the caller's transaction. */
export function scrubSecretRound(s: SqliteStatements, ballotId: string, round: number): void {
  const rows = s.secretRows.all(ballotId, round);
  s.deleteSecretRows.run(ballotId, round);
  for (const r of rows) s.insertSecret.run(r.id, ballotId, round, r.marks, r.weight);
  requestWalTruncation(s);
}

/**
 * Inside the write that closes or cancels a round: its secret rows are rewritten right after this
 * transaction commits and is answered (the marker goes in with it). Without a writer thread's
 * scrubber, at once.
 */
export function scrubAfterCommit(s: SqliteStatements, ballotId: string, round: number): void {
  const scrubber = scrubbers.get(s);
  if (!scrubber) {
    scrubSecretRound(s, ballotId, round);
    return;
  }
  s.markScrubPending.run(ballotId, round);
  scrubber.requestRewrite();
}

/** How long one attempt waits for another program's lock or readers; the writer thread waits meanwhile. */
const ATTEMPT_BUSY_MS = 50;
/** Between attempts while another program holds the file. */
const RETRY_MS = 500;

export class SecretScrubber {
  #rewrite = false;
  #truncate = false;
  #pendingSince: string | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  readonly #sql;

  constructor(
    private readonly s: SqliteStatements,
    private readonly db: Database.Database,
    busyTimeoutMs: number,
    private readonly report: (status: StorageStatus) => void,
  ) {
    scrubbers.set(s, this);
    this.#sql = {
      begin: db.prepare('BEGIN IMMEDIATE'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
      checkpoint: db.prepare<[], { busy: number }>('PRAGMA wal_checkpoint(TRUNCATE)'),
      shortWait: db.prepare(`PRAGMA busy_timeout = ${ATTEMPT_BUSY_MS}`),
      normalWait: db.prepare(`PRAGMA busy_timeout = ${busyTimeoutMs}`),
    };
  }

  get status(): StorageStatus {
    return { scrubPendingSince: this.#pendingSince };
  }

  requestRewrite(): void {
    this.#rewrite = true;
  }

  requestTruncation(): void {
    this.#truncate = true;
  }

  /**
   * Does what was asked: rewrites the marked rounds, then empties the WAL. Runs after a group
   * transaction's answers have left, at start-up (rounds a dead process left marked, a WAL left by
   * a crash), and again every RETRY_MS while another program holds the file.
   */
  run(): void {
    if (!this.#rewrite && !this.#truncate) return;
    const done = this.#withShortWait(() => (!this.#rewrite || this.#rewriteMarked()) && this.#emptyWal());
    if (done) {
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
    this.#timer ??= setTimeout(() => {
      this.#timer = null;
      this.run();
    }, RETRY_MS);
  }

  /** A last attempt (the store is closing); true when nothing was left undone. */
  stop(): boolean {
    this.run();
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    return !this.#rewrite && !this.#truncate;
  }

  #rewriteMarked(): boolean {
    try {
      this.#sql.begin.run();
      for (const r of this.s.scrubsPending.all()) {
        scrubSecretRound(this.s, r.ballot_id, r.round);
        this.s.scrubDone.run(r.ballot_id, r.round);
      }
      this.#sql.commit.run();
      this.#rewrite = false;
      this.#truncate = true;
      return true;
    } catch {
      // Another program's lock, or a full disk: the marker stays; the next attempt will tell.
      if (this.db.inTransaction) this.#sql.rollback.run();
      return false;
    }
  }

  #emptyWal(): boolean {
    if (!this.#truncate) return true;
    try {
      if (this.#sql.checkpoint.get()?.busy !== 0) return false;
      this.#truncate = false;
      return true;
    } catch {
      return false;
    }
  }

  #withShortWait(work: () => boolean): boolean {
    this.#sql.shortWait.get();
    try {
      return work();
    } finally {
      this.#sql.normalWait.get();
    }
  }
}
