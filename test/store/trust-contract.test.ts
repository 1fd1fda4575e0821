// The store's part in issue 12, on both stores: paper totals and the re-tally they cause commit
// together or not at all; a voter's attendance is frozen while their round is open, in the write
// itself; a paper voter is present; a cancelled round's ballots are destroyed unseen, only their
// number audited; a round's secret seal key is erased when it stops taking votes; publishing
// answers with the audit chain's head.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { HallvoteError } from '@hallvote/shared';
import type { DelegateRecord, Store } from '../../server/src/store/store';
import { STORE_KINDS, type TestDb } from './support/databases';
import { audit, castAudit, meetingWithRound, openBallot, resultOf, secretBallot, vote } from './support/fixture';

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown): string => (e instanceof HallvoteError ? String(e.code) : String(e)),
  );

const PAPER = { returned: 1, invalid: [], subjects: { province: { counts: { good: 1 }, empty: 0 } } };

describe.each(STORE_KINDS)('$name store, issue 12', (kind) => {
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

  test('paper totals with a re-tally commit together: a round no longer closed keeps neither', async () => {
    const { meeting, ballot } = await meetingWithRound(store, 2, secretBallot);
    const m = meeting.id;
    const retally = { result: resultOf(ballot.id, 1, 'again'), audit: audit(m, 'round.retallied') };
    // The round is open, not closed: the re-tally is refused, and the totals with it.
    expect(await code(store.recordPaperTotals(ballot.id, 1, PAPER, audit(m, 'paper.totals'), retally))).toBe(
      'CONFLICT',
    );
    const loaded = await store.loadMeeting(m);
    expect(loaded?.paper).toEqual([]);
    expect((await store.readAudit(m)).map((e) => e.action)).not.toContain('paper.totals');

    await store.closeRound(ballot.id, 1, 'closed-at', resultOf(ballot.id, 1, 'first'), audit(m, 'round.closed'));
    await store.recordPaperTotals(ballot.id, 1, PAPER, audit(m, 'paper.totals'), retally);
    const after = await store.loadMeeting(m);
    expect(after?.paper).toEqual([{ ballotId: ballot.id, round: 1, totals: PAPER }]);
    expect(after?.rounds[0]?.result?.seal).toBe('again');
    expect((await store.readAudit(m)).map((e) => e.action).slice(-2)).toEqual(['paper.totals', 'round.retallied']);
  });

  test("a voter's attendance is frozen while the round is open; a paper voter must be present", async () => {
    const { meeting, roster, ballot } = await meetingWithRound(store, 3, secretBallot);
    const m = meeting.id;
    const [a, b, c] = roster as [DelegateRecord, DelegateRecord, DelegateRecord];
    for (const d of [a, b, c]) await store.setAttendance(d.id, 'present', 'phone', [], audit(m, 'attendance.present'));
    const v = vote(ballot, a.id, { province: ['good'] });
    await store.castVote(v, castAudit(v));
    await store.markPaperVoter(ballot.id, 1, b.id, audit(m, 'vote.paper'));
    for (const [id, status] of [
      [a.id, 'excused'],
      [a.id, 'absent'],
      [b.id, 'excused'],
    ] as const)
      expect(await code(store.setAttendance(id, status, null, [], audit(m, `attendance.${status}`)))).toBe(
        'ATTENDANCE_FROZEN',
      );
    // Someone who has not voted may still leave, and then cannot hand in a paper ballot.
    await store.setAttendance(c.id, 'absent', null, [], audit(m, 'attendance.absent'));
    expect(await code(store.markPaperVoter(ballot.id, 1, c.id, audit(m, 'vote.paper')))).toBe('NOT_PRESENT');
    await store.closeRound(ballot.id, 1, 'closed-at', resultOf(ballot.id, 1), audit(m, 'round.closed'));
    await store.setAttendance(a.id, 'excused', null, [], audit(m, 'attendance.excused'));
    const loaded = await store.loadMeeting(m);
    expect(loaded?.delegates.find((d) => d.id === a.id)?.attendance).toBe('excused');
  });

  test('cancelling destroys the ballots unseen and erases the seal key; only their number is audited', async () => {
    const { meeting, roster, ballot } = await meetingWithRound(store, 3, (id) => secretBallot(id));
    const m = meeting.id;
    for (const d of roster.slice(0, 2)) {
      const v = vote(ballot, d.id, { province: ['excellent'] });
      await store.castVote(v, castAudit(v));
    }
    expect(await store.readBallots(ballot.id, 1)).toHaveLength(2);
    expect(
      await store.cancelRound(ballot.id, 1, 'cancelled-at', audit(m, 'round.cancelled', { ballotId: ballot.id })),
    ).toBe(2);
    expect(await store.readBallots(ballot.id, 1)).toEqual([]);
    const entry = (await store.readAudit(m)).at(-1);
    expect(entry).toMatchObject({ action: 'round.cancelled', details: { ballotId: ballot.id, destroyed: 2 } });
    const loaded = await store.loadMeeting(m);
    expect(loaded?.rounds[0]).toMatchObject({ state: 'cancelled', sealSecretKey: null });
    // Who voted is kept: participation is the record of turnout, never of a choice.
    expect(loaded?.participation).toHaveLength(2);
  });

  test('publishing answers with the audit head; an open ballot has no seal key to erase', async () => {
    const { meeting, ballot } = await meetingWithRound(store, 2, openBallot);
    const m = meeting.id;
    await store.closeRound(ballot.id, 1, 'closed-at', resultOf(ballot.id, 1), audit(m, 'round.closed'));
    const head = await store.publishRound(
      ballot.id,
      1,
      'published-at',
      resultOf(ballot.id, 1),
      audit(m, 'round.published'),
    );
    const last = (await store.readAudit(m)).at(-1);
    expect(head).toEqual({ seq: last?.seq, hash: last?.hash });
    expect((await store.loadMeeting(m))?.rounds[0]).toMatchObject({ sealPublicKey: null, sealSecretKey: null });
  });
});
