// The report: latest.json with exactly the keys of issue 7, a detail file with everything measured,
// and a table with each figure beside the baseline's, the ratio, the target and the verdict.
import type { BigCloseResult, LockedResult } from './hallvote-scenarios';
import type { PageWeight } from './page-weight';
import { WAITING_TARGET_MS, type PhoneTiming } from './phone-timing';
import { bigCloseRows, lockedRows, votingLoopRows } from './report-loop';
import type { CapacityResult, SocketResults, VotingResult } from './socket-scenarios';
import { ratio, round, total } from './stats';
import type { TallyBenchResult } from './tally-bench';

export interface RunResults {
  readonly delegates: number;
  readonly hallvote: SocketResults | null;
  readonly baseline: SocketResults | null;
  /** The capacity run that must be clean (10,000 unless --big-delegates says otherwise). */
  readonly tenThousand: {
    readonly delegates: number;
    readonly hallvote: CapacityResult | null;
    readonly baseline: CapacityResult | null;
  } | null;
  readonly tally: TallyBenchResult | null;
  readonly page: PageWeight | null;
  readonly phone: PhoneTiming | null;
  /** hallvote: chair reads while another process holds the write lock. */
  readonly locked: LockedResult | null;
  /** hallvote: the close of a round of every big-run delegate × 50 sub-units. */
  readonly bigClose: BigCloseResult | null;
  readonly failures: readonly string[];
}

const errorsOf = (v: { errors: Record<string, number> } | null | undefined) => (v ? total(v.errors) : null);
const p = (v: VotingResult | null | undefined, k: 'p50' | 'p95' | 'p99' | 'max') => v?.ack[k] ?? null;

/** latest.json: the keys the issue lists, in ms and KB, nothing else. */
export function latestJson(r: RunResults) {
  const h = r.hallvote;
  const b = r.baseline;
  return {
    delegates: r.delegates,
    capacity: {
      rssPerConnKB: round(h?.capacity.rssPerConnKB ?? null),
      heapPerConnKB: round(h?.capacity.heapPerConnKB ?? null),
      tenThousandErrors: r.tenThousand?.hallvote ? errorsOf(r.tenThousand.hallvote) : null,
    },
    paced: {
      ackP50Ms: round(p(h?.paced, 'p50')),
      ackP99Ms: round(p(h?.paced, 'p99')),
      projectorLagMs: round(h?.paced?.projectorLagMs ?? null),
      baselineAckP99Ms: round(p(b?.paced, 'p99')),
    },
    burst: {
      ackP99Ms: round(p(h?.burst, 'p99')),
      errors: errorsOf(h?.burst),
      commitsPerSec: round(h?.burst?.commitsPerSec ?? null, 0),
      baselineAckP99Ms: round(p(b?.burst, 'p99')),
    },
    reconnect: {
      p95Ms: round(h?.reconnect?.p95Ms ?? null, 0),
      allMs: round(h?.reconnect?.allMs ?? null, 0),
    },
    tallyMs: round(r.tally?.medianMs ?? null, 2),
    eventLoop: {
      burstDelayP99Ms: round(h?.burst?.serverLoad.loopDelayP99Ms ?? null),
      burstDelayMaxMs: round(h?.burst?.serverLoad.loopDelayMaxMs ?? null),
      lockedChairReadsP99Ms: round(r.locked?.reads.p99 ?? null),
      bigCloseResultMs: round(r.bigClose?.resultMs ?? r.bigClose?.ackMs ?? null, 0),
      bigCloseDelayP99Ms: round(r.bigClose?.serverLoad.loopDelayP99Ms ?? null),
      bigCloseDelayMaxMs: round(r.bigClose?.serverLoad.loopDelayMaxMs ?? null),
    },
    delegateBundleGzKB: round(r.page?.gzKB ?? null),
    phoneFast3gWaitingMs: round(phoneMs(r, 'Fast 3G', 'waiting'), 0),
    phoneFast3gBallotMs: round(phoneMs(r, 'Fast 3G', 'ballot'), 0),
  };
}

/** The cold-load median of the phone to `screen` under `profile`, or null. */
function phoneMs(r: RunResults, profile: string, screen: 'waiting' | 'ballot'): number | null {
  return r.phone?.loads.find((l) => l.profile === profile && l.screen === screen && !l.warm)?.ms ?? null;
}

type Verdict = 'met' | 'MISSED' | '';

interface Row {
  readonly metric: string;
  readonly mine: number | string | null;
  readonly base?: number | string | null;
  readonly target?: string;
  readonly verdict?: Verdict;
}

const ratioText = (v: number | null) => (v === null ? null : `${round(v, 2)}×`);
const le = (v: number | null, limit: number): Verdict => (v === null ? '' : v <= limit ? 'met' : 'MISSED');
const fmt = (v: number | string | null | undefined, digits = 1) =>
  v === null || v === undefined ? '–' : typeof v === 'string' ? v : String(round(v, digits));

/**
 * Share of the window the server's event loop was busy, and how much of that busy time it was on
 * a CPU: far below 100 % with little time in COMMIT means the OS gave the cores to someone else.
 */
function busy(v: VotingResult | null | undefined): string | null {
  if (!v) return null;
  const { eventLoopUtilization: elu, cpuMs, wallMs } = v.serverLoad;
  const onCpu = elu > 0 ? Math.min(100, Math.round((100 * cpuMs) / (elu * wallMs))) : 0;
  return `${Math.round(elu * 100)} % (${onCpu} %)`;
}

function votingRows(
  name: string,
  h: VotingResult | null | undefined,
  b: VotingResult | null | undefined,
  p99Limit: number,
): Row[] {
  if (!h && !b) return [];
  const rows: Row[] = [
    { metric: `${name} ack p50 ms`, mine: p(h, 'p50'), base: p(b, 'p50') },
    { metric: `${name} ack p95 ms`, mine: p(h, 'p95'), base: p(b, 'p95') },
    {
      metric: `${name} ack p99 ms`,
      mine: p(h, 'p99'),
      base: p(b, 'p99'),
      target: `≤ ${p99Limit}`,
      verdict: le(p(h, 'p99'), p99Limit),
    },
    {
      metric: `${name} ack p99 / baseline`,
      mine: ratioText(ratio(p(h, 'p99'), p(b, 'p99'))),
      target: '≤ 1.25×',
      verdict: le(ratio(p(h, 'p99'), p(b, 'p99')), 1.25),
    },
    { metric: `${name} ack max ms`, mine: p(h, 'max'), base: p(b, 'max') },
    { metric: `${name} errors`, mine: errorsOf(h), base: errorsOf(b), target: '0', verdict: le(errorsOf(h), 0) },
    { metric: `${name} acked votes / s`, mine: h?.commitsPerSec ?? null, base: b?.commitsPerSec ?? null },
    { metric: `${name} server loop busy (on CPU)`, mine: busy(h), base: busy(b) },
    { metric: `${name} machine load average`, mine: h?.machineLoad ?? null, base: b?.machineLoad ?? null },
  ];
  const sql = h?.serverLoad.sqlite;
  if (h && sql && sql.commits > 0)
    rows.push(
      {
        metric: `${name} votes per SQLite commit`,
        mine: `${round(sql.writes / sql.commits, 2)} (max ${sql.maxWritesPerCommit})`,
      },
      {
        metric: `${name} writer thread in COMMIT`,
        mine: `${Math.round((100 * sql.commitMsTotal) / h.serverLoad.wallMs)} % (p99 ${round(sql.commitMsP99, 1)} ms)`,
      },
    );
  rows.push(...votingLoopRows(name, h, b));
  return rows;
}

export function tableRows(r: RunResults): Row[] {
  const h = r.hallvote;
  const b = r.baseline;
  const rows: Row[] = [];
  if (h || b) {
    rows.push(
      {
        metric: `capacity: joined of ${r.delegates}`,
        mine: h?.capacity.joined ?? null,
        base: b?.capacity.joined ?? null,
      },
      {
        metric: 'capacity: join errors',
        mine: errorsOf(h?.capacity),
        base: errorsOf(b?.capacity),
        target: '0',
        verdict: le(errorsOf(h?.capacity), 0),
      },
      {
        metric: 'capacity: RSS / connection KB',
        mine: h?.capacity.rssPerConnKB ?? null,
        base: b?.capacity.rssPerConnKB ?? null,
        target: '≤ 30',
        verdict: le(h?.capacity.rssPerConnKB ?? null, 30),
      },
      {
        metric: 'capacity: heap / connection KB',
        mine: h?.capacity.heapPerConnKB ?? null,
        base: b?.capacity.heapPerConnKB ?? null,
      },
    );
  }
  const tk = r.tenThousand;
  if (tk) {
    const big = tk.delegates.toLocaleString('en');
    rows.push(
      { metric: `capacity ${big}: joined`, mine: tk.hallvote?.joined ?? null, base: tk.baseline?.joined ?? null },
      {
        metric: `capacity ${big}: errors`,
        mine: errorsOf(tk.hallvote),
        base: errorsOf(tk.baseline),
        target: '0',
        verdict: le(errorsOf(tk.hallvote), 0),
      },
      {
        metric: `capacity ${big}: RSS / conn KB`,
        mine: tk.hallvote?.rssPerConnKB ?? null,
        base: tk.baseline?.rssPerConnKB ?? null,
        target: '≤ 30',
        verdict: le(tk.hallvote?.rssPerConnKB ?? null, 30),
      },
    );
  }
  rows.push(...votingRows('paced', h?.paced, b?.paced, 50));
  if (h?.paced || b?.paced)
    rows.push({
      metric: 'paced projector lag ms',
      mine: h?.paced?.projectorLagMs ?? null,
      base: b?.paced?.projectorLagMs ?? null,
      target: '≤ 100',
      verdict: le(h?.paced?.projectorLagMs ?? null, 100),
    });
  rows.push(...votingRows('burst', h?.burst, b?.burst, 250));
  if (h?.burst) {
    const durable =
      h.burst.returnedAtClose === h.burst.acked &&
      (h.reconnect ? h.reconnect.votedAfterRestart === h.burst.acked : true);
    const detail = `acked ${h.burst.acked}, stored ${h.burst.returnedAtClose ?? '–'}${h.reconnect ? `, after restart ${h.reconnect.votedAfterRestart ?? '–'}` : ''}`;
    rows.push({ metric: 'burst acks durable', mine: detail, target: 'all', verdict: durable ? 'met' : 'MISSED' });
  }
  if (h?.reconnect || b?.reconnect) {
    const hr = h?.reconnect;
    const br = b?.reconnect;
    rows.push(
      { metric: 'reconnect: server down ms', mine: hr?.downtimeMs ?? null, base: br?.downtimeMs ?? null },
      { metric: 'reconnect: of which start-up ms', mine: hr?.startupMs ?? null, base: br?.startupMs ?? null },
      { metric: 'reconnect 95 % ms (from listening)', mine: hr?.p95Ms ?? null, base: br?.p95Ms ?? null },
      {
        metric: 'reconnect 100 % ms (from listening)',
        mine: hr?.allMs ?? null,
        base: br?.allMs ?? null,
        target: '≤ 5000',
        verdict: le(hr?.allMs ?? null, 5000),
      },
      { metric: 'reconnect 100 % ms (from SIGTERM)', mine: hr?.allFromKillMs ?? null, base: br?.allFromKillMs ?? null },
      { metric: 'reconnect: clients without snapshot', mine: hr?.missing ?? null, base: br?.missing ?? null },
    );
  }
  rows.push(...lockedRows(r.locked), ...bigCloseRows(r.bigClose));
  if (r.tally)
    rows.push(
      {
        metric: 'tally 10,000 × 50 ms (packed, warm median)',
        mine: r.tally.medianMs,
        target: '≤ 10',
        verdict: le(r.tally.medianMs, 10),
      },
      { metric: 'tally 10,000 × 50 ms (packed, first run)', mine: r.tally.coldMs },
      { metric: 'tally 10,000 × 50 ms (record objects, median)', mine: r.tally.objectsMedianMs },
    );
  if (r.page)
    rows.push({
      metric: 'delegate page JS+CSS gzip KB',
      mine: r.page.gzKB ?? 'not built',
      target: '≤ 90',
      verdict: le(r.page.gzKB, 90),
    });
  if (r.phone) {
    const waiting = phoneMs(r, 'Fast 3G', 'waiting');
    rows.push(
      {
        metric: 'phone, Fast 3G: to the waiting screen ms',
        mine: waiting,
        target: `≤ ${WAITING_TARGET_MS}`,
        verdict: le(waiting, WAITING_TARGET_MS),
      },
      { metric: 'phone, Fast 3G: to a ready ballot ms', mine: phoneMs(r, 'Fast 3G', 'ballot') },
      { metric: 'phone, Slow 3G: to the waiting screen ms', mine: phoneMs(r, 'Slow 3G', 'waiting') },
    );
  }
  return rows;
}

export function renderTable(r: RunResults): string {
  const header = ['metric', 'hallvote', 'baseline', 'ratio', 'target', 'verdict'];
  const lines = tableRows(r).map((row) => {
    const mine = typeof row.mine === 'number' ? row.mine : null;
    const base = typeof row.base === 'number' ? row.base : null;
    const rat = row.base === undefined ? null : ratio(mine, base);
    return [
      row.metric,
      fmt(row.mine),
      row.base === undefined ? '' : fmt(row.base),
      rat === null ? '' : `${fmt(rat, 2)}×`,
      row.target ?? '',
      row.verdict ?? '',
    ];
  });
  const widths = header.map((_, i) => Math.max(header[i]?.length ?? 0, ...lines.map((l) => l[i]?.length ?? 0)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 0 || i === 4 || i === 5 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(line)].join('\n');
}
