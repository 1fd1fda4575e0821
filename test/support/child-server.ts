// The real server in a child process, as `npm start` runs it (tsx server/src/main.ts), so that it
// can be killed with SIGKILL (no shutdown hook, no flush) and started again on the same data
// directory and port. The fault tests and the end-to-end test both use it.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Random, as an ADMIN_TOKEN must be: the server refuses one with fewer than 128 bits at start. */
export const CHILD_ADMIN_TOKEN = randomBytes(18).toString('base64url');

/**
 * Below the kernel's range for outgoing connections' local ports: a port taken from that range
 * (listen on 0) can be taken again, before the server meant for it binds, by any connection the
 * tests open meanwhile (a cluster's nodes open dozens to PostgreSQL and Redis while HAProxy waits
 * for its port: CI once failed "cannot bind socket (Address already in use)"). Below it, only
 * another listener could, and each picks at random.
 */
function listenRange(): { readonly from: number; readonly to: number } {
  try {
    const low = Number(readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]);
    if (Number.isInteger(low) && low > 12_000) return { from: 10_000, to: low };
  } catch {
    // not Linux: the usual default
  }
  return { from: 20_000, to: 32_768 };
}

function probe(port: number): Promise<number | null> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(null));
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      const bound = typeof address === 'object' && address ? address.port : null;
      server.close(() => resolve(bound));
    });
  });
}

/** A port that was free a moment ago on the loopback interface, outside the outgoing range. */
export async function freePort(): Promise<number> {
  const { from, to } = listenRange();
  for (let tries = 0; tries < 50; tries += 1) {
    const port = await probe(from + Math.floor(Math.random() * (to - from)));
    if (port !== null) return port;
  }
  const any = await probe(0);
  if (any === null) throw new Error('no free port on 127.0.0.1');
  return any;
}

const running = new Set<ChildProcess>();
// A test that fails half-way must not leave a server listening behind it.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export interface ChildServerOptions {
  readonly logLevel?: string;
  readonly dataDir?: string;
  /** Serve the built client (client/dist), as `npm start` does; off for API-only tests. */
  readonly serveClient?: boolean;
  /** A fixed port (a load balancer's configuration names it); a free one by default. */
  readonly port?: number;
  /** More environment: DATABASE_URL, NODE_ID, REDIS_URL for a cluster node. */
  readonly env?: Readonly<Record<string, string>>;
  readonly adminToken?: string;
}

export class ChildServer {
  readonly dataDir: string;
  readonly dbFile: string;
  readonly url: string;
  readonly adminToken: string;
  /** Everything the server wrote to stdout (banner and JSON log), over every start. */
  stdout = '';
  stderr = '';
  starts = 0;
  private child: ChildProcess | null = null;
  private exited: Promise<number | null> = Promise.resolve(null);

  private constructor(
    readonly port: number,
    private readonly logLevel: string,
    dataDir: string,
    private readonly serveClient: boolean,
    private readonly env: Readonly<Record<string, string>>,
    adminToken: string,
  ) {
    this.adminToken = adminToken;
    this.dataDir = dataDir;
    this.dbFile = join(dataDir, 'hallvote.sqlite');
    this.url = `http://127.0.0.1:${port}`;
  }

  /** Starts a server on a free loopback port with a new data directory. */
  static async start(options: ChildServerOptions = {}): Promise<ChildServer> {
    const server = new ChildServer(
      options.port ?? (await freePort()),
      options.logLevel ?? 'warn',
      options.dataDir ?? mkdtempSync(join(tmpdir(), 'hallvote-child-')),
      options.serveClient ?? false,
      options.env ?? {},
      options.adminToken ?? CHILD_ADMIN_TOKEN,
    );
    await server.restart();
    return server;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** (Re)starts the process on the same port and data directory; resolves once /healthz answers. */
  async restart(): Promise<void> {
    if (this.child) throw new Error('the server is still running');
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOST: '127.0.0.1',
        PORT: String(this.port),
        DATA_DIR: this.dataDir,
        ADMIN_TOKEN: this.adminToken,
        PUBLIC_URL: this.url,
        LOG_LEVEL: this.logLevel,
        ...(this.serveClient ? {} : { CLIENT_DIR: join(this.dataDir, 'no-client') }),
        ...this.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    running.add(child);
    this.starts += 1;
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (this.stdout += chunk));
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (this.stderr += chunk));
    this.exited = new Promise((resolve) =>
      child.once('exit', (code) => {
        running.delete(child);
        if (this.child === child) this.child = null;
        resolve(code);
      }),
    );
    const deadline = Date.now() + 30_000;
    for (;;) {
      if (this.child !== child) throw new Error(`the server exited while starting:\n${this.stderr.slice(-2000)}`);
      if (await this.healthy()) return;
      if (Date.now() > deadline)
        throw new Error(`the server did not answer /healthz within 30 s:\n${this.stderr.slice(-2000)}`);
      await sleep(50);
    }
  }

  async healthy(): Promise<boolean> {
    try {
      const res = await fetch(`${this.url}/healthz`, { signal: AbortSignal.timeout(2000) });
      return res.ok && ((await res.json()) as { ok?: unknown }).ok === true;
    } catch {
      return false;
    }
  }

  /** kill -9: no signal handler runs, nothing is flushed. */
  async kill9(): Promise<void> {
    const child = this.child;
    if (!child) throw new Error('the server is not running');
    child.kill('SIGKILL');
    await this.exited;
  }

  /** A graceful stop (SIGTERM), or SIGKILL after 15 s; resolves with the exit code. */
  async stop(): Promise<number | null> {
    const child = this.child;
    if (!child) return null;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    const code = await this.exited;
    clearTimeout(timer);
    return code;
  }

  cleanup(): void {
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
