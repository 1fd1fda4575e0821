import { randomBytes } from 'node:crypto';
import { hostname, networkInterfaces } from 'node:os';
import { resolve } from 'node:path';

export interface Config {
  readonly port: number;
  readonly host: string;
  readonly dataDir: string;
  /** DATABASE_URL: a PostgreSQL database instead of the SQLite file in dataDir (docs/postgres-store.md). */
  readonly databaseUrl: string | null;
  /**
   * NODE_ID: this process is one node of a cluster (docs/cluster.md): it runs the meetings it owns
   * under PostgreSQL advisory locks. Needs DATABASE_URL. Null: one process owning every meeting.
   */
  readonly nodeId: string | null;
  /** REDIS_URL: the cluster's nodes share socket.io rooms through Redis. */
  readonly redisUrl: string | null;
  /** What QR codes and links point at: phones must reach it, so never localhost by default. */
  readonly publicUrl: string;
  readonly adminToken: string;
  /** ADMIN_TOKEN was given; otherwise the token is new at every start. */
  readonly adminTokenFromEnv: boolean;
  readonly tls: { readonly certFile: string; readonly keyFile: string } | null;
  /** The built client (Vite output); served when it exists. */
  readonly clientDir: string;
  readonly logLevel: string;
}

/** The first non-internal IPv4 address: what a phone on the hall's Wi-Fi can reach. */
export function lanAddress(): string | null {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return null;
}

/** Reads the configuration from the environment; every value has a working default. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const tls = env.TLS_CERT && env.TLS_KEY ? { certFile: env.TLS_CERT, keyFile: env.TLS_KEY } : null;
  if (Boolean(env.TLS_CERT) !== Boolean(env.TLS_KEY)) throw new Error('TLS_CERT and TLS_KEY go together');
  const databaseUrl = env.DATABASE_URL || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl))
    throw new Error('DATABASE_URL must be a postgres:// URL (leave it unset for SQLite)');
  const redisUrl = env.REDIS_URL || null;
  if (redisUrl && !/^rediss?:\/\//.test(redisUrl)) throw new Error('REDIS_URL must be a redis:// URL');
  // REDIS_URL alone makes a node too, named after its host and process.
  const nodeId = env.NODE_ID || (redisUrl ? `${hostname()}-${process.pid}` : null);
  if (nodeId && !/^[A-Za-z0-9_.-]{1,40}$/.test(nodeId))
    throw new Error('NODE_ID must be 1 to 40 letters, digits, dots, dashes or underscores');
  if (nodeId && !databaseUrl)
    throw new Error('NODE_ID and REDIS_URL need DATABASE_URL: the nodes of a cluster share one PostgreSQL database');
  const scheme = tls ? 'https' : 'http';
  const publicUrl = (env.PUBLIC_URL ?? `${scheme}://${lanAddress() ?? 'localhost'}:${port}`).replace(/\/+$/, '');
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    databaseUrl,
    nodeId,
    redisUrl,
    publicUrl,
    // An empty ADMIN_TOKEN would let a request without credentials through: it counts as unset.
    adminToken: env.ADMIN_TOKEN || randomBytes(18).toString('base64url'),
    adminTokenFromEnv: Boolean(env.ADMIN_TOKEN),
    tls,
    clientDir: resolve(env.CLIENT_DIR ?? new URL('../../client/dist', import.meta.url).pathname),
    logLevel: env.LOG_LEVEL ?? 'info',
  };
}
