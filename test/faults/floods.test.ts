// Floods: everything a client can send, or make the server hold, is bounded. A badge that floods
// sync:request and stops reading; frames before any handshake (large, or announcing binary
// attachments); oversized payloads from phones and the projector; handshakes refused by the
// thousand on one connection; requests sent without an ack callback. The server is a child process
// (as `npm start` runs it), so its memory and its log are its own.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROTOCOL_VERSION, type CreateMeetingResponse } from '@hallvote/shared';
import { batchBallot } from '../support/ballots';
import { ChildServer } from '../support/child-server';
import { rosterCsv } from '../support/harness';
import { request, type Client } from '../support/request';
import { badgeTokens, connectRole, createMeetingHttp, must } from './support/hall-client';
import { RawSocket, rssMB } from './support/raw-socket';
import { sleep } from './support/random';

let server: ChildServer;
let meeting: CreateMeetingResponse;
let tokens: string[];
let chair: Client;
const raws: RawSocket[] = [];

beforeAll(async () => {
  server = await ChildServer.start({ logLevel: 'info' });
  meeting = await createMeetingHttp(server.url, server.adminToken, { rosterCsv: rosterCsv(40) });
  tokens = await badgeTokens(server.url, meeting);
  chair = (await connectRole(server.url, { role: 'chair', meetingId: meeting.meetingId, key: meeting.chairKey }))
    .socket;
});

afterAll(async () => {
  raws.forEach((r) => r.close());
  chair?.close();
  await server?.stop();
  server?.cleanup();
});

async function raw(): Promise<RawSocket> {
  const r = await RawSocket.open(server.url);
  raws.push(r);
  return r;
}

/** A raw socket past the handshake as `auth`. */
async function joined(auth: Record<string, unknown>): Promise<RawSocket> {
  const r = await raw();
  r.handshake({ protocol: PROTOCOL_VERSION, ...auth });
  await r.waitFor((m) => m.startsWith('40{'), 5000);
  return r;
}

const logLines = (pattern: RegExp) => server.stdout.split('\n').filter((l) => l.startsWith('{') && pattern.test(l));

/** The chair's answer time for a request, in ms; the chair must keep being answered. */
async function chairAnswerMs(): Promise<number> {
  const started = performance.now();
  await must(chair, 'audit:list', {});
  return performance.now() - started;
}

test('a badge flooding sync:request and reading nothing is refused at a bounded rate and cut off; memory stays put', async () => {
  const flooder = await joined({ role: 'delegate', token: tokens[0]! });
  flooder.stopReading();
  const pid = server.pid!;
  const before = rssMB(pid);
  let peak = before;
  let ackId = 1;
  const started = performance.now();
  // Up to 8 s, or until the server holds 400 MB more (on the old server it got there in seconds).
  while (!flooder.closed && performance.now() - started < 8000 && peak - before < 400) {
    for (let i = 0; i < 400; i += 1) flooder.emit('sync:request', {}, ackId++);
    await sleep(5);
    peak = Math.max(peak, rssMB(pid));
  }
  expect(flooder.closed, `cut off (the server grew by ${Math.round(peak - before)} MB)`).toBe(true);
  expect(peak - before, 'MB the server grew by').toBeLessThan(150);
  expect(await chairAnswerMs()).toBeLessThan(2000);
});

describe('payload caps', () => {
  test('before any handshake: a packet announcing binary attachments, or a large frame, closes the connection; memory stays put', async () => {
    const pid = server.pid!;
    const before = rssMB(pid);
    const sockets = await Promise.all(Array.from({ length: 6 }, () => raw()));
    const chunk = Buffer.alloc(6_000_000, 7);
    for (const [i, s] of sockets.entries()) {
      if (i % 2 === 0) {
        // "Three binary attachments follow", then 6 MB frames: the old server kept them for 45 s.
        s.sendText('4513-["vote:cast",{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}]');
        s.sendBinary(chunk);
        s.sendBinary(chunk);
      } else
        s.sendText(`40${JSON.stringify({ protocol: PROTOCOL_VERSION, role: 'delegate', token: 'x'.repeat(200_000) })}`);
    }
    await Promise.all(sockets.map((s) => s.waitClosed(3000)));
    await sleep(300);
    const grew = Math.round(rssMB(pid) - before);
    expect(
      sockets.map((s) => s.closed),
      `closed (the server grew by ${grew} MB)`,
    ).toEqual(sockets.map(() => true));
    expect(rssMB(pid) - before, 'MB the server still holds').toBeLessThan(60);
  });

  test('a phone or the projector sending a payload of 100 KB is cut off; the chair is not', async () => {
    const phone = await joined({ role: 'delegate', token: tokens[1]! });
    phone.emit(
      'vote:cast',
      { ballotId: 'b', round: 1, voteId: crypto.randomUUID(), marks: { x: ['y'.repeat(100_000)] } },
      1,
    );
    const projector = await joined({ role: 'projector', meetingId: meeting.meetingId, key: meeting.projectorKey });
    projector.emit('sync:request', { pad: 'p'.repeat(100_000) }, 1);
    expect(await phone.waitClosed(3000), 'the phone is cut off').toBe(true);
    expect(await projector.waitClosed(3000), 'the projector is cut off').toBe(true);
    // A batch ballot of 500 sub-units with long labels is about 150 KB: the chair needs that.
    const big = batchBallot(500, {
      subjects: Array.from({ length: 500 }, (_, i) => ({ id: `unit-${i}`, label: `Đơn vị ${i} ${'x'.repeat(180)}` })),
    });
    const ack = await request(chair, 'ballot:create', big);
    expect(ack.ok).toBe(true);
    expect(chair.connected).toBe(true);
  });
});

test('handshakes refused by the thousand on one connection: cut off after a few, refusals logged at a bounded rate', async () => {
  const guesser = await raw();
  for (let i = 0; i < 2000; i += 1)
    guesser.handshake({ protocol: PROTOCOL_VERSION, role: 'delegate', token: `guess-${i}-${'z'.repeat(16)}` });
  await sleep(1500);
  expect(guesser.refusals(), 'refusals answered on one connection').toBeLessThanOrEqual(20);
  expect(guesser.closed, 'the connection is closed').toBe(true);
  const lines = logLines(/handshake/i);
  expect(lines.length, 'refused handshakes are logged').toBeGreaterThanOrEqual(1);
  expect(lines.length, 'but not one line each').toBeLessThanOrEqual(5);
  // Another address is not this one's problem, and this one recovers: a real badge joins again.
  await sleep(1000);
  const { snapshot } = await connectRole(server.url, { role: 'delegate', token: tokens[2]! });
  expect(snapshot.role).toBe('delegate');
});

test('requests without an ack callback are dropped, summarised in the log, never one line each', async () => {
  const phone = await joined({ role: 'delegate', token: tokens[3]! });
  const ballot = { ballotId: 'none', round: 1, voteId: crypto.randomUUID(), marks: {} };
  for (let i = 0; i < 3000; i += 1) phone.emit('vote:cast', ballot);
  const slowest = Math.max(await chairAnswerMs(), await chairAnswerMs());
  await sleep(1000);
  const lines = logLines(/without (an )?ack/i);
  expect(lines.length, 'log lines about requests without an ack').toBeGreaterThanOrEqual(1);
  expect(lines.length).toBeLessThanOrEqual(3);
  expect(slowest).toBeLessThan(2000);
});
