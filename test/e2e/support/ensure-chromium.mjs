// Makes sure Debian's Chromium is there for the browser tests: CHROMIUM_PATH, or /usr/bin/chromium.
// As root it installs the Debian package (never a browser download from elsewhere); otherwise it
// stops with the command to run.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (existsSync(path)) process.exit(0);

if (process.env.CHROMIUM_PATH) {
  console.error(`CHROMIUM_PATH is set to ${path}, which does not exist.`);
  process.exit(1);
}
if (typeof process.getuid === 'function' && process.getuid() === 0) {
  console.log("Chromium is missing; installing Debian's chromium package for the browser tests…");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execSync('apt-get update', { stdio: 'inherit', env });
  execSync('apt-get install -y --no-install-recommends chromium', { stdio: 'inherit', env });
  if (existsSync(path)) process.exit(0);
  console.error(`apt-get finished but ${path} is still missing.`);
  process.exit(1);
}
console.error(
  'The browser tests need Chromium. Install it with:\n\n    sudo apt-get install chromium\n\n' +
    'or point CHROMIUM_PATH at a Chromium or Chrome binary.',
);
process.exit(1);
