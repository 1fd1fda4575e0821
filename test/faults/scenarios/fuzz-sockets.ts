// Socket fuzzing: hostile payloads for every client event, as every role, plus raw malformed
// packets. Each case must get a typed answer (or be ignored, or close only its own connection);
// the server must stay up; a refused case must leave both meetings exactly as they were; nothing
// may reach Object.prototype; and the server must log no unexpected error.
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { CLIENT_EVENTS, ERROR_CODES, isErrorBody } from '@hallvote/shared';
import { classificationBallot } from '../../support/ballots';
import { NoAck, requestUnchecked, type Client } from '../../support/request';
import { ACTORS, FuzzHall, type Actor } from '../support/fuzz-hall';
import { applyMutation, hostileValue, mutation, type HostileLimits, type Mutation } from '../support/hostile';
import { sleep } from '../support/random';

export interface FuzzOptions {
  readonly numRuns: number;
  readonly seed: number;
  readonly limits: HostileLimits;
}

export interface FuzzFigures {
  readonly cases: number;
  readonly answered: Record<string, number>;
  readonly ignored: number;
  readonly closedByServer: number;
}

/** Request names the protocol does not have, some of them dangerous on an EventEmitter. */
const UNKNOWN_EVENTS = [
  'error',
  '__proto__',
  'constructor',
  'hasOwnProperty',
  'toString',
  '',
  'VOTE:CAST',
  'vote:cast ',
  'admin:create',
];

const RAW_PACKETS = [
  '2',
  '2[',
  '2{}',
  '2[]',
  '2[1]',
  '2[null]',
  '2["error"]',
  '2["disconnect"]',
  '2["__proto__",{}]',
  '21["constructor"]',
  '3',
  '31[]',
  '9',
  '0',
  '1',
  '0/admin,',
  '2/admin,["ballot:close",{}]',
  '4"oops"',
  '51-["vote:cast",{"_placeholder":true,"num":0}]',
  `2${'['.repeat(5000)}`,
];

type Body = { readonly op: 'valid' } | { readonly op: 'hostile'; readonly value: unknown } | Mutation;

interface Case {
  readonly actor: Actor;
  readonly delegate: number;
  readonly event: string;
  readonly body: Body;
  readonly shape: 'ack' | 'no-payload' | 'extra-args' | 'no-ack';
  readonly raw: string | null;
  readonly voteId: string;
}

export function socketCase(limits: HostileLimits): fc.Arbitrary<Case> {
  return fc.record({
    actor: fc.constantFrom(...ACTORS),
    delegate: fc.nat({ max: 5 }),
    event: fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom<string>(...CLIENT_EVENTS) },
      // Votes are what a hostile phone sends most; give them the weight of several events.
      { weight: 3, arbitrary: fc.constant('vote:cast') },
      { weight: 1, arbitrary: fc.constantFrom(...UNKNOWN_EVENTS) },
    ),
    body: fc.oneof(
      { weight: 5, arbitrary: mutation(limits) },
      { weight: 3, arbitrary: hostileValue(limits).map((value) => ({ op: 'hostile' as const, value })) },
      { weight: 1, arbitrary: fc.constant({ op: 'valid' as const }) },
    ),
    shape: fc.constantFrom('ack', 'ack', 'ack', 'ack', 'ack', 'ack', 'no-payload', 'extra-args', 'no-ack'),
    // One case in eight is a raw engine.io message instead of an event.
    raw: fc.oneof(
      { weight: 7, arbitrary: fc.constant(null) },
      {
        weight: 1,
        arbitrary: fc.oneof(
          fc.constantFrom(...RAW_PACKETS),
          fc.string({ unit: 'binary', maxLength: 60 }),
          hostileValue(limits).map((v) => `2${JSON.stringify(['vote:cast', v]) ?? ''}`),
        ),
      },
    ),
    voteId: fc.uuid({ version: 4 }),
  });
}

/** A payload the actor could legitimately send for `event` right now. */
function validPayload(f: FuzzHall, c: Case): unknown {
  const meeting = c.actor === 'chair-m2' ? 'm2' : 'm1';
  const state = f.h.app.hall.meetings.get(meeting === 'm1' ? f.m1.meetingId : f.m2.meetingId);
  const target = f.targets(meeting)[0] ?? 'nobody';
  const ballotId = meeting === 'm1' ? f.ballotId : ([...(state?.ballots.keys() ?? [])].at(-1) ?? 'none');
  const round = meeting === 'm1' ? f.round : 1;
  switch (c.event) {
    case 'roster:import':
      return {
        lines: [
          { line: 1, name: 'Lê Văn Cường', position: 'Ủy viên', group: 'C' },
          { line: 2, name: 'Phạm Thị Dung', position: 'Ủy viên', group: 'C' },
        ],
        mode: 'append',
      };
    case 'delegate:add':
      return { name: 'Hoàng Văn Em', position: 'Ủy viên', group: 'C' };
    case 'delegate:update':
      return { delegateId: target, name: 'Renamed' };
    case 'delegate:remove':
    case 'delegate:reissue':
      return { delegateId: target };
    case 'attendance:mark':
      return { delegateId: target, status: 'present' };
    case 'attendance:mark-present':
      return { group: null };
    case 'projector:set-screen':
      return { mode: 'slide', slideText: 'Nghỉ giải lao' };
    case 'projector:show-result':
      return { shown: true };
    case 'ballot:create':
      return classificationBallot();
    case 'ballot:publish':
      return { ballotId, acknowledgement: 'Đã xem xét.' };
    case 'paper:mark-voted':
      return { ballotId, delegateId: target };
    case 'paper:record-totals':
      return {
        ballotId,
        round,
        totals: { returned: 0, invalid: [], subjects: { province: { counts: { good: 0 }, empty: 0 } } },
      };
    case 'vote:cast':
      return { ballotId, round, voteId: c.voteId, marks: { province: ['good'] } };
    case 'ballot:create-follow-up':
      return { ballotId, round, optionId: 'low-confidence', bandId: 'may-resign', title: 'Bỏ phiếu tín nhiệm' };
    case 'ballot:open':
    case 'ballot:close':
    case 'ballot:cancel':
    case 'ballot:revote':
      return { ballotId };
    default:
      return {};
  }
}

function payloadOf(f: FuzzHall, c: Case): unknown {
  if (c.body.op === 'valid') return validPayload(f, c);
  if (c.body.op === 'hostile') return c.body.value;
  return applyMutation(validPayload(f, c), c.body);
}

type Outcome = { kind: 'answered'; reply: unknown } | { kind: 'ignored' } | { kind: 'closed' };

function send(socket: Client, c: Case, payload: unknown): Promise<Outcome> {
  if (c.raw !== null || c.shape === 'no-ack') {
    if (c.raw !== null) socket.io.engine.write(c.raw);
    else (socket.emit as (e: string, ...a: unknown[]) => void)(c.event, payload);
    return sleep(20).then(() => (socket.connected ? { kind: 'ignored' } : { kind: 'closed' }));
  }
  const args = c.shape === 'no-payload' ? [] : c.shape === 'extra-args' ? [payload, payload] : [payload];
  return requestUnchecked(socket, c.event, args).then(
    (reply): Outcome => ({ kind: 'answered', reply }),
    (error: unknown): Outcome => {
      if (!(error instanceof NoAck)) throw error;
      return socket.connected ? { kind: 'answered', reply: { noAnswer: error.message } } : { kind: 'closed' };
    },
  );
}

/** A successful ack, or a refusal whose error is one of ERROR_CODES (never INTERNAL). */
export function assertTyped(reply: unknown, what: string): { ok: boolean; error?: string } {
  assert.ok(reply && typeof reply === 'object', `${what}: an answer object, got ${JSON.stringify(reply)}`);
  const r = reply as { ok?: unknown; data?: unknown; error?: unknown; params?: unknown };
  if (r.ok === true) {
    assert.ok('data' in r, `${what}: ok without data`);
    return { ok: true };
  }
  assert.equal(r.ok, false, `${what}: neither ok nor a refusal: ${JSON.stringify(reply).slice(0, 300)}`);
  assert.ok((ERROR_CODES as readonly unknown[]).includes(r.error), `${what}: untyped error ${String(r.error)}`);
  assert.ok(isErrorBody(reply), `${what}: a refusal is a code with parameters`);
  assert.ok(!('message' in r), `${what}: no sentence crosses the wire`);
  assert.notEqual(r.error, 'INTERNAL', `${what}: an unexpected exception on the server`);
  return { ok: false, error: String(r.error) };
}

const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join();

export function assertNoPollution(what: string): void {
  assert.equal(
    Object.getOwnPropertyNames(Object.prototype).sort().join(),
    PROTO_KEYS,
    `${what}: Object.prototype changed`,
  );
  assert.equal(({} as Record<string, unknown>).polluted, undefined, `${what}: Object.prototype polluted`);
}

export async function runSocketFuzz(options: FuzzOptions, f?: FuzzHall): Promise<FuzzFigures> {
  const hall = f ?? (await FuzzHall.start());
  const answered: Record<string, number> = {};
  let cases = 0;
  let ignored = 0;
  let closedByServer = 0;
  try {
    await fc.assert(
      fc.asyncProperty(socketCase(options.limits), async (c) => {
        cases += 1;
        const what = `${c.actor} ${c.raw !== null ? `raw ${JSON.stringify(c.raw.slice(0, 60))}` : `${c.event} (${c.body.op}, ${c.shape})`}`;
        if (c.event === 'vote:cast' && c.actor === 'delegate' && c.raw === null) await hall.ensureVotable(c.delegate);
        const socket = await hall.actor(c.actor, c.delegate);
        const before = await hall.state();
        const outcome = await send(socket, c, c.raw === null ? payloadOf(hall, c) : null);
        assertNoPollution(what);
        let refused = true;
        if (outcome.kind === 'answered') {
          const typed = assertTyped(outcome.reply, what);
          refused = !typed.ok;
          const key = typed.ok ? `ok ${c.event}` : String(typed.error);
          answered[key] = (answered[key] ?? 0) + 1;
          if (typed.error === 'RATE_LIMITED') hall.rotate(c.actor, c.delegate);
        } else if (outcome.kind === 'ignored') ignored += 1;
        else closedByServer += 1;
        if (refused) assert.equal(await hall.state(), before, `${what}: refused, yet the state changed`);
        if (cases % 50 === 0) {
          const health = await fetch(`${hall.h.url}/healthz`);
          assert.equal(health.status, 200, 'the server still answers /healthz');
        }
      }),
      { numRuns: options.numRuns, seed: options.seed, endOnFailure: true },
    );
    assert.equal((await fetch(`${hall.h.url}/healthz`)).status, 200, 'the server still answers /healthz');
    assert.deepEqual(hall.errorsLogged(), [], 'no unexpected error was logged');
    return { cases, answered, ignored, closedByServer };
  } finally {
    if (!f) await hall.stop();
  }
}
