// What the event loop and the store's threads say to each other. A request names a function of
// sqlite-writes.ts or sqlite-reads.ts and passes its arguments (after the statements) as plain
// data; the answer is its return value, or its error as data. Errors are typed here, in the
// thread: a database another program has locked, or a full disk, is STORE_UNAVAILABLE (nothing
// was stored; try again), never an INTERNAL error and never a false success.
import { HallvoteError, type ErrorBody, type StorageStatus } from '@hallvote/shared';

export type ThreadRole = 'writer' | 'reader';

export interface ThreadConfig {
  readonly role: ThreadRole;
  readonly file: string;
  readonly options: import('./sqlite-open').SqliteOptions;
  /** The module that runs in the thread (sqlite-thread.ts), for the bootstrap to import. */
  readonly entry: string;
}

/**
 * - write: a function of sqlite-writes.ts, in the next group transaction
 * - read: a function of sqlite-reads.ts; in the writer thread it runs after the writes sent before it
 *   have committed
 * - control: the thread's own operations (close, diagnostics)
 */
export interface ThreadRequest {
  readonly id: number;
  readonly kind: 'write' | 'read' | 'control';
  readonly op: string;
  readonly args: readonly unknown[];
}

export type WireError =
  | {
      readonly kind: 'hallvote';
      /** The refusal, code and parameters, as it goes on the wire to the client. */
      readonly body: ErrorBody;
      /** Why, for the operator's log (which lock, which disk); never sent to a client. */
      readonly detail?: string;
    }
  | { readonly kind: 'error'; readonly name: string; readonly message: string; readonly stack?: string };

export type ThreadReply =
  | { readonly id: number; readonly ok: true; readonly value: unknown }
  | { readonly id: number; readonly ok: false; readonly error: WireError };

/** Replies go in batches: one message for every request a group transaction answered. */
export type ThreadMessage =
  | { readonly kind: 'replies'; readonly replies: readonly ThreadReply[] }
  | { readonly kind: 'status'; readonly status: StorageStatus };

/** SQLite result codes that mean "not now" rather than "never": another lock, a full or failing disk. */
const UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CANTOPEN|PROTOCOL|NOMEM)/;

const WHY: Readonly<Record<string, string>> = {
  BUSY: 'another program holds the database lock',
  LOCKED: 'the database is locked',
  FULL: 'the disk is full',
  IOERR: 'the disk could not be written',
  READONLY: 'the database file cannot be written',
  CANTOPEN: 'the database file cannot be opened',
  PROTOCOL: 'the database lock is contended',
  NOMEM: 'the server is out of memory',
};

/** An error as it crosses from the thread to the event loop. */
export function toWire(error: unknown): WireError {
  if (error instanceof HallvoteError) return { kind: 'hallvote', body: error.toBody() };
  const code = (error as { code?: unknown } | null)?.code;
  const match = typeof code === 'string' ? UNAVAILABLE.exec(code) : null;
  if (match)
    return {
      kind: 'hallvote',
      body: { ok: false, error: 'STORE_UNAVAILABLE', params: { reason: 'unreachable' } },
      detail: `Not saved: ${WHY[match[1] ?? ''] ?? 'the database is unavailable'} (${String(code)}).`,
    };
  const e = error instanceof Error ? error : new Error(String(error));
  return { kind: 'error', name: e.name, message: e.message, ...(e.stack ? { stack: e.stack } : {}) };
}

/** The error again, on the event loop's side: a HallvoteError the handler answers with, or an Error. */
export function fromWire(wire: WireError): Error {
  if (wire.kind === 'hallvote') return HallvoteError.fromBody(wire.body, wire.detail);
  const error = new Error(wire.message);
  error.name = wire.name;
  if (wire.stack) error.stack = wire.stack;
  return error;
}
