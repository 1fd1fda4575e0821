import type { RateClass } from '@hallvote/shared';

/**
 * A token bucket: `burst` requests at once, refilled at `perSecond`. One per socket and kind of
 * request, so a misbehaving phone slows only itself.
 */
export function tokenBucket(perSecond: number, burst: number, now: () => number = Date.now): () => boolean {
  let tokens = burst;
  let last = now();
  return () => {
    const t = now();
    tokens = Math.min(burst, tokens + ((t - last) / 1000) * perSecond);
    last = t;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
}

type Limited = Exclude<RateClass, 'none'>;

/**
 * The rate of each class of the request table, per socket. Chair actions, all together: far above
 * what a person clicks, low enough that a stuck key or a script cannot flood the meeting's write
 * queue (each action is a commit). Votes: one a round per phone, with room for re-sends after a reconnect.
 */
export const RATES: Readonly<Record<Limited, { perSecond: number; burst: number }>> = {
  chair: { perSecond: 10, burst: 30 },
  vote: { perSecond: 2, burst: 10 },
};

/** Per class, socket → its bucket (one WeakMap per class: no per-socket map for a phone to carry). */
const buckets: Readonly<Record<Limited, WeakMap<object, () => boolean>>> = {
  chair: new WeakMap(),
  vote: new WeakMap(),
};

/** The bucket of `rate` on this socket, shared by every request of that class; null for `none`. */
export function rateLimiter(socket: object, rate: RateClass): (() => boolean) | null {
  if (rate === 'none') return null;
  let bucket = buckets[rate].get(socket);
  if (!bucket) buckets[rate].set(socket, (bucket = tokenBucket(RATES[rate].perSecond, RATES[rate].burst)));
  return bucket;
}
