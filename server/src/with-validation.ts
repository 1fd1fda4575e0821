// The boundary of every socket request. The request table (shared/src/requests.ts) says who may
// send a request, its rate class and its schema; this file applies it: role → ack present → rate
// → payload parsed by zod → handler → typed ack. Past this wrapper, handlers trust their types.
import type { Socket } from 'socket.io';
import type { z } from 'zod';
import {
  HallvoteError,
  REQUESTS,
  isRequestEvent,
  mayRequest,
  type Ack,
  type AckData,
  type ClientToServerEvents,
  refusal,
  type ErrorBody,
  type PayloadIssue,
  type ParsedRequest,
  type RequestEvent,
  type RolesOf,
  type ServerToClientEvents,
  type SocketData,
} from '@hallvote/shared';
import { LogThrottle } from './log-throttle';
import { StoreUnavailableError } from './store/store';
import type { Logger } from './logger';
import { rateLimiter } from './rate-limit';

export type HallSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

/** The connection data of a socket that may send `E`: a `vote:cast` handler knows its delegate. */
export type SenderOf<E extends RequestEvent> = Extract<SocketData, { role: RolesOf<E> }>;

/** Turns any thrown value into the error body an ack carries; unknown errors are logged, not echoed. */
export function toErrorBody(error: unknown, log: Logger, context: Record<string, unknown>): ErrorBody {
  if (error instanceof HallvoteError) return error.toBody();
  // A database that cannot be reached now (PostgreSQL): nothing was stored; the client may try again.
  if (error instanceof StoreUnavailableError) {
    log.warn({ err: error, ...context }, 'store unavailable');
    return refusal('STORE_UNAVAILABLE', { reason: 'unreachable' });
  }
  log.error({ err: error, ...context }, 'unexpected error in handler');
  return refusal('INTERNAL');
}

/** Maps zod issues to the protocol's issue list: the field and what was wrong, as codes. */
export function zodIssues(error: z.ZodError): PayloadIssue[] {
  return error.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), ...issueProblem(i) }));
}

function issueProblem(issue: z.core.$ZodIssue): Omit<PayloadIssue, 'path'> {
  switch (issue.code) {
    case 'invalid_type':
      return { problem: issue.input === undefined ? 'missing' : 'type' };
    case 'too_small':
      return { problem: 'too-small', limit: Number(issue.minimum) };
    case 'too_big':
      return { problem: 'too-big', limit: Number(issue.maximum) };
    case 'invalid_format':
      return { problem: 'format' };
    case 'unrecognized_keys':
      return { problem: 'unknown-key' };
    default:
      return { problem: 'value' };
  }
}

/** Per app (by its logger): requests that came without an ack callback, summarised, never one line each. */
const unacked = new WeakMap<Logger, LogThrottle>();
function noteUnacked(log: Logger, what: string): void {
  let throttle = unacked.get(log);
  if (!throttle) unacked.set(log, (throttle = new LogThrottle(log, 'requests without an ack callback dropped')));
  throttle.note(what);
}

/** The requests each socket listens to; anything else is answered by `answerUnlistened`. */
const listening = new WeakMap<object, Set<string>>();

/**
 * Answers every request this socket does not listen to: FORBIDDEN for a request of the protocol
 * (its role may not send it, see `onRequest`), NOT_FOUND for a name the protocol does not have.
 * Without it such a request would hang until the client gives up.
 */
export function answerUnlistened(socket: HallSocket): void {
  socket.onAny((event: string, ...args: unknown[]) => {
    if (listening.get(socket)?.has(event)) return;
    const ack = args.at(-1);
    if (typeof ack !== 'function') return;
    const body: ErrorBody = isRequestEvent(event)
      ? refusal('FORBIDDEN', { role: socket.data.role, request: event })
      : refusal('NOT_FOUND', { what: 'request' });
    (ack as (r: unknown) => void)(body);
  });
}

/**
 * Handles request `event` on `socket` with `handler`, which receives the parsed payload and the
 * sender, and returns the ack data (or throws a HallvoteError). This is the one role gate: a
 * socket whose role the table does not name for `event` does not listen to it at all.
 */
export function onRequest<E extends RequestEvent>(
  socket: HallSocket,
  log: Logger,
  event: E,
  handler: (payload: ParsedRequest<E>, sender: SenderOf<E>) => Promise<AckData<E>> | AckData<E>,
): void {
  if (!mayRequest(socket.data.role, event)) return;
  // mayRequest has just checked that the role is one of RolesOf<E>.
  const sender = socket.data as SenderOf<E>;
  const { schema, rate } = REQUESTS[event];
  const allow = rateLimiter(socket, rate);
  const events = listening.get(socket) ?? new Set<string>();
  events.add(event);
  listening.set(socket, events);
  // Registered untyped on purpose: whatever a client sends arrives here and is checked below.
  const raw = socket as unknown as { on(event: string, listener: (...args: unknown[]) => void): void };
  raw.on(event, (...args: unknown[]) => {
    const ack = args.at(-1);
    if (typeof ack !== 'function') {
      // Nobody is waiting for an answer: drop it before it costs anything but a count.
      noteUnacked(log, `${sender.role} ${event}`);
      return;
    }
    const reply = (response: Ack<AckData<E>>) => (ack as (r: unknown) => void)(response);
    if (!allow()) {
      reply(refusal('RATE_LIMITED'));
      return;
    }
    const parsed = schema.safeParse(args.length > 1 ? args[0] : undefined);
    if (!parsed.success) {
      reply(refusal('INVALID_PAYLOAD', { issues: zodIssues(parsed.error) }));
      return;
    }
    Promise.resolve()
      .then(() => handler(parsed.data as ParsedRequest<E>, sender))
      .then(
        (data) => reply({ ok: true, data }),
        (error: unknown) => reply(toErrorBody(error, log, { event, role: sender.role })),
      );
  });
}
