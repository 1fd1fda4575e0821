// Limits: the socket payload cap, per-socket rate limits on votes and on chair actions, and one
// badge on two phones (the newer takes over, the older is told, never two votes).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ChairSnapshot, CreateMeetingResponse } from '@hallvote/shared';
import { MAX_ROSTER } from '@hallvote/shared';
import { classificationBallot } from '../support/ballots';
import { ADMIN_TOKEN, rosterCsv, startHarness, type Harness } from '../support/harness';
import { okData, request, type Client } from '../support/request';
import { Phone } from './support/phone';
import { sleep, waitFor } from './support/random';

/** server/src/app.ts: the largest socket message the server reads. */
const MAX_SOCKET_PAYLOAD = 8_000_000;

let h: Harness;
let meeting: CreateMeetingResponse;
let chair: Client;
let ballotId: string;

beforeAll(async () => {
  h = await startHarness();
  meeting = await h.createMeeting({ rosterCsv: rosterCsv(60) });
  chair = (await h.chair(meeting)).socket;
  // 45 of 60 check in with their phones: quorum (40) with room to spare.
  for (const token of h.tokens(meeting.meetingId).slice(0, 45)) await h.delegate(token);
  ballotId = okData(await request(chair, 'ballot:create', classificationBallot())).ballotId;
  okData(await request(chair, 'ballot:open', { ballotId }));
});

afterAll(async () => {
  await h.stop();
  h.cleanup();
});

const state = () => h.app.hall.meetings.get(meeting.meetingId)!;
const view = async () => ({ ...(okData(await request(chair, 'sync:request', {})) as ChairSnapshot), seq: 0 });
const idOf = (token: string) => [...state().delegates.values()].find((d) => d.token === token)!.id;

describe('payload size', () => {
  test.each([
    [
      'a delegate',
      'vote:cast',
      (big: string) => ({ ballotId, round: 1, voteId: randomUUID(), marks: { province: [big] } }),
    ],
    [
      'the chair',
      'roster:import',
      (big: string) => ({ lines: [{ line: 1, name: big, position: '', group: '' }], mode: 'append' }),
    ],
  ] as const)(
    '%s sending more than the cap is cut off; nothing changes; the server and others carry on',
    async (who, event, payload) => {
      const token = h.tokens(meeting.meetingId)[0]!;
      const socket = who === 'the chair' ? (await h.chair(meeting)).socket : (await h.delegate(token)).socket;
      const before = await view();
      const closed = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));
      // The cut-off socket drops its pending ack too: that is "no answer", not an answer.
      const answered = request(socket, event, payload('x'.repeat(MAX_SOCKET_PAYLOAD + 1000)) as never).then(
        () => 'answered',
        () => 'no answer',
      );
      expect(await Promise.race([closed, answered])).toMatch(/transport (close|error)/);
      expect((await fetch(`${h.url}/healthz`)).status).toBe(200);
      expect(chair.connected).toBe(true);
      expect(await view()).toEqual({
        ...before,
        delegates: before.delegates.map((d) => ({ ...d, connected: expect.any(Boolean) as unknown })),
      });
      // Not a ban: the same credential connects again.
      expect((who === 'the chair' ? await h.chair(meeting) : await h.delegate(token)).snapshot.meeting.id).toBe(
        meeting.meetingId,
      );
    },
  );

  test('under the socket cap but over the most roster lines: refused by the schema, nothing imported', async () => {
    const before = await view();
    const ack = await request(chair, 'roster:import', {
      lines: Array.from({ length: MAX_ROSTER + 1 }, (_, i) => ({
        line: i + 1,
        name: `M ${i}`,
        position: '',
        group: '',
      })),
      mode: 'append',
    });
    expect(ack).toMatchObject({ ok: false, error: 'INVALID_PAYLOAD', params: { issues: [{ path: 'lines' }] } });
    expect(await view()).toEqual(before);
  });

  test('an HTTP body over the cap: 413 with a typed error, no meeting', async () => {
    const meetings = h.app.hall.meetings.size;
    const res = await fetch(`${h.url}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({
        title: 'Big',
        rulePresetId: 'simple-majority',
        roster: [{ line: 1, name: 'x'.repeat(MAX_SOCKET_PAYLOAD), position: '', group: '' }],
      }),
    });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ ok: false, error: 'INVALID_PAYLOAD' });
    expect(h.app.hall.meetings.size).toBe(meetings);
  });
});

describe('rate limits, per socket', () => {
  test('a phone hammering vote:cast is slowed down, still has exactly one vote, and recovers', async () => {
    const token = h.tokens(meeting.meetingId)[1]!;
    const phone = (await h.delegate(token)).socket;
    const vote = { ballotId, round: 1, voteId: randomUUID(), marks: { province: ['good'] } };
    const acks = await Promise.all(Array.from({ length: 40 }, () => request(phone, 'vote:cast', vote)));
    const limited = acks.filter((a) => !a.ok && a.error === 'RATE_LIMITED').length;
    expect(limited).toBeGreaterThanOrEqual(25);
    expect(acks.filter((a) => a.ok).length + limited).toBe(40);
    expect(state().votersOf(ballotId, 1).get(idOf(token))?.voteId).toBe(vote.voteId);
    await sleep(1500);
    expect((await request(phone, 'vote:cast', vote)).ok).toBe(true);
  });

  test('a chair socket hammering actions is slowed down; what got through is exactly what was audited; another chair socket is not', async () => {
    const fast = (await h.chair(meeting)).socket;
    const other = (await h.chair(meeting)).socket;
    // Delegate 60 has no phone: absent until this test marks them.
    const d = [...state().delegates.values()].sort((a, b) => a.ordinal - b.ordinal)[59]!;
    expect(d.attendance).toBe('absent');
    const auditBefore = okData(await request(other, 'audit:list', {})).length;
    const statuses = ['excused', 'present'] as const;
    const acks = [];
    for (let i = 0; i < 120; i += 1)
      acks.push(request(fast, 'attendance:mark', { delegateId: d.id, status: statuses[i % 2]! }));
    const replies = await Promise.all(acks);
    const limited = replies.filter((a) => !a.ok && a.error === 'RATE_LIMITED').length;
    const passed = replies.filter((a) => a.ok).length;
    // A ballot is open: excusing is refused until it closes (only a latecomer becomes present).
    const frozen = replies.filter((a) => !a.ok && a.error === 'ATTENDANCE_FROZEN').length;
    expect(limited).toBeGreaterThanOrEqual(60);
    expect(passed + limited + frozen).toBe(120);
    // The other chair socket is not limited by its neighbour.
    expect((await request(other, 'attendance:mark', { delegateId: d.id, status: 'present' })).ok).toBe(true);
    // Requests of one socket are handled in order: replay the accepted ones. Each that changed
    // the attendance wrote one audit entry; a refused one wrote nothing.
    let current: string = 'absent';
    let changes = 0;
    replies.forEach((reply, i) => {
      const status = statuses[i % 2]!;
      if (reply.ok && status !== current) [current, changes] = [status, changes + 1];
    });
    if (current !== 'present') changes += 1;
    const audit = okData(await request(other, 'audit:list', {}));
    expect(audit.length - auditBefore).toBe(changes);
  });
});

describe('one badge on two phones', () => {
  test.each(Array.from({ length: 12 }, (_, i) => [i + 10]))(
    'delegate %i: the newer phone takes over, the older is told and stays out, one vote stored',
    async (index) => {
      const token = h.tokens(meeting.meetingId)[index]!;
      const older = new Phone(h.url, token);
      await older.ready();
      // Both confirm a vote at once, the older in the very moment the newer one connects.
      older.cast({ ballotId, round: 1, voteId: randomUUID(), marks: { province: ['good'] } });
      const newer = new Phone(h.url, token);
      await newer.ready();
      newer.cast({ ballotId, round: 1, voteId: randomUUID(), marks: { province: ['excellent'] } });
      await waitFor(
        () => older.replaced && !older.socket.connected && newer.votes[0]!.fate.state !== 'pending',
        10_000,
        'the takeover',
      );
      await sleep(300);
      // The older phone does not fight back (no reconnection after the server closed it).
      expect(older.socket.connected).toBe(false);
      expect(newer.socket.connected).toBe(true);
      const stored = state().votersOf(ballotId, 1).get(idOf(token));
      expect(stored).toBeDefined();
      const ids = [older.votes[0]!.payload.voteId, newer.votes[0]!.payload.voteId];
      expect(ids).toContain(stored!.voteId);
      const mine = newer.votes[0]!.fate;
      if (stored!.voteId === ids[1]) expect(mine.state).toBe('acked');
      else expect(mine).toMatchObject({ state: 'failed', error: 'ALREADY_VOTED' });
      expect((await view()).delegates.find((d) => d.id === idOf(token))?.connected).toBe(true);
      older.close();
      newer.close();
    },
  );
});
