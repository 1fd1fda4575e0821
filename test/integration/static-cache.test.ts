// The built client's cache headers: hashed assets never change under their name, so phones keep them
// for a year; the HTML entries name the current assets, so they are revalidated on every load.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp, type App } from '../../server/src/app';
import { createLogger } from '../../server/src/logger';
import { openSqliteStore } from '../../server/src/store/sqlite-store';
import { testConfig } from '../support/harness';

let app: App;
let url = '';
let dataDir = '';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'hallvote-static-'));
  const clientDir = join(dataDir, 'client');
  mkdirSync(join(clientDir, 'assets'), { recursive: true });
  for (const page of ['index.html', 'delegate.html', 'projector.html', 'chair.html'])
    writeFileSync(join(clientDir, page), `<!doctype html><title>${page}</title>`);
  writeFileSync(join(clientDir, 'assets', 'delegate-AbC123xY.js'), 'export {};');
  app = await createApp({
    store: openSqliteStore(join(dataDir, 'hallvote.sqlite')),
    config: { ...testConfig(dataDir), clientDir },
    log: createLogger('silent'),
  });
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await app?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('cache headers of the built client', () => {
  test('a hashed asset is cached for a year and marked immutable', async () => {
    const res = await fetch(`${url}/assets/delegate-AbC123xY.js`);
    expect(res.status).toBe(200);
    const cache = res.headers.get('cache-control') ?? '';
    expect(cache).toContain('max-age=31536000');
    expect(cache).toContain('immutable');
  });

  test.each(['/d/some-badge-token', '/p/meeting-1', '/chair/meeting-1', '/'])(
    'the page %s is revalidated on every load',
    async (path) => {
      const res = await fetch(`${url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('no-cache');
    },
  );

  test('a missing asset is a 404, not an HTML page cached for a year', async () => {
    const res = await fetch(`${url}/assets/gone-0000.js`);
    expect(res.status).toBe(404);
    expect(res.headers.get('cache-control') ?? '').not.toContain('immutable');
  });
});
