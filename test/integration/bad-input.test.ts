// Bad input gets a clear error and changes nothing: malformed events, broken CSV, bad JSON.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ChairSnapshot, CreateMeetingResponse } from '@hallvote/shared';
import { classificationBallot } from '../support/ballots';
import { ADMIN_TOKEN, rosterCsv, startHarness, type Harness } from '../support/harness';
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

const snapshot = async () => okData(await request(chair, 'sync:request', {})) as ChairSnapshot;
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
    ['roster:import', { csv: 'a,b', mode: 'merge', dryRun: false }],
    ['delegate:add', { name: '' }],
    ['sync:request', { extra: true }],
  ] as const)('%s %j → INVALID_PAYLOAD, nothing broadcast, nothing changed', async (event, payload) => {
    const before = withoutSeq(await snapshot());
    heard.length = 0;
    const ack = await request(chair, event, payload as never);
    expect(ack).toMatchObject({ ok: false, error: 'INVALID_PAYLOAD' });
    expect(ack.ok ? [] : ack.issues?.length).toBeGreaterThan(0);
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

describe('roster CSV', () => {
  test.each([
    ['an empty name', 'name,position\nAn,Unit 1\n,Unit 2\nBình,Unit 3', 3],
    ['a formula', 'An,Unit 1\nBình,=HYPERLINK("x")', 2],
    ['too many columns', 'An,Unit 1,G,extra\nBình,Unit 2', 1],
    ['a duplicate', 'An,Unit 1\nBình,Unit 2\nAn,Unit 1', 3],
    ['an unclosed quote', 'An,Unit 1\n"Bình,Unit 2', 2],
  ])('%s: refused with its line, nothing imported', async (_label, csv, line) => {
    const before = withoutSeq(await snapshot());
    const ack = await request(chair, 'roster:import', { csv, mode: 'replace', dryRun: false });
    expect(ack).toMatchObject({ ok: false, error: 'INVALID_CSV' });
    expect(ack.ok ? [] : ack.issues?.map((i) => i.line)).toContain(line);
    expect(withoutSeq(await snapshot())).toEqual(before);
  });

  test('a file that is not UTF-8 is refused with a hint', async () => {
    const ack = await request(chair, 'roster:import', {
      csv: 'An,Unit\nB\uFFFDnh,Unit',
      mode: 'replace',
      dryRun: false,
    });
    expect(ack).toMatchObject({ ok: false, error: 'INVALID_CSV', issues: [{ line: 2 }] });
  });

  test('a broken roster in meeting creation creates no meeting', async () => {
    const count = h.app.hall.meetings.size;
    const res = await fetch(`${h.url}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({
        title: 'T',
        rulePresetId: 'vn-party-classification',
        rosterCsv: `${rosterCsv(3)}\n,no name`,
      }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: 'INVALID_CSV', issues: [{ line: 5 }] });
    expect(h.app.hall.meetings.size).toBe(count);
  });

  test('a good file replaces the roster, with a BOM and a Vietnamese header', async () => {
    const ack = okData(
      await request(chair, 'roster:import', {
        csv: '\uFEFFHọ và tên,Chức vụ\nNguyễn Văn An,Bí thư\nTrần Thị Bình,Phó Bí thư',
        mode: 'replace',
        dryRun: false,
      }),
    );
    expect(ack.stored).toBe(true);
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
    expect(await res.json()).toMatchObject({ ok: false, error: 'INVALID_PAYLOAD', issues: [{ path: 'rulePresetId' }] });
  });
});
