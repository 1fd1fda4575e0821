// Fuzzing every client event (as chair, chair of a meeting not yet voting, delegate, projector)
// and every HTTP route with hostile payloads. npm test runs a few hundred cases; `npm run chaos`
// runs the same properties with at least 10,000.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { FuzzHall } from './support/fuzz-hall';
import { faultSeed } from './support/random';
import { runHttpFuzz } from './scenarios/fuzz-http';
import { runSocketFuzz } from './scenarios/fuzz-sockets';

const LIMITS = { maxString: 100_000, maxDepth: 2000 };
let hall: FuzzHall;

beforeAll(async () => {
  hall = await FuzzHall.start();
});

afterAll(async () => {
  await hall.stop();
});

test('socket events: typed answers, no crash, refusals change nothing', async () => {
  const seed = faultSeed();
  const figures = await runSocketFuzz({ numRuns: 300, seed, limits: LIMITS }, hall);
  expect(figures.cases, `seed ${seed}`).toBe(300);
  // The fuzzer reaches past the role check and the schema, or it tests nothing.
  expect(figures.answered.INVALID_PAYLOAD ?? 0).toBeGreaterThan(30);
  expect(figures.answered.FORBIDDEN ?? 0).toBeGreaterThan(10);
});

test('HTTP routes: typed errors, no 5xx, success only with the right credential', async () => {
  const seed = faultSeed();
  const figures = await runHttpFuzz({ numRuns: 200, seed, limits: LIMITS }, hall);
  expect(figures.cases, `seed ${seed}`).toBe(200);
  expect(figures.answered.UNAUTHORIZED ?? 0).toBeGreaterThan(10);
});
