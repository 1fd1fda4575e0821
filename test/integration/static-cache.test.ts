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
import { ADMIN_TOKEN, rosterLines, testConfig } from '../support/harness';

let app: App;
let url = '';
let dataDir = '';

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'hallvote-static-'));
  const clientDir = join(dataDir, 'client');
  mkdirSync(join(clientDir, 'assets'), { recursive: true });
  for (const page of ['index.html', 'delegate.html', 'projector.html', 'chair.html'])
    writeFileSync(
      join(clientDir, page),
      `<!doctype html><html><head><title>${page}</title></head><body></body></html>`,
    );
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

  test.each(['/d/not-a-badge-token', '/p/meeting-1', '/chair/meeting-1', '/'])(
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

describe("a badge's page carries its snapshot", () => {
  // A phone shows its screen as soon as its code runs, without waiting for the socket's handshake
  // (three round trips on a slow hall network); the socket's own snapshot follows and is the truth.
  test('a valid badge: the snapshot the socket would send, inline as JSON, and never stored by the browser', async () => {
    const created = await fetch(`${url}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({
        title: 'Hội nghị <b>&</b>',
        rulePresetId: 'vn-party-classification',
        roster: rosterLines('name\nAn\nBình'),
      }),
    });
    const { meetingId } = ((await created.json()) as { data: { meetingId: string } }).data;
    const state = app.hall.meetings.get(meetingId)!;
    const [first] = [...state.delegates.values()].sort((a, b) => a.ordinal - b.ordinal);
    const res = await fetch(`${url}/d/${first!.token}`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const html = await res.text();
    const json = /<script type="application\/json" id="hallvote-snapshot">(.*?)<\/script>/s.exec(html)?.[1];
    expect(json).toBeDefined();
    // Nothing in it can close the script element early.
    expect(json).not.toContain('<');
    expect(JSON.parse(json!)).toMatchObject({
      role: 'delegate',
      meeting: { id: meetingId, title: 'Hội nghị <b>&</b>' },
      me: { name: 'An' },
      ballot: null,
      myVote: null,
    });
  });

  test('an unknown badge gets the plain page', async () => {
    const html = await (await fetch(`${url}/d/not-a-badge-token`)).text();
    expect(html).not.toContain('hallvote-snapshot');
  });
});
