// A cluster node's ownership of meetings: a PostgreSQL session advisory lock per meeting, held on
// one connection of its own (never a pooled one: a session lock belongs to its connection), and
// the meeting's epoch claimed in the store (PgStore.claimMeeting), which fences every earlier
// owner's writes. The lock says who may claim; the epoch makes a stale owner harmless.
//
// The lock lives as long as the session. A node killed outright loses its connection, and so its
// locks, at once. A node that hangs (stopped, swapping) stops pinging: the session's
// idle_session_timeout ends it after LOCK_IDLE_TIMEOUT_MS, and another node may claim. When the
// session ends under a live node (a database restart, a cut connection) the node connects again
// and takes its locks back; a meeting it cannot take back, or that another node claimed meanwhile,
// is reported lost.
import pg from 'pg';
import type { Acquired, Ownership } from './ownership';

/** A hung node's locks are freed by the database this long after its last ping. */
const LOCK_IDLE_TIMEOUT_MS = 10_000;
const PING_MS = 2_000;
const RECONNECT_MIN_MS = 250;
const RECONNECT_MAX_MS = 2_000;

const lockKey = (meetingId: string) => `hallvote:meeting:${meetingId}`;

const SQL = {
  tryLock: 'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS ok',
  unlock: 'SELECT pg_advisory_unlock(hashtextextended($1, 0)) AS ok',
  epoch: 'SELECT epoch FROM meeting_head WHERE meeting_id = $1',
  due: `SELECT DISTINCT b.meeting_id FROM rounds r JOIN ballots b ON b.id = r.ballot_id
        WHERE r.state = 'open' AND r.closes_at IS NOT NULL AND r.closes_at <= $1`,
  tokenMeeting: 'SELECT meeting_id FROM delegates WHERE token = $1',
} as const;

export interface PgOwnershipOptions {
  readonly url: string;
  readonly node: string;
  /** PgStore.claimMeeting: raises the meeting's epoch; null for an unknown meeting. */
  readonly claim: (meetingId: string) => Promise<number | null>;
  readonly onError?: (error: Error) => void;
}

export class PgOwnership implements Ownership {
  readonly clustered = true;
  readonly node: string;
  /** Meetings whose lock this node holds, with the epoch it claimed. */
  private readonly held = new Map<string, number>();
  private readonly lostListeners: ((meetingId: string) => void)[] = [];
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private closed = false;
  private readonly ping: ReturnType<typeof setInterval>;

  private constructor(private readonly options: PgOwnershipOptions) {
    this.node = options.node;
    this.ping = setInterval(() => void this.query('SELECT 1').catch(() => undefined), PING_MS);
  }

  static async open(options: PgOwnershipOptions): Promise<PgOwnership> {
    const ownership = new PgOwnership(options);
    await ownership.connection();
    return ownership;
  }

  async acquire(meetingId: string): Promise<Acquired> {
    const held = this.held.get(meetingId);
    if (held !== undefined) return { kind: 'owned', epoch: held };
    const locked = await this.query<{ ok: boolean }>(SQL.tryLock, [lockKey(meetingId)]);
    if (!locked.rows[0]?.ok) return { kind: 'elsewhere' };
    try {
      const epoch = await this.options.claim(meetingId);
      if (epoch === null) {
        await this.query(SQL.unlock, [lockKey(meetingId)]);
        return { kind: 'missing' };
      }
      this.held.set(meetingId, epoch);
      return { kind: 'owned', epoch };
    } catch (error) {
      await this.query(SQL.unlock, [lockKey(meetingId)]).catch(() => undefined);
      throw error;
    }
  }

  async release(meetingId: string): Promise<void> {
    if (!this.held.delete(meetingId)) return;
    // A lost session has no lock left to give up.
    await this.query(SQL.unlock, [lockKey(meetingId)]).catch(() => undefined);
  }

  onLost(listener: (meetingId: string) => void): void {
    this.lostListeners.push(listener);
  }

  async dueCountdowns(nowIso: string): Promise<string[]> {
    const due = await this.query<{ meeting_id: string }>(SQL.due, [nowIso]);
    return due.rows.map((r) => r.meeting_id);
  }

  async meetingOfToken(token: string): Promise<string | null> {
    const found = await this.query<{ meeting_id: string }>(SQL.tokenMeeting, [token]);
    return found.rows[0]?.meeting_id ?? null;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.ping);
    this.held.clear();
    // Ending the session gives every lock up at once.
    await this.client?.end().catch(() => undefined);
    this.client = null;
  }

  private async query<R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
    const client = await this.connection();
    return client.query<R>(text, values);
  }

  /** The lock session, connecting (again) when there is none. */
  private connection(): Promise<pg.Client> {
    if (this.closed) return Promise.reject(new Error('ownership closed'));
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.connect().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.options.url,
      application_name: `hallvote-lock-${this.options.node}`,
      // The database ends a hung node's session, and so frees its locks; the pings keep a live one.
      options: `-c idle_session_timeout=${LOCK_IDLE_TIMEOUT_MS}`,
      keepAlive: true,
      connectionTimeoutMillis: 5_000,
    });
    client.on('error', (error) => this.options.onError?.(error));
    client.on('end', () => {
      if (this.client !== client) return;
      this.client = null;
      if (!this.closed) void this.retake();
    });
    await client.connect();
    this.client = client;
    return client;
  }

  /** The session ended under us: connect again and take back every lock we held. */
  private async retake(): Promise<void> {
    for (let wait = RECONNECT_MIN_MS; !this.closed; wait = Math.min(wait * 2, RECONNECT_MAX_MS)) {
      await new Promise((resolve) => setTimeout(resolve, wait));
      if (this.closed) return;
      try {
        await this.connection();
        break;
      } catch (error) {
        this.options.onError?.(error instanceof Error ? error : new Error(String(error)));
      }
    }
    for (const [meetingId, epoch] of [...this.held]) {
      let kept = false;
      try {
        const locked = await this.query<{ ok: boolean }>(SQL.tryLock, [lockKey(meetingId)]);
        if (locked.rows[0]?.ok) {
          const now = await this.query<{ epoch: number }>(SQL.epoch, [meetingId]);
          kept = now.rows[0]?.epoch === epoch;
          if (!kept) await this.query(SQL.unlock, [lockKey(meetingId)]);
        }
      } catch {
        kept = false;
      }
      if (kept) continue;
      this.held.delete(meetingId);
      for (const listener of this.lostListeners) listener(meetingId);
    }
  }
}
