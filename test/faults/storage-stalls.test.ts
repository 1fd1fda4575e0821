// The database misbehaving, and the event loop not waiting for it: another process holding the
// write lock (a backup tool), a reader pinning the WAL while a secret round closes, and writes that
// fail while phones check in. The server is in this process (the loop measured is its loop); the
// other program on the database file is a child process.
import { randomUUID } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { CreateMeetingResponse, ServerToClientEvents } from '@hallvote/shared';
import { classificationBallot } from '../support/ballots';
import { rosterCsv, startHarness, type Harness } from '../support/harness';
import { okData, request, type Client } from '../support/request';
import type { Store } from '../../server/src/store/store';
import { connectHall } from '../../client/src/socket';
import { bindSnapshots } from '../../client/src/sync-binding';
import type { ConnectionStatus } from '../../client/src/ui/connection';
import { DbHolder } from './support/db-holder';
import { sleep, waitFor } from './support/random';

const timed = async <T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> => {
  const started = performance.now();
  const value = await work();
  return { ms: performance.now() - started, value };
};

type StorageEvent = Parameters<ServerToClientEvents['console:storage-updated']>[0];

describe('another process on the database file', () => {
  let h: Harness;
  let meeting: CreateMeetingResponse;
  let chair: Client;
  let phones: Client[];
  let ballotId: string;
  const storage: StorageEvent[] = [];

  beforeAll(async () => {
    h = await startHarness();
    meeting = await h.createMeeting({ rosterCsv: rosterCsv(12) });
    chair = (await h.chair(meeting)).socket;
    (chair.on as (e: string, l: (e: StorageEvent) => void) => void)('console:storage-updated', (e) => storage.push(e));
    phones = [];
    for (const token of h.tokens(meeting.meetingId)) phones.push((await h.delegate(token)).socket);
    ballotId = okData(await request(chair, 'ballot:create', classificationBallot())).ballotId;
    okData(await request(chair, 'ballot:open', { ballotId }));
  });

  afterAll(async () => {
    await h.stop();
    h.cleanup();
  });

  const vote = () => ({ ballotId, round: 1, voteId: randomUUID(), marks: { province: ['good'] } });
  const stored = (i: number) =>
    h.app.hall.meetings
      .get(meeting.meetingId)!
      .votersOf(ballotId, 1)
      .has(
        [...h.app.hall.meetings.get(meeting.meetingId)!.delegates.values()].find(
          (d) => d.token === h.tokens(meeting.meetingId)[i],
        )!.id,
      );

  test('holding the write lock for 2.5 s: the chair is answered at once; a vote waits, then is stored and acked', async () => {
    const holder = await DbHolder.hold(h.dbFile, 'write', 2500);
    // Timed from before the vote: in this process, a stalled loop would stall this test's clock too.
    const started = performance.now();
    const pending = request(phones[0]!, 'vote:cast', vote(), 10_000);
    await sleep(50);
    await request(chair, 'sync:request', {});
    const snapshotAt = performance.now() - started;
    await request(chair, 'audit:list', {});
    const auditAt = performance.now() - started;
    expect(snapshotAt, 'chair snapshot answered, ms after the vote was sent').toBeLessThan(1500);
    expect(auditAt, 'chair audit log answered, ms after the vote was sent').toBeLessThan(1500);
    const ack = await pending;
    await holder.done();
    expect(ack.ok).toBe(true);
    expect(stored(0)).toBe(true);
  });

  test('holding it for longer than the server waits: a typed, retryable refusal, nothing stored; the re-sent vote is', async () => {
    const holder = await DbHolder.hold(h.dbFile, 'write', 6500);
    const v = vote();
    const refused = await request(phones[1]!, 'vote:cast', v, 10_000);
    expect(refused).toMatchObject({ ok: false, error: 'STORE_UNAVAILABLE' });
    expect(stored(1), 'no false ack: nothing is stored').toBe(false);
    await holder.done();
    expect((await request(phones[1]!, 'vote:cast', v)).ok).toBe(true);
    expect(stored(1)).toBe(true);
  });

  test('a reader pins the WAL while a secret round closes: the close is answered at once, the chair is told, the scrub is retried until the WAL is empty', async () => {
    for (let i = 2; i < 10; i += 1) okData(await request(phones[i]!, 'vote:cast', vote()));
    const reader = await DbHolder.hold(h.dbFile, 'read', 20_000);
    const closed = await timed(() => request(chair, 'ballot:close', { ballotId }, 10_000));
    expect(closed.value.ok).toBe(true);
    expect(closed.ms, 'close answered (ms)').toBeLessThan(3000);
    await waitFor(() => storage.some((e) => e.storage.scrubPendingSince !== null), 3000, 'the chair told');
    // While the reader holds on, the WAL still has the old pages; once it lets go, they go.
    await sleep(500);
    expect(storage.at(-1)?.storage.scrubPendingSince, 'still waiting while the reader holds').not.toBeNull();
    await reader.release();
    await waitFor(() => storage.at(-1)?.storage.scrubPendingSince === null, 8000, 'the chair told it is done');
    const wal = `${h.dbFile}-wal`;
    expect(existsSync(wal) ? statSync(wal).size : 0, 'bytes left in the WAL').toBe(0);
  });
});

describe('a process that dies between a close and the rewrite of its secret rows', () => {
  test('leaves a marker, and the next start rewrites the rows (new cells) and empties the WAL before anything else', async () => {
    const h = await startHarness();
    const meeting = await h.createMeeting({ rosterCsv: rosterCsv(3) });
    const chair = (await h.chair(meeting)).socket;
    const phones: Client[] = [];
    for (const token of h.tokens(meeting.meetingId)) phones.push((await h.delegate(token)).socket);
    const { ballotId } = okData(await request(chair, 'ballot:create', classificationBallot()));
    okData(await request(chair, 'ballot:open', { ballotId }));
    for (const phone of phones)
      okData(
        await request(phone, 'vote:cast', { ballotId, round: 1, voteId: randomUUID(), marks: { province: ['good'] } }),
      );
    okData(await request(chair, 'ballot:close', { ballotId }));
    await h.stop();
    // What a kill -9 right after the close's commit leaves: the marker, and the rows as they were written.
    const db = new Database(h.dbFile);
    db.prepare('INSERT INTO scrub_pending (ballot_id, round) VALUES (?, 1)').run(ballotId);
    const before = db.prepare('SELECT id, marks FROM secret_ballots ORDER BY id').all();
    db.close();
    const again = await startHarness(h.dataDir);
    await again.stop();
    const after = new Database(h.dbFile, { readonly: true });
    expect(after.prepare('SELECT count(*) AS n FROM scrub_pending').get()).toEqual({ n: 0 });
    expect(after.prepare('SELECT id, marks FROM secret_ballots ORDER BY id').all()).toEqual(before);
    after.close();
    const wal = `${h.dbFile}-wal`;
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    h.cleanup();
  });
});

describe('writes failing while phones check in', () => {
  let h: Harness;
  const globals = globalThis as { location?: unknown };

  afterEach(async () => {
    delete globals.location;
    await h?.stop();
    h?.cleanup();
  });

  test('20 phones whose check-in fails back off instead of reconnecting in a tight loop', async () => {
    const full = Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
    h = await startHarness(undefined, {
      wrapStore: (store: Store) =>
        new Proxy(store, {
          get(target, name) {
            if (name === 'setAttendance') return () => Promise.reject(full);
            const value: unknown = Reflect.get(target, name, target);
            return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
          },
        }),
    });
    const meeting = await h.createMeeting({ rosterCsv: rosterCsv(20) });
    let connections = 0;
    h.app.io.engine.on('connection', () => (connections += 1));
    // The phone's own code, in this process: it connects to the page's origin.
    const { host } = new URL(h.url);
    globals.location = { protocol: 'http:', host, hostname: '127.0.0.1', port: host.split(':')[1], href: `${h.url}/` };
    const statuses: ConnectionStatus[] = [];
    const sockets = h.tokens(meeting.meetingId).map((token, i) => {
      const socket = connectHall({ role: 'delegate', token });
      statuses[i] = 'connecting';
      bindSnapshots(socket, {
        role: 'delegate',
        onSnapshot: () => undefined,
        getStatus: () => statuses[i]!,
        setStatus: (s) => (statuses[i] = s),
      });
      return socket;
    });
    await sleep(4000);
    sockets.forEach((s) => s.close());
    expect(connections, 'connections from 20 phones in 4 s').toBeLessThanOrEqual(20 * 5);
  });
});
