// PostgreSQL: a vote is acknowledged only after its COMMIT has returned. The store's connection is
// killed (pg_terminate_backend) while a batch of votes waits on the meeting's head lock, and while
// its COMMIT runs (a deferred trigger holds the commit long enough to aim at): no vote of the
// batch is acknowledged, none is stored, and re-sent they are stored once.
import pg from 'pg';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { openPgStore, type PgStore } from '../../server/src/store/pg-store';
import { StoreUnavailableError, type CastOutcome } from '../../server/src/store/store';
import { freshDatabase, type TestDatabase } from '../support/postgres';
import { audit, castAudit, meetingWithRound, resultOf, secretBallot, vote } from './support/fixture';

const APP = 'hallvote-commit-test';
let db: TestDatabase;
let store: PgStore;
let admin: pg.Client;

beforeEach(async () => {
  db = await freshDatabase();
  store = await openPgStore(db.url, { applicationName: APP, poolSize: 2 });
  admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
});
afterEach(async () => {
  await admin.end();
  await store.close();
});

/** Waits until one of the store's connections matches `where` (pg_stat_activity columns); its pid. */
async function storeBackend(where: string): Promise<number> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const { rows } = await admin.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE application_name = $1 AND datname = $2 AND ${where}`,
      [APP, db.name],
    );
    if (rows[0]) return rows[0].pid;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`no store connection with ${where} within 10 s`);
}

type Settled = { acked: CastOutcome } | { refused: unknown };
const settle = (p: Promise<CastOutcome>): Promise<Settled> =>
  p.then(
    (acked) => ({ acked }),
    (refused: unknown) => ({ refused }),
  );

async function storedVotes(ballotId: string): Promise<number> {
  const { rows } = await admin.query<{ n: string }>('SELECT count(*) AS n FROM participation WHERE ballot_id = $1', [
    ballotId,
  ]);
  return Number(rows[0]!.n);
}

/** `before` runs once the round is open and before the votes are cast; `kill` while they are pending. */
async function scenario(
  before: () => Promise<void>,
  kill: () => Promise<void>,
  outcomeUnknown: boolean,
): Promise<void> {
  const { roster, ballot } = await meetingWithRound(store, 50, secretBallot);
  await before();
  const votes = roster.map((d) => vote(ballot, d.id, { province: ['good'] }));
  const pending = votes.map((v) => settle(store.castVote(v, castAudit(v))));
  await kill();
  const settled = await Promise.all(pending);
  expect(settled.filter((s) => 'acked' in s)).toEqual([]);
  for (const s of settled) {
    expect((s as { refused: unknown }).refused).toBeInstanceOf(StoreUnavailableError);
    expect((s as { refused: StoreUnavailableError }).refused.outcomeUnknown).toBe(outcomeUnknown);
  }
  expect(await storedVotes(ballot.id)).toBe(0);
  // The phones re-send: the store is usable again (a new connection), and stores each vote once.
  const again = await Promise.all(votes.map((v) => store.castVote(v, castAudit(v))));
  expect(again.map((o) => o.kind)).toEqual(votes.map(() => 'stored'));
  expect(await storedVotes(ballot.id)).toBe(50);
  expect(await store.readBallots(ballot.id, 1)).toHaveLength(50);
}

test('the connection killed while the batch waits for the head lock: nothing acked, nothing stored', async () => {
  const holdHeadLock = async () => {
    await admin.query('BEGIN');
    await admin.query('SELECT 1 FROM meeting_head FOR UPDATE');
  };
  await scenario(
    holdHeadLock,
    async () => {
      const pid = await storeBackend(`wait_event_type = 'Lock'`);
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      await admin.query('COMMIT');
    },
    false,
  );
});

test('the connection killed during COMMIT: nothing acked, the outcome reported unknown, nothing stored', async () => {
  // A deferred constraint trigger runs inside COMMIT: it sleeps there once per transaction.
  await admin.query(`
    CREATE FUNCTION slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF current_setting('test.slept', true) IS DISTINCT FROM 'yes' THEN
        PERFORM set_config('test.slept', 'yes', true);
        PERFORM pg_sleep(20);
      END IF;
      RETURN NULL;
    END $$;
    CREATE CONSTRAINT TRIGGER slow_commit AFTER INSERT ON participation
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION slow_commit();`);
  await scenario(
    async () => undefined,
    async () => {
      const pid = await storeBackend(`query = 'COMMIT' AND wait_event = 'PgSleep'`);
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
      await admin.query('DROP TRIGGER slow_commit ON participation');
    },
    true,
  );
});

test('a close stays stored when dropping the old WAL after it fails: reported, and done again when the store closes', async () => {
  const errors: Error[] = [];
  const own = await openPgStore(db.url, { onBackgroundError: (e) => errors.push(e) });
  const { meeting, ballot } = await meetingWithRound(own, 2, secretBallot);
  await admin.query('REVOKE EXECUTE ON FUNCTION pg_switch_wal() FROM hallvote_app');
  await own.closeRound(ballot.id, 1, 'closed', resultOf(ballot.id, 1), audit(meeting.id, 'round.closed'));
  await own.walDropped();
  expect(errors.map((e) => e.message)).toEqual([expect.stringMatching(/permission denied/)]);
  expect((await own.loadMeeting(meeting.id))?.rounds[0]?.state).toBe('closed');
  await admin.query('GRANT EXECUTE ON FUNCTION pg_switch_wal() TO hallvote_app');
  const segment = async () =>
    (await admin.query<{ f: string }>('SELECT pg_walfile_name(pg_current_wal_lsn()) AS f')).rows[0]!.f;
  const before = await segment();
  await own.close();
  expect(errors).toHaveLength(1);
  // The retry at close switched to a new WAL segment.
  expect(await segment()).not.toBe(before);
});
