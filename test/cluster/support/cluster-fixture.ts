// A cluster for one test file: three nodes on a database of their own (on the PostgreSQL cluster of
// test/support/postgres-setup.ts), a Redis of their own and HAProxy, from scripts/local-cluster.ts;
// and what the tests ask the database: who holds a meeting's lock, the audit chain, the stored votes.
import { createHash, randomBytes } from 'node:crypto';
import { auditHashInput, AUDIT_GENESIS, type AuditEntry } from '@hallvote/shared';
import {
  startCluster,
  startRedis,
  stopRedis,
  type LocalCluster,
  type RedisService,
} from '../../../scripts/local-cluster';
import { secretTableName } from '../../../server/src/store/pg-scrub';
import { asAdmin, freshDatabase, type TestDatabase } from '../../support/postgres';

export interface TestCluster {
  readonly cluster: LocalCluster;
  readonly db: TestDatabase;
  readonly redis: RedisService;
  readonly adminToken: string;
  stop(): Promise<void>;
}

export async function startTestCluster(nodes = 3, logLevel = 'warn'): Promise<TestCluster> {
  const db = await freshDatabase();
  const redis = await startRedis();
  const adminToken = randomBytes(18).toString('base64url');
  try {
    const cluster = await startCluster({ nodes, databaseUrl: db.url, redisUrl: redis.url, adminToken, logLevel });
    return {
      cluster,
      db,
      redis,
      adminToken,
      async stop() {
        await cluster.stop();
        await stopRedis(redis).catch(() => undefined);
      },
    };
  } catch (error) {
    await stopRedis(redis).catch(() => undefined);
    throw error;
  }
}

/** The node (n1, n2…) whose lock session holds the meeting's advisory lock, or null. */
export async function ownerOf(db: TestDatabase, meetingId: string): Promise<string | null> {
  return asAdmin(db, async (client) => {
    const res = await client.query<{ application_name: string }>(
      `WITH k AS (SELECT hashtextextended('hallvote:meeting:' || $1, 0) AS h)
       SELECT a.application_name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid, k
       WHERE l.locktype = 'advisory' AND l.granted
         AND l.classid::text::bigint = ((k.h >> 32) & 4294967295) AND l.objid::text::bigint = (k.h & 4294967295)`,
      [meetingId],
    );
    const name = res.rows[0]?.application_name;
    return name ? name.replace(/^hallvote-lock-/, '') : null;
  });
}

/** The meeting's audit log, its chain checked entry by entry. */
export async function auditOf(
  db: TestDatabase,
  meetingId: string,
): Promise<{ entries: AuditEntry[]; chained: boolean }> {
  return asAdmin(db, async (client) => {
    const res = await client.query<{
      seq: number;
      at: string;
      actor: string;
      action: string;
      details: string;
      prev_hash: string;
      hash: string;
    }>('SELECT seq, at, actor, action, details, prev_hash, hash FROM audit WHERE meeting_id = $1 ORDER BY seq', [
      meetingId,
    ]);
    let prev = AUDIT_GENESIS;
    let chained = true;
    const entries = res.rows.map((r, i) => {
      const entry = {
        meetingId,
        seq: r.seq,
        at: r.at,
        actor: r.actor as AuditEntry['actor'],
        action: r.action,
        details: JSON.parse(r.details) as Record<string, unknown>,
        prevHash: r.prev_hash,
        hash: r.hash,
      };
      const expected = createHash('sha256').update(auditHashInput(entry, prev)).digest('hex');
      if (r.seq !== i + 1 || r.prev_hash !== prev || r.hash !== expected) chained = false;
      prev = r.hash;
      return entry;
    });
    return { entries, chained };
  });
}

/**
 * Secrecy at rest after a close (as test/store/pg-secrecy.test.ts checks a store): the secret rows
 * of the round, in physical order, with their transaction ids, and the participation rows' ids.
 */
export async function secretRowsAtRest(
  db: TestDatabase,
  ballotId: string,
  round: number,
): Promise<{ rows: { xmin: string; id: string }[]; participationXmins: Set<string> }> {
  return asAdmin(db, async (client) => {
    const table = `ballot_box.${secretTableName(ballotId, round)}`;
    const rows = (await client.query<{ xmin: string; id: string }>(`SELECT xmin::text, id FROM ${table} ORDER BY ctid`))
      .rows;
    const participation = await client.query<{ xmin: string }>(
      'SELECT xmin::text FROM participation WHERE ballot_id = $1 AND round = $2',
      [ballotId, round],
    );
    return { rows, participationXmins: new Set(participation.rows.map((r) => r.xmin)) };
  });
}
