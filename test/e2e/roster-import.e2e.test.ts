// The roster import in Chromium against the real server (its CSP included), on the chair's
// 1366×768 laptop: an .xlsx with an STT column and a tab-separated paste import correctly, a file
// with three different problems reports all three, a big workbook is read, and the tab says when
// the roster is frozen.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import writeXlsxFile from 'write-excel-file/node';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ChairSnapshot, CreateMeetingResponse } from '@hallvote/shared';
import { motionBallot } from '../support/ballots';
import { ChildServer } from '../support/child-server';
import { okData, request, type Client } from '../support/request';
import { connectRole, createMeetingHttp } from '../faults/support/hall-client';
import { seriousViolations } from './support/axe';
import { launchChromium } from './support/browser';

const SHOTS = join(new URL('../../', import.meta.url).pathname, 'test-results/e2e');
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let server: ChildServer;
let browser: Browser;
let page: Page;
let meeting: CreateMeetingResponse;
let chair: Client;

const roster = async () => (okData(await request(chair, 'sync:request', {})) as ChairSnapshot).delegates;
const chooseFile = (name: string, mimeType: string, buffer: Buffer) =>
  page.getByLabel('Or choose a file (.xlsx, .csv, .txt)').setInputFiles({ name, mimeType, buffer });
const roles = () =>
  page.locator('.roster-mapping thead select').evaluateAll((s) => s.map((e) => (e as HTMLSelectElement).value));

/** The roster tab whole: the console scrolls inside its panes, so the window is made taller for it. */
async function tallShot(name: string): Promise<void> {
  await page.setViewportSize({ width: 1366, height: 1300 });
  await page.screenshot({ path: join(SHOTS, `${name}.png`) });
  await page.setViewportSize({ width: 1366, height: 768 });
}

/** Store, confirming the replacement of the roster there. */
async function storeReplacing(): Promise<void> {
  await page.getByRole('button', { name: 'Store the roster' }).click();
  await page.getByRole('button', { name: 'Yes, replace the roster' }).click();
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await ChildServer.start({ serveClient: true });
  browser = await launchChromium();
  meeting = await createMeetingHttp(server.url, server.adminToken, {
    rosterCsv: 'name\nPlaceholder One\nPlaceholder Two',
  });
  chair = (await connectRole(server.url, { role: 'chair', meetingId: meeting.meetingId, key: meeting.chairKey }))
    .socket;
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'en-US' });
  page = await context.newPage();
  await page.goto(meeting.chairUrl);
  await page.getByRole('tab', { name: 'Roster' }).click();
});

afterAll(async () => {
  chair?.close();
  await browser?.close();
  await server?.stop();
  server?.cleanup();
});

describe.sequential('the roster import in a real browser', () => {
  test('the file input is not squeezed: it is as wide as its button and the file name', async () => {
    const box = await page.getByLabel('Or choose a file (.xlsx, .csv, .txt)').boundingBox();
    expect(box?.width).toBeGreaterThan(200);
  });

  test('an .xlsx with a heading and an STT column imports the names as names', async () => {
    const buffer = await writeXlsxFile([
      ['DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ', null, null, null],
      [null, null, null, null],
      ['STT', 'Họ và tên', 'Chức vụ', 'Nhóm'],
      [1, 'Nguyễn Văn An', 'Bí thư Tỉnh ủy', 'Ban Thường vụ'],
      [2, 'Trần Minh Hoa', 'Phó Bí thư Tỉnh ủy', 'Ban Thường vụ'],
      [3, 'Lê Đức Phong', 'Ủy viên', 'Huyện'],
    ]).toBuffer();
    await chooseFile('dai-bieu.xlsx', XLSX, buffer);
    await page.getByText('3 members read without problems.').waitFor();
    expect(await roles()).toEqual(['ignore', 'name', 'position', 'group']);
    expect(await seriousViolations(page, 'roster tab with a preview')).toEqual([]);
    await tallShot('roster-mapping');
    await storeReplacing();
    await page.getByText('Stored: 3 members. Print new badges.').waitFor();
    expect((await roster()).map((d) => [d.name, d.position, d.group])).toEqual([
      ['Nguyễn Văn An', 'Bí thư Tỉnh ủy', 'Ban Thường vụ'],
      ['Trần Minh Hoa', 'Phó Bí thư Tỉnh ủy', 'Ban Thường vụ'],
      ['Lê Đức Phong', 'Ủy viên', 'Huyện'],
    ]);
  });

  test('a tab-separated paste from a spreadsheet, added to the roster', async () => {
    await page.getByRole('radio', { name: 'Add to the roster' }).check();
    const paste = [
      'STT\tHọ và tên\tChức vụ\tNhóm',
      '4\tPhạm Thị Trung\tỦy viên, Trưởng ban\tBan Thường vụ',
      '5\tHoàng Văn Em\tỦy viên\tHuyện',
    ];
    await page.getByLabel('Paste from Excel or Google Sheets, or type CSV').fill(paste.join('\n'));
    await page.getByText('2 members read without problems.').waitFor();
    expect(await page.getByLabel('Separator').inputValue()).toBe('\t');
    await page.getByRole('button', { name: 'Store the roster' }).click();
    await page.getByText('Stored: 2 members. Print new badges.').waitFor();
    expect((await roster()).map((d) => d.name)).toEqual([
      'Nguyễn Văn An',
      'Trần Minh Hoa',
      'Lê Đức Phong',
      'Phạm Thị Trung',
      'Hoàng Văn Em',
    ]);
    expect((await roster())[3]?.position).toBe('Ủy viên, Trưởng ban');
  });

  test('a file with three different problems reports all three with their lines; nothing is stored', async () => {
    await page.getByRole('radio', { name: 'Replace the roster' }).check();
    const before = await roster();
    const csv = [
      'Họ và tên;Chức vụ',
      'Ngô Văn Sáu;Ủy viên',
      ';Ủy viên',
      '"Đỗ Thị Bảy;Ủy viên',
      'ngô văn sáu;ủy viên',
      'Vũ Văn Tám;Ủy viên',
    ];
    await chooseFile('broken.csv', 'text/csv', Buffer.from(csv.join('\r\n')));
    const problems = page.getByRole('alert').getByRole('listitem');
    await expect
      .poll(() => problems.allTextContents())
      .toEqual([
        'Line 3: The name is empty.',
        'Line 4: A quote opened on this line is not closed on it.',
        'Line 5: Same name and position as line 2.',
      ]);
    expect(await page.getByRole('button', { name: 'Store the roster' }).isDisabled()).toBe(true);
    expect(await seriousViolations(page, 'roster tab with problems')).toEqual([]);
    await tallShot('roster-problems');
    expect(await roster()).toEqual(before);
  });

  test('a workbook of 5,000 members is read in the browser under the server’s content security policy', async () => {
    const rows = Array.from({ length: 5000 }, (_, i) => [
      i + 1,
      `Đại biểu số ${i + 1}`,
      `Đơn vị ${i % 97}`,
      `Tổ ${i % 9}`,
    ]);
    const buffer = await writeXlsxFile([['STT', 'Họ và tên', 'Đơn vị', 'Tổ'], ...rows]).toBuffer();
    await chooseFile('big.xlsx', XLSX, buffer);
    await page.getByText('5000 members read without problems.').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Clear' }).click();
  });

  test('once voting has started the tab says the roster is frozen and offers no import', async () => {
    for (const d of await roster())
      okData(await request(chair, 'attendance:mark', { delegateId: d.id, status: 'present' }));
    const { ballotId } = okData(await request(chair, 'ballot:create', motionBallot()));
    okData(await request(chair, 'ballot:open', { ballotId }));
    await page.getByText(/^Voting has started: the roster is frozen/).waitFor();
    await page.getByRole('tab', { name: 'Attendance (5/5)' }).waitFor();
    expect(await page.getByLabel('Or choose a file (.xlsx, .csv, .txt)').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'roster-frozen.png') });
  });
});
