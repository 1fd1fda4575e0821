// `npm start`: the one place that reads the environment and listens.
import { loadConfig } from './config';
import { createLogger } from './logger';
import { serve, stopOnSignals } from './serve';

async function main(): Promise<void> {
  const config = loadConfig();
  const log = createLogger(config.logLevel);
  const { app, banner } = await serve(config, log);
  // The banner goes to stdout as plain text, for the person who started the server; the admin
  // token in it is never written to the structured log.
  process.stdout.write(`${banner}\n`);
  stopOnSignals(app, log);
}

main().catch((err: unknown) => {
  process.stderr.write(`hallvote failed to start: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
