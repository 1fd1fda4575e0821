// Every role refused every action it must not do; credentials checked at the handshake.
import { randomUUID } from 'node:crypto';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROTOCOL_VERSION, type CreateMeetingResponse, type RequestEvent } from '@hallvote/shared';
import { classificationBallot } from '../support/ballots';
import { ADMIN_TOKEN, rosterCsv, startHarness, type Harness } from '../support/harness';
import { okData, request, type Client } from '../support/request';

let h: Harness;
let meeting: CreateMeetingResponse;
let other: CreateMeetingResponse;
let chair: Client;
let delegate: Client;
let projector: Client;
let ballotId: string;

beforeAll(async () => {
  h = await startHarness();
  meeting = await h.createMeeting({ rosterCsv: rosterCsv(3) });
  other = await h.createMeeting({ title: 'Other', rosterCsv: rosterCsv(3) });
  chair = (await h.chair(meeting)).socket;
  projector = (await h.projector(meeting)).socket;
  const tokens = h.tokens(meeting.meetingId);
  delegate = (await h.delegate(tokens[0]!)).socket;
  await h.delegate(tokens[1]!);
  ballotId = okData(await request(chair, 'ballot:create', classificationBallot())).ballotId;
});

afterAll(async () => {
  await h.stop();
  h.cleanup();
});

/** One valid payload per request, so that a refusal can only come from the role. */
const chairActions = (): [RequestEvent, unknown][] => [
  ['roster:import', { lines: [{ line: 1, name: 'A', position: 'B', group: '' }], mode: 'append' }],
  ['delegate:add', { name: 'X', position: '', group: '' }],
  ['delegate:update', { delegateId: 'abc', name: 'Y' }],
  ['delegate:remove', { delegateId: 'abc' }],
  ['delegate:reissue', { delegateId: 'abc' }],
  ['attendance:mark', { delegateId: 'abc', status: 'present' }],
  ['attendance:mark-present', { group: null }],
  ['ballot:create', classificationBallot()],
  ['ballot:open', { ballotId }],
  ['ballot:close', { ballotId }],
  ['ballot:publish', { ballotId }],
  ['ballot:cancel', { ballotId }],
  ['ballot:revote', { ballotId }],
  ['projector:set-screen', { mode: 'blank' }],
  ['projector:show-result', { shown: false }],
];

describe('socket actions by role', () => {
  test.each(['delegate', 'projector'] as const)('a %s may do no chair action', async (role) => {
    const socket = role === 'delegate' ? delegate : projector;
    for (const [event, payload] of chairActions()) {
      const ack = await request(socket, event, payload as never);
      expect(ack, event).toMatchObject({ ok: false, error: 'FORBIDDEN' });
    }
  });

  test.each(['chair', 'projector'] as const)('a %s may not vote', async (role) => {
    const socket = role === 'chair' ? chair : projector;
    const ack = await request(socket, 'vote:cast', {
      ballotId,
      round: 1,
      voteId: randomUUID(),
      marks: { province: ['good'] },
    });
    expect(ack).toMatchObject({ ok: false, error: 'FORBIDDEN' });
  });

  test('the chair may do chair actions (an import answers with the members stored)', async () => {
    const lines = [{ line: 1, name: 'An', position: 'Unit', group: '' }];
    expect(okData(await request(chair, 'roster:import', { lines, mode: 'append' }))).toEqual({ stored: 1 });
  });

  test('every role may ask for its snapshot', async () => {
    for (const socket of [chair, delegate, projector])
      expect((await request(socket, 'sync:request', {})).ok).toBe(true);
  });
});

describe('handshake credentials', () => {
  const refusedWith = (auth: Record<string, unknown>) =>
    new Promise<string>((resolve, reject) => {
      const s = connect(h.url, {
        auth: { protocol: PROTOCOL_VERSION, ...auth },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      s.on('connect', () => {
        s.disconnect();
        reject(new Error('connected'));
      });
      s.on('connect_error', (err) => resolve((err as Error & { data?: { error: string } }).data?.error ?? err.message));
    });

  test.each([
    ['a wrong delegate token', { role: 'delegate', token: 'not-a-token' }, 'UNAUTHORIZED'],
    ['a wrong chair key', { role: 'chair', meetingId: 'x', key: 'nope' }, 'UNAUTHORIZED'],
    ['the chair key of another meeting', { role: 'chair', meetingId: 'MEETING', key: 'OTHER_CHAIR' }, 'UNAUTHORIZED'],
    ['the projector key as a chair key', { role: 'chair', meetingId: 'MEETING', key: 'PROJECTOR' }, 'UNAUTHORIZED'],
    ['the admin token as a chair key', { role: 'chair', meetingId: 'MEETING', key: ADMIN_TOKEN }, 'UNAUTHORIZED'],
    ['no role at all', {}, 'INVALID_PAYLOAD'],
  ])('%s is refused', async (_label, auth, code) => {
    const filled = JSON.parse(
      JSON.stringify(auth)
        .replace('OTHER_CHAIR', other.chairKey)
        .replace('MEETING', meeting.meetingId)
        .replace('PROJECTOR', meeting.projectorKey),
    ) as Record<string, unknown>;
    expect(await refusedWith(filled)).toBe(code);
  });

  test('a re-issued badge: the old token is refused and its phone is disconnected', async () => {
    const state = h.app.hall.meetings.get(meeting.meetingId)!;
    const d = [...state.delegates.values()][2]!;
    const oldToken = d.token;
    const phone = (await h.delegate(oldToken)).socket;
    const dropped = new Promise<void>((resolve) => phone.on('disconnect', () => resolve()));
    const { joinUrl } = okData(await request(chair, 'delegate:reissue', { delegateId: d.id }));
    await dropped;
    expect(await refusedWith({ role: 'delegate', token: oldToken })).toBe('UNAUTHORIZED');
    const newToken = joinUrl.split('/d/')[1]!;
    expect(newToken).not.toBe(oldToken);
    expect((await h.delegate(newToken)).snapshot.role).toBe('delegate');
  });

  test('one token on two phones: the newer takes over and the older is told', async () => {
    const token = h.tokens(meeting.meetingId)[1]!;
    const older = (await h.delegate(token)).socket;
    const told = new Promise<void>((resolve) => older.on('session:replaced', () => resolve()));
    const newer = (await h.delegate(token)).socket;
    await told;
    expect(newer.connected).toBe(true);
  });
});

describe('HTTP', () => {
  test('creating a meeting needs the admin token', async () => {
    const res = await fetch(`${h.url}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${meeting.chairKey}` },
      body: JSON.stringify({ title: 'T', rulePresetId: 'simple-majority' }),
    });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ ok: false, error: 'UNAUTHORIZED' });
  });

  test('the badge sheet needs this meeting chair key, and prints each join URL under its QR code', async () => {
    const get = (key: string) =>
      fetch(`${h.url}/api/meetings/${meeting.meetingId}/badges`, { headers: { authorization: `Bearer ${key}` } });
    expect((await get(other.chairKey)).status).toBe(401);
    expect((await get(meeting.projectorKey)).status).toBe(401);
    const res = await get(meeting.chairKey);
    expect(res.status).toBe(200);
    const html = await res.text();
    for (const token of h.tokens(meeting.meetingId)) expect(html).toContain(`http://hall.test:3000/d/${token}`);
    expect(html.match(/<svg/g)?.length).toBe(h.tokens(meeting.meetingId).length);
  });
});
