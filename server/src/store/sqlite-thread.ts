// A store thread. The writer owns the one write connection: every write of sqlite-writes.ts runs
// here, in group transactions (write-queue.ts), and so do the WAL scrub and reads that must see
// every earlier write (a round's ballots at close). The reader has a read-only connection for the
// chair's reads (audit log, exports), which WAL lets run while the writer waits for a lock. The
// event loop only posts requests and receives answers: it never waits for the disk.
import { BroadcastChannel, parentPort, workerData } from 'node:worker_threads';
import type Database from 'better-sqlite3';
import type { StorageStatus } from '@hallvote/shared';
import { DEFAULT_BUSY_TIMEOUT_MS, openReadConnection, openWriteConnection } from './sqlite-open';
import * as reads from './sqlite-reads';
import { SecretScrubber } from './sqlite-scrub';
import { prepareStatements, type SqliteStatements } from './sqlite-statements';
import * as writes from './sqlite-writes';
import { toWire, type ThreadConfig, type ThreadMessage, type ThreadReply, type ThreadRequest } from './thread-wire';
import { WriteQueue } from './write-queue';

type StatementsFn = (s: SqliteStatements, ...args: never[]) => unknown;

/** The functions a request may name: the exports of the two modules, looked up as own keys only. */
function lookup(module: object, op: string): StatementsFn | null {
  const fn: unknown = Object.hasOwn(module, op) ? (module as Record<string, unknown>)[op] : undefined;
  return typeof fn === 'function' ? (fn as StatementsFn) : null;
}

const config = workerData as ThreadConfig;
if (!parentPort) throw new Error('sqlite-thread.ts runs as a worker thread');
const port = parentPort;

const post = (message: ThreadMessage) => port.postMessage(message);
const reportStatus = (status: StorageStatus) => post({ kind: 'status', status });

/**
 * The answers of one turn (a group transaction answers hundreds at once) leave in one message:
 * fewer messages to receive on the event loop, which takes them in slices (store-thread.ts).
 */
let replies: ThreadReply[] = [];
let closing = false;
function reply(answer: ThreadReply): void {
  if (replies.length === 0)
    setImmediate(() => {
      post({ kind: 'replies', replies });
      replies = [];
      if (closing) port.close();
      // What a close or cancel asked for, now that its answer has left and before any later write.
      else scrubber?.run();
    });
  replies.push(answer);
}

const db: Database.Database =
  config.role === 'writer' ? openWriteConnection(config.file, config.options) : openReadConnection(config.file);
const s = prepareStatements(db);
const scrubber =
  config.role === 'writer'
    ? new SecretScrubber(s, db, config.options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS, reportStatus)
    : null;
const commits = config.role === 'writer' ? answerCommitQuestions() : null;
const queue =
  config.role === 'writer'
    ? new WriteQueue(db, {
        committed: (ms, count) => {
          if (commits && commits.length < 100_000) commits.push({ ms, writes: count });
        },
      })
    : null;
const compiledSinceOpen = recordCompiles(db);

// Rounds a dead process left unscrubbed, and a WAL left by a crash (old versions of pages, secret
// ballots' included): both before anything else.
scrubber?.requestRewrite();
scrubber?.requestTruncation();
scrubber?.run();

function control(op: string): unknown {
  switch (op) {
    case 'status':
      return scrubber?.status ?? { scrubPendingSince: null };
    case 'compiled-since-open':
      return [...compiledSinceOpen];
    case 'close':
      scrubber?.stop();
      db.close();
      return null;
    default:
      throw new Error(`unknown control request ${op}`);
  }
}

function run(request: ThreadRequest): unknown {
  if (request.kind === 'control') {
    // After every write and read sent before it, like any read.
    return queue ? queue.afterWrites(() => control(request.op)) : control(request.op);
  }
  const fn = lookup(request.kind === 'write' ? writes : reads, request.op);
  if (!fn) throw new Error(`unknown ${request.kind} ${request.op}`);
  const call = () => fn(s, ...(request.args as never[]));
  if (request.kind === 'write') {
    if (!queue) throw new Error('the reader thread does not write');
    return queue.enqueue(call);
  }
  return queue ? queue.afterWrites(call) : call();
}

port.on('message', (request: ThreadRequest) => {
  Promise.resolve()
    .then(() => run(request))
    .then(
      (value) => {
        reply({ id: request.id, ok: true, value });
        if (request.op === 'close') closing = true;
      },
      (error: unknown) => reply({ id: request.id, ok: false, error: toWire(error) }),
    );
});

/** Every SQL text compiled after the thread opened its statements: a test asks for it. */
function recordCompiles(connection: Database.Database): string[] {
  const seen: string[] = [];
  for (const method of ['prepare', 'exec', 'pragma'] as const) {
    const original = connection[method].bind(connection) as (sql: string, ...rest: unknown[]) => unknown;
    (connection as unknown as Record<string, unknown>)[method] = (sql: string, ...rest: unknown[]) => {
      if (seen.length < 1000) seen.push(`${method}: ${sql}`);
      return original(sql, ...rest);
    };
  }
  return seen;
}

/**
 * The duration and size of every group COMMIT, for `npm run bench` (bench/server-probe.ts asks on a
 * BroadcastChannel; the thread answers with what it measured since the last question).
 */
function answerCommitQuestions(): { ms: number; writes: number }[] {
  const measured: { ms: number; writes: number }[] = [];
  const channel = new BroadcastChannel('hallvote:store-commits');
  channel.unref();
  channel.onmessage = () => channel.postMessage({ commits: measured.splice(0) });
  return measured;
}
