// The store's side of issue 15, held to both stores: a group checked in is one transaction with one
// audit entry; a re-vote prepared as a draft is loaded back, and opening its round clears it in the
// same write; each round keeps the roster ordinal it opened with.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { DelegateRecord, Store } from '../../server/src/store/store';
import { STORE_KINDS, type TestDb } from './support/databases';
import { audit, delegates, meetingRecord, resultOf, roundRecord, secretBallot } from './support/fixture';

describe.each(STORE_KINDS)('$name store', (kind) => {
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

  test('setAttendanceMany: every member in one write and one audit entry, ballots issued in an open round', async () => {
    const meeting = meetingRecord();
    const m = meeting.id;
    const roster = delegates(m, 4).map((d): DelegateRecord => ({ ...d, attendance: 'absent' }));
    await store.createMeeting(meeting, roster, audit(m, 'meeting.created'));
    const ballot = secretBallot(m);
    await store.createBallot(ballot, audit(m, 'ballot.created'));
    await store.openRound(roundRecord(ballot.id), [], audit(m, 'round.opened'), []);
    const [a, b, c] = roster as [DelegateRecord, DelegateRecord, DelegateRecord];
    await store.setAttendanceMany(
      [a, b, c].map((d) => ({
        delegateId: d.id,
        attendance: 'present' as const,
        checkedInBy: 'chair' as const,
        issueIn: d === c ? [] : [{ ballotId: ballot.id, round: 1 }],
      })),
      audit(m, 'attendance.present-many', { delegateIds: [a.id, b.id, c.id] }),
    );
    await store.close();
    store = await db.open();
    const loaded = await store.loadMeeting(m);
    expect(loaded?.delegates.map((d) => [d.attendance, d.checkedInBy])).toEqual([
      ['present', 'chair'],
      ['present', 'chair'],
      ['present', 'chair'],
      ['absent', null],
    ]);
    expect(loaded?.issued.map((i) => i.delegateId).sort()).toEqual([a.id, b.id].sort());
    expect((await store.readAudit(m)).map((e) => e.action)).toEqual([
      'meeting.created',
      'ballot.created',
      'round.opened',
      'attendance.present-many',
    ]);
  });

  test('a drafted re-vote is loaded back; opening the next round clears it; each round keeps its roster ordinal', async () => {
    const meeting = meetingRecord();
    const m = meeting.id;
    await store.createMeeting(meeting, delegates(m, 2), audit(m, 'meeting.created'));
    const ballot = secretBallot(m);
    await store.createBallot(ballot, audit(m, 'ballot.created'));
    await store.openRound({ ...roundRecord(ballot.id), rosterThrough: 2 }, [], audit(m, 'round.opened'), []);
    await store.closeRound(ballot.id, 1, 'closed-at', resultOf(ballot.id, 1), audit(m, 'round.closed'));
    await store.draftRevote(ballot.id, true, audit(m, 'round.drafted'));
    await store.close();
    store = await db.open();
    expect((await store.loadMeeting(m))?.ballots[0]?.revoteDrafted).toBe(true);

    await store.draftRevote(ballot.id, false, audit(m, 'round.draft-dropped'));
    expect((await store.loadMeeting(m))?.ballots[0]?.revoteDrafted).toBe(false);
    await store.draftRevote(ballot.id, true, audit(m, 'round.drafted'));
    await store.openRound({ ...roundRecord(ballot.id, 2), rosterThrough: 3 }, [], audit(m, 'round.opened'), []);
    const loaded = await store.loadMeeting(m);
    expect(loaded?.ballots[0]?.revoteDrafted).toBe(false);
    expect(loaded?.rounds.map((r) => [r.round, r.rosterThrough])).toEqual([
      [1, 2],
      [2, 3],
    ]);
  });
});
