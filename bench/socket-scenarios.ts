// Scenarios 1–4 against one server kind, as a session: opening it is the capacity scenario (N
// delegates join); then paced and burst voting, and a restart with everyone connected. A session
// has its own server process (free loopback port, temp data directory) and its own load workers,
// so run.ts can keep a hallvote and a baseline session open and alternate between them: each ratio
// then compares figures taken seconds apart on this shared, noisy machine.
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { trackDir, untrackDir } from './children';
import { Fleet } from './fleet';
import { HallConsole, baselineMeeting, createHallvoteMeeting, type BenchMeeting } from './hall-console';
import { ServerProcess, freePort, type Load, type ServerSpec } from './server-process';
import { countBy, nowMs, percentile, summarize, total, type Summary } from './stats';

export interface SocketOptions {
  readonly delegates: number;
  readonly workers: number;
  /** socket.io-client's reconnectionDelayMax for the phones (the real client sets 2000); undefined keeps the library's. */
  readonly reconnectionDelayMax: number | undefined;
  /** Log a line of progress. */
  readonly log: (line: string) => void;
}

export interface CapacityResult {
  readonly delegates: number;
  readonly joined: number;
  readonly errors: Record<string, number>;
  readonly joinWallMs: number;
  readonly join: Summary;
  readonly rssBeforeKB: number;
  readonly rssAfterKB: number;
  readonly rssPerConnKB: number;
  readonly heapPerConnKB: number;
  readonly badgeSheetMs: number | null;
  readonly presentSeen: boolean | null;
}

export interface VotingResult {
  readonly spreadMs: number;
  readonly acked: number;
  readonly errors: Record<string, number>;
  readonly ack: Summary;
  /** First emit → last ack. */
  readonly wallMs: number | null;
  readonly commitsPerSec: number | null;
  readonly projectorLagMs: number | null;
  readonly turnoutMessages: number;
  /** hallvote: ballots returned in the tally of the stored rows at close. */
  readonly returnedAtClose: number | null;
  readonly serverLoad: Load;
  /** The machine's 1-minute load average when the votes were in: 2 cores are shared with others. */
  readonly machineLoad: number;
}

export interface ReconnectResult {
  readonly connected: number;
  /** SIGTERM → listening again, and its two halves. */
  readonly downtimeMs: number;
  readonly shutdownMs: number;
  readonly startupMs: number;
  readonly p95Ms: number | null;
  readonly allMs: number | null;
  readonly p95FromKillMs: number | null;
  readonly allFromKillMs: number | null;
  readonly missing: number;
  readonly reconnectAttempts: number;
  /** hallvote: turnout of the burst ballot in the projector's snapshot after the restart. */
  readonly votedAfterRestart: number | null;
}

export interface SocketResults {
  readonly server: ServerSpec['name'];
  readonly capacity: CapacityResult;
  readonly paced: VotingResult | null;
  readonly burst: VotingResult | null;
  readonly reconnect: ReconnectResult | null;
  readonly serverProblems: string[];
}

/** Every vote's emit-to-ack wait is bounded by this. */
const ACK_TIMEOUT_MS = 20_000;

/** Mostly "good", some "excellent": the hall story's shape. */
export const CHOICES = ['good', 'good', 'good', 'good', 'excellent', 'good', 'completed', 'good'];

export class SocketSession {
  private readonly problems: string[] = [];

  private constructor(
    readonly spec: ServerSpec,
    private readonly opts: SocketOptions,
    private _server: ServerProcess,
    private readonly port: number,
    readonly dataDir: string,
    readonly hall: HallConsole,
    readonly fleet: Fleet,
    readonly capacity: CapacityResult,
  ) {}

  /** The server process now (a restart replaces it). */
  get server(): ServerProcess {
    return this._server;
  }

  /** Starts the server, creates the meeting, and has every delegate join (scenario 1). */
  static async open(spec: ServerSpec, opts: SocketOptions): Promise<SocketSession> {
    const n = opts.delegates;
    const dataDir = trackDir(mkdtempSync(join(tmpdir(), `hallvote-bench-${spec.name}-`)));
    const port = await freePort();
    let server: ServerProcess | null = null;
    let hall: HallConsole | null = null;
    let fleet: Fleet | null = null;
    const problems: string[] = [];
    try {
      server = await ServerProcess.start(spec, port, dataDir);
      opts.log(`${spec.name}: creating a meeting of ${n}`);
      let meeting: BenchMeeting;
      let badgeSheetMs: number | null = null;
      if (spec.name === 'hallvote') {
        const created = await createHallvoteMeeting(server.url, n);
        meeting = created;
        badgeSheetMs = created.badgeSheetMs;
      } else meeting = baselineMeeting(n);
      // A fresh process for the memory baseline: making 10,000 QR codes leaves garbage behind.
      problems.push(...server.problems);
      await server.stop();
      server = await ServerProcess.start(spec, port, dataDir);

      hall = await HallConsole.open(server.url, meeting);
      fleet = Fleet.start(opts.workers);
      await fleet.ready();
      const before = await server.memory();
      opts.log(`${spec.name}: ${n} delegates joining`);
      const joinStarted = performance.now();
      const replies = await fleet.connect(
        {
          url: server.url,
          concurrency: 32,
          reconnection: true,
          timeoutMs: 60_000,
          ...(opts.reconnectionDelayMax ? { reconnectionDelayMax: opts.reconnectionDelayMax } : {}),
        },
        meeting.tokens,
      );
      const joinWallMs = performance.now() - joinStarted;
      const errors: Record<string, number> = {};
      for (const r of replies) for (const [k, v] of Object.entries(r.errors)) errors[k] = (errors[k] ?? 0) + v;
      const joined = replies.reduce((sum, r) => sum + r.connected, 0);
      if (joined < n) errors['not joined'] = n - joined;
      // Joining checks the delegate in: the projector should come to show all of them present.
      const presentSeen = spec.name === 'hallvote' ? await hall.waitPresent(n, 15_000) : null;
      if (spec.name === 'hallvote' && !presentSeen) countBy(errors, `projector never showed ${n} present`);
      const after = await server.memory();
      const capacity: CapacityResult = {
        delegates: n,
        joined,
        errors,
        joinWallMs,
        join: summarize(replies.flatMap((r) => r.joinMs)),
        rssBeforeKB: before.rssKB,
        rssAfterKB: after.rssKB,
        rssPerConnKB: (after.rssKB - before.rssKB) / Math.max(1, joined),
        heapPerConnKB: (after.heapUsedKB - before.heapUsedKB) / Math.max(1, joined),
        badgeSheetMs,
        presentSeen,
      };
      opts.log(`${spec.name}: joined ${joined}/${n} in ${Math.round(joinWallMs)} ms, errors ${total(errors)}`);
      const session = new SocketSession(spec, opts, server, port, dataDir, hall, fleet, capacity);
      session.problems.push(...problems);
      return session;
    } catch (err) {
      hall?.close();
      fleet?.kill();
      await server?.stop();
      untrackDir(dataDir);
      throw err;
    }
  }

  /** One classification ballot; vote g of N is sent at start + g × spreadMs / N (scenarios 2, 3). */
  async vote(spreadMs: number): Promise<VotingResult> {
    const n = this.opts.delegates;
    this.opts.log(`${this.spec.name}: ${n} votes over ${spreadMs} ms`);
    const { ballotId, round } = await this.hall.openBallot();
    await this.server.markLoad();
    const votes = await this.fleet.vote({
      ballotId,
      round,
      subjectIds: ['province'],
      optionIds: CHOICES,
      startAt: nowMs() + 300,
      spreadMs,
      total: n,
      timeoutMs: ACK_TIMEOUT_MS,
    });
    const serverLoad = await this.server.load();
    const machineLoad = loadavg()[0] ?? 0;
    const latencies = votes.flatMap((v) => v.latencies);
    const errors: Record<string, number> = {};
    for (const v of votes) for (const [k, c] of Object.entries(v.errors)) errors[k] = (errors[k] ?? 0) + c;
    const firsts = votes.flatMap((v) => (v.firstEmitAt === null ? [] : [v.firstEmitAt]));
    const lasts = votes.flatMap((v) => (v.lastAckAt === null ? [] : [v.lastAckAt]));
    const firstEmit = firsts.length ? Math.min(...firsts) : null;
    const lastAck = lasts.length ? Math.max(...lasts) : null;
    const wallMs = firstEmit !== null && lastAck !== null ? lastAck - firstEmit : null;
    // The projector's final turnout: every acked vote counted.
    const seen = await this.hall.turnoutReached(ballotId, latencies.length, 5_000);
    const closed = await this.hall.closeBallot(ballotId);
    return {
      spreadMs,
      acked: latencies.length,
      errors,
      ack: summarize(latencies),
      wallMs,
      commitsPerSec: wallMs ? latencies.length / (wallMs / 1000) : null,
      projectorLagMs: seen !== null && lastAck !== null ? seen - lastAck : null,
      turnoutMessages: this.hall.turnoutMessages(ballotId),
      returnedAtClose: closed.tally?.ballots?.returned ?? null,
      serverLoad,
      machineLoad,
    };
  }

  /** SIGTERM with everyone connected, start again on the same port and data (scenario 4). */
  async restart(): Promise<ReconnectResult> {
    const connected = this.capacity.joined;
    this.opts.log(`${this.spec.name}: restarting the server with ${connected} connected`);
    await this.fleet.armSnapshots();
    const projectorBefore = this.hall.lastProjectorSnapshot;
    const killedAt = nowMs();
    this.problems.push(...this.server.problems);
    await this.server.stop();
    const exitedAt = nowMs();
    this._server = await ServerProcess.start(this.spec, this.port, this.dataDir);
    const listeningAt = this.server.listeningAt;
    const snaps = await this.fleet.collectSnapshots(60_000);
    const at = snaps.flatMap((r) => r.at);
    const missing = snaps.reduce((sum, r) => sum + r.missing, 0);
    const since = (t0: number) => at.map((t) => t - t0);
    // The projector reconnects too; its snapshot is rebuilt from the database.
    const projectorBack = await snapshotOtherThan(this.hall, projectorBefore, 10_000);
    const turnout = projectorBack && 'turnout' in projectorBack ? projectorBack.turnout : null;
    this.opts.log(`${this.spec.name}: ${at.length}/${connected} had a new snapshot; ${missing} missing`);
    return {
      connected,
      downtimeMs: listeningAt - killedAt,
      shutdownMs: exitedAt - killedAt,
      startupMs: listeningAt - exitedAt,
      p95Ms: percentile(since(listeningAt), 95),
      allMs: missing === 0 ? percentile(since(listeningAt), 100) : null,
      p95FromKillMs: percentile(since(killedAt), 95),
      allFromKillMs: missing === 0 ? percentile(since(killedAt), 100) : null,
      missing,
      reconnectAttempts: snaps.reduce((sum, r) => sum + r.reconnectAttempts, 0),
      votedAfterRestart: this.spec.name === 'hallvote' ? (turnout?.voted ?? null) : null,
    };
  }

  /** Warnings the server logged so far. */
  serverProblems(): string[] {
    return [...this.problems, ...this.server.problems];
  }

  /** Disconnects everyone, stops the workers and the server, removes the data directory. */
  async close(): Promise<void> {
    this.hall.close();
    await this.fleet.disconnectAll().catch(() => undefined);
    this.fleet.kill();
    await this.server.stop();
    untrackDir(this.dataDir);
  }
}

/** The projector's first snapshot after `previous`, or null if none came in time. */
async function snapshotOtherThan(hall: HallConsole, previous: HallConsole['lastProjectorSnapshot'], timeoutMs: number) {
  const deadline = performance.now() + timeoutMs;
  while (hall.lastProjectorSnapshot === previous && performance.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  return hall.lastProjectorSnapshot !== previous ? hall.lastProjectorSnapshot : null;
}
