// `npm run chaos`: the fault scenarios of test/faults, longer and bigger than in npm test, with a
// report of the figures. Same code as the tests; only the counts differ.
//
//   CHAOS_KILLS=10         kill -9 rounds (300 phones voting in each)
//   CHAOS_DELEGATES=300    phones in the crash and network scenarios
//   CHAOS_FUZZ=10000       fuzz cases, for socket events and again for HTTP routes
//   FAULTS_SEED=<n>        replay a run (every scenario prints its seed)
import { runCrashScenario, type CrashFigures } from './scenarios/crash';
import { runHttpFuzz } from './scenarios/fuzz-http';
import { runSocketFuzz, type FuzzFigures } from './scenarios/fuzz-sockets';
import { runNetworkScenario, type NetworkFigures } from './scenarios/network';
import { faultSeed, withSeed } from './support/random';

const count = (name: string, fallback: number) => {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};

const KILLS = count('CHAOS_KILLS', 10);
const DELEGATES = count('CHAOS_DELEGATES', 300);
const FUZZ = count('CHAOS_FUZZ', 10_000);
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s`;
const say = (line: string) => process.stdout.write(`${elapsed()}  ${line}\n`);

async function stage<T>(name: string, run: (seed: number) => Promise<T>): Promise<T> {
  const seed = faultSeed();
  say(`${name} (seed ${seed})`);
  const t = Date.now();
  const result = await withSeed(seed, () => run(seed));
  say(`${name}: passed in ${((Date.now() - t) / 1000).toFixed(0)} s`);
  return result;
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

async function main(): Promise<void> {
  const crash: CrashFigures = await stage(`crash: ${KILLS} × kill -9, ${DELEGATES} phones`, (seed) =>
    runCrashScenario({ delegates: DELEGATES, kills: KILLS, seed, votingWindowMs: 2000, log: say }),
  );
  const network: NetworkFigures = await stage(`network: ${DELEGATES} phones, outages of 2–30 s`, (seed) =>
    runNetworkScenario({
      delegates: DELEGATES,
      seed,
      votingWindowMs: 20_000,
      outageMs: [2000, 30_000],
      dropShare: 0.5,
      lateShare: 0.05,
      log: say,
    }),
  );
  const limits = { maxString: 2_000_000, maxDepth: 1500 };
  const sockets: FuzzFigures = await stage(`fuzz: ${FUZZ} socket cases`, (seed) =>
    runSocketFuzz({ numRuns: FUZZ, seed, limits }),
  );
  const http: FuzzFigures = await stage(`fuzz: ${FUZZ} HTTP cases`, (seed) =>
    runHttpFuzz({ numRuns: FUZZ, seed, limits }),
  );

  const rounds = [...crash.rounds, network];
  const report = {
    killsSurvived: crash.killsSurvived,
    votesCast: sum(rounds.map((r) => r.cast)),
    votesAcked: sum(rounds.map((r) => r.acked)),
    votesLost: sum(rounds.map((r) => r.lost)),
    votesRefusedWithType: sum(rounds.map((r) => r.failed)),
    votesResent: sum(rounds.map((r) => r.resent)),
    unacknowledgedAtKill: sum(crash.atKill.map((k) => k.holding)),
    networkDrops: network.drops,
    fuzzCases: sockets.cases + http.cases,
    fuzzSocketAnswers: sockets.answered,
    fuzzHttpAnswers: http.answered,
    minutes: Number(((Date.now() - started) / 60_000).toFixed(1)),
  };
  process.stdout.write(`\nchaos passed\n${JSON.stringify(report, null, 2)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `\nchaos FAILED after ${elapsed()}:\n${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
