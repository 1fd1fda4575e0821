// npm run bench [-- --delegates N] [--only capacity,paced,burst,lock,reconnect,10k,close,tally,page,phone,cluster]
//                  [--workers K] [--big-delegates M] [--timeout-min T] [--client-delay-max MS]
//                  [--meetings M --meeting-phones P]   (cluster: M meetings of P phones at once; 0: none)
//                  [--cluster-setups sqlite-1,pg-1,pg-3]
//
// Real socket.io clients in worker processes against the real server and, in the same run, against
// a bare socket.io baseline; loopback only; bounded in count and time. Prints a table and writes
// bench/results/latest.json (the keys) and latest-detail.json (everything measured).
import { mkdirSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { killAll } from './children';
import { measureDelegatePage } from './page-weight';
import { measurePhoneTiming, renderPhoneTable } from './phone-timing';
import { latestJson, renderTable, type RunResults } from './report';
import { closeBigRound, lockedReads, type BigCloseResult, type LockedResult } from './hallvote-scenarios';
import { BASELINE, HALLVOTE, type ServerSpec } from './server-process';
import { SocketSession, type SocketResults } from './socket-scenarios';
import { runTallyBench } from './tally-bench';
import { SETUPS, renderClusterTable, runClusterBench, type SetupName } from './cluster-bench';

const SCENARIOS = [
  'capacity',
  'paced',
  'burst',
  'lock',
  'reconnect',
  '10k',
  'close',
  'tally',
  'page',
  'phone',
  'cluster',
] as const;
type Scenario = (typeof SCENARIOS)[number];
const MAX_DELEGATES = 20_000;

const { values } = parseArgs({
  options: {
    delegates: { type: 'string', default: '2000' },
    only: { type: 'string', multiple: true },
    workers: { type: 'string', default: '2' },
    'big-delegates': { type: 'string', default: '10000' },
    'timeout-min': { type: 'string', default: '10' },
    // The phones' socket.io reconnectionDelayMax in ms; 2000 is what client/src/socket.ts sets.
    'client-delay-max': { type: 'string', default: '2000' },
    meetings: { type: 'string', default: '100' },
    'meeting-phones': { type: 'string', default: '50' },
    // cluster: which setups (sqlite-1, pg-1, pg-3); all by default.
    'cluster-setups': { type: 'string' },
  },
});

const delegates = Number(values.delegates);
const bigDelegates = Number(values['big-delegates']);
const workers = Number(values.workers);
const timeoutMin = Number(values['timeout-min']);
const clientDelayMax = Number(values['client-delay-max']);
if (!(clientDelayMax >= 100 && clientDelayMax <= 60_000))
  throw new Error('--client-delay-max must be from 100 to 60000 ms');
for (const [name, v, max] of [
  ['--delegates', delegates, MAX_DELEGATES],
  ['--big-delegates', bigDelegates, MAX_DELEGATES],
  ['--workers', workers, 8],
  ['--timeout-min', timeoutMin, 60],
] as const)
  if (!Number.isInteger(v) || v < 1 || v > max) throw new Error(`${name} must be an integer from 1 to ${max}`);
const only = new Set(
  (values.only ?? [])
    .flatMap((o) => o.split(','))
    .map((o) => o.trim())
    .filter(Boolean),
);
for (const o of only)
  if (!(SCENARIOS as readonly string[]).includes(o))
    throw new Error(`--only: unknown scenario "${o}"; use ${SCENARIOS.join(', ')}`);
const wants = (s: Scenario) => only.size === 0 || only.has(s);
const meetings = Number(values.meetings);
const meetingPhones = Number(values['meeting-phones']);
if (!Number.isInteger(meetings) || meetings < 0 || meetings > 1000) throw new Error('--meetings must be 0 to 1000');
if (!Number.isInteger(meetingPhones) || meetingPhones < 1 || meetings * meetingPhones > MAX_DELEGATES)
  throw new Error(`--meeting-phones must be at least 1, and meetings × phones at most ${MAX_DELEGATES}`);
const clusterSetups = values['cluster-setups']?.split(',').map((s) => s.trim()) ?? null;
for (const s of clusterSetups ?? [])
  if (!(SETUPS as readonly string[]).includes(s))
    throw new Error(`--cluster-setups: unknown setup "${s}"; use ${SETUPS.join(', ')}`);

/** The open-file limit this process (and so every child) has; nothing is raised. */
function fileLimit(): number {
  const out = spawnSync('sh', ['-c', 'ulimit -n'], { encoding: 'utf8' }).stdout.trim();
  return out === 'unlimited' ? Number.POSITIVE_INFINITY : Number(out) || 1024;
}
const FD_LIMIT = fileLimit();
/** Descriptors a process needs besides its sockets (modules, pipes, the database). */
const FD_SPARE = 256;
/** Enough workers that none holds more sockets than its file limit allows. */
const workersFor = (n: number) => Math.max(workers, Math.ceil(n / Math.max(1, FD_LIMIT - FD_SPARE)));

const started = performance.now();
const log = (line: string) =>
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}\n`);

// The hard stop: whatever is still running after this is killed, and the run fails.
const hardStop = setTimeout(() => {
  log(`hard timeout of ${timeoutMin} min reached; stopping everything`);
  killAll();
  process.exit(2);
}, timeoutMin * 60_000);
hardStop.unref();
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    killAll();
    process.exit(130);
  });

const failures: string[] = [];
async function attempt<T>(what: string, fn: () => Promise<T> | T): Promise<T | null> {
  try {
    return await fn();
  } catch (err) {
    const message = `${what} failed: ${err instanceof Error ? err.message : String(err)}`;
    failures.push(message);
    log(message);
    return null;
  }
}

async function main(): Promise<void> {
  log(
    `node ${process.version}, ${cpus().length} cores, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}; ${delegates} delegates, ${workers} workers, ulimit -n ${FD_LIMIT}`,
  );
  const tally = wants('tally') ? await attempt('tally', runTallyBench) : null;
  const page = wants('page') ? await attempt('page weight', measureDelegatePage) : null;
  const phone = wants('phone') ? await attempt('phone timing', () => measurePhoneTiming(log)) : null;

  const socketScenario = wants('capacity') || wants('paced') || wants('burst') || wants('lock') || wants('reconnect');
  const open = (spec: ServerSpec, n: number) =>
    attempt(`${spec.name} with ${n}`, () => {
      if (n + FD_SPARE > FD_LIMIT)
        log(`warning: ${n} sockets may exceed the server's open-file limit (ulimit -n ${FD_LIMIT})`);
      if (workersFor(n) > workers)
        log(`${n} sockets: ${workersFor(n)} workers, so each stays under ulimit -n ${FD_LIMIT}`);
      return SocketSession.open(spec, {
        delegates: n,
        workers: workersFor(n),
        reconnectionDelayMax: clientDelayMax,
        log,
      });
    });

  let hallvote: SocketResults | null = null;
  let baseline: SocketResults | null = null;
  let locked: LockedResult | null = null;
  let bigClose: BigCloseResult | null = null;
  if (socketScenario) {
    // Both stay open; each scenario runs on hallvote and then at once on the baseline.
    const h = await open(HALLVOTE, delegates);
    const b = await open(BASELINE, delegates);
    const both = async <T>(what: string, step: (s: SocketSession) => Promise<T>) => {
      const mine = h ? await attempt(`hallvote ${what}`, () => step(h)) : null;
      const base = b ? await attempt(`baseline ${what}`, () => step(b)) : null;
      return [mine, base] as const;
    };
    const paced = wants('paced') ? await both('paced', (s) => s.vote(5_000)) : [null, null];
    const burst = wants('burst') ? await both('burst', (s) => s.vote(1_000)) : [null, null];
    // The baseline has no database to lock: hallvote alone.
    if (wants('lock') && h) locked = await attempt('hallvote lock', () => lockedReads(h));
    const reconnect = wants('reconnect') ? await both('reconnect', (s) => s.restart()) : [null, null];
    const result = (s: SocketSession | null, i: 0 | 1): SocketResults | null =>
      s && {
        server: s.spec.name,
        capacity: s.capacity,
        paced: paced[i],
        burst: burst[i],
        reconnect: reconnect[i],
        serverProblems: s.serverProblems(),
      };
    hallvote = result(h, 0);
    baseline = result(b, 1);
    await h?.close();
    await b?.close();
  }
  let tenThousand: RunResults['tenThousand'] = null;
  if (wants('10k') || wants('close')) {
    const capacityOnly = async (spec: ServerSpec) => {
      const s = await open(spec, bigDelegates);
      // Every one of the big run's delegates votes on 50 sub-units; then the chair closes it.
      if (s && spec.name === 'hallvote' && wants('close'))
        bigClose = await attempt('hallvote close', () => closeBigRound(s));
      await s?.close();
      return s?.capacity ?? null;
    };
    const mine = await capacityOnly(HALLVOTE);
    const base = wants('10k') ? await capacityOnly(BASELINE) : null;
    tenThousand = { delegates: bigDelegates, hallvote: mine, baseline: base };
  }

  // Needs PostgreSQL, Redis and HAProxy (scripts/services.sh install); only when asked for by name.
  const cluster = only.has('cluster')
    ? await attempt('cluster', () =>
        runClusterBench({
          delegates,
          workers,
          log,
          meetings,
          phonesEach: meetingPhones,
          ...(clusterSetups ? { setups: clusterSetups as SetupName[] } : {}),
        }),
      )
    : null;
  if (cluster) {
    mkdirSync(new URL('./results/', import.meta.url), { recursive: true });
    writeFileSync(new URL('./results/cluster.json', import.meta.url), `${JSON.stringify(cluster, null, 2)}\n`);
    process.stdout.write(`\n${renderClusterTable(cluster)}\n`);
  }

  const results: RunResults = {
    delegates,
    hallvote,
    baseline,
    tenThousand,
    tally,
    page,
    phone,
    locked,
    bigClose,
    failures,
  };
  const latest = latestJson(results);
  const out = new URL('./results/', import.meta.url);
  mkdirSync(out, { recursive: true });
  writeFileSync(new URL('latest.json', out), `${JSON.stringify(latest, null, 2)}\n`);
  const environment = {
    node: process.version,
    cores: cpus().length,
    loadAverageAtEnd: loadavg(),
    workers,
    bigDelegates,
    clientDelayMax: clientDelayMax ?? null,
    durationMs: performance.now() - started,
    finishedAt: new Date().toISOString(),
  };
  writeFileSync(new URL('latest-detail.json', out), `${JSON.stringify({ environment, ...results }, null, 2)}\n`);

  process.stdout.write(`\n${renderTable(results)}\n\n`);
  if (phone) process.stdout.write(`delegate phone in Chromium (median of runs):\n${renderPhoneTable(phone)}\n\n`);
  if (page?.gzKB === null) process.stdout.write(`delegate page: ${page.note}\n`);
  for (const f of failures) process.stdout.write(`FAILED: ${f}\n`);
  const problems = [...(hallvote?.serverProblems ?? [])].slice(0, 10);
  if (problems.length) process.stdout.write(`hallvote logged ${problems.length} warning(s); first: ${problems[0]}\n`);
  process.stdout.write(
    `written: bench/results/latest.json, bench/results/latest-detail.json (${((performance.now() - started) / 1000).toFixed(0)} s)\n`,
  );
  process.exitCode = failures.length ? 1 : 0;
}

main()
  .catch((err: unknown) => {
    log(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    process.exitCode = 1;
  })
  .finally(() => {
    killAll();
    clearTimeout(hardStop);
  });
