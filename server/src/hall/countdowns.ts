// The countdown timers of open rounds, for every meeting of this server. They are this process's
// alarms, not meeting state: a restarted server arms them again from the rounds' `closesAt`.
type Timer = ReturnType<typeof setTimeout>;

const keyOf = (ballotId: string, round: number) => `${ballotId}#${round}`;

export class Countdowns {
  readonly #timers = new Map<string, Timer>();

  /** Calls `fire` after `delayMs`, replacing a countdown already set for the same round. */
  set(ballotId: string, round: number, delayMs: number, fire: () => void): void {
    const key = keyOf(ballotId, round);
    this.clear(ballotId, round);
    this.#timers.set(
      key,
      setTimeout(() => {
        this.#timers.delete(key);
        fire();
      }, delayMs),
    );
  }

  clear(ballotId: string, round: number): void {
    const key = keyOf(ballotId, round);
    const timer = this.#timers.get(key);
    if (timer) clearTimeout(timer);
    this.#timers.delete(key);
  }

  /** Shutdown: no countdown fires after the store has closed. */
  clearAll(): void {
    for (const timer of this.#timers.values()) clearTimeout(timer);
    this.#timers.clear();
  }
}
