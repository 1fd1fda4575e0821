// The chair's console running a hall, in Chromium on a 1366×768 laptop against the real server
// (issue 15): a badge re-issued (the old phone is told) and printed on its own; a latecomer added
// while ballot 1 is open votes in ballot 2, and ballot 1's base is unchanged; a group checked in
// with one action; who has not voted, until everyone has; paper totals entered; axe-core finds no
// serious or critical violation on any of it.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AuditEntry, ChairBallotView } from '@hallvote/shared';
import { classificationBallot } from '../support/ballots';
import { ChildServer } from '../support/child-server';
import { okData, request } from '../support/request';
import { seriousViolations } from './support/axe';
import { PHONE, launchChromium } from './support/browser';
import { openHall, type Hall } from './support/hall';

const SHOTS = join(new URL('../../', import.meta.url).pathname, 'test-results/e2e');
const MEMBERS = 12;

let server: ChildServer;
let browser: Browser;
let hall: Hall;
let chairContext: BrowserContext;
let chair: Page;
const violations: string[] = [];

const shot = (page: Page, name: string) => page.screenshot({ path: join(SHOTS, `${name}.png`) });
const audit = async () => okData(await request(hall.chair, 'audit:list', {}));
const ballotView = async (ballotId: string): Promise<ChairBallotView> =>
  (await hall.snapshot()).ballots.find((b) => b.id === ballotId)!;

async function axe(view: string): Promise<void> {
  violations.push(...(await seriousViolations(chair, view)));
}

/** A phone page at a badge's address, in Vietnamese as the hall's phones are. */
async function phoneAt(url: string): Promise<Page> {
  const context = await browser.newContext(PHONE);
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

/** The one-badge sheet of a member, opened from the roster tab as the chair prints it. */
async function printBadgeOf(name: string): Promise<Page> {
  const row = chair
    .getByRole('row')
    .filter({ has: chair.getByRole('group', { name: `Actions: ${name}`, exact: true }) });
  const [sheet] = await Promise.all([
    chairContext.waitForEvent('page'),
    row.getByRole('button', { name: 'Print this badge' }).click(),
  ]);
  await sheet.locator('.badge').first().waitFor();
  return sheet;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await ChildServer.start({ serveClient: true });
  browser = await launchChromium();
  hall = await openHall(server, MEMBERS, 'Hội nghị Ban Chấp hành mở rộng');
  chairContext = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
  chair = await chairContext.newPage();
  await chair.goto(`${server.url}/chair/${hall.meeting.meetingId}#key=${hall.meeting.chairKey}`);
  await chair.getByRole('heading', { name: 'Hội nghị Ban Chấp hành mở rộng' }).waitFor();
});

afterAll(async () => {
  hall?.close();
  await browser?.close();
  await server?.stop();
  server?.cleanup();
});

describe.sequential('the chair runs the hall from the console', () => {
  test('a group is marked present with one action: one request, one audit entry', async () => {
    const before = (await audit()).length;
    await chair.getByRole('tab', { name: /^Attendance/ }).click();
    await chair.getByLabel('Group').selectOption('A');
    // rosterCsv: odd members are in group A, 6 of 12.
    await chair.getByRole('button', { name: 'Mark the 6 absent members of A present' }).click();
    await axe('attendance, asking to check in group A');
    await chair.getByRole('button', { name: 'Yes, mark present' }).click();
    await chair.getByText('6 members marked present.').waitFor();
    await chair.getByRole('tab', { name: 'Attendance (6/12)' }).waitFor();
    const entries = (await audit()).slice(before);
    expect(entries.map((e) => e.action)).toEqual(['attendance.present-many']);
    expect((entries[0]!.details.delegateIds as string[]).length).toBe(6);
    await chair.getByPlaceholder('Find a name').fill('dai bieu 1');
    expect(await chair.locator('table.attendance tbody tr').count()).toBe(4); // 1, 10, 11, 12
    await chair.getByPlaceholder('Find a name').fill('');
    await shot(chair, 'chair-attendance-group');
    await axe('attendance');
    // The rest, everyone at once.
    await chair.getByLabel('Group').selectOption('');
    await chair.getByRole('button', { name: 'Mark all 6 absent members present' }).click();
    await chair.getByRole('button', { name: 'Yes, mark present' }).click();
    await chair.getByRole('tab', { name: 'Attendance (12/12)' }).waitFor();
  });

  test('the chair re-issues a badge: the old phone is told, and one badge is printed', async () => {
    const oldPhone = await phoneAt(hall.joinUrl(0));
    await oldPhone.getByText('Đang chờ phiếu biểu quyết tiếp theo').or(oldPhone.getByRole('heading')).first().waitFor();
    await chair.getByRole('tab', { name: 'Roster' }).click();
    const actions = chair.getByRole('group', { name: 'Actions: Đại biểu 1', exact: true });
    await actions.getByRole('button', { name: 'Re-issue badge' }).click();
    await axe('roster, confirming a re-issue');
    await chair.getByRole('button', { name: 'Yes, re-issue' }).click();
    await chair.getByText('Đại biểu 1 has a new badge; the old one no longer works.').waitFor();
    await oldPhone.getByRole('heading', { name: 'Thẻ đại biểu này đã được thay' }).waitFor();
    await shot(oldPhone, 'phone-badge-reissued');

    const sheet = await printBadgeOf('Đại biểu 1');
    expect(await sheet.locator('.badge').count()).toBe(1);
    const badge = sheet.locator('.badge');
    await expect.poll(() => badge.locator('h2').textContent()).toBe('Đại biểu 1');
    expect(await badge.locator('.meeting').textContent()).toBe('Hội nghị Ban Chấp hành mở rộng');
    expect(await badge.locator('.instruction').textContent()).toContain('Quét mã QR');
    expect(await badge.locator('.instruction').textContent()).toContain('Scan the QR code');
    const code = (await badge.locator('.code').textContent()) ?? '';
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
    const newUrl = (await badge.locator('.url').textContent())?.trim() ?? '';
    expect(newUrl).not.toBe(hall.joinUrl(0));
    // Printed: one A4 page holding the one badge.
    await sheet.emulateMedia({ media: 'print' });
    const pdf = await sheet.pdf({ format: 'A4', path: join(SHOTS, 'one-badge.pdf') });
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)).toHaveLength(1);
    await sheet.emulateMedia({ media: 'screen' });
    await sheet.screenshot({ path: join(SHOTS, 'one-badge.png') });

    // The code typed at /j on a phone without a camera leads to the new badge.
    const typed = await browser.newContext(PHONE).then((c) => c.newPage());
    await typed.goto(`${server.url}/j`);
    await typed.getByLabel('Nhập mã trên thẻ').fill(code.toLowerCase());
    await typed.getByRole('button', { name: 'Tiếp tục' }).click();
    // The badge's page, with the meeting named for a load balancer (as on a cluster).
    await typed.waitForURL(`${newUrl}?m=${hall.meeting.meetingId}`);
    await typed.getByText('Đại biểu 1').first().waitFor();
    await sheet.close();
    await oldPhone.context().close();
    await typed.context().close();
  });

  let first = '';
  let latePhone: Page;

  test('the chair sees who has not voted, and the list empties as they vote', async () => {
    first = await hall.open(classificationBallot({ title: 'Biểu quyết 1' }));
    await chair.getByRole('tab', { name: 'Ballots' }).click();
    await chair.getByRole('button', { name: /Biểu quyết 1/ }).click();
    const notVoted = chair.getByRole('region', { name: /^Not voted yet/ });
    await notVoted.getByRole('heading', { name: 'Not voted yet: 12' }).waitFor();
    await shot(chair, 'chair-not-voted');
    await axe('ballot open, who has not voted');
    for (let i = 1; i < MEMBERS - 1; i += 1) await hall.vote(i, first, { province: ['good'] });
    await notVoted.getByRole('heading', { name: 'Not voted yet: 2' }).waitFor();
    expect(await notVoted.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining('Đại biểu 1'),
      expect.stringContaining('Đại biểu 12'),
    ]);
  });

  test('a latecomer added while ballot 1 is open is told it is not theirs', async () => {
    await chair.getByRole('tab', { name: 'Roster' }).click();
    await chair.locator('summary', { hasText: 'Add a member' }).click();
    await chair.getByText(/they vote from the next ballot on/).waitFor();
    await chair.getByLabel('Full name').fill('Người Đến Muộn');
    await chair.getByLabel('Position or unit').fill('Ủy viên dự khuyết');
    await chair.getByRole('button', { name: 'Add a member', exact: true }).click();
    await chair.getByText('Người Đến Muộn is on the roster. Print their badge below.').waitFor();
    await axe('roster, a member added');
    await shot(chair, 'chair-roster-latecomer');
    const sheet = await printBadgeOf('Người Đến Muộn');
    const url = (await sheet.locator('.badge .url').textContent())?.trim() ?? '';
    await sheet.close();
    latePhone = await phoneAt(url);
    await latePhone.getByRole('heading', { name: 'Đồng chí được bổ sung sau khi phiếu này mở' }).waitFor();
    await shot(latePhone, 'phone-joined-late');
    expect((await ballotView(first)).lateIds).toHaveLength(1);
  });

  test('paper: one member marked "voted on paper", the last votes, and the totals are entered', async () => {
    await chair.getByRole('tab', { name: 'Ballots' }).click();
    const notVoted = chair.getByRole('region', { name: /^Not voted yet/ });
    const row = notVoted.getByRole('listitem').filter({ hasText: 'Đại biểu 1' }).first();
    await row.getByRole('button', { name: 'Voted on paper' }).click();
    await row.getByRole('button', { name: 'Yes, voted on paper' }).click();
    await notVoted.getByRole('heading', { name: 'Not voted yet: 1' }).waitFor();
    await hall.vote(MEMBERS - 1, first, { province: ['good'] });
    await notVoted.getByRole('heading', { name: 'Not voted yet: 0' }).waitFor();
    await notVoted.getByText('Everyone present has voted.').waitFor();

    await chair.getByRole('button', { name: 'Close voting' }).click();
    await chair.getByRole('button', { name: 'Yes, close voting' }).click();
    await chair.getByRole('button', { name: 'Publish the result' }).waitFor();
    const paper = chair.locator('details.paper-totals');
    await paper.getByLabel('Paper ballots returned').fill('1');
    await paper.getByLabel('Đảng bộ tỉnh 2023: Good').fill('1');
    await axe('ballot closed, paper totals');
    await paper.getByRole('button', { name: 'Save the paper totals' }).click();
    await paper.getByText('Paper totals saved.').waitFor();
    await chair.getByText('Ballots issued 12 · returned 12 · valid 12 · invalid 0').waitFor();
    await shot(chair, 'chair-paper-totals');
    const result = (await ballotView(first)).result!;
    expect(result.tally.ballots).toMatchObject({ returned: 12 });
    // Ballot 1's base is its own roster: the latecomer is not in it.
    expect(result.tally.attendance).toMatchObject({ roster: 12, present: 12 });
    await chair.getByLabel('Also show it on the projector now').uncheck();
    await chair.getByRole('button', { name: 'Publish the result' }).click();
    await chair.getByRole('button', { name: 'Yes, publish' }).click();
    await chair.getByRole('region', { name: 'Projector' }).getByText('hidden').waitFor();
    await axe('ballot published, projector panel');
  });

  test('the latecomer votes in ballot 2 on the phone; ballot 1 keeps its base', async () => {
    const second = await hall.open(classificationBallot({ title: 'Biểu quyết 2' }));
    await latePhone.getByRole('radio', { name: 'Hoàn thành tốt nhiệm vụ' }).click();
    await latePhone.getByRole('button', { name: 'Xem lại phiếu' }).click();
    await latePhone.getByRole('button', { name: /Xác nhận/ }).click();
    await latePhone.getByText('Phiếu của đồng chí đã được ghi nhận').waitFor({ timeout: 30_000 });
    await expect.poll(async () => (await ballotView(second)).turnout?.voted).toBe(1);
    expect((await ballotView(second)).turnout).toMatchObject({ present: 13, eligible: 13 });
    expect((await ballotView(first)).result?.tally.attendance.roster).toBe(12);
    const added = (await audit()).find((e: AuditEntry) => e.action === 'delegate.added');
    expect(added?.details.notInRounds).toEqual([{ ballotId: first, round: 1 }]);
  });

  test('axe-core: no serious or critical violation anywhere on the console, in both languages', async () => {
    await chair.getByRole('button', { name: 'Tiếng Việt' }).click();
    for (const tab of ['Biểu quyết', 'Điểm danh', 'Danh sách'] as const) {
      await chair.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      await axe(`vi: ${tab}`);
    }
    expect(violations).toEqual([]);
  });
});
