// Preloaded into every server the bench starts (`node --import tsx --import bench/server-probe.ts`).
// It answers the orchestrator over the IPC channel: heap after a full GC (RSS is read from /proc
// outside), and event-loop load over a window, which is what tells a CPU-bound server from an
// idle one waiting on something. It also makes the server go away with the bench.
import { createRequire } from 'node:module';
import { PerformanceObserver, monitorEventLoopDelay, performance, type EventLoopUtilization } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

// `--expose-gc` is refused in NODE_OPTIONS on Node 20; turned on here, it gives a fresh context's gc.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const delay = monitorEventLoopDelay({ resolution: 5 });
/** Garbage-collection pauses in the window: a long one stalls every socket at once. */
let gcTotalMs = 0;
let gcMaxMs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcTotalMs += entry.duration;
    gcMaxMs = Math.max(gcMaxMs, entry.duration);
  }
}).observe({ entryTypes: ['gc'] });

let markElu: EventLoopUtilization = performance.eventLoopUtilization();
let markCpu = process.cpuUsage();

/**
 * hallvote only (BENCH_PROBE_SQLITE=1): times every COMMIT of the group-commit queue and counts the
 * writes (savepoints) it carried, by wrapping better-sqlite3's `exec`. The server's code is not
 * touched; the wrapper costs a clock read per call.
 */
const commits: { ms: number; writes: number }[] = [];
if (process.env.BENCH_PROBE_SQLITE === '1') {
  const require = createRequire(new URL('../server/package.json', import.meta.url));
  const Database = require('better-sqlite3') as { prototype: { exec(sql: string): unknown } };
  const exec = Database.prototype.exec; // eslint-disable-line @typescript-eslint/unbound-method -- called with .call(this)
  let writes = 0;
  Database.prototype.exec = function (this: unknown, sql: string) {
    if (sql.startsWith('SAVEPOINT')) writes++;
    if (sql !== 'COMMIT') return exec.call(this, sql);
    const started = performance.now();
    try {
      return exec.call(this, sql);
    } finally {
      commits.push({ ms: performance.now() - started, writes });
      writes = 0;
    }
  };
}

function commitStats() {
  if (process.env.BENCH_PROBE_SQLITE !== '1') return null;
  const ms = commits.map((c) => c.ms).sort((a, b) => a - b);
  const writes = commits.map((c) => c.writes);
  const at = (p: number) => ms[Math.min(ms.length - 1, Math.max(0, Math.ceil(p * ms.length) - 1))] ?? null;
  return {
    commits: commits.length,
    writes: writes.reduce((a, b) => a + b, 0),
    maxWritesPerCommit: writes.length ? Math.max(...writes) : 0,
    commitMsTotal: ms.reduce((a, b) => a + b, 0),
    commitMsP50: at(0.5),
    commitMsP99: at(0.99),
    commitMsMax: at(1),
  };
}

type ProbeRequest = { readonly probe: 'memory' | 'mark' | 'load'; readonly id: number };

process.on('message', (msg: ProbeRequest) => {
  if (!msg || typeof msg !== 'object' || !('probe' in msg)) return;
  if (msg.probe === 'memory') {
    gc();
    gc();
    const m = process.memoryUsage();
    process.send?.({
      id: msg.id,
      heapUsed: m.heapUsed,
      external: m.external,
      arrayBuffers: m.arrayBuffers,
      rss: m.rss,
    });
  } else if (msg.probe === 'mark') {
    markElu = performance.eventLoopUtilization();
    markCpu = process.cpuUsage();
    delay.reset();
    delay.enable();
    commits.length = 0;
    gcTotalMs = 0;
    gcMaxMs = 0;
    process.send?.({ id: msg.id });
  } else {
    const elu = performance.eventLoopUtilization(markElu);
    const cpu = process.cpuUsage(markCpu);
    delay.disable();
    process.send?.({
      id: msg.id,
      eventLoopUtilization: elu.utilization,
      cpuMs: (cpu.user + cpu.system) / 1000,
      wallMs: elu.idle + elu.active,
      loopDelayP99Ms: delay.count ? delay.percentile(99) / 1e6 : null,
      loopDelayMaxMs: delay.count ? delay.max / 1e6 : null,
      gcTotalMs,
      gcMaxMs,
      sqlite: commitStats(),
    });
  }
});

process.on('disconnect', () => {
  process.kill(process.pid, 'SIGTERM');
  setTimeout(() => process.exit(1), 5000).unref();
});
