// npm run bench -- --only cluster: one run comparing three setups with the same phones (load
// workers, fleet.ts) and the same console (hall-console.ts): one node on SQLite (`npm start`), one
// node on PostgreSQL (DATABASE_URL), and three nodes on PostgreSQL with Redis behind HAProxy
// (scripts/local-cluster.ts, as `npm run cluster`). Per setup: N delegates vote paced (5 s) and in
// a burst (1 s): durable votes/s, ack p50/p99, projector lag, and the tally of the stored rows at
// close against the acks (votes lost). Then kill -9 of the meeting's node with everyone connected:
// time until 95 % and 100 % of phones have a fresh snapshot (one node: restarted at once on the
// same data; three nodes: nothing restarted, another node takes the meeting). Last, 100 meetings of
// 50 phones at once on the three nodes: every vote acknowledged and stored, ack p99 per meeting.
import { loadavg } from 'node:os';
import { ChildServer } from '../test/support/child-server';
import {
  startCluster,
  startPg,
  startRedis,
  stopPg,
  stopRedis,
  type LocalCluster,
  type PgService,
  type RedisService,
} from '../scripts/local-cluster';
import { Fleet } from './fleet';
import { HallConsole, createHallvoteMeeting, type BenchMeeting } from './hall-console';
import { ADMIN_TOKEN } from './server-process';
import { nowMs, percentile, summarize, type Summary } from './stats';

export type SetupName = 'sqlite-1' | 'pg-1' | 'pg-3';

export interface ClusterVoting {
  readonly acked: number;
  readonly errors: Record<string, number>;
  readonly ack: Summary;
  readonly durableVotesPerSec: number | null;
  readonly projectorLagMs: number | null;
  readonly returnedAtClose: number | null;
  readonly lost: number | null;
  readonly machineLoad: number;
}

export interface Failover {
  readonly how: string;
  /** The first phone's fresh snapshot: when the meeting was back. */
  readonly firstMs: number | null;
  readonly p95Ms: number | null;
  readonly allMs: number | null;
  readonly missing: number;
}

export interface SetupResult {
  readonly setup: SetupName;
  readonly delegates: number;
  readonly joined: number;
  readonly paced: ClusterVoting | null;
  readonly burst: ClusterVoting | null;
  readonly failover: Failover | null;
}

export interface ManyMeetings {
  readonly meetings: number;
  readonly phonesEach: number;
  readonly joined: number;
  readonly acked: number;
  readonly stored: number;
  readonly errors: Record<string, number>;
  /** Per meeting ack p99, summarised over the meetings. */
  readonly p99PerMeeting: Summary;
  readonly meetingsOver100Ms: number;
  readonly meetingsPerNode: Record<string, number>;
  readonly machineLoad: number;
}

export interface ClusterBenchResults {
  readonly setups: SetupResult[];
  readonly many: ManyMeetings | null;
}

interface Options {
  readonly delegates: number;
  readonly workers: number;
  readonly log: (line: string) => void;
}

/** What a setup's servers look like to the bench: one URL, and a way to kill the meeting's node. */
interface Running {
  readonly url: string;
  readonly nodes: readonly ChildServer[];
  /** Kills the node running the meeting; resolves with how it was brought back (or not). */
  killMeetingNode(): Promise<string>;
  stop(): Promise<void>;
}

const ACK_TIMEOUT_MS = 20_000;
const CHOICES = ['good', 'good', 'good', 'good', 'excellent', 'good', 'completed', 'good'];

async function nodeRunning(nodes: readonly ChildServer[]): Promise<ChildServer | null> {
  for (const node of nodes) {
    const health = (await (await fetch(`${node.url}/healthz`)).json()) as { meetings?: number };
    if ((health.meetings ?? 0) > 0) return node;
  }
  return null;
}

async function start(setup: SetupName): Promise<Running> {
  if (setup === 'sqlite-1' || setup === 'pg-1') {
    const pg = setup === 'pg-1' ? await startPg() : null;
    const node = await ChildServer.start({ adminToken: ADMIN_TOKEN, env: pg ? { DATABASE_URL: pg.url } : {} });
    return {
      url: node.url,
      nodes: [node],
      async killMeetingNode() {
        await node.kill9();
        await node.restart();
        return 'kill -9, restarted at once';
      },
      async stop() {
        await node.stop();
        node.cleanup();
        if (pg) await stopPg(pg);
      },
    };
  }
  const pg: PgService = await startPg();
  const redis: RedisService = await startRedis();
  let cluster: LocalCluster;
  try {
    cluster = await startCluster({ nodes: 3, databaseUrl: pg.url, redisUrl: redis.url, adminToken: ADMIN_TOKEN });
  } catch (error) {
    await stopRedis(redis);
    await stopPg(pg);
    throw error;
  }
  return {
    url: cluster.url,
    nodes: cluster.nodes,
    async killMeetingNode() {
      const owner = await nodeRunning(cluster.nodes);
      if (!owner) throw new Error('no node runs the meeting');
      await owner.kill9();
      return 'kill -9 of its node, nothing restarted';
    },
    async stop() {
      await cluster.stop();
      await stopRedis(redis);
      await stopPg(pg);
    },
  };
}

async function vote(fleet: Fleet, hall: HallConsole, phones: number, spreadMs: number): Promise<ClusterVoting> {
  const { ballotId, round } = await hall.openBallot();
  const votes = await fleet.vote({
    ballotId,
    round,
    subjectIds: ['province'],
    optionIds: CHOICES,
    startAt: nowMs() + 300,
    spreadMs,
    total: phones,
    timeoutMs: ACK_TIMEOUT_MS,
  });
  const machineLoad = loadavg()[0] ?? 0;
  const latencies = votes.flatMap((v) => v.latencies);
  const errors: Record<string, number> = {};
  for (const v of votes) for (const [k, c] of Object.entries(v.errors)) errors[k] = (errors[k] ?? 0) + c;
  const firsts = votes.flatMap((v) => (v.firstEmitAt === null ? [] : [v.firstEmitAt]));
  const lasts = votes.flatMap((v) => (v.lastAckAt === null ? [] : [v.lastAckAt]));
  const first = firsts.length ? Math.min(...firsts) : null;
  const last = lasts.length ? Math.max(...lasts) : null;
  const wallMs = first !== null && last !== null ? last - first : null;
  const seen = await hall.turnoutReached(ballotId, latencies.length, 5_000);
  const closed = await hall.closeBallot(ballotId);
  const returned = closed.tally?.ballots?.returned ?? null;
  return {
    acked: latencies.length,
    errors,
    ack: summarize(latencies),
    durableVotesPerSec: wallMs ? latencies.length / (wallMs / 1000) : null,
    projectorLagMs: seen !== null && last !== null ? seen - last : null,
    returnedAtClose: returned,
    // The tally counts the stored rows: an acked vote missing from them is lost.
    lost: returned === null ? null : Math.max(0, latencies.length - returned),
    machineLoad,
  };
}

async function runSetup(setup: SetupName, o: Options): Promise<SetupResult> {
  o.log(`cluster bench: ${setup}: starting`);
  const running = await start(setup);
  let fleet: Fleet | null = null;
  let hall: HallConsole | null = null;
  try {
    const meeting: BenchMeeting = await createHallvoteMeeting(running.url, o.delegates);
    hall = await HallConsole.open(running.url, meeting);
    fleet = Fleet.start(o.workers);
    await fleet.ready();
    const replies = await fleet.connect(
      { url: running.url, concurrency: 32, reconnection: true, reconnectionDelayMax: 2000, timeoutMs: 60_000 },
      meeting.tokens,
      meeting.tokens.map(() => meeting.meetingId),
    );
    const joined = replies.reduce((sum, r) => sum + r.connected, 0);
    await hall.waitPresent(joined, 15_000);
    o.log(`cluster bench: ${setup}: ${joined} joined; paced`);
    const paced = await vote(fleet, hall, joined, 5_000);
    o.log(`cluster bench: ${setup}: burst`);
    const burst = await vote(fleet, hall, joined, 1_000);
    o.log(`cluster bench: ${setup}: kill -9`);
    await fleet.armSnapshots();
    const killedAt = nowMs();
    const how = await running.killMeetingNode();
    const snaps = await fleet.collectSnapshots(60_000);
    const since = snaps.flatMap((r) => r.at).map((t) => t - killedAt);
    const missing = snaps.reduce((sum, r) => sum + r.missing, 0);
    const failover = {
      how,
      firstMs: since.length ? Math.min(...since) : null,
      p95Ms: percentile(since, 95),
      allMs: missing === 0 ? percentile(since, 100) : null,
      missing,
    };
    return { setup, delegates: o.delegates, joined, paced, burst, failover };
  } finally {
    hall?.close();
    await fleet?.disconnectAll().catch(() => undefined);
    fleet?.kill();
    await running.stop();
  }
}

async function runManyMeetings(meetings: number, phonesEach: number, o: Options): Promise<ManyMeetings> {
  o.log(`cluster bench: ${meetings} meetings × ${phonesEach} phones on 3 nodes`);
  const running = await start('pg-3');
  const halls: HallConsole[] = [];
  let fleet: Fleet | null = null;
  try {
    const created: BenchMeeting[] = [];
    for (let i = 0; i < meetings; i += 1) created.push(await createHallvoteMeeting(running.url, phonesEach));
    for (const m of created) halls.push(await HallConsole.open(running.url, m));
    fleet = Fleet.start(o.workers);
    await fleet.ready();
    const tokens = created.flatMap((m) => m.tokens);
    const meetingIds = created.flatMap((m) => m.tokens.map(() => m.meetingId));
    const replies = await fleet.connect(
      { url: running.url, concurrency: 32, reconnection: true, reconnectionDelayMax: 2000, timeoutMs: 120_000 },
      tokens,
      meetingIds,
    );
    const joined = replies.reduce((sum, r) => sum + r.connected, 0);
    const ballotIds: Record<string, string> = {};
    for (const [i, hall] of halls.entries()) ballotIds[created[i]!.meetingId] = (await hall.openBallot()).ballotId;
    o.log(`cluster bench: ${joined} phones joined; voting`);
    const votes = await fleet.vote({
      ballotId: '',
      ballotIds,
      round: 1,
      subjectIds: ['province'],
      optionIds: CHOICES,
      startAt: nowMs() + 500,
      spreadMs: 5_000,
      total: tokens.length,
      timeoutMs: ACK_TIMEOUT_MS,
    });
    const machineLoad = loadavg()[0] ?? 0;
    const errors: Record<string, number> = {};
    for (const v of votes) for (const [k, c] of Object.entries(v.errors)) errors[k] = (errors[k] ?? 0) + c;
    const per = new Map<string, number[]>();
    for (const v of votes) for (const [m, l] of Object.entries(v.byMeeting)) per.set(m, [...(per.get(m) ?? []), ...l]);
    const p99s = created.map((m) => percentile(per.get(m.meetingId) ?? [], 99) ?? Number.POSITIVE_INFINITY);
    let stored = 0;
    for (const [i, hall] of halls.entries())
      stored += (await hall.closeBallot(ballotIds[created[i]!.meetingId]!)).tally?.ballots?.returned ?? 0;
    const meetingsPerNode: Record<string, number> = {};
    for (const node of running.nodes) {
      const health = (await (await fetch(`${node.url}/healthz`)).json()) as { node: string; meetings: number };
      meetingsPerNode[health.node] = health.meetings;
    }
    return {
      meetings,
      phonesEach,
      joined,
      acked: votes.reduce((sum, v) => sum + v.latencies.length, 0),
      stored,
      errors,
      p99PerMeeting: summarize(p99s),
      meetingsOver100Ms: p99s.filter((p) => p > 100).length,
      meetingsPerNode,
      machineLoad,
    };
  } finally {
    halls.forEach((h) => h.close());
    await fleet?.disconnectAll().catch(() => undefined);
    fleet?.kill();
    await running.stop();
  }
}

export const SETUPS: readonly SetupName[] = ['sqlite-1', 'pg-1', 'pg-3'];

export async function runClusterBench(
  o: Options & { meetings: number; phonesEach: number; setups?: readonly SetupName[] },
): Promise<ClusterBenchResults> {
  const setups: SetupResult[] = [];
  for (const setup of o.setups ?? SETUPS) setups.push(await runSetup(setup, o));
  const many = o.meetings > 0 ? await runManyMeetings(o.meetings, o.phonesEach, o) : null;
  return { setups, many };
}

const ms = (v: number | null | undefined) => (v === null || v === undefined ? '–' : `${Math.round(v)} ms`);

export function renderClusterTable(r: ClusterBenchResults): string {
  const lines = [
    '| | ' + r.setups.map((s) => s.setup).join(' | ') + ' |',
    '|---|' + r.setups.map(() => '---|').join(''),
  ];
  const row = (name: string, f: (s: SetupResult) => string) =>
    lines.push(`| ${name} | ${r.setups.map(f).join(' | ')} |`);
  row('phones joined', (s) => `${s.joined} / ${s.delegates}`);
  for (const kind of ['paced', 'burst'] as const) {
    row(`${kind}: durable votes/s`, (s) => (s[kind]?.durableVotesPerSec ? s[kind].durableVotesPerSec.toFixed(0) : '–'));
    row(`${kind}: ack p50 / p99`, (s) => `${ms(s[kind]?.ack.p50)} / ${ms(s[kind]?.ack.p99)}`);
    row(`${kind}: projector lag`, (s) => ms(s[kind]?.projectorLagMs));
    row(`${kind}: acked / stored at close (lost)`, (s) =>
      s[kind] ? `${s[kind].acked} / ${s[kind].returnedAtClose ?? '–'} (${s[kind].lost ?? '–'})` : '–',
    );
    row(`${kind}: load average`, (s) => (s[kind] ? s[kind].machineLoad.toFixed(2) : '–'));
  }
  row(
    'kill -9: first / 95 % / 100 % resynchronised',
    (s) => `${ms(s.failover?.firstMs)} / ${ms(s.failover?.p95Ms)} / ${ms(s.failover?.allMs)}`,
  );
  row('kill -9: how', (s) => s.failover?.how ?? '–');
  if (r.many) {
    const m = r.many;
    lines.push(
      '',
      `${m.meetings} meetings × ${m.phonesEach} phones on 3 nodes: ${m.joined} joined, ${m.acked} acked, ${m.stored} stored at close; ` +
        `ack p99 per meeting: median ${ms(m.p99PerMeeting.p50)}, worst ${ms(m.p99PerMeeting.max)}; ` +
        `${m.meetingsOver100Ms} meeting(s) over 100 ms; meetings per node ${JSON.stringify(m.meetingsPerNode)}; load average ${m.machineLoad.toFixed(2)}; errors ${JSON.stringify(m.errors)}`,
    );
  }
  return lines.join('\n');
}
