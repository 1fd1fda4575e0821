// The PostgreSQL store's reads, parallel to sqlite-reads.ts: every meeting or one (each in one
// read-only snapshot, so that a meeting's tables agree with each other), a round's ballots for the
// tally, the audit log. The rows are mapped to records by rows.ts; callers wait for pending writes.
import type { Pool, PoolClient, QueryResultRow } from 'pg';
import type { AuditEntry } from '@hallvote/shared';
import { readSecretBallots } from './pg-scrub';
import { PG, run, type Statement } from './pg-statements';
import { toAuditEntry, toLoadedMeeting, toStoredBallot, type MeetingRow } from './rows';
import type { JoinCodeBadge, LoadedMeeting, StoredBallot } from './store';

/** Runs `read` in a REPEATABLE READ, READ ONLY transaction. */
async function inSnapshot<T>(pool: Pool, read: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const value = await read(client);
    await client.query('COMMIT');
    return value;
  } catch (error) {
    failure = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    // A client that failed mid-read is destroyed rather than returned to the pool half-way.
    client.release(failure);
  }
}

async function loadRows(client: PoolClient, meeting: MeetingRow): Promise<LoadedMeeting> {
  const of = async <R extends QueryResultRow>(s: Statement<[meetingId: string], R>) =>
    (await run(client, s, meeting.id)).rows;
  return toLoadedMeeting({
    meeting,
    delegates: await of(PG.delegatesOf),
    ballots: await of(PG.ballotsOf),
    rounds: await of(PG.roundsOf),
    participation: await of(PG.participationOf),
    issued: await of(PG.issuedOf),
    paper: await of(PG.paperTotalsOf),
    published: await of(PG.publishedOf),
    proxies: await of(PG.proxiesOf),
    roundProxies: await of(PG.roundProxiesOf),
  });
}

export function loadMeetings(pool: Pool): Promise<LoadedMeeting[]> {
  return inSnapshot(pool, async (client) => {
    const loaded: LoadedMeeting[] = [];
    for (const meeting of (await run(client, PG.meetings)).rows) loaded.push(await loadRows(client, meeting));
    return loaded;
  });
}

export function loadMeeting(pool: Pool, meetingId: string): Promise<LoadedMeeting | null> {
  return inSnapshot(pool, async (client) => {
    const meeting = (await run(client, PG.meeting, meetingId)).rows[0];
    return meeting ? loadRows(client, meeting) : null;
  });
}

/** A round's stored ballots: anonymous rows of a secret ballot, or the named votes of an open one. */
export function readRoundBallots(pool: Pool, ballotId: string, round: number): Promise<StoredBallot[]> {
  return inSnapshot(pool, async (client) => {
    const secret = (await readSecretBallots(client, ballotId, round)).map((r) => ({ ...r, split: null }));
    const open = (await run(client, PG.openBallots, ballotId, round)).rows;
    return [...secret, ...open].map(toStoredBallot);
  });
}

export async function readAuditLog(pool: Pool, meetingId: string): Promise<AuditEntry[]> {
  return (await run(pool, PG.auditOf, meetingId)).rows.map(toAuditEntry);
}

export async function readBadgesOfJoinCode(pool: Pool, code: string): Promise<JoinCodeBadge[]> {
  const { rows } = await run(pool, PG.badgesOfJoinCode, code);
  return rows.map((r) => ({ meetingId: r.meeting_id, delegateId: r.id, token: r.token }));
}
