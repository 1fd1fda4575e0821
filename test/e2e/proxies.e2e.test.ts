// Issue 19 in Debian's Chromium against the real server: a shareholders' meeting (agm-ordinary)
// whose holder carries 3 proxies. On the phone the holder votes for themself and once for each
// member they represent; in the next ballot they split everything they carry in one ballot. The
// tally counts shares, and the minutes list the proxies with their weights.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  PROTOCOL_VERSION,
  type ChairSnapshot,
  type CreateMeetingResponse,
  type DelegateSnapshot,
  type RoundResult,
} from '@hallvote/shared';
import { ChildServer } from '../support/child-server';
import { motionBallot } from '../support/ballots';
import { rosterLines } from '../support/harness';
import { okData, request, type Client } from '../support/request';
import { seriousViolations } from './support/axe';
import { PHONE, launchChromium } from './support/browser';

// H holds the proxies of G1, G2 and G3; B votes over a socket.
const ROSTER = ['name,position,shares', 'Hà,,100', 'Bình,,100', 'Giang,,300', 'Gia,,400', 'Gấm,,500'].join('\n');

let server: ChildServer;
let browser: Browser;
let meeting: CreateMeetingResponse;
let chair: Client;
let voterB: Client;
let tokens: string[] = [];
const contexts: BrowserContext[] = [];

function socketFor(auth: Record<string, unknown>): Promise<Client> {
  return new Promise((resolve, reject) => {
    const s: Client = connect(server.url, {
      auth: { protocol: PROTOCOL_VERSION, ...auth },
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    s.once('snapshot', () => resolve(s));
    s.once('connect_error', reject);
  });
}

async function holderPhone(): Promise<Page> {
  const context = await browser.newContext({ ...PHONE, locale: 'en-US' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${server.url}/d/${tokens[0]}`);
  await page.getByText('Hà', { exact: true }).waitFor();
  return page;
}

async function openMotion(title: string): Promise<string> {
  const { ballotId } = okData(await request(chair, 'ballot:create', motionBallot({ title, allowChange: false })));
  okData(await request(chair, 'ballot:open', { ballotId }));
  return ballotId;
}

async function closeAndPublish(ballotId: string): Promise<RoundResult> {
  okData(await request(chair, 'ballot:close', { ballotId }));
  return okData(await request(chair, 'ballot:publish', { ballotId }));
}

const votes = (result: RoundResult) => result.tally.subjects[0]!.counts.map((c) => [c.optionId, c.votes]);

async function markAndConfirm(page: Page, option: string): Promise<void> {
  await page.getByRole('radio', { name: option, exact: true }).click();
  await page.getByRole('button', { name: 'Review my vote' }).click();
  await page.getByRole('button', { name: 'Confirm my vote' }).click();
}

beforeAll(async () => {
  server = await ChildServer.start({ serveClient: true });
  browser = await launchChromium();
  const res = await fetch(`${server.url}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}` },
    body: JSON.stringify({ title: 'Đại hội đồng cổ đông', rulePresetId: 'agm-ordinary', roster: rosterLines(ROSTER) }),
  });
  meeting = ((await res.json()) as { data: CreateMeetingResponse }).data;
  const sheet = await (
    await fetch(`${server.url}/api/meetings/${meeting.meetingId}/badges`, {
      headers: { authorization: `Bearer ${meeting.chairKey}` },
    })
  ).text();
  tokens = [...new Set([...sheet.matchAll(/\/d\/([A-Za-z0-9_-]+)/g)].map((m) => m[1] ?? ''))];
  chair = await socketFor({ role: 'chair', meetingId: meeting.meetingId, key: meeting.chairKey });
  voterB = await socketFor({ role: 'delegate', token: tokens[1] });
  const snap = okData(await request(chair, 'sync:request', {})) as ChairSnapshot;
  const [holder, , ...grantors] = snap.delegates.map((d) => d.id);
  for (const grantorId of grantors)
    okData(await request(chair, 'proxy:grant', { grantorId, holderId: holder!, instructions: '' }));
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  voterB?.disconnect();
  chair?.disconnect();
  await browser?.close();
  await server?.stop();
  server?.cleanup();
});

describe.sequential('a holder with 3 proxies on the phone', () => {
  test('votes for themself, then once per member represented; the tally counts their shares', async () => {
    const page = await holderPhone();
    const ballotId = await openMotion('Báo cáo tài chính 2025');
    await page.getByRole('heading', { name: 'You also vote for' }).waitFor();
    await markAndConfirm(page, 'Yes');
    await page.getByText('Your vote is recorded', { exact: false }).waitFor();
    for (const [name, option] of [
      ['Giang', 'Yes'],
      ['Gia', 'Yes'],
      ['Gấm', 'No'],
    ] as const) {
      await page.getByRole('button', { name: `Vote for ${name}` }).click();
      await page.getByText(`Voting for ${name}`).waitFor();
      await markAndConfirm(page, option);
      await page.getByText(new RegExp(`Vote for ${name} recorded`)).waitFor();
    }
    expect(await seriousViolations(page, 'holder phone')).toEqual([]);
    const voteB = { ballotId, round: 1, voteId: crypto.randomUUID(), marks: { motion: ['no'] } };
    okData(await request(voterB, 'vote:cast', voteB));
    const result = await closeAndPublish(ballotId);
    expect(votes(result)).toEqual([
      ['yes', 800],
      ['no', 600],
      ['not-voting', 0],
    ]);
    expect(result.attendance.represented).toHaveLength(3);

    // The minutes list the three proxies with the grantors' shares.
    const minutes = await contexts[0]!.newPage();
    await minutes.goto(`${server.url}/chair/${meeting.meetingId}/minutes/${ballotId}/1#key=${meeting.chairKey}`);
    const section = minutes.getByRole('region', { name: /proxies|ủy quyền/i });
    await section.waitFor();
    const text = (await section.textContent()) ?? '';
    for (const cell of ['Giang', 'Gia', 'Gấm', '300', '400', '500']) expect(text).toContain(cell);
    await minutes.close();
  });

  test('splits every share they carry in one ballot', async () => {
    const page = contexts[0]!.pages()[0]!;
    const ballotId = await openMotion('Phương án phân phối lợi nhuận');
    const split = page.getByRole('button', { name: 'Split my votes' });
    await split.waitFor();
    await split.click();
    await page.getByRole('heading', { name: 'Split 1,300 shares (yours and those you hold)' }).waitFor();
    await page.getByRole('spinbutton', { name: 'Yes', exact: true }).fill('1000');
    await page.getByRole('spinbutton', { name: 'No', exact: true }).fill('300');
    await page.getByText('Not yet given: 0').waitFor();
    await page.getByRole('button', { name: 'Cast the split ballot' }).click();
    await page.getByText(/Vote for Gấm recorded/).waitFor();
    const phoneState = okData(await request(chair, 'sync:request', {})) as ChairSnapshot;
    expect(phoneState.ballots.find((b) => b.id === ballotId)?.turnout?.voted).toBe(4);
    okData(
      await request(voterB, 'vote:cast', {
        ballotId,
        round: 1,
        voteId: crypto.randomUUID(),
        marks: { motion: ['no'] },
      }),
    );
    const result = await closeAndPublish(ballotId);
    expect(votes(result)).toEqual([
      ['yes', 1000],
      ['no', 400],
      ['not-voting', 0],
    ]);
    const snapB = okData(await request(voterB, 'sync:request', {})) as DelegateSnapshot;
    expect(snapB.result?.tally.countBy).toBe('weight');
  });
});
