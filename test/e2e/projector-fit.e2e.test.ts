// The projector on every screen a hall has, from 1024×768 to 3840×2160, in Vietnamese: for each
// kind of ballot (a batch of 60 and an election of 30 among them) no visible text leaves the screen
// or is cut by its box, every subject and candidate is on screen at some point of the paging cycle,
// key numbers keep their size in proportion, and axe-core finds nothing serious.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  APPROVAL_OPTIONS,
  CLASSIFICATION_LEVELS,
  CONFIDENCE_LEVELS,
  MOTION_OPTIONS,
  type BallotDefinition,
} from '@hallvote/shared';
import { ChildServer } from '../support/child-server';
import { okData, request } from '../support/request';
import { seriousViolations } from './support/axe';
import { launchChromium } from './support/browser';
import { textOverflows } from './support/fit';
import { openHall, type Hall } from './support/hall';

const ROOT = new URL('../../', import.meta.url).pathname;
const SHOTS = join(ROOT, 'test-results/e2e');
const SIZES = [
  { width: 1024, height: 768 },
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
  { width: 3840, height: 2160 },
] as const;
const VOTERS = 49;

let server: ChildServer;
let browser: Browser;
let hall: Hall;
const screens: { size: (typeof SIZES)[number]; page: Page }[] = [];
const violations: string[] = [];

const UNIT_KINDS = [
  'Chi bộ Trường Trung học phổ thông',
  'Đảng bộ xã',
  'Chi bộ Bệnh viện Đa khoa huyện',
  'Đảng bộ phường',
];
const PLACES = ['Hòa Vang', 'Thăng Bình', 'Điện Bàn', 'Núi Thành', 'Quế Sơn', 'Tiên Phước', 'Hiệp Đức', 'Duy Xuyên'];
const units = (n: number) => Array.from({ length: n }, (_, i) => `${UNIT_KINDS[i % 4]} ${PLACES[i % 8]} số ${i + 1}`);
const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng'];
const candidates = (n: number) =>
  Array.from({ length: n }, (_, i) => `${SURNAMES[i % 10]} ${i % 2 ? 'Thị' : 'Văn'} Ứng viên ${i + 1}`);

interface Case {
  readonly name: string;
  readonly definition: BallotDefinition;
  /** Delegate i's marks. */
  readonly marks: (i: number) => Record<string, readonly string[]>;
  /** Every text that must be on screen at some point of the cycle. */
  readonly labels: readonly string[];
  readonly acknowledgement?: string;
}

const OFFICIALS = [
  'Chủ tịch Hội đồng nhân dân tỉnh',
  'Phó Chủ tịch Hội đồng nhân dân tỉnh',
  'Chủ tịch Ủy ban nhân dân tỉnh',
  'Phó Chủ tịch Ủy ban nhân dân tỉnh phụ trách kinh tế',
  'Phó Chủ tịch Ủy ban nhân dân tỉnh phụ trách văn hóa - xã hội',
  'Trưởng Ban Pháp chế Hội đồng nhân dân tỉnh',
  'Trưởng Ban Kinh tế - Ngân sách Hội đồng nhân dân tỉnh',
];

const level = (i: number, row: number) => (row < 4 ? 'excellent' : i % 7 === 0 ? 'completed' : 'good');

const CASES: readonly Case[] = [
  {
    name: 'motion',
    definition: {
      title: 'Thông qua Nghị quyết về nhiệm vụ trọng tâm năm 2024',
      kind: 'motion',
      secret: false,
      subjects: [{ id: 'motion', label: 'Thông qua Nghị quyết về nhiệm vụ trọng tâm năm 2024' }],
      options: [...MOTION_OPTIONS],
      allowChange: false,
      interimForChair: false,
      countdownSeconds: 900,
    },
    marks: (i) => ({ motion: [i < 30 ? 'yes' : i < 45 ? 'no' : 'not-voting'] }),
    labels: ['Tán thành', 'Không tán thành', 'Không biểu quyết'],
  },
  {
    name: 'choice',
    definition: {
      title: 'Xếp loại chất lượng Đảng bộ tỉnh năm 2023',
      kind: 'choice',
      secret: true,
      subjects: [{ id: 'province', label: 'Xếp loại chất lượng Đảng bộ tỉnh năm 2023' }],
      options: [...CLASSIFICATION_LEVELS],
      allowChange: false,
      interimForChair: false,
    },
    marks: (i) => ({ province: [i === 0 ? 'excellent' : 'good'] }),
    labels: CLASSIFICATION_LEVELS.map(
      (_, i) => ['Hoàn thành xuất sắc', 'Hoàn thành tốt', 'Hoàn thành nhiệm vụ', 'Không hoàn thành'][i]!,
    ),
  },
  ...[19, 60].map((n): Case => ({
    name: `batch of ${n}`,
    definition: {
      title: `Xếp loại chất lượng ${n} tổ chức cơ sở đảng năm 2023`,
      kind: 'batch',
      secret: true,
      subjects: units(n).map((label, i) => ({ id: `s${i + 1}`, label, group: 'units' })),
      options: [...CLASSIFICATION_LEVELS],
      allowChange: false,
      interimForChair: false,
    },
    marks: (i) => Object.fromEntries(units(n).map((_, row) => [`s${row + 1}`, [level(i, row)]])),
    // 4 × excellent against 14 × good breaks the 20 % cap in the batch of 19, not in the 60.
    labels: n === 19 ? [...units(n), 'Cảnh báo', 'giữ nguyên kết quả'] : units(n),
    acknowledgement: 'Ban Thường vụ đã xem xét bốn tổ chức được đề nghị xếp loại xuất sắc và giữ nguyên kết quả.',
  })),
  {
    // A confidence rating's bands are sentences: the table keeps the whole width and wraps them.
    name: 'confidence rating',
    definition: {
      title: 'Lấy phiếu tín nhiệm đối với người giữ chức vụ do Hội đồng nhân dân tỉnh bầu',
      kind: 'batch',
      secret: true,
      subjects: OFFICIALS.map((label, i) => ({ id: `o${i + 1}`, label })),
      options: [...CONFIDENCE_LEVELS],
      allowChange: false,
      interimForChair: false,
      rules: { id: 'vn-confidence-2023', version: 1 },
    },
    // o4: 26 "low confidence" of 49 returned (53,06 %), more than half; o5: 33 (67,35 %), two thirds or more.
    marks: (i) =>
      Object.fromEntries(
        OFFICIALS.map((_, row) => [
          `o${row + 1}`,
          [
            (row === 3 && i < 26) || (row === 4 && i < 33)
              ? 'low-confidence'
              : i % 3
                ? 'high-confidence'
                : 'confidence',
          ],
        ]),
      ),
    labels: [...OFFICIALS, 'Có thể xin từ chức', 'trình miễn nhiệm', '53,06 %', 'Điều 19'],
  },
  {
    name: 'approval of one nominee',
    definition: {
      title: 'Bầu Bí thư Tỉnh ủy nhiệm kỳ 2025–2030',
      kind: 'motion',
      secret: true,
      subjects: [{ id: 'motion', label: 'Đồng chí Nguyễn Văn An' }],
      options: [...APPROVAL_OPTIONS],
      allowChange: false,
      interimForChair: false,
      rules: { id: 'vn-party-election', version: 1 },
    },
    marks: (i) => ({ motion: [i < 30 ? 'agree' : 'disagree'] }),
    labels: ['Đồng ý', 'Không đồng ý', '61,22 %', '56,60 %', 'Điều 30'],
  },
  ...[5, 30].map((n): Case => ({
    name: `election of ${n}`,
    definition: {
      title: `Bầu Ban Chấp hành: ${n} ứng cử viên`,
      kind: 'election',
      secret: true,
      seats: Math.min(3, n),
      subjects: [{ id: 'election', label: `Bầu Ban Chấp hành: ${n} ứng cử viên` }],
      options: candidates(n).map((label, i) => ({ id: `c${i + 1}`, label })),
      allowChange: false,
      interimForChair: false,
    },
    marks: (i) => ({
      election: [`c${(i % n) + 1}`, `c${((i + 1) % n) + 1}`, ...(i < 30 ? ['c1'] : [])].filter(
        (v, j, a) => a.indexOf(v) === j,
      ),
    }),
    labels: candidates(n),
  })),
  // Last: the paging test below turns the pages of the ballot on screen, the election of 30.
];

async function pageCount(page: Page): Promise<{ page: number; pages: number }> {
  const text = (await page.locator('.page-indicator').textContent()) ?? '';
  const m = /Trang (\d+) \/ (\d+)/.exec(text);
  return m ? { page: Number(m[1]), pages: Number(m[2]) } : { page: 1, pages: 1 };
}

/** Overflows on every page of the cycle, and the visible text of every page. */
async function cycle(page: Page): Promise<{ overflows: string[]; seen: string }> {
  const overflows: string[] = [];
  let seen = '';
  const { pages } = await pageCount(page);
  for (let p = 1; p <= pages; p += 1) {
    if (p > 1) {
      await page.keyboard.press('PageDown');
      await expect.poll(async () => (await pageCount(page)).page).toBe(p);
    }
    for (const o of await textOverflows(page))
      overflows.push(`page ${p}: "${o.text}" at ${o.rect.join(',')} (${o.clip})`);
    seen += `\n${await page.locator('.projector-app').innerText()}`;
  }
  return { overflows, seen };
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  server = await ChildServer.start({ serveClient: true });
  browser = await launchChromium();
  hall = await openHall(server, 53, 'Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 15, nhiệm kỳ 2020–2025');
  await hall.checkIn(0, VOTERS);
  for (const size of SIZES) {
    const context = await browser.newContext({ viewport: size, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(hall.projectorUrl);
    await page.getByText('Đủ điều kiện tiến hành').waitFor();
    screens.push({ size, page });
  }
});

afterAll(async () => {
  hall?.close();
  await browser?.close();
  await server?.stop();
  server?.cleanup();
});

describe.sequential('the projector fits every screen', () => {
  test('waiting: key numbers in proportion to the screen, nothing off screen', async () => {
    for (const { size, page } of screens) {
      expect(await textOverflows(page), `${size.width}×${size.height}`).toEqual([]);
      const height = await page.locator('.quorum .key-number').evaluate((el) => el.getBoundingClientRect().height);
      // About 96 px at 1080p, in proportion elsewhere.
      expect(height).toBeGreaterThanOrEqual(0.9 * 96 * (size.width / 1920));
    }
    violations.push(...(await seriousViolations(screens[2]!.page, 'projector waiting')));
  });

  for (const c of CASES) {
    test(`${c.name}: fits at every size while open and once published; every label shown in the cycle`, async () => {
      const ballotId = await hall.open(c.definition);
      for (const { size, page } of screens) {
        await page.getByRole('heading', { name: c.definition.title }).waitFor();
        expect(await textOverflows(page), `open at ${size.width}×${size.height}`).toEqual([]);
      }
      if (c.name === 'motion') {
        await screens[1]!.page.screenshot({ path: join(SHOTS, 'projector-1280-turnout.png') });
        violations.push(...(await seriousViolations(screens[2]!.page, 'projector turnout')));
      }
      for (let i = 0; i < VOTERS; i += 1) await hall.vote(i, ballotId, c.marks(i));
      await hall.closeAndPublish(ballotId, c.acknowledgement);
      for (const { size, page } of screens) {
        const where = `${c.name} at ${size.width}×${size.height}`;
        await page.locator('.result-board').waitFor();
        await page.getByText(/Phiếu thu về 49/).waitFor();
        if (size.width === 1280) {
          await page.screenshot({ path: join(SHOTS, `projector-1280-${c.name.replace(/ /g, '-')}.png`) });
        }
        const { overflows, seen } = await cycle(page);
        expect(overflows, where).toEqual([]);
        const missing = c.labels.filter((label) => !seen.includes(label));
        expect(missing, where).toEqual([]);
      }
      violations.push(...(await seriousViolations(screens[2]!.page, `projector ${c.name}`)));
    });
  }

  test('long results turn pages by themselves (pageSeconds in the address), with an indicator', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(hall.projectorUrl.replace('#', '?pageSeconds=0.5#'));
    await page.getByText(/Trang 1 \/ \d/).waitFor();
    await page.getByText(/Trang 2 \/ \d/).waitFor({ timeout: 5000 });
    await context.close();
  });

  test('the language switch hides when nobody touches the mouse, and keeps its place', async () => {
    const page = screens[1]!.page;
    await page.mouse.move(10, 10);
    await expect.poll(() => page.locator('.projector-footer .switch').getAttribute('class')).toBe('switch');
    await expect
      .poll(() => page.locator('.projector-footer .switch').getAttribute('class'), { timeout: 10_000 })
      .toBe('switch idle');
    expect(await page.getByRole('button', { name: 'English' }).isVisible()).toBe(false);
  });

  test('the chair holds it on the title slide (with a line), then blanks it: fits, and shows nothing', async () => {
    const line = 'Nghỉ giải lao 15 phút. Phiên chiều bắt đầu lúc 14 giờ tại Hội trường tầng 3';
    okData(await request(hall.chair, 'projector:set-screen', { mode: 'slide', slideText: line }));
    for (const { size, page } of screens) {
      await page.locator('.title-slide').getByText(line).waitFor();
      expect(await textOverflows(page), `title slide at ${size.width}×${size.height}`).toEqual([]);
      if (size.width === 1280) await page.screenshot({ path: join(SHOTS, 'projector-1280-title-slide.png') });
    }
    violations.push(...(await seriousViolations(screens[2]!.page, 'projector title slide')));
    okData(await request(hall.chair, 'projector:set-screen', { mode: 'blank', slideText: '' }));
    for (const { page } of screens) {
      await page.locator('.stage.blank').waitFor();
      expect(await page.locator('.stage.blank').innerText()).toBe('');
      expect(await page.getByText('Hội nghị Ban Chấp hành').count()).toBe(0);
    }
    okData(await request(hall.chair, 'projector:set-screen', { mode: 'live', slideText: '' }));
    await screens[0]!.page.locator('.result-board').waitFor();
  });

  test('axe-core: no serious or critical violation on the projector', () => {
    expect(violations).toEqual([]);
  });
});
