import type { RateClass } from '@hallvote/shared';

/**
 * Milliseconds on a clock that never steps: the wall clock (Date.now) jumps when NTP corrects it or
 * someone sets it, and a limiter on it would refuse everything until real time caught up.
 */
export const monotonicMs = (): number => performance.now();

/**
 * A token bucket: `burst` requests at once, refilled at `perSecond`. One per socket and kind of
 * request, so a misbehaving phone slows only itself.
 */
export function tokenBucket(perSecond: number, burst: number, now: () => number = monotonicMs): () => boolean {
  let tokens = burst;
  let last = now();
  return () => {
    const t = now();
    // A clock that went back (only a test's) refills nothing and takes nothing away.
    tokens = Math.min(burst, tokens + (Math.max(0, t - last) / 1000) * perSecond);
    last = t;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}

/**
 * The rate of each class of the request table, per socket. Chair actions, all together: far above
 * what a person clicks, low enough that a stuck key or a script cannot flood the meeting's write
 * queue (each action is a commit). Votes: one a round per phone, with room for re-sends after a
 * reconnect. Snapshots: a client asks after a gap in the events, or every two seconds while it
 * gets no answer; a snapshot is the largest message the server sends, so a flood of requests for
 * it is refused early.
 */
export const RATES: Readonly<Record<RateClass, { perSecond: number; burst: number }>> = {
  chair: { perSecond: 10, burst: 30 },
  vote: { perSecond: 2, burst: 10 },
  sync: { perSecond: 5, burst: 20 },
};

/** Per class, socket → its bucket (one WeakMap per class: no per-socket map for a phone to carry). */
const buckets: Readonly<Record<RateClass, WeakMap<object, () => boolean>>> = {
  chair: new WeakMap(),
  vote: new WeakMap(),
  sync: new WeakMap(),
};

/** The bucket of `rate` on this socket, shared by every request of that class. */
export function rateLimiter(socket: object, rate: RateClass): () => boolean {
  let bucket = buckets[rate].get(socket);
  if (!bucket) buckets[rate].set(socket, (bucket = tokenBucket(RATES[rate].perSecond, RATES[rate].burst)));
  return bucket;
}
