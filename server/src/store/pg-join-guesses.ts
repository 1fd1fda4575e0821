// The budget of wrong join codes on PostgreSQL, one for every node (join-code-limit.ts decides; this
// file keeps its buckets in the join_guesses table). A guess is one short transaction that locks the
// row 'hall' first: guesses take turns across the cluster, so two nodes can never both spend the
// last token. Why PostgreSQL and not Redis: every node already depends on it, a guess then has the
// same availability as the badge it looks for, and Redis stays off every request's path (a node
// runs without it; docs/cluster.md).
//
// The pool is the votes' pool, so a flood of guesses must not take its connections: this node sends
// one guess at a time, refuses at once past a short queue, and remembers until when the hall budget
// is spent (tokens come back only with time, or when a right code gives back what it took), so
// that a flood past the limit costs the database nothing.
import type { Pool } from 'pg';
import {
  JOIN_GUESSES,
  givenBack,
  hallOpensAt,
  isFull,
  takeGuess,
  type GuessBucket,
  type GuessVerdict,
} from '../features/badges/join-code-limit';

const HALL = 'hall';
const addressRow = (address: string) => `a:${address}`;

/** Guesses waiting on this node past which more are refused (as if the budget were spent). */
const MAX_WAITING = 256;

interface BucketRow {
  readonly tokens: number;
  readonly at_ms: number;
}

const bucketOf = (row: BucketRow | undefined): GuessBucket | undefined =>
  row && { tokens: Number(row.tokens), at: Number(row.at_ms) };

export class PgJoinGuesses {
  #turn: Promise<unknown> = Promise.resolve();
  #waiting = 0;
  /** The hall budget is spent until then (ms, by this node's clock); 0 when not known to be. */
  #hallSpentUntil = 0;

  constructor(private readonly pool: Pool) {}

  take(address: string, at: number): Promise<GuessVerdict> {
    if (at < this.#hallSpentUntil) return Promise.resolve('hall-limited');
    if (this.#waiting >= MAX_WAITING) return Promise.resolve('hall-limited');
    return this.#inTurn(() => this.#take(address, at));
  }

  giveBack(address: string): Promise<void> {
    return this.#inTurn(() => this.#giveBack(address));
  }

  #inTurn<T>(work: () => Promise<T>): Promise<T> {
    this.#waiting += 1;
    const done = this.#turn.then(work).finally(() => (this.#waiting -= 1));
    this.#turn = done.catch(() => undefined);
    return done;
  }

  async #take(address: string, at: number): Promise<GuessVerdict> {
    const client = await this.pool.connect();
    let failure: Error | undefined;
    try {
      await client.query('BEGIN');
      // Creates the hall's row if needed and locks it: every node's guesses take turns from here.
      const hall = await client.query<BucketRow>(
        `INSERT INTO join_guesses (key, tokens, at_ms) VALUES ($1, $2, $3)
         ON CONFLICT (key) DO UPDATE SET key = excluded.key
         RETURNING tokens, at_ms`,
        [HALL, JOIN_GUESSES.hall.burst, at],
      );
      const mine = await client.query<BucketRow>('SELECT tokens, at_ms FROM join_guesses WHERE key = $1', [
        addressRow(address),
      ]);
      // The latest time any node has written: a node whose clock is behind refills nothing, so
      // guesses that alternate between nodes whose clocks differ gain nothing from it.
      const hallBucket = bucketOf(hall.rows[0]);
      const now = Math.max(at, hallBucket?.at ?? at);
      const taken = takeGuess(hallBucket, bucketOf(mine.rows[0]), now);
      if (taken.verdict === 'allowed') {
        await client.query('UPDATE join_guesses SET tokens = $2, at_ms = $3 WHERE key = $1', [
          HALL,
          taken.hall.tokens,
          taken.hall.at,
        ]);
        await client.query(
          `INSERT INTO join_guesses (key, tokens, at_ms) VALUES ($1, $2, $3)
           ON CONFLICT (key) DO UPDATE SET tokens = excluded.tokens, at_ms = excluded.at_ms`,
          [addressRow(address), taken.address.tokens, taken.address.at],
        );
        // Addresses whose bucket has refilled since are no buckets: forgotten.
        const { burst, refillMs } = JOIN_GUESSES.perAddress;
        await client.query(`DELETE FROM join_guesses WHERE key LIKE 'a:%' AND at_ms + $2 * (1 - tokens / $3) <= $1`, [
          now,
          burst * refillMs,
          burst,
        ]);
      } else if (taken.verdict === 'hall-limited') {
        this.#hallSpentUntil = hallOpensAt(taken.hall);
      }
      await client.query('COMMIT');
      return taken.verdict;
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release(failure);
    }
  }

  async #giveBack(address: string): Promise<void> {
    const client = await this.pool.connect();
    let failure: Error | undefined;
    try {
      await client.query('BEGIN');
      const { rows } = await client.query<BucketRow & { key: string }>(
        `SELECT key, tokens, at_ms FROM join_guesses WHERE key = $1 OR key = $2 ORDER BY key = $1 DESC FOR UPDATE`,
        [HALL, addressRow(address)],
      );
      for (const row of rows) {
        const limits = row.key === HALL ? JOIN_GUESSES.hall : JOIN_GUESSES.perAddress;
        const back = givenBack(bucketOf(row), limits);
        if (back && row.key !== HALL && isFull(back, limits))
          await client.query('DELETE FROM join_guesses WHERE key = $1', [row.key]);
        else if (back) await client.query('UPDATE join_guesses SET tokens = $2 WHERE key = $1', [row.key, back.tokens]);
      }
      await client.query('COMMIT');
      this.#hallSpentUntil = 0;
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error));
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release(failure);
    }
  }
}
