// The hall story on three nodes behind HAProxy: every request of the meeting, from the admin's
// badge sheet to the phones' sockets, is served by the one node that holds the meeting's lock; the
// others hold nothing; a badge page asked of another node is redirected to the meeting's address.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RoundResult } from '@hallvote/shared';
import { classificationBallot } from '../support/ballots';
import { rosterCsv } from '../support/harness';
import { badgeTokens, connectRole, createMeetingHttp, must } from '../faults/support/hall-client';
import { connectPhones, type Phone } from '../faults/support/phone';
import type { Client } from '../support/request';
import { auditOf, ownerOf, startTestCluster, type TestCluster } from './support/cluster-fixture';

let t: TestCluster;
beforeAll(async () => {
  t = await startTestCluster();
});
afterAll(async () => {
  await t?.stop();
});

test('the hall story across three nodes: one owner serves everything, one chain, one close', async () => {
  const { url } = t.cluster;
  const meeting = await createMeetingHttp(url, t.adminToken, { rosterCsv: rosterCsv(53) });
  const m = meeting.meetingId;
  const tokens = await badgeTokens(url, meeting);
  expect(tokens).toHaveLength(53);
  const owner = await ownerOf(t.db, m);
  expect(owner).toMatch(/^n[123]$/);

  const sockets: Client[] = [];
  let phones: Phone[] = [];
  try {
    const chair = (await connectRole(url, { role: 'chair', meetingId: m, key: meeting.chairKey }, { meetingId: m }))
      .socket;
    const projector = await connectRole(
      url,
      { role: 'projector', meetingId: m, key: meeting.projectorKey },
      { meetingId: m },
    );
    sockets.push(chair, projector.socket);
    phones = await connectPhones(url, tokens.slice(0, 49), { meetingId: m });

    const { ballotId } = (await must(chair, 'ballot:create', classificationBallot())).data;
    await must(chair, 'ballot:open', { ballotId });
    const acks = await Promise.all(
      phones.map((p, i) =>
        must(p.socket, 'vote:cast', {
          ballotId,
          round: 1,
          voteId: randomUUID(),
          marks: { province: [i === 0 ? 'excellent' : 'good'] },
        }),
      ),
    );
    expect(acks.every((a) => a.ok)).toBe(true);
    const published = new Promise<RoundResult>((resolve) =>
      projector.socket.on('result:published', (e) => resolve(e.result)),
    );
    const closed = (await must(chair, 'ballot:close', { ballotId })).data;
    expect(closed.tally.ballots.returned).toBe(49);
    await must(chair, 'ballot:publish', { ballotId });
    const result = await published;
    const province = result.tally.subjects[0]!;
    expect(province.counts.find((c) => c.optionId === 'good')?.votes).toBe(48);
    expect(province.outcome).toMatchObject({ type: 'adopted', optionId: 'good' });

    // Everything went to the owner: the other nodes run no meeting; the lock never moved.
    expect(await ownerOf(t.db, m)).toBe(owner);
    for (const [i, node] of t.cluster.nodes.entries()) {
      const health = (await (await fetch(`${node.url}/healthz`)).json()) as { node: string; meetings: number };
      expect(health.node).toBe(`n${i + 1}`);
      expect(health.meetings).toBe(health.node === owner ? 1 : 0);
    }
    const audit = await auditOf(t.db, m);
    expect(audit.chained).toBe(true);
    expect(audit.entries.filter((e) => e.action === 'round.closed')).toHaveLength(1);
    expect(audit.entries.filter((e) => e.action === 'vote.cast')).toHaveLength(49);

    // A badge page asked of a node that does not run the meeting: redirected to the meeting's address.
    const other = t.cluster.nodes.find((_, i) => `n${i + 1}` !== owner)!;
    const page = await fetch(`${other.url}/d/${tokens[0]}`, { redirect: 'manual' });
    expect(page.status).toBe(302);
    expect(page.headers.get('location')).toBe(`/d/${tokens[0]}?m=${m}`);
  } finally {
    sockets.forEach((s) => s.close());
    phones.forEach((p) => p.close());
  }
});
