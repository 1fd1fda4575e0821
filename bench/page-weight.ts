// Scenario 6: what a delegate's phone downloads: the JS and CSS referenced by client/dist/delegate.html
// (entry scripts, module preloads, stylesheets, and the chunks they import statically), gzipped.
import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from './server-process';

export interface PageWeight {
  /** null when the client is not built. */
  readonly gzKB: number | null;
  readonly rawKB: number | null;
  readonly files: readonly { readonly file: string; readonly rawBytes: number; readonly gzBytes: number }[];
  readonly note: string;
}

const DIST = join(REPO_ROOT, 'client', 'dist');

export function measureDelegatePage(): PageWeight {
  const html = join(DIST, 'delegate.html');
  if (!existsSync(html))
    return {
      gzKB: null,
      rawKB: null,
      files: [],
      note: 'client/dist/delegate.html not found: build the client (npm run build) first',
    };
  const page = readFileSync(html, 'utf8');
  const refs = [
    ...[...page.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((m) => m[1] ?? ''),
    ...[...page.matchAll(/<link[^>]*\shref="([^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? ''),
  ].filter((r) => r && !/^[a-z]+:\/\//i.test(r));
  const seen = new Set<string>();
  const queue = refs.map((r) => posix.normalize(r.replace(/^\//, '')));
  while (queue.length) {
    const file = queue.shift() ?? '';
    if (seen.has(file) || !existsSync(join(DIST, file))) continue;
    seen.add(file);
    if (!file.endsWith('.js')) continue;
    // Static imports only: a dynamic import() is fetched when needed, not with the page.
    const code = readFileSync(join(DIST, file), 'utf8');
    for (const m of code.matchAll(/(?:\bfrom\s*|\bimport\s*)["']([^"']+\.js)["']/g)) {
      const spec = m[1] ?? '';
      queue.push(spec.startsWith('/') ? spec.slice(1) : posix.normalize(posix.join(posix.dirname(file), spec)));
    }
  }
  const files = [...seen].map((file) => {
    const bytes = readFileSync(join(DIST, file));
    return { file, rawBytes: bytes.length, gzBytes: gzipSync(bytes, { level: 9 }).length };
  });
  const sum = (k: 'rawBytes' | 'gzBytes') => files.reduce((s, f) => s + f[k], 0) / 1024;
  return {
    gzKB: sum('gzBytes'),
    rawKB: sum('rawBytes'),
    files,
    note: `${files.length} files referenced by client/dist/delegate.html`,
  };
}
