// The store's part in issue 12, on both stores: paper totals and the re-tally they cause commit
// together or not at all; a voter's attendance is frozen while their round is open, in the write
// itself; a paper voter is present; a cancelled round's ballots are destroyed unseen, only their
// number audited; a round's secret seal key is erased when it stops taking votes; publishing
// answers with the audit chain's head.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { HallvoteError } from '@hallvote/shared';
import type { DelegateRecord, Store } from '../../server/src/store/store';
import { STORE_KINDS, type TestDb } from './support/databases';
import {
  audit,
  castAudit,
  delegates,
  meetingRecord,
  meetingWithRound,
  openBallot,
  resultOf,
  roundRecord,
  secretBallot,
  vote,
} from './support/fixture';

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

  test('attendance is fixed while a round is open, voter or not; a latecomer comes in; a paper voter must be present', async () => {
    const meeting = meetingRecord();
    const m = meeting.id;
    const [a, b, c, late] = delegates(m, 4) as [DelegateRecord, DelegateRecord, DelegateRecord, DelegateRecord];
    await store.createMeeting(meeting, [a, b, c, late], audit(m, 'meeting.created'));
    await store.setAttendance(late.id, 'absent', null, [], audit(m, 'attendance.absent'));
    const ballot = secretBallot(m);
    await store.createBallot(ballot, audit(m, 'ballot.created'));
    // The round's roster is all four (ordinals 1 to 4); `late` is on it, absent when it opened.
    await store.openRound(
      { ...roundRecord(ballot.id), rosterThrough: 4 },
      [a.id, b.id, c.id],
      audit(m, 'round.opened'),
      [],
    );
    const v = vote(ballot, a.id, { province: ['good'] });
    await store.castVote(v, castAudit(v));
    await store.markPaperVoter(ballot.id, 1, b.id, audit(m, 'vote.paper'));
    // The voter, the paper voter and c, who has not voted: excusing c would shrink the base too.
    for (const [id, status] of [
      [a.id, 'excused'],
      [a.id, 'absent'],
      [b.id, 'excused'],
      [c.id, 'absent'],
      [c.id, 'excused'],
      [late.id, 'excused'],
    ] as const)
      expect(await code(store.setAttendance(id, status, null, [], audit(m, `attendance.${status}`)))).toBe(
        'ATTENDANCE_FROZEN',
      );
    // Someone absent cannot hand in a paper ballot; once checked in (a latecomer), they can.
    expect(await code(store.markPaperVoter(ballot.id, 1, late.id, audit(m, 'vote.paper')))).toBe('NOT_PRESENT');
    await store.setAttendance(
      late.id,
      'present',
      'chair',
      [{ ballotId: ballot.id, round: 1 }],
      audit(m, 'attendance.present'),
    );
    await store.markPaperVoter(ballot.id, 1, late.id, audit(m, 'vote.paper'));
    await store.closeRound(ballot.id, 1, 'closed-at', resultOf(ballot.id, 1), audit(m, 'round.closed'));
    await store.setAttendance(a.id, 'excused', null, [], audit(m, 'attendance.excused'));
    await store.setAttendance(c.id, 'absent', null, [], audit(m, 'attendance.absent'));
    const loaded = await store.loadMeeting(m);
    expect(loaded?.delegates.find((d) => d.id === a.id)?.attendance).toBe('excused');
    expect(loaded?.delegates.find((d) => d.id === c.id)?.attendance).toBe('absent');
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
