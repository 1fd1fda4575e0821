// Plain HTTP said plainly (issue 12): while the public URL is http://, the startup banner warns in
// English and Vietnamese and the chair's snapshot says so, for the console to show; over https://
// neither does.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { ChairSnapshot } from '@hallvote/shared';
import { createLogger } from '../../server/src/logger';
import { serve } from '../../server/src/serve';
import { startHarness, testConfig, type Harness } from '../support/harness';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function bannerFor(publicUrl: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'hallvote-banner-'));
  dirs.push(dir);
  const { app, banner } = await serve({ ...testConfig(dir), publicUrl }, createLogger('silent'));
  await app.close();
  return banner;
}

describe('plain HTTP', () => {
  test('the banner warns in both languages over http://, not over https://', async () => {
    const plain = await bannerFor('http://192.168.1.20:3000');
    expect(plain).toContain('WARNING        plain HTTP: anyone on this network can read badge tokens');
    expect(plain).toContain('CẢNH BÁO       HTTP không mã hóa');
    const secure = await bannerFor('https://hall.example.vn:3000');
    expect(secure).not.toMatch(/WARNING|CẢNH BÁO/);
  });

  test("the chair's snapshot says phones come over plain HTTP", async () => {
    const h: Harness = await startHarness();
    try {
      const meeting = await h.createMeeting({});
      const { snapshot } = await h.chair(meeting);
      expect((snapshot as ChairSnapshot).plainHttp).toBe(true);
    } finally {
      await h.stop();
      h.cleanup();
    }
  });
});
