// A hallvote cluster on loopback: PostgreSQL and Redis from scripts/services.sh, N nodes as child
// processes (test/support/child-server.ts, `tsx server/src/main.ts` as `npm start` runs it, with
// DATABASE_URL, NODE_ID and REDIS_URL), and HAProxy in front (haproxy-config.ts). Used by
// `npm run cluster`, the cluster tests and the bench. Every process is stopped by its own pid.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ChildServer, freePort } from '../test/support/child-server';
import { haproxyConfig } from './haproxy-config';

const SCRIPT = fileURLToPath(new URL('./services.sh', import.meta.url));

/** Runs scripts/services.sh and returns the KEY=value lines it printed. */
export function services(...args: string[]): Promise<Record<string, string>> {
  return new Promise((resolve, reject) => {
    execFile('bash', [SCRIPT, ...args], { encoding: 'utf8', timeout: 90_000 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`services.sh ${args.join(' ')} failed: ${stderr.slice(-2000)}`));
      resolve(
        Object.fromEntries(
          stdout
            .split('\n')
            .filter((l) => l.includes('='))
            .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
        ),
      );
    });
  });
}

export interface PgService {
  readonly dir: string;
  readonly port: number;
  readonly adminUrl: string;
  readonly url: string;
}

export async function startPg(): Promise<PgService> {
  const env = await services('pg', 'start');
  return { dir: env.PG_DIR!, port: Number(env.PG_PORT), adminUrl: env.PG_ADMIN_URL!, url: env.DATABASE_URL! };
}

/** `immediate`: no shutdown checkpoint, as a crash; `keep`: the cluster can be started again (`restartPg`). */
export async function stopPg(pg: PgService, how: { immediate?: boolean; keep?: boolean } = {}): Promise<void> {
  await services(
    'pg',
    'stop',
    '--dir',
    pg.dir,
    ...(how.immediate ? ['--immediate'] : []),
    ...(how.keep ? ['--keep'] : []),
  );
}

export async function restartPg(pg: PgService): Promise<void> {
  await services('pg', 'start', '--dir', pg.dir);
}

export interface RedisService {
  readonly dir: string;
  readonly port: number;
  readonly pid: number;
  readonly url: string;
}

/** `dir`: start again in the directory of one that died, so that `stopRedis` stops the new process. */
export async function startRedis(port?: number, dir?: string): Promise<RedisService> {
  const env = await services(
    'redis',
    'start',
    ...(port ? ['--port', String(port)] : []),
    ...(dir ? ['--dir', dir] : []),
  );
  return { dir: env.REDIS_DIR!, port: Number(env.REDIS_PORT), pid: Number(env.REDIS_PID), url: env.REDIS_URL! };
}

export async function stopRedis(redis: RedisService): Promise<void> {
  await services('redis', 'stop', '--dir', redis.dir);
}

export interface ClusterOptions {
  readonly nodes: number;
  readonly databaseUrl: string;
  readonly redisUrl: string | null;
  readonly adminToken: string;
  readonly serveClient?: boolean;
  readonly logLevel?: string;
  /** HAProxy's port (a free one by default). */
  readonly port?: number;
  readonly host?: string;
}

export interface LocalCluster {
  /** HAProxy: what phones, chair and projector use. */
  readonly url: string;
  readonly nodes: readonly ChildServer[];
  readonly haproxy: { readonly dir: string; readonly pid: number; readonly adminSocket: string };
  /** Stops HAProxy and the nodes (not PostgreSQL or Redis). */
  stop(): Promise<void>;
}

export async function startCluster(o: ClusterOptions): Promise<LocalCluster> {
  const host = o.host ?? '127.0.0.1';
  const port = o.port ?? (await freePort());
  const url = `http://${host}:${port}`;
  const nodes: ChildServer[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'hallvote-haproxy-'));
  let haproxy: LocalCluster['haproxy'] | null = null;
  const stop = async () => {
    if (haproxy) await services('haproxy', 'stop', '--dir', haproxy.dir).catch(() => undefined);
    haproxy = null;
    await Promise.all(nodes.map((n) => n.stop()));
    nodes.forEach((n) => n.cleanup());
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let i = 1; i <= o.nodes; i += 1) {
      nodes.push(
        await ChildServer.start({
          logLevel: o.logLevel ?? 'warn',
          serveClient: o.serveClient ?? false,
          adminToken: o.adminToken,
          env: {
            DATABASE_URL: o.databaseUrl,
            NODE_ID: `n${i}`,
            ...(o.redisUrl ? { REDIS_URL: o.redisUrl } : {}),
            PUBLIC_URL: url,
            // HAProxy (on loopback) forwards the phone's address; budgets per address count it.
            TRUST_PROXY: 'loopback',
          },
        }),
      );
    }
    const adminSocket = join(dir, 'admin.sock');
    const config = join(dir, 'haproxy.cfg');
    writeFileSync(
      config,
      haproxyConfig({
        bind: `${host}:${port}`,
        adminSocket,
        nodes: nodes.map((n, i) => ({ name: `n${i + 1}`, host: '127.0.0.1', port: n.port })),
      }),
    );
    const env = await services('haproxy', 'start', '--config', config, '--dir', dir);
    haproxy = { dir, pid: Number(env.HAPROXY_PID), adminSocket };
    const started = haproxy;
    const cluster: LocalCluster = { url, nodes, haproxy: started, stop };
    await waitHealthy(url);
    return cluster;
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Waits until HAProxy answers /healthz from a node. */
async function waitHealthy(url: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not yet
    }
    if (Date.now() > deadline) throw new Error(`HAProxy at ${url} did not reach a healthy node in 20 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
