// kill -9 while 300 phones vote (three kills here; `npm run chaos` runs ten or more).
import { expect, test } from 'vitest';
import { runCrashScenario } from './scenarios/crash';
import { faultSeed, withSeed } from './support/random';

test('kill -9 three times mid-ballot: every acked vote stored once, every other refused with a type, totals = rows', async () => {
  const seed = faultSeed();
  const f = await withSeed(seed, () => runCrashScenario({ delegates: 300, kills: 3, seed, votingWindowMs: 1500 }));
  expect(f.killsSurvived).toBe(3);
  expect(f.cleanExit, 'the last stop is clean').toBe(true);
  for (const r of f.rounds) {
    expect(r.cast).toBe(300);
    expect(r.lost).toBe(0);
    expect(r.stored).toBe(r.acked);
    expect(r.acked + r.failed).toBe(300);
  }
  // The kills fell on votes not yet acknowledged, or the test proved nothing.
  expect(
    f.atKill.reduce((n, k) => n + k.holding, 0),
    `seed ${seed}`,
  ).toBeGreaterThan(0);
  expect(f.rounds.reduce((n, r) => n + r.resent, 0)).toBeGreaterThan(0);
});
