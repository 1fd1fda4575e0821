import type Database from 'better-sqlite3';

interface Pending {
  /** A write runs inside the group transaction, in its own savepoint; a read after the commit. */
  readonly kind: 'write' | 'read';
  readonly run: () => unknown;
  readonly resolve: (value: unknown) => void;
  readonly reject: (reason: unknown) => void;
}

/**
 * Group commit, in the writer thread (sqlite-thread.ts). Writes that arrive while a transaction is
 * being committed run together in the next one, each inside its own savepoint so that one refused
 * write (a duplicate vote) does not undo the others. A write's promise settles only after COMMIT
 * returns, i.e. after the data is on disk: that is what lets a handler ack a vote after `await`.
 * One fsync serves a whole burst of votes, and the event loop never waits for it. A read queued
 * after writes runs once they have committed, so it sees them.
 */
export class WriteQueue {
  private pending: Pending[] = [];
  private scheduled = false;

  // Prepared once, like every other statement of the store.
  private readonly tx;

  constructor(
    private readonly db: Database.Database,
    private readonly hooks: {
      /** How long COMMIT took and how many writes it carried (for the bench). */
      readonly committed?: (ms: number, writes: number) => void;
    } = {},
  ) {
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
    return this.add('write', write);
  }

  /** Runs `read` once every write queued before it has been committed (or refused). */
  afterWrites<T>(read: () => T): Promise<T> {
    return this.add('read', read);
  }

  private add<T>(kind: Pending['kind'], run: () => T): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ kind, run, resolve: resolve as (v: unknown) => void, reject });
      if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    this.scheduled = false;
    const writes = batch.filter((item) => item.kind === 'write');
    const outcomes = new Map<Pending, { ok: true; value: unknown } | { ok: false; error: unknown }>();
    if (writes.length > 0) {
      try {
        this.tx.begin.run();
        for (const item of writes) {
          this.tx.savepoint.run();
          try {
            outcomes.set(item, { ok: true, value: item.run() });
            this.tx.release.run();
          } catch (error) {
            this.tx.rollbackTo.run();
            this.tx.release.run();
            outcomes.set(item, { ok: false, error });
          }
        }
        const started = performance.now();
        this.tx.commit.run();
        this.hooks.committed?.(performance.now() - started, writes.length);
      } catch (error) {
        // BEGIN or COMMIT failed (another program's lock, a full disk): nothing of this batch is
        // stored, so nothing of it may be acknowledged.
        if (this.db.inTransaction) this.tx.rollback.run();
        for (const item of writes) outcomes.set(item, { ok: false, error });
      }
    }
    for (const item of batch) {
      if (item.kind === 'read') {
        try {
          item.resolve(item.run());
        } catch (error) {
          item.reject(error);
        }
        continue;
      }
      const outcome = outcomes.get(item);
      if (outcome?.ok) item.resolve(outcome.value);
      else item.reject(outcome?.error);
    }
  }
}
