// Which meetings this node runs, and the one way a meeting comes and goes: `ensure` makes this node
// its owner (ownership.ts: at once on one process; a PostgreSQL advisory lock and a claimed epoch
// on a cluster), loads it from the store, numbers its announcements from the new epoch and arms
// its countdowns; `drop` forgets it, closes its sockets here and gives it up. A cluster node also
// gives up a meeting none of its sockets has used for IDLE_RELEASE_MS (the load balancer sends a
// meeting's connections elsewhere: they follow it), and sweeps for countdowns falling due in
// meetings nobody owns, so a round closes on time even when its owner died and nobody reconnected.
// Design and reasons: docs/cluster.md.
import type { HallContext } from '../context';
import { scheduleCountdown } from '../features/ballots/ballot-lifecycle';
import { checkStoredMeeting } from '../features/integrity/startup-check';
import type { HallServer, SocketBroadcaster } from '../features/sync/broadcaster';
import { exclusive } from '../hall/exclusive';
import { restoreReissueBars } from '../hall/hall';
import type { MeetingState } from '../hall/meeting-state';
import type { HallSocket } from '../with-validation';
import type { Ownership } from './ownership';

/** A cluster node gives up a meeting none of its sockets has used for this long. */
export const IDLE_RELEASE_MS = 3_000;
/** How long a connection waits for a meeting another node holds, before it is sent away to try again. */
export const ACQUIRE_WAIT_MS = 2_000;
const ACQUIRE_POLL_MS = 150;
const SWEEP_MS = 1_000;
/** The sweep leaves a due countdown to its owner's own timer for this long. */
const SWEEP_GRACE_MS = 1_000;
/** At most one cluster-wide eviction of a meeting's sockets per node in this time. */
const EVICT_EVERY_MS = 5_000;

/** The message a node sends the others when it takes a meeting, or wants one the load balancer sends it. */
const EVICT = 'hallvote:let-go';

/** socket.io's server-to-server messages, untyped in HallServer. */
interface PeerChannel {
  serverSideEmit(event: string, ...args: unknown[]): void;
  on(event: string, listener: (...args: unknown[]) => void): void;
}

/** The room every socket of a meeting joins, so that it can be closed as one when the meeting goes. */
export const meetingRoom = (meetingId: string) => `meeting:${meetingId}`;

export type Ensured =
  | { readonly kind: 'here'; readonly state: MeetingState }
  | { readonly kind: 'missing' }
  /** Another node holds it, or the database cannot be reached: try again in a moment. */
  | { readonly kind: 'unavailable' };

interface Owned {
  readonly state: MeetingState;
  readonly epoch: number;
  readonly sockets: Set<string>;
  idle: ReturnType<typeof setTimeout> | null;
}

export interface KeeperDeps {
  readonly ctx: HallContext;
  readonly io: HallServer;
  readonly broadcaster: SocketBroadcaster;
  readonly ownership: Ownership;
  /** Whether other nodes can be told something now (the Redis adapter is connected). */
  readonly peersReachable: () => boolean;
}

export class MeetingKeeper {
  private readonly owned = new Map<string, Owned>();
  private readonly acquiring = new Map<string, Promise<Ensured>>();
  private readonly releasing = new Map<string, Promise<void>>();
  /** One process: meetings dropped after a failed commit, loaded again on their next use. */
  private readonly dropped = new Set<string>();
  private readonly localEpochs = new Map<string, number>();
  private readonly evicted = new Map<string, number>();
  private readonly sweep: ReturnType<typeof setInterval> | null;
  private closed = false;

  constructor(private readonly deps: KeeperDeps) {
    deps.ownership.onLost((meetingId) => this.lost(meetingId, 'lock lost'));
    // Another node took this meeting (so this node's lock is gone), or the load balancer sends it
    // there: stop running it here, and close its sockets here, which reconnect through the balancer.
    (deps.io as unknown as PeerChannel).on(EVICT, (meetingId) => {
      if (typeof meetingId !== 'string') return;
      this.lost(meetingId, 'another node runs it');
      deps.io.local.in(meetingRoom(meetingId)).disconnectSockets(true);
    });
    this.sweep = deps.ownership.clustered ? setInterval(() => void this.sweepCountdowns(), SWEEP_MS) : null;
  }

  get node(): string {
    return this.deps.ownership.node;
  }

  /** One process: takes every meeting the hall loaded at start-up. */
  adoptLoaded(): void {
    for (const meetingId of this.deps.ctx.hall.meetings.keys()) this.claimLocally(meetingId);
  }

  /**
   * The meeting, run here from now on if it can be. A connection the load balancer sent here waits
   * up to `waitMs` for another node to let go, and closes that node's sockets of the meeting
   * (`evict`); the countdown sweep only takes a meeting nobody holds.
   */
  ensure(meetingId: string, waitMs = ACQUIRE_WAIT_MS, evict = true): Promise<Ensured> {
    const owned = this.owned.get(meetingId);
    if (owned) return Promise.resolve({ kind: 'here', state: owned.state });
    if (this.closed) return Promise.resolve({ kind: 'unavailable' });
    let pending = this.acquiring.get(meetingId);
    if (!pending) {
      pending = (async (): Promise<Ensured> => {
        await this.releasing.get(meetingId);
        if (!this.deps.ownership.clustered) {
          // One process knows every meeting: one created since start-up is in the hall already; one
          // dropped after a failed commit is worth a look in the store; any other does not exist.
          const created = this.claimLocally(meetingId);
          if (created) return { kind: 'here', state: created };
          if (!this.dropped.has(meetingId)) return { kind: 'missing' };
          return this.load(meetingId, this.nextLocalEpoch(meetingId));
        }
        return this.acquire(meetingId, waitMs, evict);
      })().finally(() => this.acquiring.delete(meetingId));
      this.acquiring.set(meetingId, pending);
    }
    return pending;
  }

  /** A socket of an owned meeting connected: it counts as the meeting being in use here. */
  track(socket: HallSocket): boolean {
    const meetingId = socket.data.meetingId;
    if (!this.deps.ownership.clustered) this.claimLocally(meetingId);
    const entry = this.owned.get(meetingId);
    if (!entry) return false;
    void socket.join(meetingRoom(meetingId));
    entry.sockets.add(socket.id);
    this.stopIdle(entry);
    socket.on('disconnect', () => {
      if (this.owned.get(meetingId) !== entry) return;
      entry.sockets.delete(socket.id);
      this.armIdle(meetingId, entry);
    });
    return true;
  }

  /**
   * The meeting's state here can no longer be trusted: another node claimed it (a write was fenced),
   * the lock could not be taken back, or a commit's outcome is unknown. Drop it; its clients
   * reconnect and get a fresh snapshot from whoever owns it then.
   */
  lost(meetingId: string, reason: string): void {
    if (!this.owned.has(meetingId)) return;
    this.deps.ctx.log.warn({ meetingId, node: this.node, reason }, 'meeting dropped');
    this.drop(meetingId);
  }

  /** Stops the sweep and gives every meeting up (shutdown). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.sweep) clearInterval(this.sweep);
    for (const meetingId of [...this.owned.keys()]) this.drop(meetingId, false);
    await Promise.all([...this.releasing.values()]);
  }

  private async acquire(meetingId: string, waitMs: number, evict: boolean): Promise<Ensured> {
    const { ownership, ctx } = this.deps;
    const deadline = Date.now() + waitMs;
    for (;;) {
      let got;
      try {
        got = await ownership.acquire(meetingId);
      } catch (err) {
        ctx.log.warn({ err: { message: (err as Error).message }, meetingId }, 'ownership: database unreachable');
        return { kind: 'unavailable' };
      }
      if (got.kind === 'missing') return got;
      if (got.kind === 'owned') return this.load(meetingId, got.epoch);
      // Another node holds it although the load balancer sent it here: its sockets there, if any,
      // are closed, so that they too come here and the other node, idle, lets go.
      if (evict) this.evict(meetingId, 'held elsewhere');
      if (Date.now() >= deadline || this.closed) return { kind: 'unavailable' };
      await new Promise((resolve) => setTimeout(resolve, ACQUIRE_POLL_MS));
    }
  }

  private async load(meetingId: string, epoch: number): Promise<Ensured> {
    const { ctx, ownership } = this.deps;
    let loaded;
    try {
      loaded = await ctx.store.loadMeeting(meetingId);
    } catch (err) {
      ctx.log.warn({ err: { message: (err as Error).message }, meetingId }, 'ownership: meeting could not be loaded');
      await ownership.release(meetingId);
      return { kind: 'unavailable' };
    }
    if (!loaded || this.closed) {
      await ownership.release(meetingId);
      return loaded ? { kind: 'unavailable' } : { kind: 'missing' };
    }
    this.dropped.delete(meetingId);
    const state = ctx.hall.adopt(loaded);
    try {
      // Badges re-issued during an open round stay barred from it on this node too.
      await restoreReissueBars(ctx.store, state);
    } catch (err) {
      ctx.hall.remove(meetingId);
      ctx.log.warn({ err: { message: (err as Error).message }, meetingId }, 'ownership: meeting could not be loaded');
      await ownership.release(meetingId);
      return { kind: 'unavailable' };
    }
    // As at a one-process start-up: a meeting whose stored state does not match its seals and
    // chain is refused (its keys are told why), never served; this node holds it all the same.
    if (ownership.clustered) await checkStoredMeeting(ctx.hall, ctx.store, ctx.clock, ctx.log, state);
    this.register(state, epoch);
    // Sockets of this meeting still open on another node belong to an owner that is gone.
    if (ownership.clustered) this.evict(meetingId, 'taken');
    ctx.log.info({ meetingId, epoch, node: this.node }, 'meeting taken');
    return { kind: 'here', state };
  }

  /** One process: a meeting in the hall that is not registered yet (created since start-up) is ours. */
  private claimLocally(meetingId: string): MeetingState | null {
    const owned = this.owned.get(meetingId);
    if (owned) return owned.state;
    const state = this.deps.ctx.hall.meetings.get(meetingId);
    if (!state) return null;
    this.register(state, this.nextLocalEpoch(meetingId));
    return state;
  }

  /** One process: every reload of a meeting numbers its announcements above the earlier ones. */
  private nextLocalEpoch(meetingId: string): number {
    const epoch = this.localEpochs.get(meetingId) ?? 0;
    this.localEpochs.set(meetingId, epoch + 1);
    return epoch;
  }

  private register(state: MeetingState, epoch: number): void {
    const meetingId = state.meeting.id;
    const entry: Owned = { state, epoch, sockets: new Set(), idle: null };
    this.owned.set(meetingId, entry);
    this.deps.broadcaster.startEpoch(state, epoch);
    // A refused meeting changes no more: no countdown closes its round.
    if (this.deps.ctx.hall.meetings.get(meetingId) === state)
      for (const round of state.openRounds()) scheduleCountdown(this.deps.ctx, state, round);
    this.armIdle(meetingId, entry);
  }

  private drop(meetingId: string, reconnect = true): void {
    const entry = this.owned.get(meetingId);
    if (!entry) return;
    const { ctx, io, broadcaster, ownership } = this.deps;
    this.owned.delete(meetingId);
    this.stopIdle(entry);
    ctx.hall.remove(meetingId);
    for (const round of entry.state.openRounds()) ctx.countdowns.clear(round.ballotId, round.round);
    broadcaster.forget(meetingId);
    if (!ownership.clustered) this.dropped.add(meetingId);
    if (reconnect) io.local.in(meetingRoom(meetingId)).disconnectSockets(true);
    // A chair action already running (a countdown's close) ends while this node still holds the
    // meeting; writes still queued after that are fenced by the epoch once another node claims it.
    const release = exclusive(entry.state, () => Promise.resolve())
      .then(() => ownership.release(meetingId))
      .catch(() => undefined)
      .finally(() => this.releasing.delete(meetingId));
    this.releasing.set(meetingId, release);
  }

  private armIdle(meetingId: string, entry: Owned): void {
    if (!this.deps.ownership.clustered || entry.sockets.size > 0 || entry.idle) return;
    entry.idle = setTimeout(() => {
      entry.idle = null;
      if (this.owned.get(meetingId) === entry && entry.sockets.size === 0) this.drop(meetingId);
    }, IDLE_RELEASE_MS);
  }

  private stopIdle(entry: Owned): void {
    if (entry.idle) clearTimeout(entry.idle);
    entry.idle = null;
  }

  /** Closes the meeting's sockets on every node (through the Redis adapter), at most once in a while. */
  private evict(meetingId: string, why: 'taken' | 'held elsewhere'): void {
    const now = Date.now();
    if (!this.deps.peersReachable() || now - (this.evicted.get(meetingId) ?? 0) < EVICT_EVERY_MS) return;
    this.evicted.set(meetingId, now);
    this.deps.ctx.log.info({ meetingId, node: this.node, why }, 'telling the other nodes to let the meeting go');
    // To the other nodes only (never this node's own sockets, which may be joining right now).
    (this.deps.io as unknown as PeerChannel).serverSideEmit(EVICT, meetingId);
  }

  /** Countdowns due in meetings no node runs: take the meeting, which closes the round at once. */
  private async sweepCountdowns(): Promise<void> {
    let due: string[];
    try {
      const before = new Date(this.deps.ctx.clock.now().getTime() - SWEEP_GRACE_MS);
      due = await this.deps.ownership.dueCountdowns(before.toISOString());
    } catch {
      return;
    }
    for (const meetingId of due) if (!this.owned.has(meetingId)) void this.ensure(meetingId, 0, false);
  }
}
