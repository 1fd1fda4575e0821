// Phones in a real hall, in Debian's Chromium against the real server: small screens, the batch of
// 19 counted in taps, an election crossed out as on paper, marks surviving a reload, a vote with
// the keyboard alone, and axe-core over every view.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLASSIFICATION_LEVELS, MOTION_OPTIONS, type RoundExport } from '@hallvote/shared';
import { ChildServer } from '../support/child-server';
import { seriousViolations } from './support/axe';
import { PHONE, launchChromium } from './support/browser';
import { openHall, type Hall } from './support/hall';

const ROOT = new URL('../../', import.meta.url).pathname;
const SHOTS = join(ROOT, 'test-results/e2e');
const SUB_UNITS = readFileSync(join(ROOT, 'examples/sub-units-19.txt'), 'utf8').trim().split('\n');
const GOOD = 'Hoàn thành tốt nhiệm vụ';

let server: ChildServer;
let browser: Browser;
let hall: Hall;
const contexts: BrowserContext[] = [];
const violations: string[] = [];

async function phone(i: number, viewport: { width: number; height: number } = PHONE.viewport): Promise<Page> {
  const context = await browser.newContext({ ...PHONE, viewport });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(hall.joinUrl(i));
  // Joined: the badge's name is in the header (the screen below shows whatever ballot is current).
  await page.getByText(`Đại biểu ${i + 1}`, { exact: true }).waitFor();
  return page;
}

const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });

async function axeCheck(page: Page, view: string): Promise<void> {
  violations.push(...(await seriousViolations(page, view)));
}

/** Every option's box against the viewport and the sticky button bar. */
function optionBoxes(page: Page) {
  return page.evaluate(() => {
    const bar = document.querySelector('.sticky-actions')?.getBoundingClientRect();
    const limit = Math.min(window.innerHeight, bar?.top ?? window.innerHeight);
    return [...document.querySelectorAll('[role="radio"]')].map((el) => {
      const r = el.getBoundingClientRect();
      return { name: el.textContent, top: Math.round(r.top), bottom: Math.round(r.bottom), limit: Math.round(limit) };
    });
  });
}

async function roundRecords(ballotId: string): Promise<RoundExport['records']> {
  const res = await fetch(`${server.url}/api/meetings/${hall.meeting.meetingId}/rounds/${ballotId}/1.json`, {
    headers: { authorization: `Bearer ${hall.meeting.chairKey}` },
  });
  return ((await res.json()) as RoundExport).records;
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await ChildServer.start({ serveClient: true });
  browser = await launchChromium();
  hall = await openHall(server, 53, 'Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15');
  await hall.checkIn(10, 50);
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  hall?.close();
  await browser?.close();
  await server?.stop();
  server?.cleanup();
});

describe.sequential('phones in a real hall', () => {
  test('320×568: every option of a motion and of a four-level choice is in view, clear of the sticky button', async () => {
    const page = await phone(0, { width: 320, height: 568 });
    await page.getByRole('heading', { name: 'Đang chờ phiếu biểu quyết tiếp theo' }).waitFor();
    await axeCheck(page, 'waiting');
    await shot(page, 'phone-320-waiting');

    const motion = await hall.open({
      title: 'Thông qua Nghị quyết Hội nghị lần thứ 15',
      kind: 'motion',
      secret: false,
      subjects: [{ id: 'motion', label: 'Thông qua Nghị quyết Hội nghị lần thứ 15' }],
      options: [...MOTION_OPTIONS],
      allowChange: false,
      interimForChair: false,
    });
    await page.getByRole('radio', { name: 'Tán thành', exact: true }).waitFor();
    const motionBoxes = await optionBoxes(page);
    expect(motionBoxes).toHaveLength(3);
    for (const box of motionBoxes) expect(box.top >= 0 && box.bottom <= box.limit, JSON.stringify(box)).toBe(true);
    await shot(page, 'phone-320-motion');
    await axeCheck(page, 'motion');
    await hall.closeAndPublish(motion);

    const choice = await hall.open({
      title: 'Xếp loại chất lượng Đảng bộ tỉnh năm 2023',
      kind: 'choice',
      secret: true,
      subjects: [{ id: 'province', label: 'Xếp loại chất lượng Đảng bộ tỉnh năm 2023' }],
      options: [...CLASSIFICATION_LEVELS],
      allowChange: false,
      interimForChair: false,
    });
    await page.getByRole('radio', { name: GOOD }).waitFor();
    const choiceBoxes = await optionBoxes(page);
    expect(choiceBoxes).toHaveLength(4);
    for (const box of choiceBoxes) expect(box.top >= 0 && box.bottom <= box.limit, JSON.stringify(box)).toBe(true);
    await shot(page, 'phone-320-choice');
    await axeCheck(page, 'choice');

    await page.getByRole('radio', { name: GOOD }).click();
    await page.getByRole('button', { name: 'Xem lại phiếu' }).click();
    await page.getByRole('heading', { name: 'Kiểm tra lại phiếu của đồng chí' }).waitFor();
    await axeCheck(page, 'review');
    await page.getByRole('button', { name: 'Xác nhận bỏ phiếu' }).click();
    await page.getByRole('heading', { name: /Phiếu của đồng chí đã được ghi nhận/ }).waitFor();
    await shot(page, 'phone-320-voted');
    await axeCheck(page, 'voted');
    await hall.closeAndPublish(choice);
    await page.getByRole('heading', { name: 'Kết quả' }).waitFor();
    await axeCheck(page, 'result');
  });

  test('the batch of 19: at most 25 taps from opening to confirmed, at most 3 screens tall at 360×640, marks kept across a reload', async () => {
    const page = await phone(1);
    let taps = 0;
    const tap = async (target: Locator) => {
      taps += 1;
      await target.click();
    };
    const cell = (i: number, level: string) =>
      page.getByRole('radiogroup', { name: SUB_UNITS[i] ?? '' }).getByRole('radio', { name: level, exact: true });

    const batch = await hall.open({
      title: 'Xếp loại chất lượng 19 tổ chức cơ sở đảng năm 2023',
      kind: 'batch',
      secret: true,
      subjects: SUB_UNITS.map((label, i) => ({ id: `s${i + 1}`, label, group: 'units' })),
      options: [...CLASSIFICATION_LEVELS],
      allowChange: false,
      interimForChair: false,
    });
    await cell(0, GOOD).waitFor();
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(height).toBeLessThanOrEqual(3 * 640);
    await shot(page, 'phone-batch-grid');
    await axeCheck(page, 'batch grid');

    for (let i = 0; i < 10; i += 1) await tap(cell(i, i < 2 ? 'Hoàn thành xuất sắc nhiệm vụ' : GOOD));
    await page.getByText('Đã đánh giá 10 / 19').waitFor();
    await page.reload();
    await page.getByText('Đã đánh giá 10 / 19').waitFor();
    expect(await cell(3, GOOD).getAttribute('aria-checked')).toBe('true');
    for (let i = 10; i < 19; i += 1) await tap(cell(i, i === 18 ? 'Hoàn thành nhiệm vụ' : GOOD));
    await page.getByText('Đã đánh giá 19 / 19').waitFor();
    await shot(page, 'phone-batch-grid-marked', true);

    await tap(page.getByRole('button', { name: 'Xem lại phiếu' }));
    await page.getByRole('heading', { name: 'Kiểm tra lại phiếu của đồng chí' }).waitFor();
    await shot(page, 'phone-batch-review');
    await axeCheck(page, 'batch review');
    await tap(page.getByRole('button', { name: 'Xác nhận bỏ phiếu' }));
    await page.getByRole('heading', { name: /Phiếu của đồng chí đã được ghi nhận/ }).waitFor();
    expect(taps).toBeLessThanOrEqual(25);
    expect(taps).toBe(21);

    const records = await (async () => {
      await hall.closeAndPublish(batch);
      return roundRecords(batch);
    })();
    expect(records).toHaveLength(1);
    expect(records[0]?.s1).toEqual(['excellent']);
    expect(records[0]?.s4).toEqual(['good']);
    expect(records[0]?.s19).toEqual(['completed']);
  });

  test('an election of 3 of 5: crossing names out and ticking them send the same marks', async () => {
    const names = ['Nguyễn Văn An', 'Trần Thị Bình', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em'];
    const crossing = await phone(2);
    const ticking = await phone(3);
    const election = await hall.open({
      title: 'Bầu Ban Thường vụ (3 trong 5)',
      kind: 'election',
      secret: true,
      seats: 3,
      subjects: [{ id: 'election', label: 'Bầu Ban Thường vụ (3 trong 5)' }],
      options: names.map((label, i) => ({ id: `c${i + 1}`, label })),
      allowChange: false,
      interimForChair: false,
    });
    // Crossing out, as on paper: every name starts kept; two taps leave three.
    await crossing.getByText('Đã chọn 5 / 3').waitFor();
    expect(await crossing.getByRole('button', { name: 'Xem lại phiếu' }).isDisabled()).toBe(true);
    await crossing.getByRole('checkbox', { name: /Lê Văn Cường/ }).click();
    await crossing.getByRole('checkbox', { name: /Hoàng Văn Em/ }).click();
    await crossing.getByText('Đã chọn 3 / 3').waitFor();
    await shot(crossing, 'phone-election-cross');
    await axeCheck(crossing, 'election crossing out');
    await crossing.getByRole('button', { name: 'Xem lại phiếu' }).click();
    await crossing.getByRole('button', { name: 'Xác nhận bỏ phiếu' }).click();
    await crossing.getByRole('heading', { name: /Phiếu của đồng chí đã được ghi nhận/ }).waitFor();

    // Ticking the same three names.
    await ticking.getByRole('button', { name: 'Đánh dấu người bầu' }).click();
    await ticking.getByText('Đã chọn 0 / 3').waitFor();
    for (const name of ['Nguyễn Văn An', 'Trần Thị Bình', 'Phạm Thị Dung'])
      await ticking.getByRole('checkbox', { name }).click();
    await ticking.getByText('Đã chọn 3 / 3').waitFor();
    await axeCheck(ticking, 'election ticking');
    await ticking.getByRole('button', { name: 'Xem lại phiếu' }).click();
    await ticking.getByRole('button', { name: 'Xác nhận bỏ phiếu' }).click();
    await ticking.getByRole('heading', { name: /Phiếu của đồng chí đã được ghi nhận/ }).waitFor();

    await hall.closeAndPublish(election);
    const records = await roundRecords(election);
    expect(records).toHaveLength(2);
    expect(records[0]).toEqual({ election: ['c1', 'c2', 'c4'] });
    expect(records[1]).toEqual(records[0]);
  });

  test('a full vote with the keyboard alone', async () => {
    const page = await phone(4);
    await hall.open({
      title: 'Thông qua chương trình làm việc',
      kind: 'motion',
      secret: false,
      subjects: [{ id: 'motion', label: 'Thông qua chương trình làm việc' }],
      options: [...MOTION_OPTIONS],
      allowChange: false,
      interimForChair: false,
    });
    const focused = () => page.evaluate(() => document.activeElement?.textContent ?? '');
    await expect.poll(focused).toBe('Thông qua chương trình làm việc');
    await page.keyboard.press('Tab');
    expect(await focused()).toContain('Tán thành');
    await page.keyboard.press('ArrowDown');
    expect(await focused()).toContain('Không tán thành');
    expect(await page.getByRole('radio', { name: 'Không tán thành' }).getAttribute('aria-checked')).toBe('true');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Xem lại phiếu');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('Kiểm tra lại phiếu của đồng chí');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focused()).toBe('Xác nhận bỏ phiếu');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toContain('Phiếu của đồng chí đã được ghi nhận');
  });

  test('the page shows its screen from the snapshot it carries, before (and without) the socket', async () => {
    const context = await browser.newContext({ ...PHONE });
    contexts.push(context);
    // No connection to the server's socket at all: neither a WebSocket nor long-polling.
    await context.routeWebSocket(/\/socket\.io\//, () => undefined);
    await context.route(/\/socket\.io\//, (route) => route.abort());
    const page = await context.newPage();
    await page.goto(hall.joinUrl(5));
    await page.getByText('Đại biểu 6', { exact: true }).waitFor();
    // The ballot still open from the keyboard test is on screen, and the strip says the phone is
    // still connecting.
    await page.getByRole('heading', { name: 'Thông qua chương trình làm việc' }).waitFor();
    await page.getByText('Đang kết nối…').waitFor();
  });

  test('axe-core: no serious or critical violation in any phone view', () => {
    expect(violations).toEqual([]);
  });
});
