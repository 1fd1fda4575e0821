// `npm run verify -- <export.json>`: recomputes seals, tallies and the audit chain of an export
// and says match or mismatch, field by field. Exit code 0 on a full match, 1 otherwise.
import { readFileSync } from 'node:fs';
import type { MeetingExport } from '@hallvote/shared';
import { verifyExport } from './features/exports/verify-export';

const file = process.argv[2];
if (!file) {
  process.stderr.write('usage: npm run verify -- <export.json>\n');
  process.exit(2);
}
const data = JSON.parse(readFileSync(file, 'utf8')) as MeetingExport;
if (data.format !== 'hallvote-export') {
  process.stderr.write(`${file} is not a hallvote export\n`);
  process.exit(2);
}
const { ok, findings } = verifyExport(data);
for (const f of findings) process.stdout.write(`${f.ok ? 'ok      ' : 'MISMATCH'}  ${f.where}: ${f.detail}\n`);
process.stdout.write(ok ? '\nmatch: the export is consistent\n' : '\nmismatch: see the lines above\n');
process.exit(ok ? 0 : 1);
