// Announcements to the three audiences of a meeting. Each audience (chair, delegate, projector) is a
// socket.io room with its own sequence number, so every client sees every number of its channel
// and can detect a gap. Presence and turnout are coalesced: a burst of 2,000 votes costs the
// projector a handful of messages.
//
// On a cluster (docs/cluster.md) only the meeting's owner numbers and sends its announcements, to
// the sockets it holds: every socket of a meeting is on its owner, so they go to this node's own
// sockets (`io.local`), never through Redis. A new owner numbers from epoch * 2^32, so a client's
// numbers never go backwards across owners.
import type { Server } from 'socket.io';
import type {
  ClientToServerEvents,
  PublishedAnchor,
  RoundResult,
  ServerToClientEvents,
  SocketData,
  SocketRole as Audience,
  StorageStatus,
} from '@hallvote/shared';
import type { Broadcaster } from '../../context';
import type { MeetingState } from '../../hall/meeting-state';
import { RoomSender } from './room-sender';
import {
  ballotView,
  chairBallotView,
  delegateSnapshot,
  delegateView,
  projectorResult,
  proxyView,
  publishedAnchor,
  publishedReceipts,
  turnoutOf,
} from './views';

export type HallServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

type Events = ServerToClientEvents;
type Payload<E extends keyof Events> = Omit<Parameters<Events[E]>[0], 'seq'>;

/** At most this many coalesced updates a second per meeting and kind. */
export const COALESCE_MS = 250;

export const roomOf = (meetingId: string, audience: Audience) => `${meetingId}:${audience}`;

const AUDIENCES: readonly Audience[] = ['chair', 'delegate', 'projector'];
/** A new owner's numbers start above every number an earlier owner can have sent. */
export const EPOCH_STRIDE = 2 ** 32;

export class SocketBroadcaster implements Broadcaster {
  private readonly seqs = new Map<string, number>();
  /** Per meeting: epoch * EPOCH_STRIDE, the number before this owner's first announcement. */
  private readonly bases = new Map<string, number>();
  /** Per meeting taken over: the state this node runs; a dropped one's late changes are not announced. */
  private readonly current = new Map<string, MeetingState>();
  private readonly pendingRoster = new Map<string, { state: MeetingState; ids: Set<string> }>();
  private readonly pendingTurnout = new Map<string, { state: MeetingState; ballotIds: Set<string> }>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private readonly rooms: RoomSender;

  constructor(
    private readonly io: HallServer,
    private readonly computeInterim: (state: MeetingState, ballotId: string) => Promise<RoundResult | null>,
    /** The app clock in epoch ms: phones count down against it, whatever their own clocks say. */
    private readonly serverTime: () => number,
  ) {
    this.rooms = new RoomSender(io);
  }

  seq(meetingId: string, audience: Audience): number {
    return this.seqs.get(roomOf(meetingId, audience)) ?? this.bases.get(meetingId) ?? 0;
  }

  /** This node has become the meeting's owner at `epoch`: numbering starts again above every earlier owner's. */
  startEpoch(state: MeetingState, epoch: number): void {
    const meetingId = state.meeting.id;
    this.forget(meetingId);
    this.bases.set(meetingId, epoch * EPOCH_STRIDE);
    this.current.set(meetingId, state);
  }

  /** False for a state this node no longer runs (a handler finishing after its meeting was dropped). */
  private live(state: MeetingState): boolean {
    const current = this.current.get(state.meeting.id);
    return current === undefined || current === state;
  }

  /** This node no longer owns the meeting: nothing pending is sent for it. */
  forget(meetingId: string): void {
    for (const audience of AUDIENCES) {
      this.seqs.delete(roomOf(meetingId, audience));
      this.rooms.drop(roomOf(meetingId, audience));
    }
    this.bases.delete(meetingId);
    this.current.delete(meetingId);
    this.pendingRoster.delete(meetingId);
    this.pendingTurnout.delete(meetingId);
  }

  private emit<
    E extends
      | 'ballot:updated'
      | 'result:published'
      | 'presence:updated'
      | 'turnout:updated'
      | 'console:roster-updated'
      | 'console:proxies-updated'
      | 'console:ballot-updated'
      | 'console:storage-updated'
      | 'console:projector-updated'
      | 'projector:updated',
  >(meetingId: string, audience: Audience, event: E, payload: Payload<E>): void {
    const room = roomOf(meetingId, audience);
    const seq = this.seq(meetingId, audience) + 1;
    this.seqs.set(room, seq);
    this.rooms.send(room, event, { ...payload, seq });
  }

  /** A ballot's state changed: the chair gets its view; delegates and projector the public one. */
  ballotChanged(state: MeetingState, ballotId: string): void {
    if (!this.live(state)) return;
    const id = state.meeting.id;
    const chairView = chairBallotView(state, ballotId);
    if (chairView) this.emit(id, 'chair', 'console:ballot-updated', { ballot: chairView });
    const view = ballotView(state, ballotId);
    if (view && state.currentBallotId === ballotId) {
      const serverTime = this.serverTime();
      this.emit(id, 'delegate', 'ballot:updated', { ballot: view, serverTime });
      this.emit(id, 'projector', 'ballot:updated', { ballot: view, serverTime });
    }
  }

  storageChanged(state: MeetingState, storage: StorageStatus): void {
    this.emit(state.meeting.id, 'chair', 'console:storage-updated', { storage });
  }

  /** Only the chair sees a re-vote prepared or dropped; the hall sees the round when it opens. */
  draftChanged(state: MeetingState, ballotId: string): void {
    const chairView = chairBallotView(state, ballotId);
    if (chairView) this.emit(state.meeting.id, 'chair', 'console:ballot-updated', { ballot: chairView });
  }

  /** The projector gets the result only while the chair shows it there (state.projector). */
  resultPublished(state: MeetingState, ballotId: string, result: RoundResult, anchor: PublishedAnchor): void {
    if (!this.live(state)) return;
    const receipts = publishedReceipts(state, ballotId);
    this.emit(state.meeting.id, 'delegate', 'result:published', { result, receipts, anchor });
    if (state.projector.resultShown)
      this.emit(state.meeting.id, 'projector', 'result:published', { result, receipts, anchor });
    this.ballotChanged(state, ballotId);
  }

  projectorChanged(state: MeetingState): void {
    const screen = state.projector;
    this.emit(state.meeting.id, 'chair', 'console:projector-updated', { projector: screen });
    const result = projectorResult(state);
    this.emit(state.meeting.id, 'projector', 'projector:updated', {
      screen,
      result,
      anchor: result ? publishedAnchor(state) : null,
    });
  }

  /** The whole roster changed (import): sent at once, not coalesced. */
  rosterReplaced(state: MeetingState, removedIds: readonly string[]): void {
    if (!this.live(state)) return;
    const presence = state.presence();
    this.emit(state.meeting.id, 'chair', 'console:roster-updated', {
      presence,
      delegates: [...state.delegates.values()].map((d) => delegateView(state, d)),
      removedIds,
      full: true,
    });
    this.emit(state.meeting.id, 'projector', 'presence:updated', { presence });
  }

  proxiesChanged(state: MeetingState): void {
    if (!this.live(state)) return;
    const presence = state.presence();
    this.emit(state.meeting.id, 'chair', 'console:proxies-updated', {
      proxies: [...state.proxies.values()].map(proxyView),
      presence,
    });
    this.emit(state.meeting.id, 'projector', 'presence:updated', { presence });
  }

  delegatesChanged(state: MeetingState, delegateIds: readonly string[]): void {
    if (!this.live(state)) return;
    // A snapshot stamped with the channel's current number: the events after it follow on (any still
    // queued in the room sender carry numbers up to it, and the phone skips them).
    const seq = this.seq(state.meeting.id, 'delegate');
    for (const id of new Set(delegateIds)) {
      const socketId = state.connectionOf(id);
      if (socketId) this.io.local.to(socketId).emit('snapshot', delegateSnapshot(state, id, seq, this.serverTime()));
    }
  }

  /** One delegate changed (attendance, connection, details); coalesced with others. */
  delegateChanged(state: MeetingState, delegateId: string): void {
    if (!this.live(state)) return;
    const key = state.meeting.id;
    const pending = this.pendingRoster.get(key);
    if (pending) {
      pending.ids.add(delegateId);
      return;
    }
    this.pendingRoster.set(key, { state, ids: new Set([delegateId]) });
    this.later(() => this.flushRoster(key));
  }

  /**
   * A vote was stored; the turnout update is coalesced, except for the vote that completes the
   * round (everyone issued a ballot has voted): the hall is waiting for exactly that number.
   */
  turnoutChanged(state: MeetingState, ballotId: string): void {
    if (!this.live(state)) return;
    const key = state.meeting.id;
    const pending = this.pendingTurnout.get(key);
    if (pending) pending.ballotIds.add(ballotId);
    else {
      this.pendingTurnout.set(key, { state, ballotIds: new Set([ballotId]) });
      this.later(() => void this.flushTurnout(key));
    }
    const round = state.currentRound(ballotId);
    if (round && state.votersOf(ballotId, round.round).size >= state.issuedOf(ballotId, round.round).size)
      void this.flushTurnout(key);
  }

  /** Stops pending timers (shutdown). */
  stop(): void {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.rooms.stop();
  }

  private later(fn: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      fn();
    }, COALESCE_MS);
    this.timers.add(timer);
  }

  private flushRoster(key: string): void {
    const pending = this.pendingRoster.get(key);
    this.pendingRoster.delete(key);
    if (!pending) return;
    const { state, ids } = pending;
    const presence = state.presence();
    const delegates = [...ids].flatMap((id) => {
      const d = state.delegates.get(id);
      return d ? [delegateView(state, d)] : [];
    });
    const removedIds = [...ids].filter((id) => !state.delegates.has(id));
    this.emit(key, 'chair', 'console:roster-updated', { presence, delegates, removedIds, full: false });
    this.emit(key, 'projector', 'presence:updated', { presence });
    // Present count is part of turnout ("37 of 49 present have voted").
    const current = state.currentBallotId;
    if (current && state.ballotState(current) === 'open') this.turnoutChanged(state, current);
  }

  private async flushTurnout(key: string): Promise<void> {
    const pending = this.pendingTurnout.get(key);
    this.pendingTurnout.delete(key);
    if (!pending) return;
    const { state, ballotIds } = pending;
    for (const ballotId of ballotIds) {
      const definition = state.ballots.get(ballotId)?.row.definition;
      if (definition?.interimForChair && state.ballotState(ballotId) === 'open') {
        const interim = await this.computeInterim(state, ballotId);
        if (interim) state.setInterimResult(ballotId, interim);
      }
      const chairView = chairBallotView(state, ballotId);
      if (chairView) this.emit(key, 'chair', 'console:ballot-updated', { ballot: chairView });
      const turnout = turnoutOf(state, ballotId);
      if (turnout && state.currentBallotId === ballotId) this.emit(key, 'projector', 'turnout:updated', { turnout });
    }
  }
}
