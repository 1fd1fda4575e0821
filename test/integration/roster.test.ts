// Roster edits before voting starts; after it, only additions (latecomer.test.ts) and re-issued badges.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { ChairSnapshot, CreateMeetingResponse } from '@hallvote/shared';
import { classificationBallot } from '../support/ballots';
import { nextEvent, rosterCsv, startHarness, type Harness } from '../support/harness';
import { okData, request, type Client } from '../support/request';

let h: Harness;
let meeting: CreateMeetingResponse;
let chair: Client;

beforeEach(async () => {
  h = await startHarness();
  meeting = await h.createMeeting({ rosterCsv: rosterCsv(3) });
  chair = (await h.chair(meeting)).socket;
});

afterEach(async () => {
  await h.stop();
  h.cleanup();
});

const delegates = async () => (okData(await request(chair, 'sync:request', {})) as ChairSnapshot).delegates;

test('add, edit and remove a delegate before voting; the chair hears each change', async () => {
  const { delegateId } = okData(
    await request(chair, 'delegate:add', { name: 'Lê Văn Cường', position: 'Ủy viên', group: 'C' }),
  );
  const [added] = await nextEvent(chair, 'console:roster-updated', (e) => e.delegates.some((d) => d.id === delegateId));
  expect(added.presence.roster).toBe(4);
  okData(await request(chair, 'delegate:update', { delegateId, position: 'Phó Chủ tịch' }));
  expect((await delegates()).find((d) => d.id === delegateId)).toMatchObject({
    name: 'Lê Văn Cường',
    position: 'Phó Chủ tịch',
  });
  okData(await request(chair, 'delegate:remove', { delegateId }));
  const [removed] = await nextEvent(chair, 'console:roster-updated', (e) => e.removedIds.includes(delegateId));
  expect(removed.presence.roster).toBe(3);
  expect((await delegates()).map((d) => d.id)).not.toContain(delegateId);
});

test('once a ballot has opened import, edits and removal are refused; a badge can be re-issued', async () => {
  const tokens = h.tokens(meeting.meetingId);
  const phones = await Promise.all(tokens.map(async (t) => (await h.delegate(t)).socket));
  const { ballotId } = okData(await request(chair, 'ballot:create', classificationBallot()));
  okData(await request(chair, 'ballot:open', { ballotId }));
  okData(
    await request(phones[0]!, 'vote:cast', { ballotId, round: 1, voteId: randomUUID(), marks: { province: ['good'] } }),
  );
  const [first] = await delegates();
  for (const [event, payload] of [
    ['delegate:remove', { delegateId: first!.id }],
    ['delegate:update', { delegateId: first!.id, name: 'Renamed' }],
    ['roster:import', { lines: [{ line: 1, name: 'A', position: 'B', group: '' }], mode: 'replace' }],
  ] as const) {
    expect(await request(chair, event, payload as never), event).toMatchObject({ ok: false, error: 'VOTING_STARTED' });
  }
  expect((await delegates()).map((d) => d.name)).toEqual(['Đại biểu 1', 'Đại biểu 2', 'Đại biểu 3']);
  expect(okData(await request(chair, 'delegate:reissue', { delegateId: first!.id })).joinUrl).toMatch(
    /\/d\/[A-Za-z0-9_-]{24}$/,
  );
});

test('paper attendance: the chair marks present, absent and excused; excused leave the base', async () => {
  const [a, b] = await delegates();
  const p1 = okData(await request(chair, 'attendance:mark', { delegateId: a!.id, status: 'present' }));
  expect(p1).toMatchObject({ roster: 3, present: 1, eligible: 3 });
  const p2 = okData(await request(chair, 'attendance:mark', { delegateId: b!.id, status: 'excused' }));
  expect(p2).toMatchObject({ present: 1, excusedAbsent: 1, eligible: 2 });
  expect(p2.quorum).toMatchObject({ met: false, required: 2 });
  // An excused member whose phone joins counts again.
  await h.delegate(h.tokens(meeting.meetingId)[1]!);
  const after = (okData(await request(chair, 'sync:request', {})) as ChairSnapshot).presence;
  expect(after).toMatchObject({ present: 2, excusedAbsent: 0, eligible: 3 });
  expect((await delegates()).find((d) => d.id === b!.id)).toMatchObject({
    attendance: 'present',
    checkedInBy: 'phone',
    connected: true,
  });
});
