// Proxies and weights, end to end on a real server (issue 19): a shareholders' meeting (agm-ordinary:
// weight = shares, quorum by weight, more than half of the votes cast) whose roster carries a shares
// column; the chair records proxies; a round opens with them; the holder's phone votes for itself
// and for each member it represents; the tally counts weight; a grantor who arrives takes their
// proxy back for later rounds, but cannot vote in the round that opened with it; the export
// carries it all and `verify` recomputes it. Refusals are typed and change nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  type ChairSnapshot,
  type CreateMeetingResponse,
  type DelegateSnapshot,
  type MeetingExport,
} from '@hallvote/shared';
import { verifyExport } from '../../server/src/features/exports/verify-export';
import { motionBallot } from '../support/ballots';
import { startHarness, type Harness } from '../support/harness';
import { okData, request, type Client } from '../support/request';

// name, shares: A and B come; C and D give proxies to A; E stays away; F comes later in the test.
const ROSTER = ['name,position,shares', 'An,,100', 'Bình,,200', 'Chi,,300', 'Dũng,,400', 'Em,,50', 'Phúc,,10'].join(
  '\n',
);

let h: Harness;
let meeting: CreateMeetingResponse;
let chair: Client;
let ids: Record<'a' | 'b' | 'c' | 'd' | 'e' | 'f', string>;
let tokens: string[];
let phoneA: Client;
let phoneB: Client;

const chairSnapshot = async () => okData(await request(chair, 'sync:request', {})) as ChairSnapshot;
const errorOf = (ack: unknown) => ack as { ok: false; error: string; params?: Record<string, unknown> };

beforeAll(async () => {
  h = await startHarness();
  meeting = await h.createMeeting({ rulePresetId: 'agm-ordinary', rosterCsv: ROSTER });
  chair = (await h.chair(meeting)).socket;
  const snap = await chairSnapshot();
  const [a, b, c, d, e, f] = snap.delegates.map((x) => x.id);
  ids = { a: a!, b: b!, c: c!, d: d!, e: e!, f: f! };
  tokens = h.tokens(meeting.meetingId);
  phoneA = (await h.delegate(tokens[0]!)).socket;
  phoneB = (await h.delegate(tokens[1]!)).socket;
});

afterAll(async () => {
  await h.stop();
  h.cleanup();
});

describe('a weighted roster with proxies', () => {
  test('the roster carries each member’s shares', async () => {
    expect((await chairSnapshot()).delegates.map((d) => d.weight)).toEqual([100, 200, 300, 400, 50, 10]);
  });

  test('quorum by weight: 300 of 1060 shares present is no quorum, the proxies make it', async () => {
    const ballot = okData(await request(chair, 'ballot:create', motionBallot({ allowChange: false })));
    expect(errorOf(await request(chair, 'ballot:open', { ballotId: ballot.ballotId })).error).toBe('NO_QUORUM');
    okData(await request(chair, 'proxy:grant', { grantorId: ids.c, holderId: ids.a, instructions: 'Vote yes' }));
    okData(await request(chair, 'proxy:grant', { grantorId: ids.d, holderId: ids.a }));
    const snap = await chairSnapshot();
    expect(snap.proxies.map((p) => [p.grantorId, p.holderId, p.revokedAt])).toEqual([
      [ids.c, ids.a, null],
      [ids.d, ids.a, null],
    ]);
    expect(snap.presence).toMatchObject({ present: 4, represented: 2 });
    expect(snap.presence.quorum.met).toBe(true);
  });

  test('a proxy the rules refuse is refused with its reason, and nothing is recorded', async () => {
    const before = (await chairSnapshot()).proxies;
    const refusal = async (grantorId: string, holderId: string) =>
      errorOf(await request(chair, 'proxy:grant', { grantorId, holderId }));
    expect(await refusal(ids.c, ids.b)).toMatchObject({
      error: 'PROXY_REFUSED',
      params: { reason: 'grantor-has-proxy' },
    });
    expect(await refusal(ids.b, ids.e)).toMatchObject({
      error: 'PROXY_REFUSED',
      params: { reason: 'grantor-present' },
    });
    expect(await refusal(ids.e, ids.e)).toMatchObject({ error: 'PROXY_REFUSED', params: { reason: 'self' } });
    expect(await refusal(ids.e, ids.c)).toMatchObject({
      error: 'PROXY_REFUSED',
      params: { reason: 'holder-is-grantor' },
    });
    expect((await chairSnapshot()).proxies).toEqual(before);
  });

  test('the holder’s phone votes for itself and once for each member it represents; the tally counts shares', async () => {
    const ballotId = (await chairSnapshot()).ballots[0]!.id;
    okData(await request(chair, 'ballot:open', { ballotId }));
    const snapA = okData(await request(phoneA, 'sync:request', {})) as DelegateSnapshot;
    expect(snapA.represents.map((m) => [m.name, m.weight, m.instructions])).toEqual([
      ['Chi', 300, 'Vote yes'],
      ['Dũng', 400, ''],
    ]);
    const vote = (phone: Client, choice: string, forDelegateId?: string) =>
      request(phone, 'vote:cast', {
        ballotId,
        round: 1,
        voteId: randomUUID(),
        marks: { motion: [choice] },
        ...(forDelegateId ? { forDelegateId } : {}),
      });
    okData(await vote(phoneA, 'yes'));
    expect(okData(await vote(phoneA, 'yes', ids.c))).toMatchObject({ forDelegateId: ids.c });
    // B holds no proxy of D's: refused, nothing stored.
    expect(errorOf(await vote(phoneB, 'no', ids.d))).toMatchObject({
      error: 'NOT_REPRESENTED',
      params: { member: 'Dũng' },
    });
    okData(await vote(phoneA, 'yes', ids.d));
    expect(errorOf(await vote(phoneA, 'no', ids.d)).error).toBe('ALREADY_VOTED');
    okData(await vote(phoneB, 'no'));

    // C arrives during the round: their proxy is taken back for later rounds, but in this round
    // A voted for them already, and C cannot vote a second time.
    const phoneC = (await h.delegate(tokens[2]!)).socket;
    const snapC = okData(await request(phoneC, 'sync:request', {})) as DelegateSnapshot;
    expect(snapC.heldBy).toEqual({ name: 'An' });
    expect(errorOf(await vote(phoneC, 'no'))).toMatchObject({ error: 'PROXY_GRANTED', params: { holder: 'An' } });
    const proxies = (await chairSnapshot()).proxies;
    expect(proxies.find((p) => p.grantorId === ids.c)).toMatchObject({ revokedBy: 'arrival' });
    expect(proxies.find((p) => p.grantorId === ids.d)).toMatchObject({ revokedAt: null });

    const result = okData(await request(chair, 'ballot:close', { ballotId }));
    const motion = result.tally.subjects[0]!;
    expect(result.tally.countBy).toBe('weight');
    expect(motion.counts.map((c) => [c.optionId, c.votes])).toEqual([
      ['yes', 800],
      ['no', 200],
      ['not-voting', 0],
    ]);
    expect(motion.outcome).toMatchObject({ type: 'adopted', optionId: 'yes' });
    expect(result.tally.quorum.met).toBe(true);
    expect(result.attendance.represented).toEqual([ids.c, ids.d].sort());
    okData(await request(chair, 'ballot:publish', { ballotId }));
  });

  test('the next round opens without the proxy its grantor took back by arriving', async () => {
    const ballot = okData(await request(chair, 'ballot:create', motionBallot({ allowChange: false })));
    okData(await request(chair, 'ballot:open', { ballotId: ballot.ballotId }));
    const round = (await chairSnapshot()).ballots.find((b) => b.id === ballot.ballotId)!;
    expect(round.roundProxies).toEqual([{ grantorId: ids.d, holderId: ids.a }]);
    const snapA = okData(await request(phoneA, 'sync:request', {})) as DelegateSnapshot;
    expect(snapA.represents.map((m) => m.name)).toEqual(['Dũng']);
    okData(await request(chair, 'ballot:cancel', { ballotId: ballot.ballotId }));
  });

  test('the export carries weights and proxies, and verify recomputes the weighted result', async () => {
    const res = await fetch(`${h.url}/api/meetings/${meeting.meetingId}/export.json`, {
      headers: { authorization: `Bearer ${meeting.chairKey}` },
    });
    const data = (await res.json()) as MeetingExport;
    const round = data.rounds[0]!;
    expect(round.proxies).toHaveLength(2);
    expect(round.weightedRecords?.map((r) => r.weight).sort((x, y) => x - y)).toEqual([100, 200, 300, 400]);
    expect(round.namedVotes?.find((v) => v.delegateId === ids.c)).toMatchObject({ castBy: ids.a, weight: 300 });
    const verdict = verifyExport(data);
    expect(verdict.findings.filter((f) => !f.ok)).toEqual([]);
    expect(verdict.ok).toBe(true);
    // A vote moved to a member who did not hold the proxy is caught.
    const forged = {
      ...data,
      rounds: [
        {
          ...round,
          namedVotes: round.namedVotes!.map((v) => (v.delegateId === ids.c ? { ...v, castBy: ids.b } : v)),
        },
        ...data.rounds.slice(1),
      ],
    };
    expect(verifyExport(forged).ok).toBe(false);
  });
});

describe('the association preset: at most 2 proxies per holder', () => {
  test('a third proxy to the same holder is refused with PROXY_LIMIT and not recorded', async () => {
    const assoc = await h.createMeeting({
      rulePresetId: 'association',
      rosterCsv: ['name,position', 'H,', 'G1,', 'G2,', 'G3,'].join('\n'),
    });
    const ch = (await h.chair(assoc)).socket;
    const snap = okData(await request(ch, 'sync:request', {})) as ChairSnapshot;
    const [holder, g1, g2, g3] = snap.delegates.map((d) => d.id) as [string, string, string, string];
    okData(await request(ch, 'proxy:grant', { grantorId: g1, holderId: holder }));
    okData(await request(ch, 'proxy:grant', { grantorId: g2, holderId: holder }));
    const third = errorOf(await request(ch, 'proxy:grant', { grantorId: g3, holderId: holder }));
    expect(third.error).toBe('PROXY_LIMIT');
    expect(third.params).toMatchObject({ holder: 'H', max: 2 });
    expect((okData(await request(ch, 'sync:request', {})) as ChairSnapshot).proxies).toHaveLength(2);
  });

  test('a grantor checked in with their group takes the proxy back too', async () => {
    const club = await h.createMeeting({
      rulePresetId: 'association',
      rosterCsv: ['name,position,group', 'H,,A', 'G,,B', 'K,,B'].join('\n'),
    });
    const ch = (await h.chair(club)).socket;
    const snap = okData(await request(ch, 'sync:request', {})) as ChairSnapshot;
    const [holder, grantor] = snap.delegates.map((d) => d.id) as [string, string];
    const { proxyId } = okData(await request(ch, 'proxy:grant', { grantorId: grantor, holderId: holder }));
    okData(await request(ch, 'attendance:mark-present', { group: 'B' }));
    const after = okData(await request(ch, 'sync:request', {})) as ChairSnapshot;
    expect(after.proxies.find((p) => p.id === proxyId)).toMatchObject({ revokedBy: 'arrival' });
  });

  test('a meeting whose rules take no proxies refuses one', async () => {
    const plain = await h.createMeeting({ rulePresetId: 'simple-majority', rosterCsv: 'name\nX\nY' });
    const ch = (await h.chair(plain)).socket;
    const snap = okData(await request(ch, 'sync:request', {})) as ChairSnapshot;
    const [x, y] = snap.delegates.map((d) => d.id) as [string, string];
    expect(errorOf(await request(ch, 'proxy:grant', { grantorId: x, holderId: y })).error).toBe('PROXIES_NOT_ALLOWED');
  });
});
