// A delegate's phone, reduced to what matters for faults. It behaves like
// client/src/delegate/vote-actions.ts: a vote gets its UUID when confirmed and is kept ("local
// storage") until the server acknowledges it or refuses it for good; after every snapshot a held
// vote is either cleared (the snapshot shows the server has it) or sent again with the SAME id;
// NO_ANSWER, RATE_LIMITED, STORE_UNAVAILABLE and INTERNAL are transient and retried.
import { io as connect } from 'socket.io-client';
import {
  ERROR_CODES,
  PROTOCOL_VERSION,
  type DelegateSnapshot,
  type ErrorCode,
  type VoteCastPayload,
} from '@hallvote/shared';
import type { Client } from '../../support/request';
import { ask } from './hall-client';
import { waitFor } from './random';

export type Fate =
  | { readonly state: 'pending' }
  | { readonly state: 'acked'; readonly receipt: string; readonly via: 'ack' | 'snapshot' }
  | { readonly state: 'failed'; readonly error: ErrorCode; readonly params: unknown };

export interface HeldVote {
  readonly payload: VoteCastPayload;
  fate: Fate;
  /** Requests that actually left the phone. */
  sends: number;
  /** Requests that left the phone and got no answer (connection lost while in flight). */
  unanswered: number;
}

export type DropKind = 'client-engine' | 'server-engine' | 'disconnect';

export interface PhoneOptions {
  /** The real phone retries a transient failure after 4 s while online. */
  readonly retryMs?: number;
  /** Closes this phone's connection from the server side (in-process servers only). */
  readonly closeServerSide?: (socketId: string) => void;
  /** The meeting, sent as `?m=` as the real phone does (a load balancer routes by it). */
  readonly meetingId?: string;
  /** socket.io's longest wait between reconnection attempts (the real client: 2 s). */
  readonly reconnectionDelayMax?: number;
  /**
   * Connects again when the server closed the connection (socket.io does not by itself), as the
   * real phone does unless its badge was opened elsewhere (client/src/sync-binding.ts).
   */
  readonly followServerClose?: boolean;
}

const TRANSIENT = new Set(['NO_ANSWER', 'RATE_LIMITED', 'STORE_UNAVAILABLE', 'INTERNAL']);

export class Phone {
  readonly socket: Client;
  delegateId: string | null = null;
  snapshots = 0;
  /** When the last snapshot arrived (Date.now()). */
  lastSnapshotAt = 0;
  replaced = false;
  /** socket.io's reason for the last disconnection. */
  lastDisconnect = '';
  /** Votes in the order confirmed; at most one is pending at a time, like the real phone. */
  readonly votes: HeldVote[] = [];
  private sending = false;
  private readonly retryMs: number;
  private readonly closeServerSide: ((socketId: string) => void) | undefined;

  constructor(
    readonly url: string,
    readonly token: string,
    options: PhoneOptions = {},
  ) {
    this.retryMs = options.retryMs ?? 4000;
    this.closeServerSide = options.closeServerSide;
    // socket.io's own reconnection with its default back-off, as in client/src/socket.ts.
    this.socket = connect(url, {
      auth: { protocol: PROTOCOL_VERSION, role: 'delegate', token },
      transports: ['websocket'],
      reconnection: true,
      forceNew: true,
      ...(options.meetingId ? { query: { m: options.meetingId } } : {}),
      ...(options.reconnectionDelayMax ? { reconnectionDelayMax: options.reconnectionDelayMax } : {}),
    });
    this.socket.on('snapshot', (s) => this.onSnapshot(s as DelegateSnapshot));
    this.socket.on('session:replaced', () => (this.replaced = true));
    this.socket.on('disconnect', (reason) => {
      this.lastDisconnect = reason;
      if (options.followServerClose && reason === 'io server disconnect' && !this.replaced)
        setTimeout(() => this.socket.connect(), 250 + Math.random() * 500);
    });
  }

  /** Resolves once the first snapshot arrived. */
  ready(timeoutMs = 30_000): Promise<void> {
    return waitFor(() => this.snapshots > 0, timeoutMs, `the first snapshot of a phone`);
  }

  get pending(): HeldVote | undefined {
    const last = this.votes.at(-1);
    return last?.fate.state === 'pending' ? last : undefined;
  }

  get inFlight(): boolean {
    return this.sending;
  }

  /** The delegate confirms a vote: it is held first, then sent. */
  cast(payload: VoteCastPayload): HeldVote {
    if (this.pending) throw new Error('a phone holds one vote at a time');
    const held: HeldVote = { payload, fate: { state: 'pending' }, sends: 0, unanswered: 0 };
    this.votes.push(held);
    void this.send(held);
    return held;
  }

  /** Drops the connection and comes back after `ms`. */
  drop(kind: DropKind, ms: number): void {
    const manager = this.socket.io;
    switch (kind) {
      case 'client-engine':
        // The phone's Wi-Fi goes: the transport closes and socket.io reconnects after `ms`.
        manager.reconnectionDelay(ms).reconnectionDelayMax(ms).randomizationFactor(0);
        manager.engine.close();
        break;
      case 'server-engine':
        if (!this.closeServerSide || !this.socket.id) throw new Error('no server-side handle for this phone');
        manager.reconnectionDelay(ms).reconnectionDelayMax(ms).randomizationFactor(0);
        this.closeServerSide(this.socket.id);
        break;
      case 'disconnect':
        // The page goes to the background: socket.io does not come back by itself.
        this.socket.disconnect();
        setTimeout(() => this.socket.connect(), ms);
        break;
    }
  }

  close(): void {
    this.socket.close();
  }

  private onSnapshot(s: DelegateSnapshot): void {
    this.snapshots += 1;
    this.lastSnapshotAt = Date.now();
    this.delegateId = s.me.id;
    const held = this.pending;
    if (!held) return;
    if (s.myVote?.voteId === held.payload.voteId) {
      held.fate = { state: 'acked', receipt: s.myVote.receipt, via: 'snapshot' };
      return;
    }
    void this.send(held);
  }

  private async send(held: HeldVote): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    const online = this.socket.connected;
    if (online) held.sends += 1;
    const reply = await ask(this.socket, 'vote:cast', held.payload);
    this.sending = false;
    if (held.fate.state !== 'pending') return;
    if (reply.ok) {
      held.fate = { state: 'acked', receipt: reply.data.receipt, via: 'ack' };
      return;
    }
    if (TRANSIENT.has(reply.error)) {
      if (online && reply.error === 'NO_ANSWER') held.unanswered += 1;
      setTimeout(() => {
        if (this.socket.connected && this.pending === held) void this.send(held);
      }, this.retryMs);
      return;
    }
    const error = reply.error as ErrorCode;
    if (!(ERROR_CODES as readonly string[]).includes(error))
      throw new Error(`untyped refusal ${JSON.stringify(reply)}`);
    held.fate = { state: 'failed', error, params: reply.params };
  }
}

/** Connects phones a few dozen at a time (a hall fills up over minutes, not in one millisecond). */
export async function connectPhones(
  url: string,
  tokens: readonly string[],
  options: PhoneOptions = {},
  batch = 50,
): Promise<Phone[]> {
  const phones: Phone[] = [];
  for (let i = 0; i < tokens.length; i += batch) {
    const slice = tokens.slice(i, i + batch).map((t) => new Phone(url, t, options));
    await Promise.all(slice.map((p) => p.ready()));
    phones.push(...slice);
  }
  return phones;
}
