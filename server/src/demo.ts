// `npm run demo`: the server with the hall story's meeting already created (53 members from
// examples/roster-53.csv, preset vn-party-classification), printing the links a newcomer needs.
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reviewRosterText, type CreateMeetingResponse } from '@hallvote/shared';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { serve, stopOnSignals } from './serve';

async function demo(): Promise<void> {
  // A fresh data directory each run, unless DATA_DIR says otherwise: the demo never touches ./data.
  const env = { ...process.env, DATA_DIR: process.env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'hallvote-demo-')) };
  const config = loadConfig(env);
  const log = createLogger(process.env.LOG_LEVEL ?? 'warn');
  const { app, port, banner } = await serve(config, log);
  // Read as the admin page reads a file, with the automatic column guess.
  const roster = reviewRosterText(readFileSync(new URL('../../examples/roster-53.csv', import.meta.url), 'utf8'));
  const res = await fetch(`http://127.0.0.1:${port}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${config.adminToken}` },
    body: JSON.stringify({
      title: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh: đánh giá, xếp loại năm 2023',
      rulePresetId: 'vn-party-classification',
      roster: roster.lines,
    }),
  });
  const body = (await res.json()) as { ok: boolean; data: CreateMeetingResponse };
  if (!body.ok) throw new Error(`could not create the demo meeting: ${JSON.stringify(body)}`);
  const m = body.data;
  process.stdout.write(
    [
      banner,
      `  demo meeting   ${m.delegates} delegates, preset vn-party-classification`,
      `  chair          ${m.chairUrl}`,
      `  projector      ${m.projectorUrl}`,
      `  badge sheet    ${config.publicUrl}/chair/${m.meetingId}/badges#key=${m.chairKey}`,
      '',
      '',
    ].join('\n'),
  );
  stopOnSignals(app, log);
}

demo().catch((err: unknown) => {
  process.stderr.write(`demo failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
