// A Vietnamese browser (issue 16): the phone and every tab of the console with no English in them;
// the minutes printed to PDF: the Party document header and the
// meeting's time zone on paper, no English on the page, and no heading left alone at the foot of a
// page (the PDF's text is read back page by page with pdf.js: a page must not end with a heading).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { batchBallot } from '../support/ballots';
import { ChildServer } from '../support/child-server';
import { englishIn } from '../support/english';
import { PHONE, launchChromium } from './support/browser';
import { openHall, type Hall } from './support/hall';

const SHOTS = join(new URL('../../', import.meta.url).pathname, 'test-results/e2e');

let server: ChildServer;
let browser: Browser;
let hall: Hall;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await ChildServer.start({ serveClient: true });
  browser = await launchChromium();
  hall = await openHall(server, 6, 'Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 12', {
    header: {
      issuer: ['ĐẢNG BỘ TỈNH BẮC NINH', 'BAN CHẤP HÀNH'],
      national: ['ĐẢNG CỘNG SẢN VIỆT NAM'],
      place: 'Bắc Ninh',
    },
  });
});

afterAll(async () => {
  hall?.close();
  await browser?.close();
  await server?.stop();
  server?.cleanup();
});

/** Each page's lines of text, top to bottom (pdf.js gives items with their baseline's y). */
async function pagesOf(pdf: Uint8Array): Promise<string[][]> {
  const doc = await getDocument({ data: pdf, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[][] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const content = await (await doc.getPage(n)).getTextContent();
    const lines = new Map<number, string[]>();
    for (const item of content.items)
      if ('str' in item && item.str.trim()) {
        const y = Math.round(item.transform[5] as number);
        lines.set(y, [...(lines.get(y) ?? []), item.str]);
      }
    pages.push([...lines.entries()].sort((a, b) => b[0] - a[0]).map(([, parts]) => parts.join('').trim()));
  }
  await doc.destroy();
  return pages;
}

test('the minutes of a 40-unit classification, printed: header, local times, no English, no heading at a page foot', async () => {
  await hall.checkIn(0, 6);
  const ballot = batchBallot(40);
  const ballotId = await hall.open(ballot);
  const marks = Object.fromEntries(ballot.subjects.map((s) => [s.id, ['good']]));
  for (let i = 0; i < 3; i += 1) await hall.vote(i, ballotId, marks);

  // A phone in a vi-VN browser, with the ballot open: Vietnamese only, addressed as "đồng chí".
  const phoneContext = await browser.newContext(PHONE);
  const phone = await phoneContext.newPage();
  await phone.goto(hall.joinUrl(4));
  await phone.getByRole('heading', { name: ballot.title }).waitFor();
  expect(englishIn((await phone.textContent('body')) ?? '')).toEqual([]);
  await phoneContext.close();

  await hall.closeAndPublish(ballotId);

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
  const page = await context.newPage();
  const { meetingId, chairKey } = hall.meeting;
  await page.goto(`${server.url}/chair/${meetingId}#key=${chairKey}`);
  for (const tab of ['Biểu quyết', 'Điểm danh', 'Danh sách', 'Nhật ký']) {
    await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
    await expect.poll(async () => englishIn((await page.textContent('body')) ?? '')).toEqual([]);
  }
  await page.goto(`${server.url}/chair/${meetingId}/minutes/${ballotId}/1`);
  const minutes = page.locator('article.minutes');
  await minutes.getByRole('heading', { name: 'Niêm phong' }).waitFor();

  const header = minutes.getByRole('group', { name: 'Tiêu đề văn bản' });
  await expect.poll(() => header.textContent()).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
  expect(await header.textContent()).toMatch(/Bắc Ninh, ngày \d{2} tháng \d{1,2} năm \d{4}/);
  const text = (await minutes.textContent()) ?? '';
  expect(text).not.toMatch(/UTC|GMT|npm/);
  expect(text).toMatch(/\d{2}:\d{2}:\d{2} ngày \d{2}\/\d{2}\/\d{4}/);
  expect(englishIn(text)).toEqual([]);

  const headings = (await minutes.locator('h1, h2, h3').allTextContents()).map((h) => h.trim().toLocaleUpperCase('vi'));
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  writeFileSync(join(SHOTS, 'minutes-vi.pdf'), pdf);
  const pages = await pagesOf(new Uint8Array(pdf));
  expect(pages.length).toBeGreaterThan(1);
  const lastLines = pages.slice(0, -1).map((lines) => lines.at(-1)?.toLocaleUpperCase('vi') ?? '');
  expect(lastLines.filter((line) => headings.includes(line))).toEqual([]);
  await context.close();
});
