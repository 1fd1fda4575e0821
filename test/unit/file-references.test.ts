// Every repository file a comment in the tests or the bench names exists: a header that cites a
// moved or missing file sends its reader nowhere. Paths count from the repository root or from the
// commenting file's folder; build output and results (client/dist, bench/results) are left out.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCANNED = ['test', 'bench'];
const GENERATED = /^(client\/dist|bench\/results|test-results)\b/;
/** A path with a folder (`server/src/app.ts`, `../support/harness.ts`), or a Markdown file by name. */
const CITED = /(?:\.{1,2}\/|\b(?:server|client|shared|test|bench|examples|docs)\/)[\w./-]*\w|\b[\w-]+\.md\b/g;
const COMMENT = /^\s*(?:\/\/|\/\*|\*)/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFiles(path);
    return /\.(ts|tsx|mjs)$/.test(entry.name) ? [path] : [];
  });
}

test('comments in test/ and bench/ cite files that exist', () => {
  const missing: string[] = [];
  for (const file of SCANNED.flatMap((dir) => sourceFiles(join(ROOT, dir))))
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!COMMENT.test(line)) return;
        for (const [cited] of line.matchAll(CITED)) {
          if (GENERATED.test(cited)) continue;
          if (!existsSync(join(ROOT, cited)) && !existsSync(join(dirname(file), cited)))
            missing.push(`${relative(ROOT, file)}:${i + 1} cites ${cited}`);
        }
      });
  expect(missing).toEqual([]);
});
