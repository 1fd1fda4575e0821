// HTTPS when TLS_CERT and TLS_KEY are given (phones need a secure context for the wake lock).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { createApp, type App } from '../../server/src/app';
import { loadConfig } from '../../server/src/config';
import { createLogger } from '../../server/src/logger';
import { openSqliteStore } from '../../server/src/store/sqlite-store';

const dir = mkdtempSync(join(tmpdir(), 'hallvote-tls-'));
let app: App | undefined;
afterAll(async () => {
  await app?.close();
  rmSync(dir, { recursive: true, force: true });
});

test('TLS_CERT and TLS_KEY: the server speaks HTTPS and PUBLIC_URL defaults to https', async () => {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      '/CN=hall.test',
    ],
    {
      stdio: 'ignore',
    },
  );
  const config = loadConfig({ TLS_CERT: cert, TLS_KEY: key, DATA_DIR: dir, PORT: '0', LOG_LEVEL: 'silent' });
  expect(config.publicUrl).toMatch(/^https:\/\//);
  app = await createApp({ store: openSqliteStore(join(dir, 'db.sqlite')), config, log: createLogger('silent') });
  const server = app.httpServer;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const body = await new Promise<string>((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: '/healthz', rejectUnauthorized: false }, (res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => resolve(text));
    }).on('error', reject);
  });
  expect(JSON.parse(body)).toMatchObject({ ok: true });
});

test('only one of TLS_CERT and TLS_KEY is refused at start-up', () => {
  expect(() => loadConfig({ TLS_CERT: '/x.pem' })).toThrow(/go together/);
});
