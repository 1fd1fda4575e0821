// The load workers, seen from the orchestrator: forks them, deals delegates out in turn, sends a
// command to all of them and gathers the replies, each wait bounded by a timeout.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { track } from './children';
import type { ConnectReply, SnapshotsReply, VoteReply, WorkerCommand, WorkerReply } from './worker-protocol';

const WORKER = fileURLToPath(new URL('./load-worker.ts', import.meta.url));

type Body<T extends WorkerCommand['type']> = DistributiveOmit<Extract<WorkerCommand, { type: T }>, 'id'>;
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export class Fleet {
  private nextId = 1;
  private readonly waiting = new Map<number, (reply: WorkerReply) => void>();

  private constructor(private readonly workers: ChildProcess[]) {
    for (const w of workers) {
      w.on('message', (reply: WorkerReply) => this.waiting.get(reply.id)?.(reply));
    }
  }

  static start(count: number): Fleet {
    const workers = Array.from({ length: count }, () =>
      track(fork(WORKER, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })),
    );
    return new Fleet(workers);
  }

  get size(): number {
    return this.workers.length;
  }

  /** Sends one command to worker `w` and resolves with its reply, or rejects after `timeoutMs`. */
  private ask<R extends WorkerReply>(
    w: number,
    body: DistributiveOmit<WorkerCommand, 'id'>,
    timeoutMs: number,
  ): Promise<R> {
    const id = this.nextId++;
    const worker = this.workers[w];
    if (!worker?.connected) return Promise.reject(new Error(`worker ${w} is not running`));
    return new Promise<R>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`worker ${w}: no answer to ${body.type} within ${timeoutMs} ms`));
      }, timeoutMs);
      this.waiting.set(id, (reply) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        if (reply.type === 'failed') reject(new Error(`worker ${w}: ${reply.message}`));
        else resolve(reply as R);
      });
      worker.send({ ...body, id });
    });
  }

  private all<R extends WorkerReply>(
    body: (w: number) => DistributiveOmit<WorkerCommand, 'id'>,
    timeoutMs: number,
  ): Promise<R[]> {
    return Promise.all(this.workers.map((_, w) => this.ask<R>(w, body(w), timeoutMs)));
  }

  /** Resolves once every worker has loaded and answers. */
  async ready(): Promise<void> {
    await this.all(() => ({ type: 'ping' }), 60_000);
  }

  /** Connects every token (of `meetingIds[i]`, if given); worker w takes tokens w, w + size, w + 2 × size, … */
  connect(
    body: Omit<Body<'connect'>, 'type' | 'tokens' | 'meetingIds' | 'firstIndex' | 'stride'>,
    tokens: readonly string[],
    meetingIds?: readonly string[],
  ): Promise<ConnectReply[]> {
    const n = this.workers.length;
    const mine = <T>(list: readonly T[], w: number) => list.filter((_, i) => i % n === w);
    return this.all<ConnectReply>(
      (w) => ({
        type: 'connect',
        ...body,
        tokens: mine(tokens, w),
        ...(meetingIds ? { meetingIds: mine(meetingIds, w) } : {}),
        firstIndex: w,
        stride: n,
      }),
      body.timeoutMs + 60_000,
    );
  }

  vote(body: Omit<Body<'vote'>, 'type'>): Promise<VoteReply[]> {
    const waitMs = Math.max(0, body.startAt - Date.now()) + body.spreadMs + body.timeoutMs + 10_000;
    return this.all<VoteReply>(() => ({ type: 'vote', ...body }), waitMs);
  }

  async armSnapshots(): Promise<void> {
    await this.all(() => ({ type: 'arm-snapshots' }), 10_000);
  }

  collectSnapshots(timeoutMs: number): Promise<SnapshotsReply[]> {
    return this.all<SnapshotsReply>(() => ({ type: 'collect-snapshots', timeoutMs }), timeoutMs + 10_000);
  }

  /** Disconnects every phone; the workers stay for the next round. */
  async disconnectAll(): Promise<void> {
    await this.all(() => ({ type: 'close' }), 30_000);
  }

  /** Stops the workers (they also exit by themselves when this process goes away). */
  kill(): void {
    for (const w of this.workers) if (w.exitCode === null) w.kill('SIGKILL');
  }
}
