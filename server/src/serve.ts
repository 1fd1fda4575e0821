// Opens the store, builds the app and listens: shared by `npm start` (main.ts) and `npm run demo`.
import { join } from 'node:path';
import { createApp, type App, type AppDeps } from './app';
import { PgOwnership } from './cluster/pg-ownership';
import { connectRedis } from './cluster/redis-adapter';
import type { Config } from './config';
import type { Logger } from './logger';
import { openPgStore, type PgStore } from './store/pg-store';
import { openSqliteStore } from './store/sqlite-store';
import type { Store } from './store/store';

export interface Serving {
  readonly app: App;
  readonly port: number;
  /** The startup banner: the one place the admin token is shown. */
  readonly banner: string;
}

export async function serve(config: Config, log: Logger): Promise<Serving> {
  const store = await openStore(config, log);
  const cluster = await joinCluster(config, store, log);
  const app = await createApp({ store, config, log, ...(cluster ? { cluster } : {}) });
  await new Promise<void>((resolve) => app.httpServer.listen(config.port, config.host, resolve));
  const address = app.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const scheme = config.tls ? 'https' : 'http';
  const banner = [
    '',
    '  hallvote is running',
    `  listening on   ${scheme}://${config.host}:${port}`,
    `  public URL     ${config.publicUrl}   (what QR codes point at; set PUBLIC_URL to change)`,
    `  data           ${config.databaseUrl ? withoutPassword(config.databaseUrl) : config.dataDir}`,
    ...(config.nodeId
      ? [
          `  cluster node   ${config.nodeId}${config.redisUrl ? `, rooms shared through ${withoutPassword(config.redisUrl)}` : ''}`,
        ]
      : []),
    `  admin          ${config.publicUrl}/#admin=${config.adminToken}`,
    config.adminTokenFromEnv
      ? '                 (admin token from ADMIN_TOKEN)'
      : '                 (a new admin token each start; set ADMIN_TOKEN to keep one)',
    ...plainHttpWarning(config.publicUrl),
    ...refusedMeetings(app),
    '',
  ].join('\n');
  return { app, port, banner };
}

/** SQLite in the data directory, or PostgreSQL when DATABASE_URL is set. */
function openStore(config: Config, log: Logger): Promise<Store | PgStore> {
  if (!config.databaseUrl) return Promise.resolve(openSqliteStore(join(config.dataDir, 'hallvote.sqlite')));
  return openPgStore(config.databaseUrl, {
    ...(config.nodeId ? { applicationName: `hallvote-store-${config.nodeId}` } : {}),
    onBackgroundError: (err) =>
      log.warn({ err: { message: err.message } }, 'database: a step after a commit or an idle connection failed'),
  });
}

/** NODE_ID: meetings owned under advisory locks on the store's database; REDIS_URL: rooms shared. */
async function joinCluster(config: Config, store: Store | PgStore, log: Logger): Promise<AppDeps['cluster'] | null> {
  if (!config.nodeId || !config.databaseUrl || !('claimMeeting' in store)) return null;
  const ownership = await PgOwnership.open({
    url: config.databaseUrl,
    node: config.nodeId,
    claim: (meetingId) => store.claimMeeting(meetingId),
    onError: (err) => log.warn({ err: { message: err.message } }, 'ownership: the lock connection failed'),
  });
  const redis = config.redisUrl ? await connectRedis(config.redisUrl, log) : null;
  return { ownership, redis };
}

/** The database URL as the banner shows it: never its password. */
function withoutPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/**
 * Plain HTTP, said plainly in both languages: anyone on the hall network reads badge tokens, names
 * and the chair key as they pass. Secret choices stay sealed on the phone, but a listener who
 * changes the page could unseal them; TLS stops both (README, "Threat model").
 */
export function plainHttpWarning(publicUrl: string): string[] {
  if (!publicUrl.startsWith('http:')) return [];
  return [
    '',
    '  WARNING        plain HTTP: anyone on this network can read badge tokens, names and the chair key.',
    '                 Secret ballots are sealed on the phone, but only HTTPS stops someone who alters',
    '                 the page. Set TLS_CERT and TLS_KEY (see README, "HTTPS in the hall").',
    // One banner for every meeting on this server: a Party committee's "chủ trì" and a People's
    // Council's "chủ tọa" both (client/src/i18n/index.ts has each meeting's own word).
    '  CẢNH BÁO       HTTP không mã hóa: bất kỳ ai trong mạng này đều đọc được mã thẻ, họ tên và khóa',
    '                 của người chủ trì, chủ tọa. Phiếu kín được niêm phong trên điện thoại, nhưng chỉ',
    '                 HTTPS ngăn được kẻ sửa đổi trang. Hãy đặt TLS_CERT và TLS_KEY (xem README,',
    '                 "HTTPS in the hall").',
  ];
}

/** Meetings the start-up check refused, with what differs: the operator hears it first. */
function refusedMeetings(app: App): string[] {
  return [...app.hall.refused].flatMap(([meetingId, { state, reason }]) => [
    '',
    `  REFUSED        meeting ${meetingId} "${state.meeting.title}": its stored state does not match its`,
    '                 seals and audit log; it is not served. What differs:',
    `                 ${reason}`,
  ]);
}

/** Stops cleanly on SIGTERM / SIGINT: stop accepting, finish commits, close the database. */
export function stopOnSignals(app: App, log: Logger): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    app.httpServer.close();
    app
      .close()
      .then(() => process.exit(0))
      .catch((err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
