// The acceptance test: the hall story (told in test/unit/tally/hall-story.test.ts) in Chromium,
// against the real server started the way `npm start` starts it. A chair, 49 delegates (8 phones in
// the browser, 41 socket.io clients) and a projector, with screenshots of what each would see.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { PROTOCOL_VERSION, type ChairSnapshot, type RoundExport } from '@hallvote/shared';
import { okData, request, type Client } from '../support/request';
import { seriousViolations } from './support/axe';
import { PHONE, launchChromium } from './support/browser';
import { ChildServer } from '../support/child-server';

const ROOT = new URL('../../', import.meta.url).pathname;
const SHOTS = join(ROOT, 'test-results/e2e');
const ROSTER = join(ROOT, 'examples/roster-53.csv');
const SUB_UNITS = readFileSync(join(ROOT, 'examples/sub-units-19.txt'), 'utf8').trim().split('\n');

let server: ChildServer;
let browser: Browser;
let chairPage: Page;
let projectorPage: Page;
let chairUrl = '';
let projectorUrl = '';
let meetingId = '';
let chairKey = '';
let joinUrls: string[] = [];
const phones: { context: BrowserContext; page: Page }[] = [];
const sockets: Client[] = [];
let chairSocket: Client;

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });

/** A delegate's phone as a socket.io client, the way the phone page connects. */
function socketDelegate(token: string): Promise<Client> {
  return new Promise((resolve, reject) => {
    const s: Client = connect(server.url, {
      auth: { protocol: PROTOCOL_VERSION, role: 'delegate', token },
      transports: ['websocket'],
      forceNew: true,
    });
    s.once('snapshot', () => resolve(s));
    s.once('connect_error', reject);
    sockets.push(s);
  });
}

async function chairSnapshot(): Promise<ChairSnapshot> {
  return okData(await request(chairSocket, 'sync:request', {})) as ChairSnapshot;
}

async function roundExport(ballotId: string, round: number): Promise<RoundExport> {
  const res = await fetch(`${server.url}/api/meetings/${meetingId}/rounds/${ballotId}/${round}.json`, {
    headers: { authorization: `Bearer ${chairKey}` },
  });
  return (await res.json()) as RoundExport;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await ChildServer.start({ serveClient: true });
  browser = await launchChromium();
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  chairSocket?.disconnect();
  await browser?.close();
  await server?.stop();
  server?.cleanup();
});

describe.sequential('the hall story in a real browser', () => {
  test('1. the admin creates the meeting with the 53-member roster from examples/', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
    const admin = await context.newPage();
    await admin.goto(`${server.url}/#admin=${server.adminToken}`);
    await admin.getByLabel('Meeting title').fill('Provincial committee: quality classification 2023');
    await admin.getByLabel('Rule set').selectOption('vn-party-classification');
    await admin.getByLabel('Or choose a file (.xlsx, .csv, .txt)').setInputFiles(ROSTER);
    await admin.getByText('53 members read without problems.').waitFor();
    expect(await seriousViolations(admin, 'admin form with the roster preview')).toEqual([]);
    await admin.getByRole('button', { name: 'Create the meeting' }).click();
    await admin.getByRole('heading', { name: 'Meeting created' }).waitFor();
    expect(await seriousViolations(admin, 'admin')).toEqual([]);
    await expect.poll(() => admin.getByText('53 members on the roster.').isVisible()).toBe(true);
    chairUrl = (await admin.locator('a[href*="/chair/"]').getAttribute('href')) ?? '';
    projectorUrl = (await admin.locator('a[href*="/p/"]').getAttribute('href')) ?? '';
    expect(chairUrl).toMatch(/\/chair\/[0-9a-f]+#key=/);
    meetingId = chairUrl.split('/chair/')[1]!.split('#')[0]!;
    chairKey = chairUrl.split('#key=')[1]!;
    await context.close();

    const chairContext = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
    chairPage = await chairContext.newPage();
    await chairPage.goto(chairUrl);
    await chairPage.getByText('Not quorate: 0 present, 36 of 53 needed').waitFor();
    // The key left the address bar once read.
    expect(chairPage.url()).not.toContain('key=');
    expect(await seriousViolations(chairPage, 'chair')).toEqual([]);
    const projectorContext = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'en-US' });
    projectorPage = await projectorContext.newPage();
    await projectorPage.goto(projectorUrl);
    await projectorPage.getByText('Not quorate').waitFor();
    chairSocket = await new Promise<Client>((resolve, reject) => {
      const s: Client = connect(server.url, {
        auth: { protocol: PROTOCOL_VERSION, role: 'chair', meetingId, key: chairKey },
        transports: ['websocket'],
        forceNew: true,
      });
      s.once('snapshot', () => resolve(s));
      s.once('connect_error', reject);
    });
  });

  test('2. the badge sheet prints each join URL under a QR code that carries the same URL', async () => {
    const [sheet] = await Promise.all([
      chairPage.context().waitForEvent('page'),
      chairPage.getByRole('button', { name: 'Print badges' }).click(),
    ]);
    await sheet.locator('.badge').first().waitFor();
    expect(await sheet.locator('.badge').count()).toBe(53);
    joinUrls = (await sheet.locator('.badge .url').allTextContents()).map((u) => u.trim());
    expect(joinUrls).toHaveLength(53);
    expect(new Set(joinUrls).size).toBe(53);
    for (const u of joinUrls) expect(u).toMatch(new RegExp(`^${server.url}/d/[A-Za-z0-9_-]{24}$`));
    await sheet.setViewportSize({ width: 900, height: 1270 });
    await sheet.screenshot({ path: join(SHOTS, 'badges.png') });
    const png = PNG.sync.read(await sheet.locator('.badge .qr svg').first().screenshot());
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(joinUrls[0]);
    await sheet.close();
  });

  test('3. 49 delegates join (8 phones, 41 sockets), 4 stay away: 49 present, quorate', async () => {
    for (const url of joinUrls.slice(0, 8)) {
      const context = await browser.newContext({ ...PHONE, locale: 'en-US' });
      const page = await context.newPage();
      await page.goto(url);
      await page.getByText('Waiting for the next ballot').waitFor();
      phones.push({ context, page });
    }
    for (const url of joinUrls.slice(8, 49)) await socketDelegate(url.split('/d/')[1]!);
    await chairPage.getByText('Quorate: 49 present, 36 of 53 needed').waitFor();
    await expect
      .poll(() => projectorPage.locator('.quorum .key-number').textContent(), { timeout: 10_000 })
      .toBe('49 / 53');
    await projectorPage.getByText('Quorate', { exact: true }).waitFor();
    await shot(chairPage, 'chair-49-present');
    await shot(phones[0]!.page, 'phone-waiting');
    await shot(projectorPage, 'projector-quorate');
  });

  test('4. classification: 48 good, 1 excellent; the phones and the projector see it only once published', async () => {
    await chairPage.getByRole('button', { name: '+ New ballot' }).click();
    // The ballot takes the meeting's rules unless the chair picks others, shown in numbers beside the form.
    expect(await chairPage.getByLabel('Rules for this ballot').inputValue()).toBe('vn-party-classification@2');
    await chairPage
      .getByRole('region', { name: 'These rules in numbers' })
      .getByText('Quorum: 2/3 of eligible = 36 of 53')
      .waitFor();
    await chairPage.getByLabel('Classification: four levels').check();
    await chairPage
      .getByLabel('Title', { exact: true })
      .fill('Classification of the provincial Party organisation, 2023');
    await chairPage.getByRole('button', { name: 'Create ballot' }).click();
    await chairPage.getByRole('button', { name: 'Open voting' }).click();
    // A click only sends the request: read the snapshot once the console shows the round open.
    await chairPage.getByRole('button', { name: 'Close voting' }).waitFor();
    const ballot = (await chairSnapshot()).ballots.at(-1)!;
    expect(ballot.state).toBe('open');

    // Phone 1 votes excellent, phones 2-8 good, through the page.
    for (const [i, { page }] of phones.entries()) {
      await page.getByRole('radio', { name: i === 0 ? 'Excellent' : 'Good', exact: true }).click();
      if (i === 0) await shot(page, 'phone-ballot');
      await page.getByRole('button', { name: 'Review my vote' }).click();
      if (i === 1) {
        // Offline right after confirming: the vote waits on the phone, then goes once.
        await page.context().setOffline(true);
        await page.getByRole('button', { name: 'Confirm my vote' }).click();
        await page.getByText('Sending your vote…').waitFor();
        await shot(page, 'phone-offline');
        await page.context().setOffline(false);
      } else {
        await page.getByRole('button', { name: 'Confirm my vote' }).click();
      }
      await page.getByText('Your vote is recorded').waitFor({ timeout: 30_000 });
    }
    await shot(phones[0]!.page, 'phone-voted');
    // A reload mid-ballot: the phone knows it has voted.
    await phones[2]!.page.reload();
    await phones[2]!.page.getByText('Your vote is recorded').waitFor();

    const acks = await Promise.all(
      sockets.map((s) =>
        request(s, 'vote:cast', {
          ballotId: ballot.id,
          round: 1,
          voteId: crypto.randomUUID(),
          marks: { [ballot.subjects[0]!.id]: ['good'] },
        }),
      ),
    );
    acks.forEach(okData);
    await chairPage.getByText('49 of 49 present have voted').waitFor();
    await shot(projectorPage, 'projector-turnout');
    // Nothing of the result before publishing.
    expect(await projectorPage.getByText('Good').count()).toBe(0);

    await chairPage.getByRole('button', { name: 'Close voting' }).click();
    await chairPage.getByRole('button', { name: 'Yes, close voting' }).click();
    await chairPage.getByRole('button', { name: 'Publish the result' }).waitFor();
    expect(await phones[0]!.page.getByText('Good').count()).toBe(0);
    await chairPage.getByRole('button', { name: 'Publish the result' }).click();
    await chairPage.getByRole('button', { name: 'Yes, publish' }).click();

    await projectorPage.getByText('Adopted: Good').waitFor();
    await projectorPage.getByText('90.57%').waitFor();
    await projectorPage.getByText('Ballots returned 49 (92.45% of eligible members) · valid 49 · invalid 0').waitFor();
    await shot(projectorPage, 'projector-result');
    await phones[0]!.page.getByText(/is in the published list/).waitFor();
    await shot(phones[0]!.page, 'phone-published');
    await shot(chairPage, 'chair-result');
    expect(await seriousViolations(chairPage, 'chair result')).toEqual([]);

    // Exactly once: the offline phone's vote is one of 49 stored ballots.
    const exported = await roundExport(ballot.id, 1);
    expect(exported.records).toHaveLength(49);
    expect(exported.result?.tally.subjects[0]?.counts.map((c) => c.votes)).toEqual([1, 48, 0, 0]);

    const minutes = await chairPage.context().newPage();
    await minutes.goto(`${server.url}/chair/${meetingId}/minutes/${ballot.id}/1`);
    await minutes.getByText(exported.result!.seal).waitFor();
    expect(await seriousViolations(minutes, 'minutes')).toEqual([]);
    await expect.poll(async () => (await minutes.textContent('body')) ?? '').toMatch(/90[.,]57/);
    expect(await minutes.textContent('body')).toContain('48');
    await minutes.setViewportSize({ width: 900, height: 1270 });
    await minutes.screenshot({ path: join(SHOTS, 'minutes.png'), fullPage: true });
    await minutes.close();
  });

  test('5. the batch of 19 sub-units breaks the cap; publishing needs a written acknowledgement', async () => {
    await chairPage.getByRole('button', { name: '+ New ballot' }).click();
    await chairPage.getByLabel('Batch classification: a list of subjects').check();
    await chairPage.getByLabel('Title', { exact: true }).fill('Classification of 19 sub-units');
    await chairPage.getByLabel('Subjects, one per line').fill(SUB_UNITS.join('\n'));
    await chairPage.getByRole('button', { name: 'Create ballot' }).click();
    await chairPage.getByRole('button', { name: 'Open voting' }).click();
    await chairPage.getByRole('button', { name: 'Close voting' }).waitFor();
    const ballot = (await chairSnapshot()).ballots.at(-1)!;
    expect(ballot.subjects).toHaveLength(19);
    // Units 1-4 excellent, 5-18 good, 19 completed, by every socket voter and by phone 1.
    const level = (i: number) => (i < 4 ? 'excellent' : i < 18 ? 'good' : 'completed');
    const marks = Object.fromEntries(ballot.subjects.map((s, i) => [s.id, [level(i)]]));
    const phone = phones[0]!.page;
    for (const [i, subject] of ballot.subjects.entries()) {
      const label = { excellent: 'Excellent', good: 'Good', completed: 'Completed' }[level(i)];
      await phone
        .getByRole('radiogroup', { name: subject.label })
        .getByRole('radio', { name: label, exact: true })
        .click();
    }
    await phone.getByText('19 of 19 rated').waitFor();
    await phone.getByRole('button', { name: 'Review my vote' }).click();
    await phone.getByRole('button', { name: 'Confirm my vote' }).click();
    await phone.getByText('Your vote is recorded').waitFor();
    (
      await Promise.all(
        sockets.map((s) =>
          request(s, 'vote:cast', { ballotId: ballot.id, round: 1, voteId: crypto.randomUUID(), marks }),
        ),
      )
    ).forEach(okData);
    await chairPage.getByText('42 of 49 present have voted').waitFor();

    await chairPage.getByRole('button', { name: 'Close voting' }).click();
    await chairPage.getByRole('button', { name: 'Yes, close voting' }).click();
    const publish = chairPage.getByRole('button', { name: 'Publish the result' });
    await publish.waitFor();
    expect(await publish.isDisabled()).toBe(true);
    await chairPage
      .getByLabel('Written acknowledgement of the warnings (required to publish)')
      .fill('The committee reviewed the four sub-units rated excellent and keeps the result.');
    await shot(chairPage, 'chair-cap-warning');
    expect(await publish.isDisabled()).toBe(false);
    await publish.click();
    await chairPage.getByRole('button', { name: 'Yes, publish' }).click();
    // The 19 rows and the warning take two pages at 1080p: every row on one, the warning on the other.
    await projectorPage.getByText(/Page \d of 2/).waitFor();
    const onPage = async (n: number) => {
      while (!(await projectorPage.getByText(`Page ${n} of 2`).isVisible()))
        await projectorPage.keyboard.press('PageDown');
    };
    await onPage(1);
    for (const unit of SUB_UNITS) await projectorPage.getByText(unit, { exact: true }).waitFor();
    await shot(projectorPage, 'projector-batch');
    await onPage(2);
    await projectorPage.getByText('Warnings').waitFor();
    await shot(projectorPage, 'projector-batch-warnings');
    const exported = await roundExport(ballot.id, 1);
    expect(exported.result?.tally.warnings).toEqual([
      expect.objectContaining({ topCount: 4, referenceCount: 14, allowed: 2 }),
    ]);
    expect(exported.result?.acknowledgement?.reason).toContain('keeps the result');
  });

  test('6. with 35 present the chair cannot open a ballot and sees why', async () => {
    const present = (await chairSnapshot()).delegates.filter((d) => d.attendance === 'present');
    for (const d of present.slice(0, 14))
      okData(await request(chairSocket, 'attendance:mark', { delegateId: d.id, status: 'absent' }));
    await chairPage.getByText('Not quorate: 35 present, 36 of 53 needed').waitFor();
    await chairPage.getByRole('button', { name: '+ New ballot' }).click();
    await chairPage.getByLabel('Motion: yes / no / not voting').check();
    await chairPage.getByLabel('Title', { exact: true }).fill('Adopt the resolution');
    await chairPage.getByRole('button', { name: 'Create ballot' }).click();
    await chairPage.getByRole('button', { name: 'Open voting' }).click();
    await chairPage.getByText(/Not quorate: 35 present; at least 36 of 53 needed/).waitFor();
    await shot(chairPage, 'chair-no-quorum');
    expect((await chairSnapshot()).ballots.at(-1)?.state).toBe('draft');
  });
});
