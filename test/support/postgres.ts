// Databases for tests on the PostgreSQL cluster of postgres-setup.ts: each test file (or harness)
// gets a database of its own, copied from the provisioned `hallvote` (schema, roles, grants), so
// tests never see each other's rows.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';

export interface TestDatabase {
  readonly name: string;
  /** As the server's role, hallvote_app. */
  readonly url: string;
  /** As the superuser. */
  readonly adminUrl: string;
}

const withDatabase = (url: string, name: string) => {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
};

/** A new database with hallvote's schema; the cluster and all its databases go at the end of the run. */
export async function freshDatabase(): Promise<TestDatabase> {
  const { adminUrl, appUrl } = inject('postgres');
  const name = `hallvote_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE hallvote OWNER hallvote_owner`);
  } finally {
    await admin.end();
  }
  return { name, url: withDatabase(appUrl, name), adminUrl: withDatabase(adminUrl, name) };
}

/** Runs `body` with a superuser connection to the database. */
export async function asAdmin<T>(db: TestDatabase, body: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: db.adminUrl });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}
