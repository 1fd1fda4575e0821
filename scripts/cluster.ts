// `npm run cluster`: hallvote as several nodes on this machine, to try what docs/cluster.md
// describes: PostgreSQL and Redis (scripts/services.sh, throwaway, in temporary directories), three
// nodes and HAProxy in front, all on loopback. Ctrl-C stops and removes everything.
// PORT (default 8080): HAProxy's port; NODES (default 3).
import { randomBytes } from 'node:crypto';
import { startCluster, startPg, startRedis, stopPg, stopRedis, type LocalCluster } from './local-cluster';

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8080);
  const count = Number(process.env.NODES ?? 3);
  const adminToken = randomBytes(18).toString('base64url');
  process.stdout.write('starting PostgreSQL and Redis…\n');
  const pg = await startPg();
  const redis = await startRedis();
  let cluster: LocalCluster | null = null;
  const stop = async () => {
    process.stdout.write('\nstopping…\n');
    await cluster?.stop();
    await stopRedis(redis).catch(() => undefined);
    await stopPg(pg).catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  try {
    process.stdout.write(`starting ${count} nodes and HAProxy…\n`);
    cluster = await startCluster({
      nodes: count,
      databaseUrl: pg.url,
      redisUrl: redis.url,
      adminToken,
      serveClient: true,
      port,
    });
  } catch (error) {
    await stopRedis(redis).catch(() => undefined);
    await stopPg(pg).catch(() => undefined);
    throw error;
  }
  const lines = [
    '',
    '  hallvote cluster is running (loopback only)',
    `  HAProxy        ${cluster.url}   (pid ${cluster.haproxy.pid}, runtime API ${cluster.haproxy.adminSocket})`,
    ...cluster.nodes.map(
      (n, i) => `  node n${i + 1}        ${n.url}   (pid ${n.pid ?? '?'}: kill -9 it to see a failover)`,
    ),
    `  PostgreSQL     127.0.0.1:${pg.port}   (${pg.dir})`,
    `  Redis          ${redis.url}   (pid ${redis.pid})`,
    `  admin          ${cluster.url}/#admin=${adminToken}`,
    '',
    '  Ctrl-C stops everything and removes the data.',
    '',
  ];
  process.stdout.write(lines.join('\n'));
}

main().catch((error: unknown) => {
  process.stderr.write(`npm run cluster failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
