// `npm run verify -- <export.json> [--head <hash>]`: recomputes the seals, tallies and audit chain of
// an export, cross-checks every round against the audit log, and with --head checks the chain
// against the head printed on the minutes or kept by a phone. Says match, WARNING or MISMATCH
// per finding, field by field. Exit code 0 when nothing mismatches, 1 otherwise, 2 for bad usage.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { MeetingExport } from '@hallvote/shared';
import { verifyExport } from './features/exports/verify-export';

const USAGE = 'usage: npm run verify -- <export.json> [--head <audit head hash>]\n';

function usage(message: string): never {
  process.stderr.write(`${message}\n${USAGE}`);
  process.exit(2);
}

let args: ReturnType<typeof parseArgs<{ options: { head: { type: 'string' } }; allowPositionals: true }>>;
try {
  args = parseArgs({ options: { head: { type: 'string' } }, allowPositionals: true });
} catch (err) {
  usage(err instanceof Error ? err.message : String(err));
}
const file = args.positionals[0];
if (!file || args.positionals.length > 1) usage('one export file, please');
const head = args.values.head?.trim().toLowerCase();
if (head !== undefined && !/^[0-9a-f]{64}$/.test(head)) usage('--head takes the 64 hex digits of a SHA-256 hash');

const data = JSON.parse(readFileSync(file, 'utf8')) as MeetingExport;
if (data.format !== 'hallvote-export') usage(`${file} is not a hallvote export`);
const { ok, findings } = verifyExport(data, { head });
const LABEL = { ok: 'ok      ', warning: 'WARNING ', mismatch: 'MISMATCH' } as const;
for (const f of findings) process.stdout.write(`${LABEL[f.level]}  ${f.where}: ${f.detail}\n`);
const warnings = findings.filter((f) => f.level === 'warning').length;
if (!ok) process.stdout.write('\nmismatch: see the lines above\n');
else if (warnings > 0) process.stdout.write(`\nmatch, with ${warnings} warning(s): the export is consistent\n`);
else process.stdout.write('\nmatch: the export is consistent\n');
if (ok && head === undefined)
  process.stdout.write(
    'note: without --head, a file whose whole audit chain was recomputed would also match; pass the head\n' +
      '      printed on the minutes or shown on a phone to rule that out\n',
  );
process.exit(ok ? 0 : 1);
