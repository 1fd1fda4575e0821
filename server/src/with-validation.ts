// The boundary of every socket request: ack present → role allowed → payload parsed by zod →
// handler → typed ack. Past this wrapper, handlers trust their types.
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import {
  CLIENT_EVENTS,
  HallvoteError,
  type Ack,
  type ClientToServerEvents,
  type ErrorBody,
  type ServerToClientEvents,
  type SocketData,
} from '@hallvote/shared';
import type { Logger } from './logger';
import { tokenBucket } from './rate-limit';

export type HallSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

type AckData<E extends keyof ClientToServerEvents> = Parameters<ClientToServerEvents[E]>[1] extends (
  response: Ack<infer T>,
) => void
  ? T
  : never;

/** Turns any thrown value into the error body an ack carries; unknown errors are logged, not echoed. */
export function toErrorBody(error: unknown, log: Logger, context: Record<string, unknown>): ErrorBody {
  if (error instanceof HallvoteError) return error.toBody();
  log.error({ err: error, ...context }, 'unexpected error in handler');
  return { ok: false, error: 'INTERNAL', message: 'Something went wrong on the server. Nothing was changed.' };
}

/** Maps zod issues to the protocol's issue list. */
export function zodIssues(error: z.ZodError): { path: string; message: string }[] {
  return error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
}

export interface RequestOptions<S extends z.ZodType> {
  readonly roles: readonly SocketData['role'][];
  readonly schema: S;
  /**
   * Checked before parsing; refusal answers RATE_LIMITED. Requests only a chair may make default
   * to the socket's chair bucket (see CHAIR_RATE).
   */
  readonly allow?: () => boolean;
}

/**
 * Chair actions, per socket, all actions together: far above what a person clicks, low enough
 * that a stuck key or a script cannot flood the meeting's write queue (each action is a commit).
 */
export const CHAIR_RATE = { perSecond: 10, burst: 30 } as const;
const chairBuckets = new WeakMap<object, () => boolean>();

function chairBucket(socket: HallSocket): () => boolean {
  let bucket = chairBuckets.get(socket);
  if (!bucket) chairBuckets.set(socket, (bucket = tokenBucket(CHAIR_RATE.perSecond, CHAIR_RATE.burst)));
  return bucket;
}

/** The requests each socket has a handler for; anything else is answered by `answerUnhandled`. */
const handled = new WeakMap<object, Set<string>>();

/**
 * Answers every request this socket's role has no handler for: FORBIDDEN for a request another
 * role may make, NOT_FOUND for a name the protocol does not have. Without it such a request
 * would hang until the client gives up.
 */
export function answerUnhandled(socket: HallSocket): void {
  socket.onAny((event: string, ...args: unknown[]) => {
    if (handled.get(socket)?.has(event)) return;
    const ack = args.at(-1);
    if (typeof ack !== 'function') return;
    const known = (CLIENT_EVENTS as readonly string[]).includes(event);
    const body: ErrorBody = known
      ? { ok: false, error: 'FORBIDDEN', message: `A ${socket.data.role} may not do ${event}.` }
      : { ok: false, error: 'NOT_FOUND', message: 'Unknown request.' };
    (ack as (r: unknown) => void)(body);
  });
}

/**
 * Registers a request handler for `event` on `socket`. The handler receives the parsed payload and
 * returns the ack data (or throws a HallvoteError).
 */
export function onRequest<E extends keyof ClientToServerEvents, S extends z.ZodType>(
  socket: HallSocket,
  log: Logger,
  event: E,
  options: RequestOptions<S>,
  handler: (payload: z.output<S>) => Promise<AckData<E>> | AckData<E>,
): void {
  // Registered untyped on purpose: whatever a client sends arrives here and is checked below.
  const raw = socket as unknown as { on(event: string, listener: (...args: unknown[]) => void): void };
  const events = handled.get(socket) ?? new Set<string>();
  events.add(event);
  handled.set(socket, events);
  const chairOnly = options.roles.length === 1 && options.roles[0] === 'chair';
  const allow = options.allow ?? (chairOnly ? chairBucket(socket) : undefined);
  raw.on(event, (...args: unknown[]) => {
    const ack = args.at(-1);
    if (typeof ack !== 'function') {
      log.warn({ event, role: socket.data.role }, 'request without ack ignored');
      return;
    }
    const reply = (response: Ack<AckData<E>>) => (ack as (r: unknown) => void)(response);
    if (!options.roles.includes(socket.data.role)) {
      reply({ ok: false, error: 'FORBIDDEN', message: `A ${socket.data.role} may not do ${event}.` });
      return;
    }
    if (allow && !allow()) {
      reply({ ok: false, error: 'RATE_LIMITED', message: 'Too many requests; wait a moment and try again.' });
      return;
    }
    const parsed = options.schema.safeParse(args.length > 1 ? args[0] : undefined);
    if (!parsed.success) {
      reply({
        ok: false,
        error: 'INVALID_PAYLOAD',
        message: `Malformed ${event} request.`,
        issues: zodIssues(parsed.error),
      });
      return;
    }
    Promise.resolve()
      .then(() => handler(parsed.data))
      .then(
        (data) => reply({ ok: true, data }),
        (error: unknown) => reply(toErrorBody(error, log, { event, role: socket.data.role })),
      );
  });
}
