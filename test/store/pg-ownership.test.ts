// PostgreSQL, several stores on one database (as several nodes would have): the meeting's head
// row orders their writes into one audit chain, and an epoch claimed by one store fences the
// writes of a store that claimed the meeting before it (StaleEpochError, nothing stored).
import { createHash } from 'node:crypto';
import pg from 'pg';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { AUDIT_GENESIS, auditHashInput, type AuditEntry } from '@hallvote/shared';
import { openPgStore, type PgStore } from '../../server/src/store/pg-store';
import { StaleEpochError, type CastOutcome } from '../../server/src/store/store';
import { freshDatabase, type TestDatabase } from '../support/postgres';
import { audit, castAudit, meetingWithRound, secretBallot, vote } from './support/fixture';

let db: TestDatabase;
let a: PgStore;
let b: PgStore;

beforeEach(async () => {
  db = await freshDatabase();
  [a, b] = await Promise.all([openPgStore(db.url, { poolSize: 3 }), openPgStore(db.url, { poolSize: 3 })]);
});
afterEach(async () => {
  await Promise.all([a.close(), b.close()]);
});

function chainOk(entries: readonly AuditEntry[]): boolean {
  let prev = AUDIT_GENESIS;
  return entries.every((e, i) => {
    const { hash, prevHash, ...content } = e;
    const ok =
      e.seq === i + 1 &&
      prevHash === prev &&
      hash === createHash('sha256').update(auditHashInput(content, prev)).digest('hex');
    prev = hash;
    return ok;
  });
}

test('two stores writing one meeting at once make one chain: the head row lock orders them', async () => {
  const { meeting, roster, ballot } = await meetingWithRound(a, 80, secretBallot);
  const votes = roster.map((d) => vote(ballot, d.id, { province: ['good'] }));
  const outcomes = await Promise.all(votes.map((v, i) => (i % 2 ? a : b).castVote(v, castAudit(v))));
  expect(outcomes.every((o) => o.kind === 'stored')).toBe(true);
  const log = await a.readAudit(meeting.id);
  expect(log).toHaveLength(3 + 80);
  expect(chainOk(log)).toBe(true);
});

test('a claim fences the store that claimed before: its writes are refused and store nothing', async () => {
  const { meeting, roster, ballot } = await meetingWithRound(a, 4, secretBallot);
  expect(await a.claimMeeting(meeting.id)).toBe(1);
  const first = vote(ballot, roster[0]!.id, { province: ['good'] });
  expect((await a.castVote(first, castAudit(first))).kind).toBe('stored');
  expect(await b.claimMeeting(meeting.id)).toBe(2);
  const stale = vote(ballot, roster[1]!.id, { province: ['good'] });
  const refused = await a.castVote(stale, castAudit(stale)).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(StaleEpochError);
  expect(refused).toMatchObject({ meetingId: meeting.id, claimed: 1, current: 2 });
  const close = a.closeRound(ballot.id, 1, 'x', {} as never, audit(meeting.id, 'round.closed'));
  await expect(close).rejects.toBeInstanceOf(StaleEpochError);
  // The new owner sees what the old one committed, and nothing of what was refused.
  const loaded = await b.loadMeeting(meeting.id);
  expect(loaded?.participation.map((p) => p.delegateId)).toEqual([roster[0]!.id]);
  expect(loaded?.rounds[0]?.state).toBe('open');
  expect((await b.castVote(stale, castAudit(stale))).kind).toBe('stored');
  expect(chainOk(await b.readAudit(meeting.id))).toBe(true);
  expect(await a.claimMeeting('no-such-meeting')).toBeNull();
});

test('a batch waiting on the head lock while another store claims is stored first; what follows the claim is refused', async () => {
  const { meeting, roster, ballot } = await meetingWithRound(a, 200, secretBallot);
  await a.claimMeeting(meeting.id);
  const votes = roster.map((d) => vote(ballot, d.id, { province: ['good'] }));
  const settle = (v: (typeof votes)[number]) => a.castVote(v, castAudit(v)).catch((e: unknown) => e);
  // An operator's lock on the head lines the contenders up: a's batch first, then b's claim.
  const admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  const waiting = async (n: number) => {
    for (let i = 0; i < 500; i += 1) {
      const { rows } = await admin.query<{ n: string }>(
        `SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1 AND wait_event_type = 'Lock'`,
        [db.name],
      );
      if (Number(rows[0]!.n) >= n) return;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`${n} waiting connections expected`);
  };
  try {
    await admin.query('BEGIN');
    await admin.query('SELECT 1 FROM meeting_head WHERE meeting_id = $1 FOR UPDATE', [meeting.id]);
    const first = votes.slice(0, 40).map(settle);
    await waiting(1);
    const claim = b.claimMeeting(meeting.id);
    await waiting(2);
    await admin.query('COMMIT');
    expect(await claim).toBe(2);
    // The batch that held the lock before the claim is stored; what a sends after it is refused.
    const second = await Promise.all(votes.slice(40).map(settle));
    expect((await Promise.all(first)).map((r) => (r as CastOutcome).kind)).toEqual(Array(40).fill('stored'));
    expect(second.filter((r) => !(r instanceof StaleEpochError))).toEqual([]);
  } finally {
    await admin.end();
  }
  const stored = (await b.loadMeeting(meeting.id))!.participation.map((p) => p.delegateId);
  expect([...stored].sort()).toEqual(
    votes
      .slice(0, 40)
      .map((v) => v.delegateId)
      .sort(),
  );
  expect(chainOk(await b.readAudit(meeting.id))).toBe(true);
});
