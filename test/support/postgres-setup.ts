// Vitest global setup of the projects that need PostgreSQL: a throwaway cluster on loopback from
// scripts/services.sh (initdb in a temporary directory, fsync on), provided to the tests as
// `inject('postgres')`, and stopped (its directory removed) when the run ends.
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';

export interface PostgresServices {
  /** The superuser: creates each test's database from the provisioned one. */
  readonly adminUrl: string;
  /** The server's role (hallvote_app) on the provisioned database `hallvote`. */
  readonly appUrl: string;
  readonly dir: string;
  readonly pid: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgres: PostgresServices;
  }
}

const SCRIPT = new URL('../../scripts/services.sh', import.meta.url).pathname;

function services(...args: string[]): Record<string, string> {
  const out = execFileSync('bash', [SCRIPT, ...args], {
    encoding: 'utf8',
    timeout: 90_000,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return Object.fromEntries(
    out
      .split('\n')
      .filter((l) => l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

export default function setup(project: TestProject): () => void {
  const env = services('pg', 'start');
  const started: PostgresServices = {
    adminUrl: env.PG_ADMIN_URL!,
    appUrl: env.DATABASE_URL!,
    dir: env.PG_DIR!,
    pid: Number(env.PG_PID),
  };
  project.provide('postgres', started);
  return () => {
    services('pg', 'stop', '--dir', started.dir);
  };
}
