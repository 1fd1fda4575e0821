// A countdown that falls due while the meeting's node is dead: the node that takes the meeting over
// finds the deadline passed and closes the round at once, once; a close the dead node had committed
// is found closed and not closed again. And a countdown due in a meeting nobody reconnects to is
// closed by the sweep of another node.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { connectRole, createMeetingHttp, must } from '../faults/support/hall-client';
import { classificationBallot } from '../support/ballots';
import { rosterCsv } from '../support/harness';
import { asAdmin } from '../support/postgres';
import { faultSeed } from '../faults/support/random';
import { auditOf, ownerOf, startTestCluster, type TestCluster } from './support/cluster-fixture';
import { openVotingHall, voteThrough, type VotingHall } from './support/voting-hall';

const PHONES = 60;
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
  if (!found) throw new Error(`no node ${name}`);
  return found;
};

test('a countdown due during a failover closes the round once', async () => {
  const owner = await ownerOf(t.db, hall.meeting.meetingId);
  const r = await voteThrough(hall, {
    // The shortest countdown a ballot may have; the phones vote in its first 8 s.
    ballot: classificationBallot({ title: 'Countdown', countdownSeconds: 10 }),
    windowMs: 8_000,
    // The node dies shortly before the deadline; the phones are back after it.
    fault: async () => {
      const { closesAt } = await asAdmin(t.db, async (c) => {
        const res = await c.query<{ closes_at: string }>(
          "SELECT r.closes_at FROM rounds r JOIN ballots b ON b.id = r.ballot_id WHERE b.meeting_id = $1 AND r.state = 'open'",
          [hall.meeting.meetingId],
        );
        return { closesAt: res.rows[0]!.closes_at };
      });
      const wait = new Date(closesAt).getTime() - 300 - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await nodeNamed(owner).kill9();
    },
    closedByCountdown: true,
  });
  expect(r.lost).toBe(0);
  expect(r.stored).toBe(r.acked);
  expect(r.closes, 'round.closed entries').toBe(1);
  expect(r.chained).toBe(true);
  expect(r.ownerAfter).not.toBe(owner);
  const closing = (await auditOf(t.db, hall.meeting.meetingId)).entries.find(
    (e) => e.action === 'round.closed' && e.details.ballotId === r.ballotId,
  );
  expect(closing?.actor, 'closed by the countdown').toBe('system');
  await nodeNamed(owner).restart();
});

test('a countdown due in a meeting whose node died and that nobody reconnects to: another node closes it', async () => {
  const { url } = t.cluster;
  const meeting = await createMeetingHttp(url, t.adminToken, { rosterCsv: rosterCsv(3) });
  const m = meeting.meetingId;
  const { socket: chair, snapshot } = await connectRole(
    url,
    { role: 'chair', meetingId: m, key: meeting.chairKey },
    { meetingId: m },
  );
  if (snapshot.role !== 'chair') throw new Error('chair snapshot expected');
  for (const d of snapshot.delegates) await must(chair, 'attendance:mark', { delegateId: d.id, status: 'present' });
  // No ballots come in: with no minimum, the countdown closes the round (a secret round short of its
  // minimum would be left uncounted instead; integration/early-close-online).
  const { ballotId } = (
    await must(chair, 'ballot:create', classificationBallot({ countdownSeconds: 10, earlyCloseMinimum: 0 }))
  ).data;
  const opened = (await must(chair, 'ballot:open', { ballotId })).data;
  const owner = await ownerOf(t.db, m);
  chair.close();
  await nodeNamed(owner).kill9();
  const closesAt = new Date(opened.closesAt!).getTime();
  let closedAt: string | null = null;
  while (!closedAt && Date.now() < closesAt + 10_000) {
    closedAt = await asAdmin(t.db, async (c) => {
      const res = await c.query<{ closed_at: string | null }>(
        "SELECT closed_at FROM rounds WHERE ballot_id = $1 AND state = 'closed'",
        [ballotId],
      );
      return res.rows[0]?.closed_at ?? null;
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(closedAt, 'closed by another node').not.toBeNull();
  expect(new Date(closedAt!).getTime()).toBeGreaterThanOrEqual(closesAt);
  expect(new Date(closedAt!).getTime(), 'within 5 s of its deadline').toBeLessThanOrEqual(closesAt + 5_000);
  const closes = (await auditOf(t.db, m)).entries.filter((e) => e.action === 'round.closed');
  expect(closes).toHaveLength(1);
  expect(closes[0]?.actor).toBe('system');
  await nodeNamed(owner).restart();
});
