import { randomBytes } from 'node:crypto';
import { hostname, networkInterfaces } from 'node:os';
import { resolve } from 'node:path';
import { parseTrustProxy } from './client-address';

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
  /** TRUST_PROXY: the proxies whose X-Forwarded-For names the client (client-address.ts); null: none. */
  readonly trustProxy: readonly string[] | null;
}

/** The first non-internal IPv4 address: what a phone on the hall's Wi-Fi can reach. */
export function lanAddress(): string | null {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return null;
}

/** The fewest bits of entropy an ADMIN_TOKEN may have: what our own random tokens have, and more. */
export const MIN_ADMIN_TOKEN_BITS = 128;

/** Character sets a token is drawn from, smallest first, with the bits each character carries. */
const ALPHABETS: readonly { readonly test: RegExp; readonly bits: number }[] = [
  { test: /^[0-9]*$/, bits: Math.log2(10) },
  { test: /^[0-9a-f]*$/i, bits: 4 },
  { test: /^[0-9a-z]*$/, bits: Math.log2(36) },
  { test: /^[0-9A-Za-z]*$/, bits: Math.log2(62) },
  { test: /^[0-9A-Za-z_-]*$/, bits: 6 },
  { test: /^[\x20-\x7e]*$/, bits: Math.log2(95) },
];

/**
 * An estimate of a token's entropy in bits: each character carries the bits of the smallest common
 * alphabet the whole token is drawn from (hex, alphanumeric, base64url, printable ASCII), except a
 * character that carries on a run ("aaa", "1234", "zyx": the same step as the two before it),
 * which carries one bit. Generous to a human phrase (words are not recognised), never to a short
 * or patterned one.
 */
export function tokenBits(token: string): number {
  const perChar = ALPHABETS.find((a) => a.test.test(token))?.bits ?? Math.log2(95);
  let bits = 0;
  for (let i = 0; i < token.length; i += 1) {
    const step = token.charCodeAt(i) - token.charCodeAt(i - 1);
    const before = token.charCodeAt(i - 1) - token.charCodeAt(i - 2);
    bits += i >= 2 && Math.abs(step) <= 1 && step === before ? 1 : perChar;
  }
  return bits;
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
  if (env.ADMIN_TOKEN && tokenBits(env.ADMIN_TOKEN) < MIN_ADMIN_TOKEN_BITS)
    throw new Error(
      `ADMIN_TOKEN is too easy to guess: about ${Math.floor(tokenBits(env.ADMIN_TOKEN))} bits of entropy, at least ` +
        `${MIN_ADMIN_TOKEN_BITS} bits are needed (24 random base64url characters). Make one with ` +
        `node -e "console.log(require('crypto').randomBytes(18).toString('base64url'))", or leave ADMIN_TOKEN ` +
        'unset to get a new random token at each start.',
    );
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
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
  };
}
