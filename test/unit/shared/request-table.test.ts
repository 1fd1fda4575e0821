// The request table in shared/src/requests.ts is the one place a request is declared. These tests
// hold it to what the server did before it existed (who may send what, which rate bucket), and
// prove at the type level that its zod schemas and the domain types agree: `tsc -p test` (part of
// npm test) fails on any disagreement, so a schema can no longer drift from the type it stands for.
import { describe, expect, expectTypeOf, test } from 'vitest';
import {
  CLIENT_EVENTS,
  REQUESTS,
  isRequestEvent,
  mayRequest,
  type AckData,
  type AckFn,
  type AttendanceStatus,
  type BallotDefinition,
  type BallotKind,
  type ClientToServerEvents,
  type MyVote,
  type PaperTotals,
  type ParsedRequest,
  type RequestPayload,
  type RolesOf,
  type RosterEntry,
  type RosterLine,
  type RoundResult,
  type SocketData,
  type SocketRole,
} from '@hallvote/shared';
import type { SenderOf } from '../../../server/src/with-validation';

const ROLES: readonly SocketRole[] = ['chair', 'delegate', 'projector'];

describe('the request table', () => {
  test('every request is an imperative domain:verb, listed once in CLIENT_EVENTS', () => {
    expect(CLIENT_EVENTS).toEqual(Object.keys(REQUESTS));
    for (const event of CLIENT_EVENTS) expect(event).toMatch(/^[a-z]+:[a-z-]+$/);
  });

  test('who may send what: the chair runs the meeting, a delegate votes, anyone may resync', () => {
    const allowed = (role: SocketRole) => CLIENT_EVENTS.filter((e) => mayRequest(role, e));
    expect(allowed('delegate')).toEqual(['sync:request', 'vote:cast', 'vote:cast-split']);
    expect(allowed('projector')).toEqual(['sync:request']);
    expect(allowed('chair')).toEqual(CLIENT_EVENTS.filter((e) => e !== 'vote:cast' && e !== 'vote:cast-split'));
    for (const event of CLIENT_EVENTS) expect(ROLES.some((r) => mayRequest(r, event))).toBe(true);
  });

  test('rate classes: chair actions share the chair bucket, votes and resyncs have their own', () => {
    for (const event of CLIENT_EVENTS) {
      const { roles, rate } = REQUESTS[event];
      const expected =
        event === 'vote:cast' || event === 'vote:cast-split' ? 'vote' : event === 'sync:request' ? 'sync' : 'chair';
      expect({ event, rate }).toEqual({ event, rate: expected });
      if (rate === 'chair') expect(roles).toEqual(['chair']);
    }
  });

  test('a name the protocol does not have is not a request, whatever Object.prototype holds', () => {
    expect(isRequestEvent('vote:cast')).toBe(true);
    for (const name of ['__proto__', 'constructor', 'toString', 'vote:cast ', ''])
      expect(isRequestEvent(name)).toBe(false);
  });
});

describe('schemas and types agree (checked by tsc)', () => {
  test('what a client builds from domain types is a valid payload type', () => {
    expectTypeOf<BallotDefinition>().toExtend<RequestPayload<'ballot:create'>>();
    expectTypeOf<PaperTotals>().toExtend<RequestPayload<'paper:record-totals'>['totals']>();
    expectTypeOf<RosterEntry>().toExtend<RequestPayload<'delegate:add'>>();
    expectTypeOf<readonly RosterLine[]>().toExtend<RequestPayload<'roster:import'>['lines']>();
    // Marks in clear (open ballots) or sealed (secret ballots, shared/src/sealed-marks.ts).
    expectTypeOf<{ readonly [subjectId: string]: readonly string[] } | undefined>().toEqualTypeOf<
      RequestPayload<'vote:cast'>['marks']
    >();
    expectTypeOf<string | undefined>().toEqualTypeOf<RequestPayload<'vote:cast'>['sealed']>();
  });

  test('what a handler receives is the domain type it works with', () => {
    expectTypeOf<ParsedRequest<'delegate:add'>>().toExtend<RosterEntry>();
    expectTypeOf<ParsedRequest<'roster:import'>['lines']>().toExtend<readonly RosterLine[]>();
    expectTypeOf<ParsedRequest<'paper:record-totals'>['totals']>().toExtend<PaperTotals>();
    expectTypeOf<ParsedRequest<'attendance:mark'>['status']>().toEqualTypeOf<AttendanceStatus>();
    expectTypeOf<ParsedRequest<'ballot:create'>['kind']>().toEqualTypeOf<BallotKind>();
    // Fields with a default are always there once parsed, and may be left out by the sender.
    expectTypeOf<ParsedRequest<'ballot:create'>['allowChange']>().toEqualTypeOf<boolean>();
    expectTypeOf<RequestPayload<'ballot:create'>['allowChange']>().toEqualTypeOf<boolean | undefined>();
  });

  test('the socket.io event map and the ack types derive from the table', () => {
    expectTypeOf<Parameters<ClientToServerEvents['vote:cast']>[1]>().toEqualTypeOf<AckFn<MyVote>>();
    expectTypeOf<AckData<'paper:record-totals'>>().toEqualTypeOf<RoundResult | null>();
    expectTypeOf<AckData<'delegate:remove'>>().toEqualTypeOf<Record<string, never>>();
    expectTypeOf<RolesOf<'sync:request'>>().toEqualTypeOf<SocketRole>();
  });

  test('a handler knows its sender: a vote comes from a delegate with an id, a chair has none', () => {
    expectTypeOf<SenderOf<'vote:cast'>>().toEqualTypeOf<Extract<SocketData, { role: 'delegate' }>>();
    expectTypeOf<SenderOf<'vote:cast'>['delegateId']>().toEqualTypeOf<string>();
    expectTypeOf<SenderOf<'ballot:open'>>().not.toHaveProperty('delegateId');
    expectTypeOf<SenderOf<'sync:request'>>().toEqualTypeOf<SocketData>();
  });
});
