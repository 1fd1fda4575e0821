// kill -9 of a node while 300 phones vote through HAProxy. The meeting's node: its phones reconnect
// through HAProxy to the next node, which takes the meeting (advisory lock, epoch, load) and sends
// fresh snapshots; every phone re-sends what was not acknowledged. Another node: nobody notices.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { EPOCH_STRIDE } from '../../server/src/features/sync/broadcaster';
import { faultSeed } from '../faults/support/random';
import { ownerOf, secretRowsAtRest, startTestCluster, type TestCluster } from './support/cluster-fixture';
import { openVotingHall, voteThrough, type FaultRound, type VotingHall } from './support/voting-hall';

const PHONES = 300;
let t: TestCluster;
let hall: VotingHall;
const seed = faultSeed();

beforeAll(async () => {
  t = await startTestCluster(3, process.env.CLUSTER_LOG ?? 'warn');
  hall = await openVotingHall(t.cluster.url, t.db, t.adminToken, PHONES, seed);
});
afterAll(async () => {
  if (process.env.CLUSTER_LOG)
    for (const n of t.cluster.nodes) console.log(n.url, n.stdout.slice(-6000), n.stderr.slice(-3000));
  hall?.close();
  await t?.stop();
});

const nodeNamed = (name: string | null) => {
  const found = t.cluster.nodes[Number(name?.slice(1)) - 1];
  if (!found) throw new Error(`no node ${name}`);
  return found;
};

function expectSound(r: FaultRound): void {
  expect(r.cast, `seed ${seed}`).toBe(PHONES);
  expect(r.lost, 'acknowledged votes lost').toBe(0);
  expect(r.stored, 'stored = acknowledged (nothing doubled, nothing unacknowledged kept)').toBe(r.acked);
  expect(r.auditVotes, 'one vote.cast entry per stored vote').toBe(r.stored);
  expect(r.acked + r.failed).toBe(PHONES);
  expect(r.closes, 'round.closed entries').toBe(1);
  expect(r.chained, 'the audit chain verifies').toBe(true);
  // Chair, projector and every phone: no sequence number below one already received, across owners.
  expect(
    hall.sequences.map((w) => w.backwards).filter((n) => n > 0),
    'clients that saw numbers go back',
  ).toEqual([]);
}

/** The owner's epoch the projector's last number came from. */
const projectorEpoch = () => Math.floor(hall.sequences[1]!.max / EPOCH_STRIDE);

test('kill -9 of the node serving the meeting mid-ballot: nothing acknowledged lost or doubled, one close, every phone back within 5 s', async () => {
  const owner = await ownerOf(t.db, hall.meeting.meetingId);
  expect(owner).toMatch(/^n[123]$/);
  const epochBefore = projectorEpoch();
  const r = await voteThrough(hall, { fault: () => nodeNamed(owner).kill9() });
  expectSound(r);
  expect(projectorEpoch(), 'the projector now hears the new owner').toBeGreaterThan(epochBefore);
  expect(r.ownerBefore).toBe(owner);
  expect(r.ownerAfter).not.toBe(owner);
  expect(r.holdingAtFault, 'the kill fell on unacknowledged votes').toBeGreaterThan(0);
  expect(r.resent, 'votes re-sent with the same id').toBeGreaterThan(0);
  expect(r.resyncMs, 'every phone got a fresh snapshot').toHaveLength(PHONES);
  // The chair's console and the projector are clients too: back with a fresh snapshot within 5 s.
  for (const role of ['chair', 'projector'] as const)
    expect(hall.consoleSnapshotAt[role] - r.faultTime, `${role}'s fresh snapshot after the kill`).toBeGreaterThan(0);
  for (const role of ['chair', 'projector'] as const)
    expect(hall.consoleSnapshotAt[role] - r.faultTime, `${role} resynchronised`).toBeLessThanOrEqual(5_000);
  expect(r.resyncMs.at(-1), `slowest resync (p95 ${r.resyncMs[Math.floor(PHONES * 0.95)]} ms)`).toBeLessThanOrEqual(
    5_000,
  );
  // The new owner closed the round: its secret rows were rewritten at close as on one process
  // (one transaction id that no participation row has, in key order, not voting order).
  const atRest = await secretRowsAtRest(t.db, r.ballotId, 1);
  expect(atRest.rows).toHaveLength(r.stored);
  expect(new Set(atRest.rows.map((x) => x.xmin)).size).toBe(1);
  expect(atRest.participationXmins.has(atRest.rows[0]!.xmin)).toBe(false);
  expect(atRest.rows.map((x) => x.id)).toEqual(atRest.rows.map((x) => x.id).sort());
  await nodeNamed(owner).restart();
});

test('kill -9 of a node not serving the meeting mid-ballot: no phone disconnected, nothing lost', async () => {
  const owner = await ownerOf(t.db, hall.meeting.meetingId);
  const other = ['n1', 'n2', 'n3'].find((n) => n !== owner)!;
  const r = await voteThrough(hall, { fault: () => nodeNamed(other).kill9() });
  expectSound(r);
  expect(r.ownerAfter).toBe(owner);
  expect(r.resyncMs, 'phones that had to resynchronise').toHaveLength(0);
  await nodeNamed(other).restart();
});
