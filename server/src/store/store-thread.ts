// The event loop's side of a store thread (sqlite-thread.ts): post a request, get a promise of its
// answer. Nothing here touches the database; a write's promise settles when the thread has
// committed it, a refusal arrives as the HallvoteError the thread typed.
import { Worker } from 'node:worker_threads';
import type { StorageStatus } from '@hallvote/shared';
import type { SqliteStatements } from './sqlite-statements';
import type * as reads from './sqlite-reads';
import type * as writes from './sqlite-writes';
import {
  fromWire,
  type ThreadConfig,
  type ThreadMessage,
  type ThreadReply,
  type ThreadRequest,
  type ThreadRole,
} from './thread-wire';
import type { SqliteOptions } from './sqlite-open';

/** The functions of a module that take the statements first: what a request may name. */
type Ops<M> = {
  [K in keyof M as M[K] extends (s: SqliteStatements, ...args: never[]) => unknown ? K : never]: M[K];
};
type Args<F> = F extends (s: SqliteStatements, ...args: infer A) => unknown ? A : never;
type Result<F> = F extends (...args: never[]) => infer R ? R : never;

export type WriteOps = Ops<typeof writes>;
export type ReadOps = Ops<typeof reads>;

const BOOT = new URL('../thread-boot.mjs', import.meta.url);
/** Answers settled in one turn of the event loop. */
const SETTLE_SLICE = 100;
const ENTRY = new URL('./sqlite-thread.ts', import.meta.url).href;

export class StoreThread {
  readonly #worker: Worker;
  readonly #waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: unknown) => void }>();
  #nextId = 1;
  #stopped: Error | null = null;

  constructor(role: ThreadRole, file: string, options: SqliteOptions, onStatus: (status: StorageStatus) => void) {
    const workerData: ThreadConfig = { role, file, options, entry: ENTRY };
    // No inherited --import flags (a bench probe, say): the bootstrap loads what the thread needs.
    this.#worker = new Worker(BOOT, { workerData, name: `hallvote-sqlite-${role}`, execArgv: [] });
    this.#worker.on('message', (message: ThreadMessage) => {
      if (message.kind === 'status') onStatus(message.status);
      else this.#settle(message.replies, 0);
    });
    // The thread failed to open the database or died: every answer still owed fails, and so does
    // every later request. Nothing is acknowledged that the thread did not commit.
    const stop = (error: Error) => {
      this.#stopped ??= error;
      for (const w of this.#waiting.values()) w.reject(error);
      this.#waiting.clear();
    };
    this.#worker.on('error', (error) => stop(error));
    this.#worker.on('exit', (code) => stop(new Error(`the store's ${role} thread stopped (exit code ${code})`)));
  }

  write<K extends keyof WriteOps>(op: K, ...args: Args<WriteOps[K]>): Promise<Result<WriteOps[K]>> {
    return this.#send('write', op, args) as Promise<Result<WriteOps[K]>>;
  }

  read<K extends keyof ReadOps>(op: K, ...args: Args<ReadOps[K]>): Promise<Result<ReadOps[K]>> {
    return this.#send('read', op, args) as Promise<Result<ReadOps[K]>>;
  }

  control(op: 'status' | 'compiled-since-open' | 'close'): Promise<unknown> {
    return this.#send('control', op, []);
  }

  /** After every request sent so far is answered: closes the connection and ends the thread. */
  async close(): Promise<void> {
    if (!this.#stopped) await this.control('close');
    await this.#worker.terminate();
  }

  /**
   * Settles a batch of answers a slice at a time: each settled request goes on to ack its client
   * (a vote: state, turnout, a socket write), and 2,000 of those at once would hold the loop for a
   * tenth of a second after another program's lock is let go.
   */
  #settle(replies: readonly ThreadReply[], from: number): void {
    const to = Math.min(replies.length, from + SETTLE_SLICE);
    for (let i = from; i < to; i += 1) {
      const answer = replies[i];
      if (!answer) continue;
      const waiting = this.#waiting.get(answer.id);
      this.#waiting.delete(answer.id);
      if (answer.ok) waiting?.resolve(answer.value);
      else waiting?.reject(fromWire(answer.error));
    }
    if (to < replies.length) setImmediate(() => this.#settle(replies, to));
  }

  #send(kind: ThreadRequest['kind'], op: string, args: readonly unknown[]): Promise<unknown> {
    if (this.#stopped) return Promise.reject(this.#stopped);
    const id = this.#nextId++;
    return new Promise((resolve, reject) => {
      this.#waiting.set(id, { resolve, reject });
      const request: ThreadRequest = { id, kind, op, args };
      this.#worker.postMessage(request);
    });
  }
}
