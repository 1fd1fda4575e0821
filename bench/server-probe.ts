// Preloaded into every server the bench starts (`node --import tsx --import bench/server-probe.ts`).
// It answers the orchestrator over the IPC channel: heap after a full GC (RSS is read from /proc
// outside), and event-loop load over a window, which is what tells a CPU-bound server from an
// idle one waiting on something. It also makes the server go away with the bench.
import { PerformanceObserver, monitorEventLoopDelay, performance, type EventLoopUtilization } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { BroadcastChannel } from 'node:worker_threads';
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
 * hallvote only (BENCH_PROBE_SQLITE=1): the duration of every group COMMIT and the writes it
 * carried. The writer thread owns the database (server/src/store/sqlite-thread.ts) and measures
 * them itself; this asks for what it measured on the BroadcastChannel it answers on.
 */
const commitChannel = process.env.BENCH_PROBE_SQLITE === '1' ? new BroadcastChannel('hallvote:store-commits') : null;
commitChannel?.unref();

function askCommits(): Promise<{ ms: number; writes: number }[]> {
  const channel = commitChannel;
  if (!channel) return Promise.resolve([]);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve([]), 2000);
    channel.onmessage = (event) => {
      clearTimeout(timer);
      resolve((event as { data: { commits: { ms: number; writes: number }[] } }).data.commits);
    };
    channel.postMessage('commits?');
  });
}

function commitStats(commits: readonly { ms: number; writes: number }[]) {
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

process.on('message', (msg: ProbeRequest) => void answer(msg));

async function answer(msg: ProbeRequest): Promise<void> {
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
    await askCommits();
    gcTotalMs = 0;
    gcMaxMs = 0;
    process.send?.({ id: msg.id });
  } else {
    const commits = await askCommits();
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
      sqlite: commitStats(commits),
    });
  }
}

process.on('disconnect', () => {
  process.kill(process.pid, 'SIGTERM');
  setTimeout(() => process.exit(1), 5000).unref();
});
