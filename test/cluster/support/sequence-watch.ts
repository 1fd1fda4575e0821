// Per-audience sequence numbers as a client sees them across owners: every snapshot and
// announcement carries `seq`, and a new owner numbers from epoch × 2^32 (docs/cluster.md), so the
// numbers one client receives, in arrival order over all its connections, must never go down.
import type { Client } from '../../support/request';

export interface SequenceWatch {
  /** Numbers received below one this client had already received. */
  readonly backwards: number;
  /** The highest number received. */
  readonly max: number;
  /** How many numbered messages arrived. */
  readonly seen: number;
}

export function watchSequence(socket: Client): SequenceWatch {
  const w = { backwards: 0, max: 0, seen: 0 };
  socket.onAny((_event: string, payload: unknown) => {
    const seq = (payload as { seq?: unknown } | null)?.seq;
    if (typeof seq !== 'number') return;
    w.seen += 1;
    if (seq < w.max) w.backwards += 1;
    else w.max = seq;
  });
  return w;
}
