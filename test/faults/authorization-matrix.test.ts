// Every role × every action, socket and HTTP: only the allowed cells succeed. A row tries the
// refused roles first, checks that meeting M is exactly as before, then the allowed role, which
// must succeed with the very same payload (so a refusal can only have come from the role).
// Legend: ok = succeeds on M; own = succeeds, but on the caller's own meeting B (M unchanged);
// any other value = the error code of the refusal (at the handshake for none, revoked and admin).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLIENT_EVENTS, PROTOCOL_VERSION, type CreateMeetingResponse, type RequestEvent } from '@hallvote/shared';
import { classificationBallot } from '../support/ballots';
import { ADMIN_TOKEN, rosterCsv, startHarness, type Harness } from '../support/harness';
import { okData, request, type Client } from '../support/request';
import { handshakeResult } from './support/hall-client';

const ROLES = ['none', 'revoked', 'admin', 'delegate', 'projector', 'other-chair', 'chair'] as const;
type Role = (typeof ROLES)[number];
/** 'ok': allowed; 'own': allowed on the caller's own meeting only; otherwise the expected error code. */
type Cell = string;

let h: Harness;
let m: CreateMeetingResponse;
let b: CreateMeetingResponse;
const sockets: Partial<Record<Role, Client>> = {};
let revokedToken = '';
let ids: string[] = [];
let ballotId = '';

beforeAll(async () => {
  h = await startHarness();
  m = await h.createMeeting({ title: 'M', rosterCsv: rosterCsv(6) });
  b = await h.createMeeting({ title: 'B', rosterCsv: rosterCsv(3) });
  sockets.chair = (await h.chair(m)).socket;
  sockets.projector = (await h.projector(m)).socket;
  sockets['other-chair'] = (await h.chair(b)).socket;
  const tokens = h.tokens(m.meetingId);
  sockets.delegate = (await h.delegate(tokens[0]!)).socket;
  const state = h.app.hall.meetings.get(m.meetingId)!;
  ids = [...state.delegates.values()].sort((x, y) => x.ordinal - y.ordinal).map((d) => d.id);
  revokedToken = tokens[1]!;
  okData(await request(sockets.chair, 'delegate:reissue', { delegateId: ids[1]! }));
});

afterAll(async () => {
  await h.stop();
  h.cleanup();
});

const snapshotOf = (meeting: 'm' | 'b') => h.chairView((meeting === 'm' ? m : b).meetingId);

const HANDSHAKE: Partial<Record<Role, () => Record<string, unknown>>> = {
  none: () => ({}),
  revoked: () => ({ protocol: PROTOCOL_VERSION, role: 'delegate', token: revokedToken }),
  admin: () => ({ protocol: PROTOCOL_VERSION, role: 'chair', meetingId: m.meetingId, key: ADMIN_TOKEN }),
};

/** What one role gets for one request: ok/own, the refusal code, or the handshake refusal. */
async function attempt(role: Role, event: RequestEvent, payload: unknown): Promise<Cell> {
  const handshake = HANDSHAKE[role];
  if (handshake) return handshakeResult(h.url, handshake());
  const ack = await request(sockets[role]!, event, payload as never);
  if (!ack.ok) return ack.error;
  return role === 'other-chair' ? 'own' : 'ok';
}

interface SocketRow {
  readonly event: RequestEvent;
  /** Builds the payload, preparing what the allowed role needs (run once per row). */
  readonly payload: () => unknown;
  readonly expected: Readonly<Record<Role, Cell>>;
}

const refusedAtHandshake = { none: 'INVALID_PAYLOAD', revoked: 'UNAUTHORIZED', admin: 'UNAUTHORIZED' } as const;
const chairOnly = (otherChair: Cell) =>
  ({
    ...refusedAtHandshake,
    delegate: 'FORBIDDEN',
    projector: 'FORBIDDEN',
    'other-chair': otherChair,
    chair: 'ok',
  }) as const;

// In the order a meeting lives them: roster work first, then one ballot from open to cancel.
const SOCKET_ROWS: readonly SocketRow[] = [
  {
    event: 'sync:request',
    payload: () => ({}),
    expected: { ...refusedAtHandshake, delegate: 'ok', projector: 'ok', 'other-chair': 'own', chair: 'ok' },
  },
  { event: 'audit:list', payload: () => ({}), expected: chairOnly('own') },
  {
    event: 'roster:import',
    payload: () => ({ lines: [{ line: 1, name: 'Matrix Import', position: 'Unit', group: '' }], mode: 'append' }),
    expected: chairOnly('own'),
  },
  {
    event: 'delegate:add',
    payload: () => ({ name: 'Matrix Added', position: '', group: '' }),
    expected: chairOnly('own'),
  },
  {
    event: 'delegate:update',
    payload: () => ({ delegateId: ids[2], position: 'Updated' }),
    expected: chairOnly('NOT_FOUND'),
  },
  {
    event: 'delegate:remove',
    payload: async () => ({
      delegateId: okData(await request(sockets.chair!, 'delegate:add', { name: 'To Remove', position: '', group: '' }))
        .delegateId,
    }),
    expected: chairOnly('NOT_FOUND'),
  },
  { event: 'delegate:reissue', payload: () => ({ delegateId: ids[3] }), expected: chairOnly('NOT_FOUND') },
  {
    event: 'attendance:mark',
    payload: () => ({ delegateId: ids[4], status: 'present' }),
    expected: chairOnly('NOT_FOUND'),
  },
  { event: 'attendance:mark-present', payload: () => ({ group: 'A' }), expected: chairOnly('own') },
  // The matrix's meeting takes no proxies (vn-party-classification): the chair is refused by its rules.
  {
    event: 'proxy:grant',
    payload: () => ({ grantorId: ids[0], holderId: ids[1] }),
    expected: { ...chairOnly('NOT_FOUND'), chair: 'PROXIES_NOT_ALLOWED' },
  },
  {
    event: 'proxy:revoke',
    payload: () => ({ proxyId: 'no-such-proxy' }),
    expected: { ...chairOnly('NOT_FOUND'), chair: 'NOT_FOUND' },
  },
  { event: 'ballot:create', payload: () => classificationBallot(), expected: chairOnly('own') },
  {
    event: 'ballot:open',
    payload: async () => {
      const everyone = [...h.app.hall.meetings.get(m.meetingId)!.delegates.keys()];
      for (const delegateId of everyone)
        okData(await request(sockets.chair!, 'attendance:mark', { delegateId, status: 'present' }));
      // Closed by the matrix after one vote: no early-close minimum (attack-secret-unmasking.test.ts).
      const definition = classificationBallot({ earlyCloseMinimum: 0 });
      ballotId = okData(await request(sockets.chair!, 'ballot:create', definition)).ballotId;
      return { ballotId };
    },
    expected: chairOnly('NOT_FOUND'),
  },
  {
    event: 'vote:cast',
    payload: () => ({ ballotId, round: 1, voteId: randomUUID(), marks: { province: ['good'] } }),
    expected: {
      ...refusedAtHandshake,
      delegate: 'ok',
      projector: 'FORBIDDEN',
      'other-chair': 'FORBIDDEN',
      chair: 'FORBIDDEN',
    },
  },
  {
    event: 'vote:cast-split',
    payload: () => ({
      ballotId,
      round: 1,
      voteId: randomUUID(),
      members: [ids[0], ids[1]],
      rows: { province: { good: 2 } },
    }),
    // A delegate may send it; these rules split nothing.
    expected: {
      ...refusedAtHandshake,
      delegate: 'SPLIT_NOT_ALLOWED',
      projector: 'FORBIDDEN',
      'other-chair': 'FORBIDDEN',
      chair: 'FORBIDDEN',
    },
  },
  {
    event: 'paper:mark-voted',
    payload: () => ({ ballotId, delegateId: ids[5] }),
    expected: chairOnly('BALLOT_NOT_OPEN'),
  },
  {
    event: 'paper:record-totals',
    payload: () => ({
      ballotId,
      round: 1,
      totals: { returned: 1, invalid: [], subjects: { province: { counts: { good: 1 }, empty: 0 } } },
    }),
    expected: chairOnly('NOT_FOUND'),
  },
  { event: 'ballot:close', payload: () => ({ ballotId }), expected: chairOnly('NOT_FOUND') },
  { event: 'ballot:publish', payload: () => ({ ballotId }), expected: chairOnly('NOT_FOUND') },
  { event: 'ballot:revote', payload: () => ({ ballotId }), expected: chairOnly('NOT_FOUND') },
  { event: 'ballot:cancel', payload: () => ({ ballotId }), expected: chairOnly('NOT_FOUND') },
  {
    event: 'ballot:create-follow-up',
    payload: () => ({ ballotId, round: 1, optionId: 'low-confidence', bandId: 'may-resign', title: 'Follow-up' }),
    // The chair's own ballot (its re-vote dropped above) calls for no follow-up, but the chair may ask.
    expected: { ...chairOnly('NOT_FOUND'), chair: 'CONFLICT' },
  },
  {
    event: 'projector:set-screen',
    payload: () => ({ mode: 'slide', slideText: 'Nghỉ giải lao' }),
    expected: chairOnly('own'),
  },
  { event: 'projector:show-result', payload: () => ({ shown: false }), expected: chairOnly('own') },
];

describe('socket: role × request', () => {
  test('the table has a row for every request of the protocol', () => {
    expect(SOCKET_ROWS.map((r) => r.event).sort()).toEqual([...CLIENT_EVENTS].sort());
  });

  test.each(SOCKET_ROWS.map((r) => [r.event, r] as const))('%s', async (_event, row) => {
    const payload = await row.payload();
    const allowed = ROLES.filter((r) => row.expected[r] === 'ok');
    const before = snapshotOf('m');
    const got: Partial<Record<Role, Cell>> = {};
    for (const role of ROLES.filter((r) => !allowed.includes(r))) got[role] = await attempt(role, row.event, payload);
    // sync:request and the ack are all a refused role gets: M is exactly as it was.
    expect(snapshotOf('m')).toEqual(before);
    for (const role of allowed) got[role] = await attempt(role, row.event, payload);
    expect(got).toEqual(row.expected);
  });
});

type HttpRole = Role;
interface HttpRow {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly path: () => string;
  readonly expected: Readonly<Record<HttpRole, number>>;
}

const everyone = (status: number) => Object.fromEntries(ROLES.map((r) => [r, status])) as Record<HttpRole, number>;
const chairRoute = { ...everyone(401), chair: 200 };

const HTTP_ROWS: readonly HttpRow[] = [
  {
    name: 'POST /api/meetings',
    method: 'POST',
    path: () => '/api/meetings',
    expected: { ...everyone(401), admin: 201 },
  },
  { name: 'GET /api/presets', method: 'GET', path: () => '/api/presets', expected: everyone(200) },
  { name: 'GET /healthz', method: 'GET', path: () => '/healthz', expected: everyone(200) },
  { name: 'GET badges', method: 'GET', path: () => `/api/meetings/${m.meetingId}/badges`, expected: chairRoute },
  {
    name: 'GET one badge',
    method: 'GET',
    path: () => `/api/meetings/${m.meetingId}/badges/${ids[0]}`,
    expected: chairRoute,
  },
  { name: 'GET /j', method: 'GET', path: () => '/j', expected: everyone(200) },
  {
    name: 'GET export.json',
    method: 'GET',
    path: () => `/api/meetings/${m.meetingId}/export.json`,
    expected: chairRoute,
  },
  {
    name: 'GET round json',
    method: 'GET',
    path: () => `/api/meetings/${m.meetingId}/rounds/${ballotId}/1.json`,
    expected: chairRoute,
  },
  {
    name: 'GET round csv',
    method: 'GET',
    path: () => `/api/meetings/${m.meetingId}/rounds/${ballotId}/1.csv`,
    expected: chairRoute,
  },
  {
    name: 'GET attendance.csv',
    method: 'GET',
    path: () => `/api/meetings/${m.meetingId}/attendance.csv`,
    expected: chairRoute,
  },
  {
    name: 'GET attendance.json',
    method: 'GET',
    path: () => `/api/meetings/${m.meetingId}/attendance.json`,
    expected: chairRoute,
  },
];

const bearerOf = (role: HttpRole): string | null =>
  ({
    none: null,
    revoked: revokedToken,
    admin: ADMIN_TOKEN,
    delegate: h.tokens(m.meetingId)[0] ?? '',
    projector: m.projectorKey,
    'other-chair': b.chairKey,
    chair: m.chairKey,
  })[role];

describe('HTTP: role × route', () => {
  test.each(HTTP_ROWS.map((r) => [r.name, r] as const))('%s', async (_name, row) => {
    const meetings = h.app.hall.meetings.size;
    const before = snapshotOf('m');
    const got: Partial<Record<HttpRole, number>> = {};
    for (const role of ROLES) {
      const bearer = bearerOf(role);
      const res = await fetch(`${h.url}${row.path()}`, {
        method: row.method,
        headers: {
          'content-type': 'application/json',
          ...(bearer !== null ? { authorization: `Bearer ${bearer}` } : {}),
        },
        ...(row.method === 'POST'
          ? { body: JSON.stringify({ title: `By ${role}`, rulePresetId: 'simple-majority' }) }
          : {}),
      });
      got[role] = res.status;
      if (res.status >= 400)
        expect(await res.json(), `${row.name} as ${role}`).toMatchObject({ ok: false, error: 'UNAUTHORIZED' });
      else await res.arrayBuffer();
    }
    expect(got).toEqual(row.expected);
    expect(h.app.hall.meetings.size).toBe(meetings + Object.values(row.expected).filter((s) => s === 201).length);
    expect(snapshotOf('m')).toEqual(before);
  });
});
