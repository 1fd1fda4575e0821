// Per-audience sequence numbers: the server numbers every event of a channel, so a client that
// sees a number skipped knows it missed something and asks for a fresh snapshot. Recovery never
// relies on socket.io's connection-state recovery; a snapshot is always the truth.

export interface SequenceGuard {
  /** A snapshot arrived (on connect or after a resync): events up to `seq` are included in it. */
  reset(seq: number): void;
  /** The connection dropped: ignore events until the next snapshot. */
  suspend(): void;
  /** True when the event numbered `seq` is the next one and should be applied now. */
  accept(seq: number): boolean;
}

/**
 * `resync` must request a snapshot and call `reset` with it, or call `suspend` and let the next
 * connect's snapshot repair things. Events that arrive while a resync is pending are dropped:
 * one connection keeps order, so every one of them is already inside the snapshot that follows.
 */
export function createSequenceGuard(resync: () => void): SequenceGuard {
  let last = 0;
  let ready = false;
  let syncing = false;
  return {
    reset(seq) {
      last = seq;
      ready = true;
      syncing = false;
    },
    suspend() {
      ready = false;
      syncing = false;
    },
    accept(seq) {
      if (!ready || syncing || seq <= last) return false;
      if (seq === last + 1) {
        last = seq;
        return true;
      }
      syncing = true;
      resync();
      return false;
    },
  };
}
