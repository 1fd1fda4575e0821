// The meeting's node hangs (SIGSTOP) mid-ballot instead of dying. HAProxy's health checks mark it
// down and close its connections; its advisory lock stays held until PostgreSQL ends the idle lock
// session (idle_session_timeout), then another node takes the meeting at a higher epoch. When the
// hung node wakes (SIGCONT) with the round's countdown overdue on its own timer, its writes are
// fenced: the round is closed once, by the new owner, and the old node lets the meeting go.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { classificationBallot } from '../support/ballots';
import { faultSeed, sleep, waitFor } from '../faults/support/random';
import { ownerOf, startTestCluster, type TestCluster } from './support/cluster-fixture';
import { openVotingHall, voteThrough, type VotingHall } from './support/voting-hall';

const PHONES = 40;
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

const nodeNamed = (name: string | null) => {
  const found = t.cluster.nodes[Number(name?.slice(1)) - 1];
  if (!found?.pid) throw new Error(`no running node ${name}`);
  return found;
};

async function meetingsOn(url: string): Promise<number> {
  const health = (await (await fetch(`${url}/healthz`)).json()) as { meetings: number };
  return health.meetings;
}

test('a hung node is fenced: another node takes the meeting, the round closes once, the old node lets go when it wakes', async () => {
  const owner = await ownerOf(t.db, hall.meeting.meetingId);
  const hung = nodeNamed(owner);
  const pid = hung.pid!;
  let resumed = false;
  const r = await voteThrough(hall, {
    ballot: classificationBallot({ title: 'Hung node', countdownSeconds: 25 }),
    windowMs: 4_000,
    fault: async () => {
      process.kill(pid, 'SIGSTOP');
      // Woken after the deadline: its own countdown timer is overdue.
      setTimeout(() => {
        process.kill(pid, 'SIGCONT');
        resumed = true;
      }, 27_000);
      await sleep(10);
    },
    settleMs: 60_000,
    closedByCountdown: true,
  }).finally(() => {
    if (!resumed) process.kill(pid, 'SIGCONT');
  });
  expect(r.lost).toBe(0);
  expect(r.stored).toBe(r.acked);
  expect(r.acked, `seed ${seed}`).toBe(PHONES);
  expect(r.ownerAfter).not.toBe(owner);
  expect(r.closes, 'round.closed entries').toBe(1);
  expect(r.chained).toBe(true);
  await waitFor(() => resumed, 40_000, 'the hung node to be resumed');
  // Awake, it finds its lock gone (or its writes fenced) and runs the meeting no more.
  let left = -1;
  for (let i = 0; i < 50 && left !== 0; i += 1) {
    left = await meetingsOn(hung.url).catch(() => -1);
    if (left !== 0) await sleep(200);
  }
  expect(left, 'meetings still run by the node that hung').toBe(0);
  expect(await ownerOf(t.db, hall.meeting.meetingId)).toBe(r.ownerAfter);
});
