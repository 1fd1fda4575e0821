// A server under test as a child process on loopback: started with the probe preloaded, found
// ready by its banner, stopped with SIGTERM (SIGKILL if it hangs), asked for memory and load.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { track } from './children';
import { nowMs } from './stats';

export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));
const PROBE = pathToFileURL(fileURLToPath(new URL('./server-probe.ts', import.meta.url))).href;
/** Random, as an ADMIN_TOKEN must be: the server refuses one with fewer than 128 bits at start. */
export const ADMIN_TOKEN = randomBytes(18).toString('base64url');

export interface ServerSpec {
  readonly name: 'hallvote' | 'baseline';
  /** Entry file, relative to the repository root. */
  readonly entry: string;
}

export const HALLVOTE: ServerSpec = { name: 'hallvote', entry: 'server/src/main.ts' };
export const BASELINE: ServerSpec = { name: 'baseline', entry: 'bench/baseline-server.ts' };

export interface Load {
  readonly eventLoopUtilization: number;
  readonly cpuMs: number;
  readonly wallMs: number;
  readonly loopDelayP99Ms: number | null;
  readonly loopDelayMaxMs: number | null;
  readonly gcTotalMs: number;
  readonly gcMaxMs: number;
  /** hallvote: the group commits in the window (see server-probe.ts). */
  readonly sqlite: {
    readonly commits: number;
    readonly writes: number;
    readonly maxWritesPerCommit: number;
    readonly commitMsTotal: number;
    readonly commitMsP50: number | null;
    readonly commitMsP99: number | null;
    readonly commitMsMax: number | null;
  } | null;
}

/** A free loopback port: listen on 0, read it, close. The server then gets it through PORT. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

function logLevel(line: string): number {
  try {
    return (JSON.parse(line) as { level?: number }).level ?? 0;
  } catch {
    return 0;
  }
}

export class ServerProcess {
  private nextId = 1;
  private readonly waiting = new Map<number, (reply: Record<string, unknown>) => void>();
  /** Lines the server logged at warn level or above (pino level ≥ 40), and stderr. */
  readonly problems: string[] = [];

  private constructor(
    readonly spec: ServerSpec,
    readonly child: ChildProcess,
    readonly url: string,
    /** When the banner arrived: the server listens. */
    readonly listeningAt: number,
  ) {
    child.on('message', (reply: Record<string, unknown>) => {
      if (typeof reply.id === 'number') this.waiting.get(reply.id)?.(reply);
    });
  }

  get pid(): number {
    return this.child.pid ?? -1;
  }

  static start(spec: ServerSpec, port: number, dataDir: string, timeoutMs = 60_000): Promise<ServerProcess> {
    // BENCH_SERVER_ARGS passes extra node flags to the server (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
    const extra = (process.env.BENCH_SERVER_ARGS ?? '').split(/\s+/).filter(Boolean);
    const child = track(
      spawn(process.execPath, [...extra, '--import', 'tsx', '--import', PROBE, spec.entry], {
        cwd: REPO_ROOT,
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: dataDir,
          ADMIN_TOKEN,
          PUBLIC_URL: `http://127.0.0.1:${port}`,
          LOG_LEVEL: 'warn',
          BENCH_PROBE_SQLITE: spec.name === 'hallvote' ? '1' : '0',
        },
        stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      }),
    );
    const problems: string[] = [];
    let instance: ServerProcess | null = null;
    const note = (line: string) => {
      const list = instance?.problems ?? problems;
      if (list.length < 200) list.push(line.slice(0, 500));
    };
    return new Promise<ServerProcess>((resolve, reject) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        reject(new Error(`${spec.name} did not print its banner within ${timeoutMs} ms\n${problems.join('\n')}`));
      }, timeoutMs);
      let buffered = '';
      child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
        buffered += chunk;
        const lines = buffered.split('\n');
        buffered = lines.pop() ?? '';
        for (const line of lines) {
          const banner = /listening on\s+(\S+)/.exec(line);
          if (banner?.[1] && !instance) {
            clearTimeout(timer);
            instance = new ServerProcess(spec, child, banner[1], nowMs());
            instance.problems.push(...problems);
            resolve(instance);
          } else if (line.startsWith('{')) {
            if (logLevel(line) >= 40) note(line);
          }
        }
      });
      child.stderr?.setEncoding('utf8').on('data', (chunk: string) => note(chunk.trim()));
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        if (!instance)
          reject(new Error(`${spec.name} exited before listening (${code ?? signal})\n${problems.join('\n')}`));
      });
    });
  }

  /** SIGTERM, then SIGKILL after `timeoutMs`; resolves once the process is gone. */
  stop(timeoutMs = 20_000): Promise<{ code: number | null; killed: boolean }> {
    if (this.child.exitCode !== null || this.child.signalCode !== null)
      return Promise.resolve({ code: this.child.exitCode, killed: false });
    return new Promise((resolve) => {
      let killed = false;
      const timer = setTimeout(() => {
        killed = true;
        this.child.kill('SIGKILL');
      }, timeoutMs);
      this.child.once('exit', (code) => {
        clearTimeout(timer);
        resolve({ code, killed });
      });
      this.child.kill('SIGTERM');
    });
  }

  private ask(probe: 'memory' | 'mark' | 'load', timeoutMs = 30_000): Promise<Record<string, unknown>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`${this.spec.name}: no answer to probe ${probe}`));
      }, timeoutMs);
      this.waiting.set(id, (reply) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve(reply);
      });
      this.child.send({ probe, id });
    });
  }

  /** Resident set from /proc (what the OS charges) and V8 heap used, both after a full GC. */
  async memory(): Promise<{ rssKB: number; heapUsedKB: number }> {
    const reply = await this.ask('memory');
    const status = readFileSync(`/proc/${this.pid}/status`, 'utf8');
    const rssKB = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? NaN);
    return { rssKB, heapUsedKB: Number(reply.heapUsed) / 1024 };
  }

  async markLoad(): Promise<void> {
    await this.ask('mark');
  }

  async load(): Promise<Load> {
    return (await this.ask('load')) as unknown as Load;
  }
}
