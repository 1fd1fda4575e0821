import type Database from 'better-sqlite3';

interface Pending {
  readonly run: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (reason: unknown) => void;
}

/**
 * Group commit. Writes requested in the same event-loop turn run in one SQLite transaction, each
 * inside its own savepoint so that one refused write (a duplicate vote) does not undo the others.
 * A write's promise settles only after COMMIT returns, i.e. after the data is on disk: that is
 * what lets a handler ack a vote after `await`. One fsync serves a whole burst of votes.
 */
export class WriteQueue {
  private pending: Pending[] = [];
  private scheduled = false;
  private idle: Promise<void> = Promise.resolve();
  private settleIdle: (() => void) | null = null;

  // Prepared once, like every other statement of the store.
  private readonly tx;

  constructor(private readonly db: Database.Database) {
    this.tx = {
      begin: db.prepare('BEGIN IMMEDIATE'),
      savepoint: db.prepare('SAVEPOINT op'),
      release: db.prepare('RELEASE op'),
      rollbackTo: db.prepare('ROLLBACK TO op'),
      commit: db.prepare('COMMIT'),
      rollback: db.prepare('ROLLBACK'),
    };
  }

  /** Runs `write` inside the next group transaction; resolves with its result after commit. */
  enqueue<T>(write: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ run: write, resolve: resolve as (v: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        this.idle = new Promise((r) => (this.settleIdle = r));
        setImmediate(() => this.flush());
      }
    });
  }

  /** Resolves once every write queued so far has been committed (or refused). */
  drained(): Promise<void> {
    return this.idle;
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    this.scheduled = false;
    const outcomes: ({ ok: true; value: unknown } | { ok: false; error: unknown })[] = [];
    try {
      this.tx.begin.run();
      for (const item of batch) {
        this.tx.savepoint.run();
        try {
          outcomes.push({ ok: true, value: item.run() });
          this.tx.release.run();
        } catch (error) {
          this.tx.rollbackTo.run();
          this.tx.release.run();
          outcomes.push({ ok: false, error });
        }
      }
      this.tx.commit.run();
    } catch (error) {
      // BEGIN or COMMIT failed: nothing of this batch is stored, so nothing may be acked.
      if (this.db.inTransaction) this.tx.rollback.run();
      for (const item of batch) item.reject(error);
      this.finishTurn();
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) item.resolve(outcome.value);
      else item.reject(outcome?.error);
    });
    this.finishTurn();
  }

  private finishTurn(): void {
    if (!this.scheduled && this.settleIdle) {
      this.settleIdle();
      this.settleIdle = null;
    }
  }
}
