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
