// Refusals are data (issue 16): every refusal the server sends, by socket, by HTTP or in a refused
// handshake, is exactly { ok: false, error, params }, with the numbers and names a view needs to
// say it in Vietnamese or English, and never a sentence. Before this, each carried an English
// `message` that the console showed to a Vietnamese hall ("No quorum: 35 present, …").
import { randomUUID } from 'node:crypto';
import { io as connect } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { PROTOCOL_VERSION, isErrorBody, type CreateMeetingResponse, type ErrorBody } from '@hallvote/shared';
import { classificationBallot, motionBallot } from '../support/ballots';
import { ADMIN_TOKEN, rosterCsv, startHarness, type Harness } from '../support/harness';
import { okData, request, requestUnchecked, type Client } from '../support/request';

let h: Harness;
let meeting: CreateMeetingResponse;
let chair: Client;

beforeEach(async () => {
  h = await startHarness();
  meeting = await h.createMeeting({ rosterCsv: rosterCsv(12) });
  chair = (await h.chair(meeting)).socket;
});

afterEach(async () => {
  await h.stop();
  h.cleanup();
});

/** A refusal as the wire carries it: its three keys and nothing else, no sentence among them. */
function expectRefusal(body: unknown, error: ErrorBody['error'], params: Record<string, unknown>): void {
  expect(isErrorBody(body)).toBe(true);
  expect(Object.keys(body as object).sort()).toEqual(['error', 'ok', 'params']);
  expect(body).toEqual({ ok: false, error, params });
}

async function phones(n: number): Promise<Client[]> {
  const tokens = h.tokens(meeting.meetingId).slice(0, n);
  return Promise.all(tokens.map(async (t) => (await h.delegate(t)).socket));
}

describe('socket requests', () => {
  test('ballot refusals carry their numbers and names', async () => {
    const [first] = await phones(9);
    const a = okData(await request(chair, 'ballot:create', motionBallot({ title: 'Nghị quyết A' })));
    const b = okData(await request(chair, 'ballot:create', motionBallot({ title: 'Nghị quyết B' })));
    okData(await request(chair, 'ballot:open', { ballotId: a.ballotId }));

    expectRefusal(await request(chair, 'ballot:open', { ballotId: b.ballotId }), 'ANOTHER_BALLOT_OPEN', {
      ballotId: a.ballotId,
      title: 'Nghị quyết A',
    });
    expectRefusal(await request(chair, 'ballot:open', { ballotId: a.ballotId }), 'CONFLICT', {
      reason: 'already-opened',
    });
    expectRefusal(await request(chair, 'ballot:publish', { ballotId: a.ballotId }), 'CONFLICT', {
      reason: 'publish-not-closed',
      state: 'open',
    });
    expectRefusal(await request(chair, 'ballot:revote', { ballotId: a.ballotId }), 'CONFLICT', {
      reason: 'revote-too-early',
      state: 'open',
    });
    const vote = { ballotId: a.ballotId, round: 1, voteId: randomUUID(), marks: { motion: ['yes', 'no'] } };
    expectRefusal(await request(first!, 'vote:cast', vote), 'INVALID_VOTE', { reason: 'one-mark', id: 'motion' });
    expectRefusal(await request(first!, 'vote:cast', { ...vote, ballotId: b.ballotId }), 'BALLOT_NOT_OPEN', {
      state: null,
    });
    expectRefusal(await request(chair, 'ballot:cancel', { ballotId: b.ballotId }), 'CONFLICT', {
      reason: 'cancel-not-open',
      state: 'draft',
    });
  });

  test('a member marked absent who votes hears NOT_PRESENT with their attendance, not a sentence', async () => {
    const [phone, other] = await phones(9);
    const { ballotId } = okData(await request(chair, 'ballot:create', motionBallot()));
    const me = okData(await request(phone!, 'sync:request', {}));
    const them = okData(await request(other!, 'sync:request', {}));
    if (me.role !== 'delegate' || them.role !== 'delegate') throw new Error('a phone gets a delegate snapshot');
    // Excused before the opening: while the round is open its roster's attendance is fixed.
    okData(await request(chair, 'attendance:mark', { delegateId: me.me.id, status: 'excused' }));
    okData(await request(chair, 'ballot:open', { ballotId }));
    expectRefusal(
      await request(chair, 'attendance:mark', { delegateId: them.me.id, status: 'absent' }),
      'ATTENDANCE_FROZEN',
      { delegateId: them.me.id, status: 'absent' },
    );
    expectRefusal(
      await request(phone!, 'vote:cast', { ballotId, round: 1, voteId: randomUUID(), marks: { motion: ['yes'] } }),
      'NOT_PRESENT',
      { attendance: 'excused' },
    );
  });

  test('a secret ballot closed early with too few ballots: returned, minimum and present', async () => {
    const [phone] = await phones(9);
    const { ballotId } = okData(await request(chair, 'ballot:create', classificationBallot()));
    okData(await request(chair, 'ballot:open', { ballotId }));
    okData(
      await request(phone!, 'vote:cast', { ballotId, round: 1, voteId: randomUUID(), marks: { province: ['good'] } }),
    );
    expectRefusal(await request(chair, 'ballot:close', { ballotId }), 'TOO_FEW_BALLOTS', {
      returned: 1,
      minimum: 10,
      present: 9,
      ended: false,
    });
  });

  test('a request the role may not send names the role and the request; a malformed one its fields', async () => {
    const [phone] = await phones(1);
    expectRefusal(await request(phone as unknown as Client, 'ballot:create', motionBallot()), 'FORBIDDEN', {
      role: 'delegate',
      request: 'ballot:create',
    });
    expectRefusal(await requestUnchecked(chair, 'ballot:fly', [{}]), 'NOT_FOUND', { what: 'request' });
    const malformed = await request(chair, 'ballot:create', { ...motionBallot(), title: '', seats: -1 });
    expect(Object.keys(malformed).sort()).toEqual(['error', 'ok', 'params']);
    if (malformed.ok || malformed.error !== 'INVALID_PAYLOAD') throw new Error('refused as INVALID_PAYLOAD');
    expect(malformed.params.issues).toContainEqual({ path: 'title', problem: 'too-small', limit: 1 });
    expect(malformed.params.issues).toContainEqual({ path: 'seats', problem: 'too-small', limit: 1 });
  });
});

describe('HTTP', () => {
  test('an unknown route, a wrong admin token, unreadable JSON and a wrong chair key', async () => {
    const post = (path: string, body: string, token = ADMIN_TOKEN) =>
      fetch(`${h.url}${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      }).then(async (res) => ({ status: res.status, body: (await res.json()) as unknown }));
    expectRefusal((await post('/api/nothing', '{}')).body, 'NOT_FOUND', { what: 'route' });
    expectRefusal((await post('/api/meetings', '{}', 'wrong')).body, 'UNAUTHORIZED', { credential: 'admin-token' });
    expectRefusal((await post('/api/meetings', '{"title":')).body, 'INVALID_PAYLOAD', {
      issues: [{ path: '', problem: 'not-json' }],
    });
    const exported = await fetch(`${h.url}/api/meetings/${meeting.meetingId}/export.json`, {
      headers: { authorization: 'Bearer wrong' },
    });
    expectRefusal(await exported.json(), 'UNAUTHORIZED', { credential: 'chair-key' });
  });
});

describe('handshakes', () => {
  /** The Error a refused handshake ends in: its message and the data socket.io carried with it. */
  const refusedWith = (auth: Record<string, unknown>) =>
    new Promise<{ message: string; data: unknown }>((resolve, reject) => {
      const socket = connect(h.url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
      socket.once('connect', () => {
        socket.close();
        reject(new Error('connected'));
      });
      socket.once('connect_error', (err: Error & { data?: unknown }) => {
        socket.close();
        resolve({ message: err.message, data: err.data });
      });
    });

  test('a wrong badge, a wrong key and an old page: the code as the message, the refusal as the data', async () => {
    const badge = await refusedWith({ protocol: PROTOCOL_VERSION, role: 'delegate', token: 'x'.repeat(22) });
    expect(badge.message).toBe('UNAUTHORIZED');
    expectRefusal(badge.data, 'UNAUTHORIZED', { credential: 'badge' });

    const key = await refusedWith({
      protocol: PROTOCOL_VERSION,
      role: 'projector',
      meetingId: meeting.meetingId,
      key: 'wrong',
    });
    expectRefusal(key.data, 'UNAUTHORIZED', { credential: 'projector-key' });

    const old = await refusedWith({
      protocol: PROTOCOL_VERSION - 1,
      role: 'chair',
      meetingId: meeting.meetingId,
      key: meeting.chairKey,
    });
    expect(old.message).toBe('PROTOCOL_MISMATCH');
    expectRefusal(old.data, 'PROTOCOL_MISMATCH', { expected: PROTOCOL_VERSION });
  });
});
