// The store's part in issue 19, on both stores: proxies recorded and taken back (one in force per
// grantor, in the database), a grantor's arrival taking theirs back in the same write, the proxies
// a round opened with, a vote cast by a holder for a member, weights on stored ballots, and a split
// ballot: every member's participation row or none, its ballots, and a re-sent vote id.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { HallvoteError } from '@hallvote/shared';
import type { BallotRecordRow, DelegateRecord, ProxyRecord, Store } from '../../server/src/store/store';
import { STORE_KINDS, type TestDb } from './support/databases';
import {
  at,
  audit,
  castAudit,
  delegates,
  meetingRecord,
  openBallot,
  roundRecord,
  secretBallot,
  vote,
} from './support/fixture';

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown): string => (e instanceof HallvoteError ? String(e.code) : String(e)),
  );

function proxy(meetingId: string, grantor: DelegateRecord, holder: DelegateRecord): ProxyRecord {
  return {
    id: randomUUID(),
    meetingId,
    grantorId: grantor.id,
    holderId: holder.id,
    instructions: '',
    grantedAt: at(),
    revokedAt: null,
    revokedBy: null,
  };
}

describe.each(STORE_KINDS)('$name store, issue 19', (kind) => {
  let db: TestDb;
  let store: Store;
  beforeEach(async () => {
    db = await kind.create();
    store = await db.open();
  });
  afterEach(async () => {
    await store.close().catch(() => undefined);
    await db.dispose();
  });

  /** Four members weighing 1, 10, 100, 1000; the first three present, the last absent. */
  async function weightedMeeting() {
    const meeting = meetingRecord();
    const roster = delegates(meeting.id, 4).map((d, i) => ({
      ...d,
      weight: 10 ** i,
      attendance: i < 3 ? ('present' as const) : ('absent' as const),
    }));
    await store.createMeeting(meeting, roster, audit(meeting.id, 'meeting.created'));
    return { m: meeting.id, roster: roster as [DelegateRecord, DelegateRecord, DelegateRecord, DelegateRecord] };
  }

  async function openWith(m: string, ballot: BallotRecordRow, issued: readonly string[], grants: ProxyRecord[]) {
    await store.createBallot(ballot, audit(m, 'ballot.created'));
    const round = roundRecord(ballot.id);
    const proxies = grants.map((p) => ({
      ballotId: ballot.id,
      round: 1,
      grantorId: p.grantorId,
      holderId: p.holderId,
    }));
    await store.openRound(round, issued, audit(m, 'round.opened'), proxies);
    return proxies;
  }

  test('weights are stored; one proxy in force per grantor; taken back by the chair or by arriving', async () => {
    const { m, roster } = await weightedMeeting();
    const [a, b, c, d] = roster;
    const first = proxy(m, d, a);
    await store.grantProxy(first, audit(m, 'proxy.granted'));
    // The partial unique index refuses a second proxy in force from the same grantor.
    expect(await code(store.grantProxy(proxy(m, d, b), audit(m, 'proxy.granted')))).toBe('CONFLICT');
    await store.revokeProxy({ proxyId: first.id, at: 'revoked-at', by: 'chair' }, audit(m, 'proxy.revoked'));
    expect(await code(store.revokeProxy({ proxyId: first.id, at: 'x', by: 'chair' }, audit(m, 'proxy.revoked')))).toBe(
      'CONFLICT',
    );
    const second = proxy(m, d, b);
    await store.grantProxy(second, audit(m, 'proxy.granted'));
    await store.setAttendance(d.id, 'present', 'phone', [], audit(m, 'attendance.set'), {
      proxyId: second.id,
      at: 'arrived-at',
      by: 'arrival',
    });
    await store.updateDelegate(c.id, { weight: 7 }, audit(m, 'delegate.updated'));
    await store.close();
    store = await db.open();
    const loaded = await store.loadMeeting(m);
    expect(loaded?.delegates.map((x) => x.weight)).toEqual([1, 10, 7, 1000]);
    expect(loaded?.proxies).toEqual([
      { ...first, revokedAt: 'revoked-at', revokedBy: 'chair' },
      { ...second, revokedAt: 'arrived-at', revokedBy: 'arrival' },
    ]);
    const actions = (await store.readAudit(m)).map((e) => e.action);
    expect(actions.filter((x) => x === 'proxy.revoked')).toHaveLength(2);
    expect(actions.slice(-3)).toEqual(['attendance.set', 'proxy.revoked', 'delegate.updated']);
  });

  test('a round keeps the proxies it opened with; a holder votes for a member with the member weight', async () => {
    const { m, roster } = await weightedMeeting();
    const [a, , , d] = roster;
    const grant = proxy(m, d, a);
    await store.grantProxy(grant, audit(m, 'proxy.granted'));
    const ballot = secretBallot(m);
    const proxies = await openWith(
      m,
      ballot,
      roster.slice(0, 3).map((x) => x.id),
      [grant],
    );
    const own = vote(ballot, a.id, { province: ['good'] }, { weight: 1 });
    const forD = vote(ballot, d.id, { province: ['excellent'] }, { weight: 1000, castBy: a.id });
    expect(await store.castVote(own, castAudit(own))).toMatchObject({ kind: 'stored' });
    expect(await store.castVote(forD, castAudit(forD))).toMatchObject({ kind: 'stored' });
    const again = vote(ballot, d.id, { province: ['good'] }, { weight: 1000, castBy: a.id });
    expect(await code(store.castVote(again, castAudit(again)))).toBe('ALREADY_VOTED');
    const stored = await store.readBallots(ballot.id, 1);
    expect(stored.map((s) => [s.marks.province?.[0], s.weight]).sort()).toEqual([
      ['excellent', 1000],
      ['good', 1],
    ]);
    await store.close();
    store = await db.open();
    const loaded = await store.loadMeeting(m);
    expect(loaded?.roundProxies).toEqual(proxies);
    expect(loaded?.participation.find((p) => p.delegateId === d.id)).toMatchObject({ castBy: a.id, marks: null });
    expect(loaded?.issued.map((i) => i.delegateId)).toContain(d.id);
  });

  test('a secret split ballot stores a row per member and its ballots, all or nothing', async () => {
    const { m, roster } = await weightedMeeting();
    const [a, b, c, d] = roster;
    const ballot = secretBallot(m);
    await openWith(m, ballot, [a.id, b.id, c.id], []);
    const split = {
      meetingId: m,
      ballotId: ballot.id,
      round: 1,
      holderId: a.id,
      voteId: randomUUID(),
      members: [a, d].map((x) => ({ delegateId: x.id, receipt: `R-${x.ordinal}` })),
      split: { unit: 'weight' as const, total: 1001, rows: { province: { good: 700, excellent: 301 } } },
      secret: true,
      records: [
        { marks: { province: ['good'] }, weight: 700 },
        { marks: { province: ['excellent'] }, weight: 301 },
      ],
    };
    const splitAudit = audit(m, 'vote.cast', {}, 'delegate');
    expect(await store.castSplit(split, splitAudit)).toEqual({ kind: 'stored', receipt: 'R-1' });
    expect(await store.castSplit(split, splitAudit)).toEqual({ kind: 'duplicate', receipt: 'R-1' });
    // A second split naming a member who has voted is refused whole: b's row is not written.
    const clash = {
      ...split,
      voteId: randomUUID(),
      holderId: b.id,
      members: [b, d].map((x) => ({ delegateId: x.id, receipt: 'X' })),
    };
    expect(await code(store.castSplit(clash, splitAudit))).toBe('ALREADY_VOTED');
    const stored = await store.readBallots(ballot.id, 1);
    expect(stored.map((s) => s.weight).sort()).toEqual([301, 700]);
    const loaded = await store.loadMeeting(m);
    expect(loaded?.participation.map((p) => [p.delegateId, p.castBy]).sort()).toEqual(
      [
        [a.id, null],
        [d.id, a.id],
      ].sort(),
    );
  });

  test('an open split ballot is the holder named vote, stored as the split', async () => {
    const { m, roster } = await weightedMeeting();
    const [a, b, c, d] = roster;
    const ballot = openBallot(m);
    await openWith(m, ballot, [a.id, b.id, c.id], []);
    const split = { unit: 'heads' as const, total: 2, rows: { motion: { yes: 1, no: 1 } } };
    await store.castSplit(
      {
        meetingId: m,
        ballotId: ballot.id,
        round: 1,
        holderId: a.id,
        voteId: randomUUID(),
        members: [a, d].map((x) => ({ delegateId: x.id, receipt: `R-${x.ordinal}` })),
        split,
        secret: false,
        records: [],
      },
      audit(m, 'vote.cast', {}, 'delegate'),
    );
    expect(await store.readBallots(ballot.id, 1)).toEqual([{ marks: {}, weight: null, split }]);
    const loaded = await store.loadMeeting(m);
    expect(loaded?.participation.find((p) => p.delegateId === a.id)).toMatchObject({ split, castBy: null });
    expect(loaded?.participation.find((p) => p.delegateId === d.id)).toMatchObject({ castBy: a.id });
  });

  test('a split is final: a changed vote for the holder or a member it carried is refused in the store', async () => {
    const { m, roster } = await weightedMeeting();
    const [a, b, c, d] = roster;
    const ballot = openBallot(m);
    expect(ballot.definition.allowChange).toBe(true);
    await openWith(m, ballot, [a.id, b.id, c.id], []);
    await store.castSplit(
      {
        meetingId: m,
        ballotId: ballot.id,
        round: 1,
        holderId: a.id,
        voteId: randomUUID(),
        members: [a, d].map((x) => ({ delegateId: x.id, receipt: `R-${x.ordinal}` })),
        split: { unit: 'heads', total: 2, rows: { motion: { yes: 1, no: 1 } } },
        secret: false,
        records: [],
      },
      audit(m, 'vote.cast', {}, 'delegate'),
    );
    const refusal = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown): unknown =>
          e instanceof HallvoteError ? { code: String(e.code), params: e.params as unknown } : e,
      );
    const forD = vote(ballot, d.id, { motion: ['yes'] }, { castBy: a.id });
    const own = vote(ballot, a.id, { motion: ['no'] });
    for (const v of [forD, own])
      expect(await refusal(store.castVote(v, castAudit(v)))).toEqual({
        code: 'ALREADY_VOTED',
        params: { channel: 'online', split: true },
      });
    // A vote that went into no split still changes.
    const first = vote(ballot, b.id, { motion: ['yes'] });
    await store.castVote(first, castAudit(first));
    const changed = vote(ballot, b.id, { motion: ['no'] });
    expect(await store.castVote(changed, castAudit(changed))).toMatchObject({ kind: 'changed' });
    expect(await store.readBallots(ballot.id, 1)).toHaveLength(2);
  });
});
