// How many wrong join codes the server takes. A code has 31^8 ≈ 8.5 × 10^11 values; what keeps
// guessing hopeless is that only wrong codes spend the budget, and that there is little of it: a
// few per address, and a small budget for the whole server, whatever the address. Past it, even
// the right code is refused until time has refilled the budget (so a guesser learns nothing), and
// the QR code on the badge still works. README ("Join codes") has the arithmetic.
//
// The budget is the store's (Store.takeJoinGuess), so that every process on one database spends
// the same one: SQLite keeps it in this process's memory (one process per file), PostgreSQL in a
// table every node updates under a row lock (pg-join-guesses.ts). Both decide with the functions
// below. A guess takes a token before its code is looked up, and a right code gives it back: two
// guesses at once can never both spend the last token.

/** Bucket sizes and refill times; read by the tests and README's numbers. */
export const JOIN_GUESSES = {
  /** One address (an IPv6 address by its /64): 5 wrong codes, then one a minute. */
  perAddress: { burst: 5, refillMs: 60_000 },
  /** The whole server: 60 wrong codes, then one every two minutes (720 a day). */
  hall: { burst: 60, refillMs: 120_000 },
} as const;

export type GuessVerdict = 'allowed' | 'address-limited' | 'hall-limited';

/** A token bucket: `tokens` guesses left at time `at` (ms). No bucket at all means a full one. */
export interface GuessBucket {
  readonly tokens: number;
  readonly at: number;
}

interface Limits {
  readonly burst: number;
  readonly refillMs: number;
}

/** The bucket at `now`. A clock stepped back refills nothing; it never takes tokens away either. */
export function refilled(bucket: GuessBucket | undefined, now: number, limits: Limits): GuessBucket {
  if (!bucket) return { tokens: limits.burst, at: now };
  const elapsed = Math.max(0, now - bucket.at);
  return { tokens: Math.min(limits.burst, bucket.tokens + elapsed / limits.refillMs), at: now };
}

/** Whether a bucket is full at its time: it then says no more than no bucket, and can be forgotten. */
export const isFull = (bucket: GuessBucket, limits: Limits): boolean => bucket.tokens >= limits.burst;

export interface GuessTaken {
  readonly verdict: GuessVerdict;
  /** Both buckets after the guess: refilled to `now`, one token fewer each when allowed. */
  readonly hall: GuessBucket;
  readonly address: GuessBucket;
}

/** One guess at `now`, checked before its code is: it takes a token of both buckets, or none. */
export function takeGuess(hall: GuessBucket | undefined, address: GuessBucket | undefined, now: number): GuessTaken {
  const h = refilled(hall, now, JOIN_GUESSES.hall);
  const a = refilled(address, now, JOIN_GUESSES.perAddress);
  if (a.tokens < 1) return { verdict: 'address-limited', hall: h, address: a };
  if (h.tokens < 1) return { verdict: 'hall-limited', hall: h, address: a };
  return { verdict: 'allowed', hall: { tokens: h.tokens - 1, at: now }, address: { tokens: a.tokens - 1, at: now } };
}

/** When the hall bucket, as `takeGuess` left it, next holds a token (ms). */
export function hallOpensAt(hall: GuessBucket): number {
  return hall.at + Math.max(0, 1 - hall.tokens) * JOIN_GUESSES.hall.refillMs;
}

/** The token a right code gives back, never above the burst. */
export function givenBack(bucket: GuessBucket | undefined, limits: Limits): GuessBucket | undefined {
  return bucket && { tokens: Math.min(limits.burst, bucket.tokens + 1), at: bucket.at };
}

/** Where a guess comes from: an IPv4 address, or an IPv6 address's /64 (one host holds all of it). */
export function addressKey(remote: string | undefined): string {
  const address = (remote ?? '').replace(/^::ffff:/, '');
  if (!address.includes(':')) return address;
  return address.split(':').slice(0, 4).join(':');
}

/** Addresses remembered at most; past it the oldest are forgotten (the hall budget still holds). */
const MAX_ADDRESSES = 10_000;

/** The budget in this process's memory: the SQLite store's (one process per database file). */
export class JoinGuessLimiter {
  readonly #addresses = new Map<string, GuessBucket>();
  #hall: GuessBucket | undefined;

  /** Takes a guess from `address` at `now`, or says why not (nothing taken then). */
  take(address: string, now: number): GuessVerdict {
    const taken = takeGuess(this.#hall, this.#addresses.get(address), now);
    this.#hall = taken.hall;
    this.#addresses.delete(address);
    // A full bucket is no bucket: only addresses that have spent something are remembered.
    if (!isFull(taken.address, JOIN_GUESSES.perAddress)) {
      if (this.#addresses.size >= MAX_ADDRESSES) {
        const oldest = this.#addresses.keys().next().value;
        if (oldest !== undefined) this.#addresses.delete(oldest);
      }
      this.#addresses.set(address, taken.address);
    }
    return taken.verdict;
  }

  /** The code was right: the guess `take` allowed costs nothing. */
  giveBack(address: string): void {
    this.#hall = givenBack(this.#hall, JOIN_GUESSES.hall);
    const mine = givenBack(this.#addresses.get(address), JOIN_GUESSES.perAddress);
    if (mine) this.#addresses.set(address, mine);
  }
}
