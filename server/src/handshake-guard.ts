// Handshakes are requests too, and the cheapest to flood: socket.io lets a client send one after
// another on the same connection, each a guess at a badge token. Each connection gets a few
// attempts and fewer failures; each address a budget of failures, after which its handshakes are
// refused without looking at the credential until the budget refills. Refusals are logged, a
// summary at a time (log-throttle.ts).
import type { Logger } from './logger';
import { LogThrottle } from './log-throttle';
import { monotonicMs } from './rate-limit';

/** Handshakes on one connection: a real client makes one, two after a refusal it recovers from. */
const ATTEMPTS_PER_CONNECTION = 5;
/** Refused handshakes on one connection before it is closed. */
const FAILURES_PER_CONNECTION = 3;
/** Refused handshakes per address: room for a hall's worth of stale badges, not for guessing. */
const ADDRESS_FAILURES = { perSecond: 5, burst: 100 };
/** Forget an address this long after its last refused handshake. */
const ADDRESS_IDLE_MS = 60_000;

/** An address's budget of refused handshakes: spent by each refusal, refilled with time. */
class FailureBudget {
  #tokens = ADDRESS_FAILURES.burst;
  #last = monotonicMs();
  lastFailure = 0;

  #refill(): void {
    const now = monotonicMs();
    this.#tokens = Math.min(
      ADDRESS_FAILURES.burst,
      this.#tokens + ((now - this.#last) / 1000) * ADDRESS_FAILURES.perSecond,
    );
    this.#last = now;
  }

  get exhausted(): boolean {
    this.#refill();
    return this.#tokens < 1;
  }

  spend(): void {
    this.#refill();
    this.#tokens = Math.max(0, this.#tokens - 1);
    this.lastFailure = this.#last;
  }
}

export type HandshakeVerdict = 'go' | 'rate-limited' | 'close';

export class HandshakeGuard {
  readonly #attempts = new WeakMap<object, { attempts: number; failures: number }>();
  readonly #addresses = new Map<string, FailureBudget>();
  readonly #log: LogThrottle;
  readonly #sweep: ReturnType<typeof setInterval>;

  constructor(log: Logger) {
    this.#log = new LogThrottle(log, 'socket handshakes refused');
    this.#sweep = setInterval(() => this.#forgetIdle(), ADDRESS_IDLE_MS).unref();
  }

  /** Before a handshake on `connection` from `address` is looked at. */
  admit(connection: object, address: string): HandshakeVerdict {
    const seen = this.#attempts.get(connection) ?? { attempts: 0, failures: 0 };
    this.#attempts.set(connection, seen);
    seen.attempts += 1;
    if (seen.attempts > ATTEMPTS_PER_CONNECTION) {
      this.#log.note(`too many handshakes on one connection from ${address}`);
      return 'close';
    }
    if (this.#addresses.get(address)?.exhausted) {
      // Refused unseen; not spent again, or a patient client would never get back in.
      this.#log.note(`RATE_LIMITED ${address}`);
      return 'rate-limited';
    }
    return 'go';
  }

  /** A handshake was refused (`code`); true when its connection should now be closed. */
  failed(connection: object, address: string, code: string): boolean {
    this.#log.note(`${code} ${address}`);
    let budget = this.#addresses.get(address);
    if (!budget) this.#addresses.set(address, (budget = new FailureBudget()));
    budget.spend();
    const seen = this.#attempts.get(connection);
    if (seen) seen.failures += 1;
    return (seen?.failures ?? 0) >= FAILURES_PER_CONNECTION;
  }

  stop(): void {
    clearInterval(this.#sweep);
    this.#log.stop();
  }

  #forgetIdle(): void {
    const now = monotonicMs();
    for (const [address, budget] of this.#addresses)
      if (now - budget.lastFailure > ADDRESS_IDLE_MS) this.#addresses.delete(address);
  }
}
