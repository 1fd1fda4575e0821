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

/**
 * The rate of each class of the request table, per socket. Chair actions, all together: far above
 * what a person clicks, low enough that a stuck key or a script cannot flood the meeting's write
 * queue (each action is a commit). Votes: a phone casts one per round, re-sends included.
 */
export const RATES: Readonly<Record<Exclude<RateClass, 'none'>, { perSecond: number; burst: number }>> = {
  chair: { perSecond: 10, burst: 30 },
  vote: { perSecond: 2, burst: 10 },
};

const buckets = new WeakMap<object, Map<RateClass, () => boolean>>();

/** The bucket of `rate` on this socket, shared by every request of that class; null for `none`. */
export function rateLimiter(socket: object, rate: RateClass): (() => boolean) | null {
  if (rate === 'none') return null;
  let mine = buckets.get(socket);
  if (!mine) buckets.set(socket, (mine = new Map<RateClass, () => boolean>()));
  let bucket = mine.get(rate);
  if (!bucket) mine.set(rate, (bucket = tokenBucket(RATES[rate].perSecond, RATES[rate].burst)));
  return bucket;
}
