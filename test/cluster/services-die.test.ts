// The services under the nodes die mid-ballot, 100 phones voting through HAProxy on three nodes.
// PostgreSQL stopped with -m immediate (as a crash) and started again: nothing acknowledged that is
// not stored (a commit whose answer was lost is not acknowledged; its meeting is reloaded), and
// voting resumes. Redis killed: votes are still acknowledged and announcements still reach the
// hall, because a meeting's announcements go from its node to its own sockets, never through Redis.
import { afterAll, beforeAll, expect, inject, test } from 'vitest';
import type { Turnout } from '@hallvote/shared';
import { restartPg, startRedis, stopPg } from '../../scripts/local-cluster';
import { faultSeed, sleep } from '../faults/support/random';
import { ownerOf, startTestCluster, type TestCluster } from './support/cluster-fixture';
import { openVotingHall, voteThrough, type FaultRound, type VotingHall } from './support/voting-hall';

const PHONES = 100;
let t: TestCluster;
let hall: VotingHall;
const seed = faultSeed();

beforeAll(async () => {
  t = await startTestCluster();
  hall = await openVotingHall(t.cluster.url, t.db, t.adminToken, PHONES, seed);
});
afterAll(async () => {
  hall?.close();
  await t?.stop();
});

function expectSound(r: FaultRound): void {
  expect(r.cast, `seed ${seed}`).toBe(PHONES);
  expect(r.lost, 'acknowledged votes not stored').toBe(0);
  expect(r.stored).toBe(r.acked);
  expect(r.auditVotes).toBe(r.stored);
  expect(r.closes).toBe(1);
  expect(r.chained).toBe(true);
  expect(
    hall.sequences.map((w) => w.backwards).filter((n) => n > 0),
    'clients that saw numbers go back',
  ).toEqual([]);
}

test('PostgreSQL stopped with -m immediate and started again mid-ballot: no false acknowledgement, voting resumes', async () => {
  const pg = inject('postgres');
  const service = { dir: pg.dir, port: 0, adminUrl: pg.adminUrl, url: pg.appUrl };
  const r = await voteThrough(hall, {
    fault: async () => {
      await stopPg(service, { immediate: true, keep: true });
      await sleep(1_500);
      await restartPg(service);
    },
    settleMs: 90_000,
  });
  expectSound(r);
  // Every phone's vote went in once the database was back: none was refused for good.
  expect(r.acked, 'votes acknowledged after the restart').toBe(PHONES);
  expect(r.failed).toBe(0);
  expect(r.resent, 'votes the outage made the phones send again').toBeGreaterThan(0);
});

test('Redis killed mid-ballot: votes still acknowledged, turnout still announced', async () => {
  const turnouts: Turnout[] = [];
  hall.projector.on('turnout:updated', (e) => turnouts.push(e.turnout));
  // After the restart above, the owner's lock session takes its locks back within a couple of
  // seconds (pg-ownership.ts, retake): start once it has, with every phone connected.
  let owner: string | null = null;
  const deadline = Date.now() + 15_000;
  while (!(owner = await ownerOf(t.db, hall.meeting.meetingId)) || hall.phones.some((p) => !p.socket.connected)) {
    if (Date.now() > deadline) throw new Error(`the meeting has no settled owner (${owner})`);
    await sleep(200);
  }
  let killedAt = 0;
  const r = await voteThrough(hall, {
    fault: async () => {
      process.kill(t.redis.pid, 'SIGKILL');
      killedAt = Date.now();
      await sleep(100);
    },
  });
  expectSound(r);
  expect(r.acked).toBe(PHONES);
  expect(r.ownerAfter, 'the meeting stayed where it was').toBe(owner);
  expect(r.resyncMs, 'no phone had to reconnect').toHaveLength(0);
  // The projector heard every vote, after Redis died too.
  const last = turnouts.filter((x) => x.ballotId === r.ballotId).at(-1);
  expect(last?.voted).toBe(PHONES);
  expect(killedAt).toBeGreaterThan(0);
  // Redis back on its port and in its directory, where the fixture's stop finds its new pid; the
  // nodes reconnect by themselves.
  await startRedis(t.redis.port, t.redis.dir);
});
