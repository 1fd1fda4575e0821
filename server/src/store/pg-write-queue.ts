import type { Pool, PoolClient } from 'pg';
import { HallvoteError } from '@hallvote/shared';
import { PG, run } from './pg-statements';
import { castVotes, type VoteOutcome, type VoteRequest } from './pg-votes';
import { finishAudit, type PgTx } from './pg-writes';
import { StaleEpochError, StoreUnavailableError } from './store';

/** A write as the queue runs it: a vote (run together with the votes next to it) or any other. */
export type PgWrite =
  | { readonly kind: 'vote'; readonly request: VoteRequest }
  | { readonly kind: 'write'; readonly run: (tx: PgTx) => Promise<unknown> };

type Outcome = VoteOutcome | { readonly ok: true; readonly value: unknown };

interface Pending {
  readonly write: PgWrite;
  readonly resolve: (value: unknown) => void;
  readonly reject: (reason: unknown) => void;
}

/** Writes waiting for a meeting's next transaction; `busy` while one is in flight. */
interface Lane {
  readonly pending: Pending[];
  busy: boolean;
}

/** Enough to keep a burst's arrays small; a bigger backlog goes in the next transaction. */
const MAX_BATCH = 500;

/**
 * Group commit on PostgreSQL, per meeting. A meeting has at most one transaction in flight; the
 * writes that arrive meanwhile wait and go together in the next one, so a burst of votes costs a
 * few commits. Each transaction first locks the meeting's head row (the audit chain's order, and
 * the fence of a node that lost the meeting), runs its votes set-based and its other writes one
 * after the other, writes the audit entries, and commits; a write's promise settles only after
 * COMMIT returns (synchronous_commit on: the commit is on disk), which is what lets a handler ack
 * a vote after `await`. Meetings commit independently of each other on the pool's connections.
 *
 * There is no savepoint per write: a subtransaction's xid would be the xmin of both a vote's
 * participation row and its secret row, and more than 64 of them in one transaction overflow
 * every backend's snapshot cache. A refused vote is an outcome decided before anything is written
 * (pg-votes.ts); any other error aborts the batch, which is then retried write by write, each in a
 * transaction of its own. A lost connection or a COMMIT without an answer rejects every write of
 * the batch (StoreUnavailableError): nothing is acked that may not have been stored.
 */
export class PgWriteQueue {
  private readonly lanes = new Map<string, Lane>();
  private readonly unsettled = new Set<Promise<void>>();

  constructor(
    private readonly pool: Pool,
    /** The epoch this store claimed for a meeting (claimMeeting), if any: writes are fenced by it. */
    private readonly claimedEpoch: (meetingId: string) => number | undefined,
  ) {}

  /** Runs `write` in the meeting's next transaction; resolves with its result after commit. */
  enqueue<T>(meetingId: string, write: PgWrite): Promise<T> {
    const promise = new Promise<T>((resolve, reject) => {
      let lane = this.lanes.get(meetingId);
      if (!lane) {
        lane = { pending: [], busy: false };
        this.lanes.set(meetingId, lane);
      }
      lane.pending.push({ write, resolve: resolve as (v: unknown) => void, reject });
      if (!lane.busy) {
        lane.busy = true;
        // The next turn: writes requested in this one join the same transaction.
        const started = lane;
        setImmediate(() => void this.drain(meetingId, started));
      }
    });
    const settled = promise.then(
      () => undefined,
      () => undefined,
    );
    this.unsettled.add(settled);
    void settled.then(() => this.unsettled.delete(settled));
    return promise;
  }

  /** Resolves once every write queued so far has been committed or refused. */
  async drained(): Promise<void> {
    await Promise.all([...this.unsettled]);
  }

  private async drain(meetingId: string, lane: Lane): Promise<void> {
    while (lane.pending.length > 0) await this.runBatch(meetingId, lane.pending.splice(0, MAX_BATCH));
    lane.busy = false;
    this.lanes.delete(meetingId);
  }

  private async runBatch(meetingId: string, batch: readonly Pending[]): Promise<void> {
    let outcomes: Outcome[];
    try {
      outcomes = await this.transaction(meetingId, (tx) => runWrites(tx, batch));
    } catch (error) {
      if (batch.length > 1 && !(error instanceof StoreUnavailableError) && !(error instanceof StaleEpochError)) {
        for (const item of batch) await this.runBatch(meetingId, [item]);
      } else for (const item of batch) item.reject(error);
      return;
    }
    batch.forEach((item, i) => {
      const outcome = outcomes[i];
      if (outcome?.ok) item.resolve(outcome.value);
      else item.reject(outcome?.error);
    });
  }

  /** One transaction of one meeting: lock the head, check the epoch, run, write the audit, commit. */
  private async transaction<T>(meetingId: string, body: (tx: PgTx) => Promise<T>): Promise<T> {
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw new StoreUnavailableError('the database cannot be reached', false, error);
    }
    // A checked-out client that loses its connection emits 'error'; unheard, it would crash the process.
    let broken: unknown = null;
    const onError = (error: unknown) => (broken ??= error);
    client.on('error', onError);
    let committing = false;
    try {
      await client.query('BEGIN');
      const head = (await run(client, PG.lockHead, meetingId)).rows[0];
      const claimed = this.claimedEpoch(meetingId);
      if (claimed !== undefined && head?.epoch !== claimed)
        throw new StaleEpochError(meetingId, claimed, head?.epoch ?? null);
      const tx: PgTx = {
        client,
        meetingId,
        hasHead: head !== undefined,
        head: head?.audit_hash ? { seq: head.audit_seq, hash: head.audit_hash } : undefined,
        entries: [],
      };
      const value = await body(tx);
      await finishAudit(tx);
      committing = true;
      const done = await client.query('COMMIT');
      if (done.command !== 'COMMIT') throw new Error(`COMMIT answered ${done.command}`);
      return value;
    } catch (error) {
      if (committing) {
        broken ??= error;
        // An error the server answered is a refusal: nothing was stored. Anything else (the
        // connection went) may have come after the commit reached the disk.
        if (isStatementError(error)) throw error;
        throw new StoreUnavailableError('the commit of a batch has no answer', true, error);
      }
      if (broken === null) await client.query('ROLLBACK').catch((e: unknown) => (broken = e));
      if (error instanceof HallvoteError || error instanceof StaleEpochError) throw error;
      if (broken === null && isStatementError(error)) throw error;
      throw new StoreUnavailableError('the connection to the database failed', false, error);
    } finally {
      client.off('error', onError);
      // A client whose connection failed is destroyed, not returned to the pool.
      client.release(broken === null ? undefined : broken instanceof Error ? broken : new Error('connection failed'));
    }
  }
}

/** Runs a batch in order: each run of consecutive votes together, every other write by itself. */
async function runWrites(tx: PgTx, batch: readonly Pending[]): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  let votes: VoteRequest[] = [];
  const castPending = async () => {
    if (votes.length > 0) outcomes.push(...(await castVotes(tx, votes)));
    votes = [];
  };
  for (const { write } of batch) {
    if (write.kind === 'vote') {
      votes.push(write.request);
      continue;
    }
    await castPending();
    outcomes.push({ ok: true, value: await write.run(tx) });
  }
  await castPending();
  return outcomes;
}

/**
 * An error the server answered for one statement, leaving the connection usable: a constraint,
 * a trigger, bad data. Not: a lost connection (no SQLSTATE; class 08), an operator's shutdown or
 * termination (57), lack of resources (53), a system or internal error (58, XX).
 */
function isStatementError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && !/^(08|57|53|58|XX)/.test(code);
}
