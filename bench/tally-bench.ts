// Scenario 5: 10,000 ballots × 50 subjects through the shared tally, in this process.
import {
  CLASSIFICATION_LEVELS,
  getRulePreset,
  packRecords,
  tally,
  type BallotRecord,
  type PackedTallyInput,
  type TallyInput,
} from '@hallvote/shared';
import { percentile } from './stats';

const BALLOTS = 10_000;
const SUBJECTS = 50;
const WARM_RUNS = 5;

/** A small deterministic PRNG (mulberry32), so every run tallies the same ballots. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A batch ballot of 50 sub-units in two cap groups, rated mostly "good", with some empty and spoilt rows. */
export function tallyInput(): TallyInput {
  const rules = getRulePreset('vn-party-classification');
  if (!rules) throw new Error('preset vn-party-classification is missing');
  const subjects = Array.from({ length: SUBJECTS }, (_, i) => ({
    id: `unit-${i + 1}`,
    label: `Đơn vị ${i + 1}`,
    group: i % 2 ? 'A' : 'B',
  }));
  const levels = CLASSIFICATION_LEVELS.map((l) => l.id);
  const random = prng(7);
  const records: BallotRecord[] = Array.from({ length: BALLOTS }, () => {
    const marks: Record<string, string[]> = {};
    for (const s of subjects) {
      const r = random();
      if (r < 0.01) continue; // an empty row
      if (r < 0.015)
        marks[s.id] = ['good', 'completed']; // two marks: no vote for this subject
      else marks[s.id] = [r < 0.15 ? 'excellent' : r < 0.85 ? 'good' : r < 0.97 ? 'completed' : (levels[3] ?? 'good')];
    }
    return { marks };
  });
  return {
    rules,
    ballot: { kind: 'batch', subjects, options: [...CLASSIFICATION_LEVELS] },
    attendance: { roster: BALLOTS, present: BALLOTS, excusedAbsent: 0 },
    issued: BALLOTS,
    paperVoters: 0,
    records,
  };
}

export interface TallyBenchResult {
  /** Median of the warm runs, records packed as the store hands them over at close. */
  readonly medianMs: number;
  /** The first packed run, before the JIT has seen the code. */
  readonly coldMs: number;
  readonly runsMs: number[];
  /** Median of the warm runs over the same records as objects (the format before packing). */
  readonly objectsMedianMs: number;
}

function timer(input: TallyInput | PackedTallyInput): () => number {
  return () => {
    const started = performance.now();
    const result = tally(input);
    const ms = performance.now() - started;
    if (result.ballots.returned !== BALLOTS) throw new Error(`tally returned ${result.ballots.returned} ballots`);
    return ms;
  };
}

export function runTallyBench(): TallyBenchResult {
  const input = tallyInput();
  const packed = timer({ ...input, records: packRecords(input.ballot, input.records) });
  const coldMs = packed();
  const runsMs = Array.from({ length: WARM_RUNS }, packed);
  const objects = timer(input);
  const objectsMs = Array.from({ length: WARM_RUNS + 1 }, objects).slice(1);
  return { medianMs: percentile(runsMs, 50) ?? NaN, coldMs, runsMs, objectsMedianMs: percentile(objectsMs, 50) ?? NaN };
}
