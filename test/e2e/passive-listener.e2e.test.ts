// Attack 7 of issue 12: a passive listener on the hall Wi-Fi. On plain HTTP the badge token, the
// snapshot naming the delegate and the marks of a secret vote travel on one connection, so the
// listener pairs the vote with the voter. The phone now seals secret marks to the round's public
// key before sending them: the listener still sees who voted, never what.
//
// The listener here is a relay on loopback that forwards and records every byte between the real
// phone page (Chromium) and the real server, and reads them as a listener would.
import type { Browser } from 'playwright-core';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROTOCOL_VERSION, type CreateMeetingResponse } from '@hallvote/shared';
import { classificationBallot } from '../support/ballots';
import { ChildServer } from '../support/child-server';
import { rosterLines } from '../support/harness';
import { startPassiveRelay, type PassiveRelay } from '../support/passive-relay';
import { okData, request, type Client } from '../support/request';
import { PHONE, launchChromium } from './support/browser';

let server: ChildServer;
let relay: PassiveRelay;
let browser: Browser;
const sockets: Client[] = [];

function open(auth: Record<string, unknown>): Promise<Client> {
  return new Promise((resolve, reject) => {
    const s: Client = connect(server.url, {
      auth: { protocol: PROTOCOL_VERSION, ...auth },
      transports: ['websocket'],
      forceNew: true,
    });
    sockets.push(s);
    s.once('snapshot', () => resolve(s));
    s.once('connect_error', reject);
  });
}

beforeAll(async () => {
  server = await ChildServer.start({ serveClient: true });
  relay = await startPassiveRelay({ host: '127.0.0.1', port: server.port });
  browser = await launchChromium();
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await browser?.close();
  await relay?.close();
  await server?.stop();
  server?.cleanup();
});

describe('a passive listener on the hall network', () => {
  test('sees the badge and the name on the phone connection, never the secret choice', async () => {
    const created = await fetch(`${server.url}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}` },
      body: JSON.stringify({
        title: 'Listener test',
        rulePresetId: 'vn-party-classification',
        roster: rosterLines('name,position\nNguyễn Văn Nghe,Ủy viên\nTrần Thị Hai,Ủy viên\nLê Văn Ba,Ủy viên'),
      }),
    });
    const meeting = ((await created.json()) as { data: CreateMeetingResponse }).data;
    const chair = await open({ role: 'chair', meetingId: meeting.meetingId, key: meeting.chairKey });
    const badges = await (
      await fetch(`${server.url}/api/meetings/${meeting.meetingId}/badges`, {
        headers: { authorization: `Bearer ${meeting.chairKey}` },
      })
    ).text();
    const tokens = [...badges.matchAll(/\/d\/([A-Za-z0-9_-]{20,})/g)].map((m) => m[1]!);
    const [phoneToken, secondToken] = [...new Set(tokens)];
    await open({ role: 'delegate', token: secondToken! });

    const context = await browser.newContext({ ...PHONE, locale: 'en-US' });
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${relay.port}/d/${phoneToken!}`);
    await page.getByText('Waiting for the next ballot').waitFor();

    const { ballotId } = okData(await request(chair, 'ballot:create', classificationBallot()));
    okData(await request(chair, 'ballot:open', { ballotId }));
    await page.getByRole('radio', { name: 'Not completed', exact: true }).click();
    await page.getByRole('button', { name: 'Review my vote' }).click();
    await page.getByRole('button', { name: 'Confirm my vote' }).click();
    await page.getByText('Your vote is recorded').waitFor();
    await context.close();

    // Only the phone's browser goes through the relay, just as a phone's traffic all comes from one
    // address: whatever the listener hears, it hears next to this badge.
    const heard = relay.transcripts();
    const up = heard.map((t) => t.up).join('\n');
    const down = heard.map((t) => t.down).join('\n');
    expect(up).toContain(phoneToken!);
    expect(up).toContain('"vote:cast"');
    expect(down).toContain('Nguyễn Văn Nghe');
    // … and never the choice: no option id, no subject id leaves the phone.
    expect(up).not.toMatch(/not-completed|"province"/);
  });
});
