// No import cycles in shared/, server/ or client/, type-only imports included: a module and what it
// imports can then be read in order, and none needs another half-loaded (shared/src/audit.ts and
// types.ts imported each other until the roles moved to roles.ts). TypeScript's own pre-processor
// lists each file's imports and re-exports; relative ones are followed. Not a lint rule: import-x's
// no-cycle skips type-only imports, and that cycle was type-only.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PACKAGES = ['shared/src', 'server/src', 'client/src'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The files `file` imports by a relative path, as the bundler resolves them (no extensions). */
function localImports(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((f) => f.fileName)
    .filter((spec) => spec.startsWith('.'))
    .flatMap((spec) => {
      const base = resolve(dirname(file), spec);
      const found = [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find(
        (candidate) => existsSync(candidate) && /\.tsx?$/.test(candidate),
      );
      return found ? [found] : [];
    });
}

/** Every cycle a depth-first walk meets, each as the files around it. */
function cycles(files: readonly string[]): string[][] {
  const graph = new Map(files.map((f) => [f, localImports(f)]));
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const found: string[][] = [];
  const visit = (file: string): void => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of files) if (!state.has(file)) visit(file);
  return found.map((cycle) => cycle.map((f) => relative(ROOT, f)));
}

test('a type-only cycle through a re-export is found (the control: this check can fail)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hallvote-cycle-'));
  writeFileSync(join(dir, 'a.ts'), "import type { B } from './b';\nexport type A = B[];\n");
  writeFileSync(join(dir, 'b.ts'), "export type { A as B } from './index';\n");
  writeFileSync(join(dir, 'index.ts'), "export * from './a';\n");
  const found = cycles(['a.ts', 'b.ts', 'index.ts'].map((f) => join(dir, f)));
  rmSync(dir, { recursive: true });
  expect(found.map((cycle) => cycle.map((f) => f.split('/').at(-1)))).toEqual([['a.ts', 'b.ts', 'index.ts', 'a.ts']]);
});

test.each(PACKAGES)('%s has no import cycle', (pkg) => {
  expect(cycles(sourceFiles(join(ROOT, pkg)))).toEqual([]);
});
