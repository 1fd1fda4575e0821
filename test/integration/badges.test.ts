// Badges (issue 15): a re-issued badge tells the old phone before closing it; one badge printed on
// its own; every badge carries the meeting's title, a line of instructions in both languages and a
// short join code, typed at /j where the phone has no camera. Wrong codes are limited per address
// and for the whole server, so guessing one is hopeless.
import { request as httpRequest } from 'node:http';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { ChairSnapshot, CreateMeetingResponse } from '@hallvote/shared';
import { JOIN_GUESSES } from '../../server/src/features/badges/join-code-limit';
import { nextEvent, rosterCsv, startHarness, type Harness } from '../support/harness';
import { okData, request, type Client } from '../support/request';

let h: Harness;
let meeting: CreateMeetingResponse;
let chair: Client;
let now: Date;

beforeEach(async () => {
  now = new Date('2026-11-25T09:00:00Z');
  h = await startHarness(undefined, { clock: { now: () => now } });
  meeting = await h.createMeeting({ title: 'Hội nghị <Ban Chấp hành> 2026', rosterCsv: rosterCsv(3) });
  chair = (await h.chair(meeting)).socket;
});

afterEach(async () => {
  await h.stop();
  h.cleanup();
});

const delegates = async () => (okData(await request(chair, 'sync:request', {})) as ChairSnapshot).delegates;
const auth = () => ({ authorization: `Bearer ${meeting.chairKey}` });

/** The 8-character code on a badge, as printed (XXXX-XXXX). */
const codeOn = (html: string) => /class="code">([2-9A-Z]{4}-[2-9A-Z]{4})</.exec(html)?.[1];

test('re-issue: the old phone is told why and closed; its token stops working; the new one works', async () => {
  const [first] = await delegates();
  const oldToken = h.tokens(meeting.meetingId)[0]!;
  const { socket: oldPhone } = await h.delegate(oldToken);
  const told = nextEvent(oldPhone, 'session:revoked');
  const closed = new Promise<void>((resolve) => oldPhone.on('disconnect', () => resolve()));
  const { joinUrl } = okData(await request(chair, 'delegate:reissue', { delegateId: first!.id }));
  expect((await told)[0]).toEqual({ reason: 'reissued' });
  await closed;
  await expect(h.delegate(oldToken)).rejects.toThrow();
  const newToken = joinUrl.split('/d/')[1]!;
  expect(newToken).not.toBe(oldToken);
  expect((await h.delegate(newToken)).snapshot).toMatchObject({ role: 'delegate', me: { id: first!.id } });
});

test('a removed member’s phone is told too', async () => {
  const [first] = await delegates();
  const { socket: phone } = await h.delegate(h.tokens(meeting.meetingId)[0]!);
  const told = nextEvent(phone, 'session:revoked');
  okData(await request(chair, 'delegate:remove', { delegateId: first!.id }));
  expect((await told)[0]).toEqual({ reason: 'removed' });
});

describe('badge sheets', () => {
  test('every badge: the title (escaped), the instructions in both languages, the code and the short URL', async () => {
    const res = await fetch(`${h.url}/api/meetings/${meeting.meetingId}/badges`, { headers: auth() });
    const html = await res.text();
    const badges = html.split('<section class="badge">').slice(1);
    expect(badges).toHaveLength(3);
    for (const badge of badges) {
      expect(badge).toContain('Hội nghị &lt;Ban Chấp hành&gt; 2026');
      expect(badge).toContain('Quét mã QR');
      expect(badge).toContain('Scan the QR code');
      expect(badge).toContain('http://hall.test:3000/j');
      expect(codeOn(badge)).toBeDefined();
    }
    expect(new Set(badges.map(codeOn)).size).toBe(3);
  });

  test('one badge on its own, for a re-issued badge; another meeting’s member is NOT_FOUND', async () => {
    const [, second] = await delegates();
    const { joinUrl } = okData(await request(chair, 'delegate:reissue', { delegateId: second!.id }));
    const res = await fetch(`${h.url}/api/meetings/${meeting.meetingId}/badges/${second!.id}`, { headers: auth() });
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html.split('<section class="badge">')).toHaveLength(2);
    expect(html).toContain(second!.name);
    expect(html).toContain(joinUrl);
    const wrong = await fetch(`${h.url}/api/meetings/${meeting.meetingId}/badges/nobody`, { headers: auth() });
    expect(wrong.status).toBe(404);
    const noKey = await fetch(`${h.url}/api/meetings/${meeting.meetingId}/badges/${second!.id}`);
    expect(noKey.status).toBe(401);
  });
});

/** POST /j from a given loopback address (the whole of 127.0.0.0/8 is this machine). */
function postCode(code: string, from = '127.0.0.1'): Promise<{ status: number; location: string; body: string }> {
  const { hostname, port } = new URL(h.url);
  const body = new URLSearchParams({ code }).toString();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: hostname,
        port,
        path: '/j',
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? '', body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function codeOfFirstBadge(): Promise<string> {
  const [first] = await delegates();
  const html = await (
    await fetch(`${h.url}/api/meetings/${meeting.meetingId}/badges/${first!.id}`, { headers: auth() })
  ).text();
  return codeOn(html)!;
}

describe('the join code at /j', () => {
  test('the page asks for the code in the phone’s language', async () => {
    const vi = await (await fetch(`${h.url}/j`, { headers: { 'accept-language': 'vi-VN,vi;q=0.9' } })).text();
    expect(vi).toContain('lang="vi"');
    expect(vi).toContain('Nhập mã');
    expect(vi).not.toContain('Enter the code');
    const en = await (await fetch(`${h.url}/j`, { headers: { 'accept-language': 'en-US' } })).text();
    expect(en).toContain('Enter the code');
  });

  test('the code, typed in any case with or without its dash, leads to the badge’s page', async () => {
    const code = await codeOfFirstBadge();
    const token = h.tokens(meeting.meetingId)[0]!;
    for (const typed of [code, code.replace('-', '').toLowerCase(), ` ${code.slice(0, 4)} ${code.slice(5)} `]) {
      const res = await postCode(typed);
      expect(res, typed).toMatchObject({ status: 303, location: `/d/${token}?m=${meeting.meetingId}` });
    }
  });

  test('a wrong code is refused; after the per-address budget the right code is refused too, until time passes', async () => {
    const code = await codeOfFirstBadge();
    const wrong = code.startsWith('2') ? '3333-3333' : '2222-2222';
    for (let i = 0; i < JOIN_GUESSES.perAddress.burst; i += 1)
      expect((await postCode(wrong)).status, `wrong #${i + 1}`).toBe(404);
    const limited = await postCode(code);
    expect(limited.status).toBe(429);
    expect(limited.body).toContain('Too many wrong codes');
    // Another address is not held back by this one.
    expect((await postCode(code, '127.0.0.2')).status).toBe(303);
    now = new Date(now.getTime() + JOIN_GUESSES.perAddress.refillMs);
    expect((await postCode(code)).status).toBe(303);
  });

  test('the whole server takes only so many wrong codes, whatever the address', async () => {
    const code = await codeOfFirstBadge();
    const wrong = code.startsWith('2') ? '3333-3333' : '2222-2222';
    const { burst } = JOIN_GUESSES.hall;
    const perAddress = JOIN_GUESSES.perAddress.burst;
    for (let i = 0; i < burst; i += 1) {
      const from = `127.0.1.${Math.floor(i / perAddress) + 1}`;
      expect((await postCode(wrong, from)).status, `wrong #${i + 1} from ${from}`).toBe(404);
    }
    const fresh = await postCode(code, '127.0.2.1');
    expect(fresh.status).toBe(429);
    now = new Date(now.getTime() + JOIN_GUESSES.hall.refillMs);
    expect((await postCode(code, '127.0.2.1')).status).toBe(303);
  });
});
