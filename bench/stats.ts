// Small, dependency-free statistics for latency samples.

/** The p-th percentile (0..100) by nearest rank; null for no samples. */
export function percentile(samples: readonly number[], p: number): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? null;
}

export interface Summary {
  readonly count: number;
  readonly p50: number | null;
  readonly p95: number | null;
  readonly p99: number | null;
  readonly max: number | null;
}

export function summarize(samples: readonly number[]): Summary {
  return {
    count: samples.length,
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: percentile(samples, 100),
  };
}

/** Rounds to `digits` decimals, keeping null. */
export function round(value: number | null, digits = 1): number | null {
  if (value === null || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** a / b, or null when either is missing or not positive (a ratio of a negative lag says nothing). */
export function ratio(a: number | null, b: number | null): number | null {
  if (a === null || b === null || a < 0 || b <= 0) return null;
  return a / b;
}

/** Milliseconds on one clock shared by every process of the run (epoch based, sub-ms). */
export function nowMs(): number {
  return performance.timeOrigin + performance.now();
}

/** Counts occurrences of each key. */
export function countBy(map: Record<string, number>, key: string): void {
  map[key] = (map[key] ?? 0) + 1;
}

export function total(map: Readonly<Record<string, number>>): number {
  return Object.values(map).reduce((a, b) => a + b, 0);
}
