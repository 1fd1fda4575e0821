// Scenario "phone": how long a delegate's phone takes, in Debian's Chromium under Chromium's own
// network profiles (CDP Network.emulateNetworkConditions), from opening its badge link to the
// waiting screen, and to a ready ballot (the options on screen) when a ballot is already open.
// Cold loads (nothing cached) unless marked warm (a reload: hashed assets come from the cache).
// Loopback only; one phone at a time; a few runs each, the median reported.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION } from '@hallvote/shared';
import { launchChromium } from '../test/e2e/support/browser';
import { trackDir, untrackDir } from './children';
import { createHallvoteMeeting, HallConsole, type BenchMeeting } from './hall-console';
import { freePort, HALLVOTE, ServerProcess } from './server-process';

/** Chromium DevTools' presets: throughput in bytes per second, latency in ms. */
const PROFILES = {
  none: null,
  'Fast 3G': { latency: 562.5, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 },
  'Slow 3G': { latency: 2000, downloadThroughput: (500e3 / 8) * 0.9, uploadThroughput: (500e3 / 8) * 0.9 },
} as const;
type Profile = keyof typeof PROFILES;

export const WAITING_TARGET_MS = 2000;
/** Issue 14's measurement on the code before it (polling first, 92.3 KB page), Fast 3G. */
export const WAITING_BEFORE_MS = 3800;

export interface PhoneLoad {
  readonly profile: Profile;
  readonly screen: 'waiting' | 'ballot';
  readonly warm: boolean;
  /** Median over the runs, from navigation start (ms). */
  readonly ms: number;
  readonly runs: readonly number[];
  /** Median: the socket's own snapshot has arrived (the phone is in sync and can vote at once). */
  readonly onlineMs: number;
  /** Of the last run: the page's HTML, and the WebSocket handshake (request → 101), in ms. */
  readonly htmlMs: number | null;
  readonly webSocketHandshakeMs: number | null;
  readonly transferredKB: number;
}

export interface PhoneTiming {
  readonly loads: readonly PhoneLoad[];
}

const WAITING = 'Đang chờ phiếu biểu quyết tiếp theo';

/** Records, in the page, when the waiting screen and a ballot's first option first appear. */
const RECORDER = `(() => {
  const marks = (window.__hallvoteMarks = {});
  const check = () => {
    const h1 = document.querySelector('h1');
    if (!marks.waiting && h1 && h1.textContent === ${JSON.stringify(WAITING)}) marks.waiting = performance.now();
    if (!marks.ballot && document.querySelector('[role="radio"]')) marks.ballot = performance.now();
    // In sync: a screen is up and the "connecting" strip is gone (the socket's snapshot arrived).
    if (!marks.online && (marks.waiting || marks.ballot) && !document.querySelector('.connection-banner'))
      marks.online = performance.now();
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function loadOnce(
  context: BrowserContext,
  page: Page,
  url: string,
  profile: Profile,
  screen: 'waiting' | 'ballot',
  reload: boolean,
): Promise<{ ms: number; onlineMs: number; htmlMs: number | null; wsMs: number | null; bytes: number }> {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const conditions = PROFILES[profile];
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: conditions?.latency ?? 0,
    downloadThroughput: conditions?.downloadThroughput ?? -1,
    uploadThroughput: conditions?.uploadThroughput ?? -1,
  });
  let htmlMs: number | null = null;
  let wsStart: number | null = null;
  let wsMs: number | null = null;
  let bytes = 0;
  let start: number | null = null;
  cdp.on('Network.requestWillBeSent', (e: { type?: string; timestamp: number }) => {
    if (e.type === 'Document') start = e.timestamp;
  });
  cdp.on('Network.responseReceived', (e: { type?: string; timestamp: number }) => {
    if (e.type === 'Document' && start !== null) htmlMs = (e.timestamp - start) * 1000;
  });
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => (bytes += e.encodedDataLength));
  cdp.on('Network.webSocketWillSendHandshakeRequest', (e: { timestamp: number }) => (wsStart ??= e.timestamp));
  cdp.on('Network.webSocketHandshakeResponseReceived', (e: { timestamp: number }) => {
    if (wsStart !== null && wsMs === null) wsMs = (e.timestamp - wsStart) * 1000;
  });
  if (reload) await page.reload({ waitUntil: 'commit' });
  else await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    (which) => (globalThis as unknown as { __hallvoteMarks?: Record<string, number> }).__hallvoteMarks?.[which],
    screen,
    { timeout: 60_000, polling: 50 },
  );
  const ms = (await handle.jsonValue()) as number;
  const online = await page.waitForFunction(
    () => (globalThis as unknown as { __hallvoteMarks?: Record<string, number> }).__hallvoteMarks?.online,
    undefined,
    { timeout: 60_000, polling: 50 },
  );
  const onlineMs = (await online.jsonValue()) as number;
  await cdp.detach();
  return { ms, onlineMs, htmlMs, wsMs, bytes };
}

async function measure(
  browser: Browser,
  url: string,
  profile: Profile,
  screen: 'waiting' | 'ballot',
  runs: number,
  warm: boolean,
): Promise<PhoneLoad> {
  const times: number[] = [];
  const online: number[] = [];
  let last = { ms: NaN, onlineMs: NaN, htmlMs: null as number | null, wsMs: null as number | null, bytes: 0 };
  for (let i = 0; i < runs; i += 1) {
    const context = await browser.newContext({
      viewport: { width: 360, height: 640 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'vi-VN',
    });
    await context.addInitScript(RECORDER);
    const page = await context.newPage();
    if (warm) await loadOnce(context, page, url, 'none', screen, false);
    last = await loadOnce(context, page, url, profile, screen, warm);
    times.push(last.ms);
    online.push(last.onlineMs);
    await context.close();
  }
  return {
    profile,
    screen,
    warm,
    ms: median(times),
    runs: times,
    onlineMs: median(online),
    htmlMs: last.htmlMs,
    webSocketHandshakeMs: last.wsMs,
    transferredKB: last.bytes / 1024,
  };
}

/** Two members join over sockets, so that the meeting is quorate and a ballot can open. */
async function quorum(url: string, m: BenchMeeting): Promise<() => void> {
  const sockets = await Promise.all(
    m.tokens.slice(0, 2).map(
      (token) =>
        new Promise<ReturnType<typeof io>>((resolve, reject) => {
          const s = io(url, {
            auth: { protocol: PROTOCOL_VERSION, role: 'delegate', token },
            transports: ['websocket'],
            forceNew: true,
          });
          s.once('snapshot', () => resolve(s));
          s.once('connect_error', reject);
        }),
    ),
  );
  return () => sockets.forEach((s) => s.disconnect());
}

export async function measurePhoneTiming(log: (line: string) => void, runs = 3): Promise<PhoneTiming> {
  const dataDir = trackDir(mkdtempSync(join(tmpdir(), 'hallvote-bench-phone-')));
  const server = await ServerProcess.start(HALLVOTE, await freePort(), dataDir);
  const closers: (() => void)[] = [];
  let browser: Browser | null = null;
  try {
    // One meeting with no ballot (the waiting screen), one with a ballot open (a ready ballot).
    const idle = await createHallvoteMeeting(server.url, 3);
    const voting = await createHallvoteMeeting(server.url, 3);
    closers.push(await quorum(server.url, voting));
    const hall = await HallConsole.open(server.url, voting);
    closers.push(() => hall.close());
    await hall.waitPresent(2, 10_000);
    await hall.openBallot();
    browser = await launchChromium();
    const waitingUrl = `${server.url}/d/${idle.tokens[2]}`;
    const ballotUrl = `${server.url}/d/${voting.tokens[2]}`;
    const loads: PhoneLoad[] = [];
    const plan: [Profile, 'waiting' | 'ballot', number, boolean][] = [
      ['none', 'waiting', runs, false],
      ['Fast 3G', 'waiting', runs, false],
      ['Fast 3G', 'ballot', runs, false],
      ['Fast 3G', 'waiting', runs, true],
      ['Slow 3G', 'waiting', 1, false],
      ['Slow 3G', 'ballot', 1, false],
    ];
    for (const [profile, screen, n, warm] of plan) {
      const load = await measure(browser, screen === 'waiting' ? waitingUrl : ballotUrl, profile, screen, n, warm);
      log(`phone ${profile}${warm ? ' (warm)' : ''} → ${screen}: ${load.runs.map((r) => Math.round(r)).join(', ')} ms`);
      loads.push(load);
    }
    return { loads };
  } finally {
    for (const close of closers) close();
    await browser?.close();
    await server.stop();
    untrackDir(dataDir);
  }
}

/** The phone's own table: each load, its ratio to the 2.0 s target and to the time before issue 14. */
export function renderPhoneTable(t: PhoneTiming): string {
  const rows = t.loads.map((l) => {
    const s = (l.ms / 1000).toFixed(2);
    const target = l.screen === 'waiting' ? `${(l.ms / WAITING_TARGET_MS).toFixed(2)}×` : '';
    const before =
      l.screen === 'waiting' && l.profile === 'Fast 3G' && !l.warm ? `${(l.ms / WAITING_BEFORE_MS).toFixed(2)}×` : '';
    return [
      `${l.profile}${l.warm ? ', warm' : ''}`,
      l.screen === 'waiting' ? 'waiting screen' : 'ready ballot',
      `${s} s`,
      `${(l.onlineMs / 1000).toFixed(2)} s`,
      target,
      before,
      l.htmlMs === null ? '' : `${Math.round(l.htmlMs)} ms`,
      l.webSocketHandshakeMs === null ? '' : `${Math.round(l.webSocketHandshakeMs)} ms`,
      `${l.transferredKB.toFixed(1)} KB`,
    ];
  });
  const header = [
    'network',
    'to',
    'median',
    'in sync',
    '÷ 2.0 s target',
    '÷ 3.8 s before',
    'HTML',
    'WebSocket 101',
    'transferred',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
