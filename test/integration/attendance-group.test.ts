// Check-in of a whole group, or of everyone, in one request (issue 15): one write, one audit entry,
// members already present or excused left as they are, ballots issued in an open round.
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { ChairSnapshot, CreateMeetingResponse } from '@hallvote/shared';
import { classificationBallot } from '../support/ballots';
import { rosterCsv, startHarness, type Harness } from '../support/harness';
import { okData, request, type Client } from '../support/request';

let h: Harness;
let meeting: CreateMeetingResponse;
let chair: Client;

beforeEach(async () => {
  h = await startHarness();
  // Group A: members 1, 3, 5, 7, 9; group B: 2, 4, 6, 8, 10.
  meeting = await h.createMeeting({ rosterCsv: rosterCsv(10) });
  chair = (await h.chair(meeting)).socket;
});

afterEach(async () => {
  await h.stop();
  h.cleanup();
});

const chairView = async () => okData(await request(chair, 'sync:request', {})) as ChairSnapshot;

test('group A present in one request: one audit entry naming them; an excused member stays excused', async () => {
  const before = await chairView();
  const [m1, , m3] = before.delegates;
  okData(await request(chair, 'attendance:mark', { delegateId: m3!.id, status: 'excused' }));
  await h.delegate(h.tokens(meeting.meetingId)[0]!); // member 1 checks in by phone
  const auditBefore = okData(await request(chair, 'audit:list', {})).length;

  const marked = okData(await request(chair, 'attendance:mark-present', { group: 'A' }));
  expect(marked.marked).toBe(3);
  expect(marked.presence).toMatchObject({ roster: 10, present: 4, excusedAbsent: 1 });

  const after = await chairView();
  const byName = new Map(after.delegates.map((d) => [d.name, d]));
  expect(['Đại biểu 5', 'Đại biểu 7', 'Đại biểu 9'].map((n) => byName.get(n)?.attendance)).toEqual([
    'present',
    'present',
    'present',
  ]);
  expect(byName.get('Đại biểu 5')?.checkedInBy).toBe('chair');
  expect(byName.get(m1!.name)?.checkedInBy).toBe('phone');
  expect(byName.get(m3!.name)?.attendance).toBe('excused');
  expect(after.delegates.filter((d) => d.group === 'B').every((d) => d.attendance === 'absent')).toBe(true);

  const audit = okData(await request(chair, 'audit:list', {}));
  expect(audit).toHaveLength(auditBefore + 1);
  expect(audit.at(-1)).toMatchObject({ action: 'attendance.present-many', details: { group: 'A' } });
  expect((audit.at(-1)!.details.delegateIds as string[]).length).toBe(3);
});

test('everyone present while a ballot is open: each is issued a ballot; nobody left is no write', async () => {
  okData(await request(chair, 'attendance:mark-present', { group: null }));
  // Absent before the ballot opens: while it is open, attendance only grows (a latecomer).
  const [first] = (await chairView()).delegates;
  okData(await request(chair, 'attendance:mark', { delegateId: first!.id, status: 'absent' }));
  const { ballotId } = okData(await request(chair, 'ballot:create', classificationBallot()));
  okData(await request(chair, 'ballot:open', { ballotId }));
  const again = okData(await request(chair, 'attendance:mark-present', { group: null }));
  expect(again).toMatchObject({ marked: 1, presence: { present: 10 } });
  expect(h.app.hall.meetings.get(meeting.meetingId)!.issuedOf(ballotId, 1).size).toBe(10);
  const auditLength = okData(await request(chair, 'audit:list', {})).length;
  expect(okData(await request(chair, 'attendance:mark-present', { group: null })).marked).toBe(0);
  expect(okData(await request(chair, 'audit:list', {}))).toHaveLength(auditLength);
});

test('a group nobody is in is NOT_FOUND', async () => {
  expect(await request(chair, 'attendance:mark-present', { group: 'Z' })).toMatchObject({
    ok: false,
    error: 'NOT_FOUND',
  });
});
