// Bad input gets a clear error and changes nothing: malformed events, broken roster lines, bad JSON.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ChairSnapshot, CreateMeetingResponse } from '@hallvote/shared';
import { classificationBallot } from '../support/ballots';
import { ADMIN_TOKEN, rosterCsv, rosterLines, startHarness, type Harness } from '../support/harness';
import { okData, request, type Client } from '../support/request';

let h: Harness;
let meeting: CreateMeetingResponse;
let chair: Client;
let projector: Client;
const heard: string[] = [];

beforeAll(async () => {
  h = await startHarness();
  meeting = await h.createMeeting({ rosterCsv: rosterCsv(5) });
  chair = (await h.chair(meeting)).socket;
  projector = (await h.projector(meeting)).socket;
  chair.onAny((event: string) => heard.push(`chair:${event}`));
  projector.onAny((event: string) => heard.push(`projector:${event}`));
});

afterAll(async () => {
  await h.stop();
  h.cleanup();
});

// The chair's view read in process (what sync:request answers), so that checking it before and after
// every case does not spend the chair socket's snapshot rate (5 a second).
const snapshot = async () => Promise.resolve(h.chairView(meeting.meetingId));
const withoutSeq = (s: ChairSnapshot) => ({ ...s, seq: 0 });

describe('malformed socket payloads', () => {
  test.each([
    ['ballot:create', { ...classificationBallot(), options: [] }],
    ['ballot:create', { ...classificationBallot(), kind: 'election', seats: 9 }],
    ['ballot:create', { ...classificationBallot(), kind: 'batch', subjects: [] }],
    ['ballot:create', { ...classificationBallot(), title: 'x'.repeat(10_000) }],
    ['ballot:create', { ...classificationBallot(), secret: true, interimForChair: true }],
    ['ballot:open', { ballotId: 42 }],
    ['ballot:open', null],
    ['attendance:mark', { delegateId: 'a', status: 'asleep' }],
    ['roster:import', { lines: [], mode: 'merge' }],
    ['roster:import', { csv: 'An,Unit', mode: 'replace' }],
    ['roster:import', { lines: [{ line: 0, name: 'An', position: '', group: '' }], mode: 'replace' }],
    ['roster:import', { lines: [{ line: 1, name: 'x'.repeat(1001), position: '', group: '' }], mode: 'replace' }],
    ['delegate:add', { name: '' }],
    ['sync:request', { extra: true }],
  ] as const)('%s %j → INVALID_PAYLOAD, nothing broadcast, nothing changed', async (event, payload) => {
    const before = withoutSeq(await snapshot());
    heard.length = 0;
    const ack = await request(chair, event, payload as never);
    expect(ack).toMatchObject({ ok: false, error: 'INVALID_PAYLOAD' });
    expect(ack.ok || ack.error !== 'INVALID_PAYLOAD' ? [] : ack.params.issues.length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(heard).toEqual([]);
    expect(withoutSeq(await snapshot())).toEqual(before);
  });

  test('a request without an ack callback is ignored without harm', async () => {
    const before = withoutSeq(await snapshot());
    (chair.emit as (e: string, p: unknown) => void)('ballot:create', classificationBallot());
    await new Promise((r) => setTimeout(r, 200));
    expect(withoutSeq(await snapshot())).toEqual(before);
  });
});

describe("roster lines (as the chair's browser read them from a file)", () => {
  const line = (n: number, name: string, position: string) => ({ line: n, name, position, group: '' });
  const good = [line(2, 'An', 'Unit 1'), line(3, 'Bình', 'Unit 2')];

  test.each([
    ['an empty name', line(7, '', 'Unit 3'), { code: 'NAME_EMPTY' }],
    ['a formula', line(7, 'Cường', '=HYPERLINK("x")'), { code: 'FORMULA', field: 'position' }],
    ['a row number for a name', line(7, '7', 'Unit 3'), { code: 'NAME_WITHOUT_LETTERS' }],
    ['a name over 200 characters', line(7, 'ễ'.repeat(201), 'Unit 3'), { code: 'TOO_LONG', field: 'name', max: 200 }],
    ['bytes that were not UTF-8', line(7, 'B\uFFFDnh', 'Unit 3'), { code: 'NOT_UTF8' }],
    ['a duplicate', line(7, 'AN', 'unit  1'), { code: 'DUPLICATE', sameAs: 2 }],
  ])('%s: refused with its code and line, nothing imported', async (_label, bad, problem) => {
    const before = withoutSeq(await snapshot());
    const ack = await request(chair, 'roster:import', { lines: [...good, bad], mode: 'replace' });
    expect(ack).toMatchObject({ ok: false, error: 'INVALID_ROSTER', params: { problems: [{ ...problem, line: 7 }] } });
    expect(withoutSeq(await snapshot())).toEqual(before);
  });

  test('three different problems on three lines: all three reported at once', async () => {
    const lines = [line(2, '', 'Unit 1'), line(3, 'Bình', '@SUM(A1)'), line(4, 'Cường', 'U'), line(5, 'cường', 'u')];
    const ack = await request(chair, 'roster:import', { lines, mode: 'replace' });
    expect(ack.ok || ack.error !== 'INVALID_ROSTER' ? [] : ack.params.problems).toEqual([
      { code: 'NAME_EMPTY', line: 2 },
      { code: 'FORMULA', line: 3, field: 'position' },
      { code: 'DUPLICATE', line: 5, sameAs: 4 },
    ]);
  });

  test('a broken roster in meeting creation creates no meeting', async () => {
    const count = h.app.hall.meetings.size;
    const res = await fetch(`${h.url}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({
        title: 'T',
        rulePresetId: 'vn-party-classification',
        roster: [...rosterLines(rosterCsv(3)), line(5, '', 'no name')],
      }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      ok: false,
      error: 'INVALID_ROSTER',
      params: { problems: [{ code: 'NAME_EMPTY', line: 5 }] },
    });
    expect(h.app.hall.meetings.size).toBe(count);
  });

  test('a meeting sent with a roster as CSV text (the old field) is refused, not created without its roster', async () => {
    const count = h.app.hall.meetings.size;
    const res = await fetch(`${h.url}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ title: 'T', rulePresetId: 'vn-party-classification', rosterCsv: rosterCsv(3) }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: 'INVALID_PAYLOAD' });
    expect(h.app.hall.meetings.size).toBe(count);
  });

  test('good lines replace the roster', async () => {
    const text = '\uFEFFSTT;Họ và tên;Chức vụ\n1;Nguyễn Văn An;Bí thư\n2;Trần Thị Bình;Phó Bí thư';
    const ack = okData(await request(chair, 'roster:import', { lines: rosterLines(text), mode: 'replace' }));
    expect(ack.stored).toBe(2);
    expect((await snapshot()).delegates.map((d) => d.name)).toEqual(['Nguyễn Văn An', 'Trần Thị Bình']);
  });
});

describe('malformed HTTP', () => {
  test('invalid JSON → 400 INVALID_PAYLOAD', async () => {
    const res = await fetch(`${h.url}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: '{"title": ',
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: 'INVALID_PAYLOAD' });
  });

  test('an unknown preset is named in the error', async () => {
    const res = await fetch(`${h.url}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ title: 'T', rulePresetId: 'dictatorship' }),
    });
    expect(await res.json()).toMatchObject({
      ok: false,
      error: 'UNKNOWN_RULE_PRESET',
      params: { id: 'dictatorship', version: null },
    });
  });
});
