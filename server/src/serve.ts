// Opens the store, builds the app and listens: shared by `npm start` (main.ts) and `npm run demo`.
import { join } from 'node:path';
import { createApp, type App } from './app';
import type { Config } from './config';
import type { Logger } from './logger';
import { openPgStore } from './store/pg-store';
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
  const app = await createApp({ store, config, log });
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
    `  admin          ${config.publicUrl}/#admin=${config.adminToken}`,
    config.adminTokenFromEnv
      ? '                 (admin token from ADMIN_TOKEN)'
      : '                 (a new admin token each start; set ADMIN_TOKEN to keep one)',
    '',
  ].join('\n');
  return { app, port, banner };
}

/** SQLite in the data directory, or PostgreSQL when DATABASE_URL is set. */
function openStore(config: Config, log: Logger): Promise<Store> {
  if (!config.databaseUrl) return Promise.resolve(openSqliteStore(join(config.dataDir, 'hallvote.sqlite')));
  return openPgStore(config.databaseUrl, {
    onBackgroundError: (err) =>
      log.warn({ err: { message: err.message } }, 'database: a step after a commit or an idle connection failed'),
  });
}

/** The database URL as the banner shows it: never its password. */
function withoutPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
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
