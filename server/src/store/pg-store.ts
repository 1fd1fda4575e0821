// The PostgreSQL store (DATABASE_URL=postgres://…) behind the Store interface, parallel to
// sqlite-store.ts: this file opens the pool and orders the work; the SQL is in pg-statements.ts, the
// writes in pg-writes.ts and pg-votes.ts, the reads in pg-reads.ts, the secret-round storage and
// its scrub in pg-scrub.ts, the group commit in pg-write-queue.ts; row mapping and the audit chain
// are shared with SQLite (rows.ts, audit-chain.ts). Design and guarantees: docs/postgres-store.md.
import pg from 'pg';
import type { AuditEntry, AuditHead, PaperTotals, RoundResult, StorageStatus } from '@hallvote/shared';
import { castSplit } from './pg-votes';
import { loadMeeting, loadMeetings, readAuditLog, readBadgesOfJoinCode, readRoundBallots } from './pg-reads';
import { PgJoinGuesses } from './pg-join-guesses';
import { countStoredBallots, type CountedRound, type RoundCount } from './round-records';
import { checkSettings, ensureSchema } from './pg-schema';
import { dropOldWal } from './pg-scrub';
import { PG, run } from './pg-statements';
import { PgWriteQueue } from './pg-write-queue';
import * as writes from './pg-writes';
import { isEmptyUpdate } from './delegate-update';
import type { GuessVerdict } from '../features/badges/join-code-limit';
import type {
  AttendanceChange,
  AuditInput,
  BallotRecordRow,
  CastOutcome,
  CastSplit,
  CastVote,
  DelegateRecord,
  JoinCodeBadge,
  LoadedMeeting,
  MeetingRecord,
  ProxyRecord,
  ProxyRevoke,
  Retally,
  RoundProxyRecord,
  RoundRecord,
  StoredBallot,
  Store,
} from './store';

export interface PgStoreOptions {
  /** Connections in the pool: meetings commit in parallel on them (default 10). */
  readonly poolSize?: number;
  /** Shown in pg_stat_activity, so an operator (or a test) can tell the store's connections. */
  readonly applicationName?: string;
  /**
   * An error the store dealt with itself: an idle connection failed (the pool drops it), or the
   * old WAL could not be dropped after a close (tried again after the next close, and at `close`).
   */
  readonly onBackgroundError?: (error: Error) => void;
}

/** The multi-node additions to the Store: one owner per meeting, fenced by an epoch. */
export interface PgStore extends Store {
  /**
   * Makes this store the meeting's writer: raises the meeting's epoch and fences every later write
   * of this store to it, so that a write of a store that claimed earlier is refused with
   * StaleEpochError (nothing of it stored). Call it holding the meeting's advisory lock, then
   * `loadMeeting`. Resolves with the new epoch, or null when there is no such meeting.
   */
  claimMeeting(meetingId: string): Promise<number | null>;
  /** Stops fencing the meeting's writes (it was handed over or closed on this node). */
  releaseMeeting(meetingId: string): void;
  /** Resolves when every WAL drop started by a close or cancel so far has ended (for tests). */
  walDropped(): Promise<void>;
}

/** Connects, creates the schema if the database has none, and checks its settings. */
export async function openPgStore(url: string, options: PgStoreOptions = {}): Promise<PgStore> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 10,
    application_name: options.applicationName ?? 'hallvote-store',
    // An ack after COMMIT means on disk whatever the server's default says. A transaction left open
    // by a node that hung (stopped, swapping) would hold its meeting's head row, and so keep the
    // node that takes the meeting over from claiming it: the database ends it after 10 s idle.
    options: '-c synchronous_commit=on -c idle_in_transaction_session_timeout=10000',
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
  });
  pool.on('error', (error) => options.onBackgroundError?.(error));
  try {
    const client = await pool.connect();
    try {
      await ensureSchema(client);
      await checkSettings(client);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  return new PostgresStore(pool, options.onBackgroundError ?? (() => undefined));
}

class PostgresStore implements PgStore {
  private readonly queue: PgWriteQueue;
  private readonly epochs = new Map<string, number>();
  /** A close committed whose old WAL could not be dropped yet. */
  private walToDrop = false;
  private readonly dropping = new Set<Promise<void>>();
  private readonly joinGuesses: PgJoinGuesses;

  constructor(
    private readonly pool: pg.Pool,
    private readonly onBackgroundError: (error: Error) => void,
  ) {
    this.queue = new PgWriteQueue(pool, (meetingId) => this.epochs.get(meetingId));
    this.joinGuesses = new PgJoinGuesses(pool);
  }

  async loadAll(): Promise<LoadedMeeting[]> {
    await this.queue.drained();
    return loadMeetings(this.pool);
  }

  async loadMeeting(meetingId: string): Promise<LoadedMeeting | null> {
    await this.queue.drained();
    return loadMeeting(this.pool, meetingId);
  }

  async readBallots(ballotId: string, round: number): Promise<StoredBallot[]> {
    await this.queue.drained();
    return readRoundBallots(this.pool, ballotId, round);
  }

  /** Counted and sealed on the event loop (round-records.ts), after the rows came over the network. */
  async countRound(input: RoundCount): Promise<CountedRound> {
    return countStoredBallots(input, await this.readBallots(input.ballotId, input.round));
  }

  async readAudit(meetingId: string): Promise<AuditEntry[]> {
    await this.queue.drained();
    return readAuditLog(this.pool, meetingId);
  }

  /** Waits for no pending write: a badge's code is printed only after its write has committed. */
  badgesOfJoinCode(code: string): Promise<JoinCodeBadge[]> {
    return readBadgesOfJoinCode(this.pool, code);
  }

  takeJoinGuess(address: string, at: number): Promise<GuessVerdict> {
    return this.joinGuesses.take(address, at);
  }

  returnJoinGuess(address: string): Promise<void> {
    return this.joinGuesses.giveBack(address);
  }

  /** PostgreSQL's own WAL handling is pg-scrub.ts's; nothing of it waits on another program here. */
  watchStatus(): StorageStatus {
    return { scrubPendingSince: null };
  }

  async claimMeeting(meetingId: string): Promise<number | null> {
    await this.queue.drained();
    const epoch = (await run(this.pool, PG.claimHead, meetingId)).rows[0]?.epoch;
    if (epoch === undefined) return null;
    this.epochs.set(meetingId, epoch);
    return epoch;
  }

  releaseMeeting(meetingId: string): void {
    this.epochs.delete(meetingId);
  }

  private write<T>(meetingId: string, run: (tx: writes.PgTx) => Promise<T>): Promise<T> {
    return this.queue.enqueue<T>(meetingId, { kind: 'write', run });
  }

  createMeeting(meeting: MeetingRecord, delegates: readonly DelegateRecord[], audit: AuditInput): Promise<void> {
    return this.write(audit.meetingId, (tx) => writes.createMeeting(tx, meeting, delegates, audit));
  }

  replaceRoster(meetingId: string, delegates: readonly DelegateRecord[], audit: AuditInput): Promise<void> {
    return this.write(audit.meetingId, (tx) => writes.replaceRoster(tx, meetingId, delegates, audit));
  }

  addDelegates(delegates: readonly DelegateRecord[], audit: AuditInput): Promise<void> {
    return this.write(audit.meetingId, (tx) => writes.addDelegates(tx, delegates, audit));
  }

  updateDelegate(
    delegateId: string,
    fields: Partial<Pick<DelegateRecord, 'name' | 'position' | 'group' | 'token' | 'weight'>>,
    audit: AuditInput,
  ): Promise<void> {
    if (isEmptyUpdate(fields)) return Promise.resolve();
    return this.write(audit.meetingId, (tx) => writes.updateDelegate(tx, delegateId, fields, audit));
  }

  removeDelegate(delegateId: string, audit: AuditInput): Promise<void> {
    return this.write(audit.meetingId, (tx) => writes.removeDelegate(tx, delegateId, audit));
  }

  setAttendance(
    delegateId: string,
    attendance: DelegateRecord['attendance'],
    checkedInBy: DelegateRecord['checkedInBy'],
    issueIn: readonly { ballotId: string; round: number }[],
    audit: AuditInput,
    revoke?: ProxyRevoke,
  ): Promise<void> {
    return this.write(audit.meetingId, (tx) =>
      writes.setAttendance(tx, delegateId, attendance, checkedInBy, issueIn, audit, revoke),
    );
  }

  setAttendanceMany(changes: readonly AttendanceChange[], audit: AuditInput): Promise<void> {
    return this.write(audit.meetingId, (tx) => writes.setAttendanceMany(tx, changes, audit));
  }

  grantProxy(proxy: ProxyRecord, audit: AuditInput): Promise<void> {
    return this.write(audit.meetingId, (tx) => writes.grantProxy(tx, proxy, audit));
  }

  revokeProxy(revoke: ProxyRevoke, audit: AuditInput): Promise<void> {
    return this.write(audit.meetingId, (tx) => writes.revokeProxy(tx, revoke, audit));
  }

  createBallot(ballot: BallotRecordRow, audit: AuditInput): Promise<void> {
    return this.write(audit.meetingId, (tx) => writes.createBallot(tx, ballot, audit));
  }

  openRound(
    round: RoundRecord,
    issuedTo: readonly string[],
    audit: AuditInput,
    proxies: readonly RoundProxyRecord[],
  ): Promise<void> {
    return this.write(audit.meetingId, (tx) => writes.openRound(tx, round, issuedTo, audit, proxies));
  }

  castSplit(split: CastSplit, audit: AuditInput): Promise<CastOutcome> {
    return this.write(audit.meetingId, (tx) => castSplit(tx, split, audit));
  }

  draftRevote(ballotId: string, drafted: boolean, audit: AuditInput): Promise<void> {
    return this.write(audit.meetingId, (tx) => writes.draftRevote(tx, ballotId, drafted, audit));
  }

  castVote(vote: CastVote, audit: AuditInput): Promise<CastOutcome> {
    return this.queue.enqueue<CastOutcome>(audit.meetingId, { kind: 'vote', request: { vote, audit } });
  }

  markPaperVoter(ballotId: string, round: number, delegateId: string, audit: AuditInput): Promise<void> {
    return this.write(audit.meetingId, (tx) => writes.markPaperVoter(tx, ballotId, round, delegateId, audit));
  }

  recordPaperTotals(
    ballotId: string,
    round: number,
    totals: PaperTotals,
    audit: AuditInput,
    retally: Retally | null,
  ): Promise<void> {
    return this.write(audit.meetingId, (tx) => writes.recordPaperTotals(tx, ballotId, round, totals, audit, retally));
  }

  async closeRound(
    ballotId: string,
    round: number,
    closedAt: string,
    result: RoundResult,
    audit: AuditInput,
  ): Promise<void> {
    await this.write(audit.meetingId, (tx) => writes.closeRound(tx, ballotId, round, closedAt, result, audit));
    void this.scrubWal();
  }

  publishRound(
    ballotId: string,
    round: number,
    publishedAt: string,
    result: RoundResult,
    audit: AuditInput,
  ): Promise<AuditHead> {
    return this.write(audit.meetingId, (tx) => writes.publishRound(tx, ballotId, round, publishedAt, result, audit));
  }

  async cancelRound(ballotId: string, round: number, at: string, audit: AuditInput): Promise<number> {
    const destroyed = await this.write(audit.meetingId, (tx) => writes.cancelRound(tx, ballotId, round, at, audit));
    void this.scrubWal();
    return destroyed;
  }

  /**
   * After a close or cancel has committed, without holding its answer: a CHECKPOINT on a busy
   * machine takes seconds, and the chair waits for the close's answer (the SQLite store too
   * answers before it empties its WAL). Its failure does not undo the close, which is stored: it is
   * reported, and the WAL is dropped after the next close or when the store closes.
   */
  private scrubWal(): Promise<void> {
    this.walToDrop = true;
    const dropping = (async () => {
      const client = await this.pool.connect();
      try {
        await dropOldWal(client);
        this.walToDrop = false;
      } finally {
        client.release();
      }
    })().catch((error: unknown) => this.onBackgroundError(error instanceof Error ? error : new Error(String(error))));
    this.dropping.add(dropping);
    void dropping.then(() => this.dropping.delete(dropping));
    return dropping;
  }

  async walDropped(): Promise<void> {
    await Promise.all([...this.dropping]);
  }

  async close(): Promise<void> {
    await this.queue.drained();
    await Promise.all([...this.dropping]);
    if (this.walToDrop) await this.scrubWal();
    await this.pool.end();
  }
}
