// A log line for something a client can make happen thousands of times a second (a request without
// an ack, a refused handshake) must not be written thousands of times: the log would grow by
// megabytes and writing it would stall the event loop. The first occurrence is logged at once;
// later ones are counted and summarised in one line per interval, by what happened.
import type { Logger } from './logger';
import { monotonicMs } from './rate-limit';

export const SUMMARY_INTERVAL_MS = 10_000;

export class LogThrottle {
  #lastLineAt = Number.NEGATIVE_INFINITY;
  #counts = new Map<string, number>();
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly log: Logger,
    private readonly message: string,
    private readonly intervalMs = SUMMARY_INTERVAL_MS,
  ) {}

  /** One occurrence of `what` (a short key: an event name, a reason; never a credential). */
  note(what: string): void {
    this.#counts.set(what, (this.#counts.get(what) ?? 0) + 1);
    if (monotonicMs() - this.#lastLineAt >= this.intervalMs) this.#flush();
    else
      this.#timer ??= setTimeout(() => {
        this.#timer = null;
        this.#flush();
      }, this.intervalMs).unref();
  }

  /** Writes what is still counted (shutdown) and stops the timer. */
  stop(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    if (this.#counts.size > 0) this.#flush();
  }

  #flush(): void {
    if (this.#counts.size === 0) return;
    const counts = Object.fromEntries(this.#counts);
    const total = [...this.#counts.values()].reduce((a, b) => a + b, 0);
    this.#counts = new Map();
    this.#lastLineAt = monotonicMs();
    this.log.warn({ total, counts, perSeconds: this.intervalMs / 1000 }, this.message);
  }
}
