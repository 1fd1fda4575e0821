// A ballot with rules of its own, checked against the proxies in force when it opens (issue 19,
// attack review): the limit of proxies per holder was checked only when a proxy was recorded, and
// against the meeting's rules. In a general meeting (no limit) H holds 3 proxies; a ballot under
// the association's rules (at most 2 each) opened and H voted for all 3. Now the opening is
// refused PROXY_LIMIT_AT_OPEN naming the holder. A ballot whose rules take no proxies opens
// without them: the grantors are absent in it and their holder votes only for themself.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
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

/** A general meeting (proxies without limit): H holds the proxies of G1, G2 and G3; B votes himself. */
async function holderOfThree(others = ['B']) {
  const meeting = await h.createMeeting({
    rulePresetId: 'agm-ordinary',
    rosterCsv: ['name,shares', 'H,100', ...others.map((n) => `${n},100`), 'G1,1', 'G2,1', 'G3,1'].join('\n'),
  });
  const chair = (await h.chair(meeting)).socket;
  const ids = (okData(await request(chair, 'sync:request', {})) as ChairSnapshot).delegates.map((d) => d.id);
  const tokens = h.tokens(meeting.meetingId);
  const phoneH = (await h.delegate(tokens[0]!)).socket;
  for (const t of tokens.slice(1, 1 + others.length)) await h.delegate(t);
  const grantors = ids.slice(1 + others.length);
  for (const g of grantors) okData(await request(chair, 'proxy:grant', { grantorId: g, holderId: ids[0]! }));
  return { chair, phoneH, grantors };
}

describe('a ballot with rules of its own', () => {
  test('rules allowing 2 proxies each: opening is refused, naming the holder of 3', async () => {
    const { chair, phoneH, grantors } = await holderOfThree();
    const { ballotId } = okData(
      await request(
        chair,
        'ballot:create',
        motionBallot({ allowChange: false, rules: { id: 'association', version: 1 } }),
      ),
    );
    expect(errorOf(await request(chair, 'ballot:open', { ballotId }))).toEqual({
      ok: false,
      error: 'PROXY_LIMIT_AT_OPEN',
      params: { holders: [{ name: 'H', held: 3 }], max: 2 },
    });
    expect((okData(await request(chair, 'sync:request', {})) as ChairSnapshot).ballots[0]!.state).toBe('draft');
    // One proxy taken back: the ballot opens, and H votes for the two he still holds.
    const proxies = (okData(await request(chair, 'sync:request', {})) as ChairSnapshot).proxies;
    const third = proxies.find((p) => p.grantorId === grantors[2])!;
    okData(await request(chair, 'proxy:revoke', { proxyId: third.id }));
    okData(await request(chair, 'ballot:open', { ballotId }));
    const vote = (forDelegateId: string) =>
      request(phoneH, 'vote:cast', {
        ballotId,
        round: 1,
        voteId: randomUUID(),
        forDelegateId,
        marks: { motion: ['yes'] },
      });
    okData(await vote(grantors[0]!));
    okData(await vote(grantors[1]!));
    expect(errorOf(await vote(grantors[2]!)).error).toBe('NOT_REPRESENTED');
  });

  test('rules taking no proxies: the ballot opens without them, the grantors are absent in it', async () => {
    // Six present of nine: the quorum of two thirds, without the three grantors.
    const { chair, phoneH, grantors } = await holderOfThree(['B', 'C', 'D', 'E', 'F']);
    const { ballotId } = okData(
      await request(
        chair,
        'ballot:create',
        motionBallot({ allowChange: false, rules: { id: 'simple-majority', version: 1 } }),
      ),
    );
    const opened = okData(await request(chair, 'ballot:open', { ballotId }));
    expect(opened.state).toBe('open');
    expect((okData(await request(chair, 'sync:request', {})) as ChairSnapshot).ballots[0]!.roundProxies).toEqual([]);
    expect((okData(await request(phoneH, 'sync:request', {})) as DelegateSnapshot).represents).toEqual([]);
    const forG1 = { ballotId, round: 1, voteId: randomUUID(), forDelegateId: grantors[0]!, marks: { motion: ['yes'] } };
    expect(errorOf(await request(phoneH, 'vote:cast', forG1)).error).toBe('NOT_REPRESENTED');
    okData(
      await request(phoneH, 'vote:cast', { ballotId, round: 1, voteId: randomUUID(), marks: { motion: ['yes'] } }),
    );
  });
});
