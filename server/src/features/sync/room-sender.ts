// One announcement to a room of thousands of phones is thousands of socket writes; done in one go it
// holds the event loop for about 40 ms per thousand phones on a busy 2-core machine. A large room is sent to a
// slice at a time, one slice per turn of the loop. Per room, announcements keep their order (the
// next starts once the last has reached everyone), and an announcement goes to the sockets in the
// room when it was made: one that joins later already has a snapshot stamped with its number.

/**
 * What RoomSender needs of the socket.io server: the rooms' members on this node, and emitting to
 * rooms or sockets on this node only (a meeting's sockets are all on the node that runs it; with
 * the cluster's Redis adapter, `io.to` would also publish to every other node).
 */
export interface RoomServer {
  readonly sockets: { readonly adapter: { readonly rooms: ReadonlyMap<string, ReadonlySet<string>> } };
  readonly local: { to(room: string | string[]): unknown };
}

/** Sockets written to in one turn of the loop: about 10 ms of writes on a busy 2-core machine. */
export const SLICE = 250;

interface Job {
  readonly ids: readonly string[];
  readonly event: string;
  readonly payload: unknown;
  sent: number;
}

export class RoomSender {
  readonly #queues = new Map<string, Job[]>();
  readonly #turns = new Set<ReturnType<typeof setImmediate>>();

  constructor(
    private readonly io: RoomServer,
    private readonly slice = SLICE,
  ) {}

  send(room: string, event: string, payload: unknown): void {
    const queue = this.#queues.get(room);
    const members = this.io.sockets.adapter.rooms.get(room);
    if (!queue && (members?.size ?? 0) <= this.slice) {
      emitTo(this.io, room, event, payload);
      return;
    }
    const job: Job = { ids: [...(members ?? [])], event, payload, sent: 0 };
    if (queue) {
      queue.push(job);
      return;
    }
    this.#queues.set(room, [job]);
    this.#sendSlice(room);
  }

  /** Drops what is still to be sent to one room (its meeting moved to another node). */
  drop(room: string): void {
    this.#queues.delete(room);
  }

  /** Drops what is still to be sent (shutdown). */
  stop(): void {
    for (const turn of this.#turns) clearImmediate(turn);
    this.#turns.clear();
    this.#queues.clear();
  }

  #sendSlice(room: string): void {
    const queue = this.#queues.get(room);
    const job = queue?.[0];
    if (!queue || !job) return;
    const ids = job.ids.slice(job.sent, job.sent + this.slice);
    job.sent += ids.length;
    if (ids.length > 0) emitTo(this.io, ids, job.event, job.payload);
    if (job.sent >= job.ids.length) queue.shift();
    if (queue.length === 0) {
      this.#queues.delete(room);
      return;
    }
    const turn = setImmediate(() => {
      this.#turns.delete(turn);
      this.#sendSlice(room);
    });
    this.#turns.add(turn);
  }
}

/** The event map types each payload; a sender of any announcement widens it, hence the one cast. */
function emitTo(io: RoomServer, to: string | string[], event: string, payload: unknown): void {
  (io.local.to(to) as { emit(e: string, p: unknown): void }).emit(event, payload);
}
