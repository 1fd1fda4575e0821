// The one place that reads the environment and listens.
import { join } from 'node:path';
import { createApp } from './app';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { openSqliteStore } from './store/sqlite-store';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const store = openSqliteStore(join(config.dataDir, 'hallvote.sqlite'));
  const app = await createApp({ store, config, log });

  await new Promise<void>((resolve) => app.httpServer.listen(config.port, config.host, resolve));
  const address = app.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const scheme = config.tls ? 'https' : 'http';
  // The banner goes to stdout as plain text: it is for the person who started the server. It is
  // the one place the admin token is shown; it is never written to the structured log.
  process.stdout.write(
    [
      '',
      '  hallvote is running',
      `  listening on   ${scheme}://${config.host}:${port}`,
      `  public URL     ${config.publicUrl}   (what QR codes point at; set PUBLIC_URL to change)`,
      `  data           ${config.dataDir}`,
      `  admin          ${config.publicUrl}/#admin=${config.adminToken}`,
      config.adminTokenFromEnv ? '                 (admin token from ADMIN_TOKEN)' : '                 (a new admin token each start; set ADMIN_TOKEN to keep one)',
      '',
      '',
    ].join('\n'),
  );

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

main().catch((err: unknown) => {
  process.stderr.write(`hallvote failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
