// The chair's laptop and the projector, as the bench drives them from the orchestrator, and how a
// meeting of N delegates comes to exist on each kind of server.
import { randomBytes } from 'node:crypto';
import { io } from 'socket.io-client';
import {
  CLASSIFICATION_LEVELS,
  PROTOCOL_VERSION,
  type BallotDefinition,
  type CreateMeetingResponse,
  type RosterLine,
  type Snapshot,
} from '@hallvote/shared';
import { requestOk, type Client } from '../test/support/request';
import { ADMIN_TOKEN } from './server-process';
import { nowMs } from './stats';

export interface BenchMeeting {
  readonly meetingId: string;
  readonly chairKey: string;
  readonly projectorKey: string;
  readonly tokens: readonly string[];
}

/** A roster of `n` members in two groups, as the lines of a file with a title line. */
export function rosterLines(n: number): RosterLine[] {
  return Array.from({ length: n }, (_, i) => ({
    line: i + 2,
    name: `Đại biểu ${i + 1}`,
    position: `Đơn vị ${i + 1}`,
    group: i % 2 ? 'B' : 'A',
  }));
}

async function fetchWithTimeout(url: string, init: RequestInit, timeoutMs: number): Promise<Response> {
  return fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
}

/** hallvote: the admin creates the meeting; the delegate tokens come from the chair's badge sheet. */
export async function createHallvoteMeeting(url: string, n: number): Promise<BenchMeeting & { badgeSheetMs: number }> {
  const res = await fetchWithTimeout(
    `${url}/api/meetings`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ title: `Bench ${n}`, rulePresetId: 'vn-party-classification', roster: rosterLines(n) }),
    },
    120_000,
  );
  const json = (await res.json()) as { ok: boolean; data: CreateMeetingResponse };
  if (!json.ok) throw new Error(`creating the meeting failed: ${JSON.stringify(json).slice(0, 500)}`);
  const m = json.data;
  const started = performance.now();
  const sheet = await fetchWithTimeout(
    `${url}/api/meetings/${m.meetingId}/badges`,
    { headers: { authorization: `Bearer ${m.chairKey}` } },
    240_000,
  );
  const html = await sheet.text();
  const badgeSheetMs = performance.now() - started;
  const tokens = [...new Set([...html.matchAll(/\/d\/([A-Za-z0-9_-]+)/g)].map((match) => match[1] ?? ''))];
  if (tokens.length !== n) throw new Error(`badge sheet has ${tokens.length} join URLs, expected ${n}`);
  return { meetingId: m.meetingId, chairKey: m.chairKey, projectorKey: m.projectorKey, tokens, badgeSheetMs };
}

/** baseline: nothing to create; any well-formed token is let in. */
export function baselineMeeting(n: number): BenchMeeting {
  const tokens = Array.from({ length: n }, () => randomBytes(18).toString('base64url'));
  return { meetingId: 'baseline', chairKey: 'chair', projectorKey: 'projector', tokens };
}

/** One classification subject, the four levels, secret: ballot 1 of the hall story. */
export const BENCH_BALLOT: BallotDefinition = {
  title: 'Bench: xếp loại',
  kind: 'choice',
  secret: true,
  subjects: [{ id: 'province', label: 'Đảng bộ tỉnh' }],
  options: [...CLASSIFICATION_LEVELS],
  allowChange: false,
  interimForChair: false,
  // The bench closes whenever its phones are done, even if some never voted: no early-close minimum.
  earlyCloseMinimum: 0,
};

function connect(
  url: string,
  auth: Record<string, unknown>,
  timeoutMs: number,
): Promise<{ socket: Client; snapshot: Snapshot }> {
  return new Promise((resolve, reject) => {
    const socket: Client = io(url, {
      auth: { protocol: PROTOCOL_VERSION, ...auth },
      transports: ['websocket'],
      forceNew: true,
      // The meeting, as the real console sends it: a load balancer in front routes by it.
      query: { m: String(auth.meetingId) },
    });
    const timer = setTimeout(() => {
      socket.disconnect();
      reject(new Error(`no snapshot within ${timeoutMs} ms for ${String(auth.role)}`));
    }, timeoutMs);
    socket.once('snapshot', (snapshot) => {
      clearTimeout(timer);
      resolve({ socket, snapshot });
    });
    socket.on('connect_error', (err) => {
      if (socket.active) return;
      clearTimeout(timer);
      reject(err);
    });
  });
}

/** Resolves with `value()` once `ready()` holds, polling; null after the timeout. */
async function waitFor<T>(ready: () => T | null, timeoutMs: number): Promise<T | null> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = ready();
    if (value !== null || performance.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 5));
  }
}

export class HallConsole {
  /** Epoch ms at which the projector first saw turnout.voted reach a count, per ballot. */
  private readonly turnoutSeen = new Map<string, { voted: number; at: number }[]>();
  private present = 0;
  lastProjectorSnapshot: Snapshot | null = null;

  private constructor(
    private readonly chair: Client,
    private readonly projector: Client,
    projectorSnapshot: Snapshot,
  ) {
    this.lastProjectorSnapshot = projectorSnapshot;
    projector.on('turnout:updated', (e) => {
      const list = this.turnoutSeen.get(e.turnout.ballotId) ?? [];
      list.push({ voted: e.turnout.voted, at: nowMs() });
      this.turnoutSeen.set(e.turnout.ballotId, list);
    });
    projector.on('presence:updated', (e) => (this.present = e.presence.present));
    projector.on('snapshot', (s) => (this.lastProjectorSnapshot = s));
  }

  static async open(url: string, m: BenchMeeting): Promise<HallConsole> {
    const chair = await connect(url, { role: 'chair', meetingId: m.meetingId, key: m.chairKey }, 30_000);
    const projector = await connect(url, { role: 'projector', meetingId: m.meetingId, key: m.projectorKey }, 30_000);
    return new HallConsole(chair.socket, projector.socket, projector.snapshot);
  }

  /** Waits until the projector shows `n` present (hallvote coalesces presence; baseline skips). */
  waitPresent(n: number, timeoutMs: number): Promise<boolean | null> {
    return waitFor(() => (this.present >= n ? true : null), timeoutMs);
  }

  async openBallot(): Promise<{ ballotId: string; round: number }> {
    const { ballotId } = await requestOk(this.chair, 'ballot:create', BENCH_BALLOT, 30_000);
    const view = await requestOk(this.chair, 'ballot:open', { ballotId }, 30_000);
    return { ballotId, round: view.round };
  }

  /** A secret batch ballot of `subjects` sub-units in two groups, opened (the close scenario). */
  async openBatchBallot(subjects: number): Promise<{ ballotId: string; round: number; subjectIds: string[] }> {
    const units = Array.from({ length: subjects }, (_, i) => ({
      id: `unit-${i + 1}`,
      label: `Đơn vị ${i + 1}`,
      group: i % 2 ? 'A' : 'B',
    }));
    const definition: BallotDefinition = { ...BENCH_BALLOT, title: 'Bench: 50 đơn vị', kind: 'batch', subjects: units };
    const { ballotId } = await requestOk(this.chair, 'ballot:create', definition, 30_000);
    const view = await requestOk(this.chair, 'ballot:open', { ballotId }, 30_000);
    return { ballotId, round: view.round, subjectIds: units.map((u) => u.id) };
  }

  /**
   * Closes the ballot, timing it as the chair sees it: until the ack, and until the console hears
   * the closed ballot with its result (whichever the console shows first is what the chair sees).
   */
  async timedClose(ballotId: string): Promise<{ ackMs: number; resultMs: number | null; returned: number | null }> {
    const started = performance.now();
    let resultMs: number | null = null;
    const heard = (e: { ballot: { id: string; state: string; result: unknown } }) => {
      if (e.ballot.id === ballotId && e.ballot.state === 'closed' && e.ballot.result && resultMs === null)
        resultMs = performance.now() - started;
    };
    this.chair.on('console:ballot-updated', heard);
    const result = await requestOk(this.chair, 'ballot:close', { ballotId }, 120_000);
    const ackMs = performance.now() - started;
    await new Promise((r) => setTimeout(r, 200));
    this.chair.off('console:ballot-updated', heard);
    return { ackMs, resultMs, returned: result.tally.ballots.returned };
  }

  /**
   * The chair's read-only requests for `durationMs`, one every `everyMs`, alternating a snapshot
   * (sync:request) and the audit log: each one's answer time in ms, by request.
   */
  async timedReads(durationMs: number, everyMs: number): Promise<{ sync: number[]; audit: number[] }> {
    const times = { sync: [] as number[], audit: [] as number[] };
    const until = performance.now() + durationMs;
    for (let i = 0; performance.now() < until; i += 1) {
      const started = performance.now();
      if (i % 2 === 0) await requestOk(this.chair, 'sync:request', {}, 30_000);
      else await requestOk(this.chair, 'audit:list', {}, 30_000);
      const ms = performance.now() - started;
      (i % 2 === 0 ? times.sync : times.audit).push(ms);
      await new Promise((r) => setTimeout(r, Math.max(0, everyMs - ms)));
    }
    return times;
  }

  /** Closes the ballot; hallvote answers with the tally of the stored rows. */
  closeBallot(ballotId: string): Promise<{ tally?: { ballots?: { returned?: number } } }> {
    return requestOk(this.chair, 'ballot:close', { ballotId }, 60_000);
  }

  /** When the projector first saw `voted` ≥ n for this ballot (epoch ms), waiting up to timeoutMs. */
  turnoutReached(ballotId: string, n: number, timeoutMs: number): Promise<number | null> {
    return waitFor(() => this.turnoutSeen.get(ballotId)?.find((t) => t.voted >= n)?.at ?? null, timeoutMs);
  }

  turnoutMessages(ballotId: string): number {
    return this.turnoutSeen.get(ballotId)?.length ?? 0;
  }

  close(): void {
    this.chair.disconnect();
    this.projector.disconnect();
  }
}
