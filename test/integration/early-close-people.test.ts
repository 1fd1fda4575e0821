// The early-close minimum of a secret ballot counts people casting, not ballots (issue 19, attack
// review): one holder with 9 proxies cast 10 ballots, filled the minimum of 10 alone, and the chair
// closed the round and read how that one person voted. A holder and the members they vote for now
// count once; with ten other members casting too, the round closes early as before.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sealMarks } from '@hallvote/shared/sealed-marks';
import type { ChairSnapshot, DelegateSnapshot } from '@hallvote/shared';
import { motionBallot } from '../support/ballots';
import { startHarness, type Harness } from '../support/harness';
import { okData, request } from '../support/request';

let h: Harness;
const errorOf = (ack: unknown) => ack as { ok: false; error: string; params?: Record<string, unknown> };

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.stop();
  h.cleanup();
});

describe('a secret ballot closed early', () => {
  test('one holder voting for 9 members is one person short of a minimum of 10', async () => {
    const roster = [
      'name',
      'H',
      ...Array.from({ length: 9 }, (_, i) => `G${i}`),
      ...Array.from({ length: 10 }, (_, i) => `P${i}`),
    ];
    const meeting = await h.createMeeting({ rulePresetId: 'double-majority', rosterCsv: roster.join('\n') });
    const chair = (await h.chair(meeting)).socket;
    const ids = (okData(await request(chair, 'sync:request', {})) as ChairSnapshot).delegates.map((d) => d.id);
    const tokens = h.tokens(meeting.meetingId);
    const phoneH = (await h.delegate(tokens[0]!)).socket;
    const others = [];
    for (const t of tokens.slice(10)) others.push((await h.delegate(t)).socket);
    for (const g of ids.slice(1, 10)) okData(await request(chair, 'proxy:grant', { grantorId: g, holderId: ids[0]! }));
    const { ballotId } = okData(
      await request(chair, 'ballot:create', motionBallot({ secret: true, allowChange: false })),
    );
    okData(await request(chair, 'ballot:open', { ballotId }));
    const ballot = (okData(await request(phoneH, 'sync:request', {})) as DelegateSnapshot).ballot!;
    const sealed = (forDelegateId?: string) => ({
      ballotId,
      round: 1,
      voteId: randomUUID(),
      ...(forDelegateId ? { forDelegateId } : {}),
      sealed: sealMarks(ballot, { motion: ['no'] }, ballot.sealKey!),
    });
    okData(await request(phoneH, 'vote:cast', sealed()));
    for (const g of ids.slice(1, 10)) okData(await request(phoneH, 'vote:cast', sealed(g)));
    // Ten ballots in the box, one person: too few to count.
    expect(errorOf(await request(chair, 'ballot:close', { ballotId }))).toMatchObject({
      error: 'TOO_FEW_BALLOTS',
      params: { returned: 1, minimum: 10 },
    });
    // Nine more people cast: ten people, an early close.
    for (const p of others.slice(0, 9)) okData(await request(p, 'vote:cast', sealed()));
    const result = okData(await request(chair, 'ballot:close', { ballotId }));
    expect(result.earlyClose).toMatchObject({ returned: 10, minimum: 10 });
  });
});
