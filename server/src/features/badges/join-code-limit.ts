// How many wrong join codes the server takes. A code has 31^8 ≈ 8.5 × 10^11 values; what keeps
// guessing hopeless is that only wrong codes spend the budget, and that there is little of it: a
// few per address, and a small budget for the whole server, whatever the address. Past it, even
// the right code is refused until time has refilled the budget (so a guesser learns nothing), and
// the QR code on the badge still works. README ("Join codes") has the arithmetic.

/** Bucket sizes and refill times; read by the tests and README's numbers. */
export const JOIN_GUESSES = {
  /** One address (an IPv6 address by its /64): 5 wrong codes, then one a minute. */
  perAddress: { burst: 5, refillMs: 60_000 },
  /** The whole server: 60 wrong codes, then one every two minutes (720 a day). */
  hall: { burst: 60, refillMs: 120_000 },
} as const;

/** Addresses remembered at most; past it the oldest are forgotten (the hall budget still holds). */
const MAX_ADDRESSES = 10_000;

interface Bucket {
  tokens: number;
  at: number;
}

function refill(bucket: Bucket, now: number, burst: number, refillMs: number): void {
  // A clock stepped back refills nothing; it never takes tokens away either.
  const elapsed = Math.max(0, now - bucket.at);
  bucket.tokens = Math.min(burst, bucket.tokens + elapsed / refillMs);
  bucket.at = now;
}

/** Where a guess comes from: an IPv4 address, or an IPv6 address's /64 (one host holds all of it). */
export function addressKey(remote: string | undefined): string {
  const address = (remote ?? '').replace(/^::ffff:/, '');
  if (!address.includes(':')) return address;
  return address.split(':').slice(0, 4).join(':');
}

export type GuessVerdict = 'allowed' | 'address-limited' | 'hall-limited';

export class JoinGuessLimiter {
  readonly #addresses = new Map<string, Bucket>();
  readonly #hall: Bucket;

  constructor(private readonly now: () => number) {
    this.#hall = { tokens: JOIN_GUESSES.hall.burst, at: now() };
  }

  /** Whether a guess from `address` may be checked at all; spends nothing. */
  check(address: string): GuessVerdict {
    const now = this.now();
    refill(this.#hall, now, JOIN_GUESSES.hall.burst, JOIN_GUESSES.hall.refillMs);
    const mine = this.#addresses.get(address);
    if (mine) refill(mine, now, JOIN_GUESSES.perAddress.burst, JOIN_GUESSES.perAddress.refillMs);
    if (mine && mine.tokens < 1) return 'address-limited';
    if (this.#hall.tokens < 1) return 'hall-limited';
    return 'allowed';
  }

  /** A wrong code from `address` (after `check` allowed it): it spends one of both budgets. */
  wrong(address: string): void {
    this.#hall.tokens -= 1;
    let mine = this.#addresses.get(address);
    if (!mine) {
      if (this.#addresses.size >= MAX_ADDRESSES) {
        const oldest = this.#addresses.keys().next().value;
        if (oldest !== undefined) this.#addresses.delete(oldest);
      }
      mine = { tokens: JOIN_GUESSES.perAddress.burst, at: this.now() };
      this.#addresses.set(address, mine);
    }
    mine.tokens -= 1;
  }
}
