// Flaky Wi-Fi during a ballot: phones dropped (their transport, the server side, the page
// backgrounded) and back after a random outage; some come back only after the close.
import { expect, test } from 'vitest';
import { runNetworkScenario } from './scenarios/network';
import { faultSeed, withSeed } from './support/random';

test('drops and reconnects mid-ballot: every vote counted exactly once, late ones refused with a type', async () => {
  const seed = faultSeed();
  // Outages of 1–5 s here instead of the 2–30 s `npm run chaos` uses: what is exercised (an ack
  // lost in flight, a vote confirmed offline, the re-send after the snapshot, a vote held past the
  // close) does not depend on how long the phone is away, only on its being away while the vote
  // moves, and 30 s outages would make this one file longer than the whole rest of npm test.
  const f = await withSeed(seed, () =>
    runNetworkScenario({
      delegates: 60,
      seed,
      votingWindowMs: 3000,
      outageMs: [1000, 5000],
      dropShare: 0.6,
      lateShare: 0.1,
    }),
  );
  expect(f.cast).toBe(60);
  expect(f.lost).toBe(0);
  expect(f.stored).toBe(f.acked);
  expect(f.acked + f.failed).toBe(60);
  expect(f.lateStored + f.lateRefused).toBeLessThanOrEqual(f.drops.late);
  expect(f.drops['client-engine'] + f.drops['server-engine'] + f.drops.disconnect, `seed ${seed}`).toBeGreaterThan(20);
});
