// Who may write a meeting. One process on SQLite (or on PostgreSQL without NODE_ID) owns every
// meeting: LocalOwnership. On a cluster a node owns a meeting while it holds the meeting's
// PostgreSQL advisory lock and has claimed its epoch (pg-ownership.ts). The meeting keeper
// (meeting-keeper.ts) drives both the same way, so `npm start` is a cluster of one.

/** What becoming a meeting's owner gave: its epoch, or why not. */
export type Acquired =
  | { readonly kind: 'owned'; readonly epoch: number }
  /** Another node holds the meeting. */
  | { readonly kind: 'elsewhere' }
  /** No such meeting. */
  | { readonly kind: 'missing' };

export interface Ownership {
  /** True on a cluster: meetings are loaded when claimed, and given up when idle. */
  readonly clustered: boolean;
  /** This node's name, for logs and /healthz. */
  readonly node: string;
  /** Tries once to become the meeting's owner; rejects when the database cannot be reached. */
  acquire(meetingId: string): Promise<Acquired>;
  /** Gives the meeting up (another node may claim it from now on). */
  release(meetingId: string): Promise<void>;
  /**
   * `listener` hears of meetings this node lost without giving them up (its lock's session ended
   * and the lock could not be taken again, or another node claimed the meeting meanwhile).
   */
  onLost(listener: (meetingId: string) => void): void;
  /** Meetings with an open round whose countdown is due by `nowIso`, for the countdown sweep. */
  dueCountdowns(nowIso: string): Promise<string[]>;
  /** The meeting a badge token belongs to (a node that does not own it cannot tell from memory). */
  meetingOfToken(token: string): Promise<string | null>;
  close(): Promise<void>;
}

/**
 * One process owns every meeting: the store holds nothing this process did not write. Every
 * meeting is loaded at start-up; one dropped after a failed commit (its state in memory may lag the
 * store) is loaded again on its next connection, with a local epoch one higher, so the sequence
 * numbers its clients see keep growing (the keeper counts those epochs itself).
 */
export class LocalOwnership implements Ownership {
  readonly clustered = false;
  readonly node = 'local';

  acquire(): Promise<Acquired> {
    return Promise.resolve({ kind: 'owned', epoch: 0 });
  }

  release(): Promise<void> {
    return Promise.resolve();
  }

  onLost(): void {}

  dueCountdowns(): Promise<string[]> {
    return Promise.resolve([]);
  }

  meetingOfToken(): Promise<string | null> {
    return Promise.resolve(null);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
