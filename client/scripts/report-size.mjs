// Prints what a phone downloads for the delegate page: its JS and CSS, gzipped, read from the
// Vite manifest so that shared chunks are counted and nothing of the other views is.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url);
const manifest = JSON.parse(readFileSync(new URL('.vite/delegate-manifest.json', dist), 'utf8'));
const ENTRY = 'delegate.html';

if (!manifest[ENTRY]) {
  console.error(`report-size: no ${ENTRY} entry in the manifest`);
  process.exit(1);
}

const files = new Set();
const lazy = new Set();
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  // Static imports only: what the page needs before it can show a ballot.
  for (const imported of chunk.imports ?? []) visit(imported);
  // Fetched later, when needed (the sealing code, once a secret ballot opens): listed apart.
  for (const imported of chunk.dynamicImports ?? []) lazy.add(imported);
};
visit(ENTRY);

let raw = 0;
let gzipped = 0;
const rows = [];
for (const file of [...files].sort()) {
  const bytes = readFileSync(new URL(file, dist));
  const gz = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzipped += gz;
  rows.push(
    `  ${file.padEnd(48)} ${(bytes.length / 1024).toFixed(1).padStart(7)} kB  ${(gz / 1024).toFixed(1).padStart(6)} kB gz`,
  );
}
console.log(`\ndelegate view (JS + CSS the phone loads):\n${rows.join('\n')}`);
console.log(
  `  ${'total'.padEnd(48)} ${(raw / 1024).toFixed(1).padStart(7)} kB  ${(gzipped / 1024).toFixed(1).padStart(6)} kB gz\n`,
);
for (const key of lazy) {
  const file = manifest[key]?.file;
  if (!file || files.has(file)) continue;
  const bytes = readFileSync(new URL(file, dist));
  const gz = gzipSync(bytes, { level: 9 }).length;
  console.log(
    `  fetched when needed: ${file} ${(bytes.length / 1024).toFixed(1)} kB, ${(gz / 1024).toFixed(1)} kB gz\n`,
  );
}
