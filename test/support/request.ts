// The one way the tests and the bench send a request: socket.io's own `timeout(ms).emitWithAck`,
// typed by the request table (shared/src/requests.ts; socket.io's own types make the ack `any` once a
// timeout is set). A lost ack then fails in seconds with the event's name, instead of hanging until
// the test runner gives up on the whole test.
import type { Socket } from 'socket.io-client';
import type {
  Ack,
  AckData,
  ClientToServerEvents,
  RequestAck,
  RequestEvent,
  RequestPayload,
  ServerToClientEvents,
} from '@hallvote/shared';

/** A client socket, as every view has it. */
export type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * How long a request waits for its ack unless told otherwise: about ten times the slowest ack seen
 * in `npm test` (0.57 s, a roster import, with the test files running in parallel on two cores).
 * A caller that means to wait longer says so.
 */
export const ACK_TIMEOUT_MS = 5_000;

/** No ack came: the server did not answer in time, or the socket was or went offline. */
export class NoAck extends Error {
  constructor(
    readonly event: string,
    readonly timeoutMs: number,
    cause: unknown,
  ) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    // socket.io's words for the two cases: "operation has timed out", "socket has been disconnected".
    super(/timed out/.test(reason) ? `no ack to ${event} within ${timeoutMs} ms` : `no ack to ${event}: ${reason}`, {
      cause,
    });
    this.name = 'NoAck';
  }
}

/** Sends a request and resolves with its ack; rejects with NoAck, naming the event, if none comes. */
export function request<E extends RequestEvent>(
  socket: Client,
  event: E,
  payload: RequestPayload<E>,
  timeoutMs = ACK_TIMEOUT_MS,
): Promise<RequestAck<E>> {
  return requestUnchecked(socket, event, [payload], timeoutMs) as Promise<RequestAck<E>>;
}

/** The data of a successful ack; rejects with the refusal, naming the event, otherwise. */
export async function requestOk<E extends RequestEvent>(
  socket: Client,
  event: E,
  payload: RequestPayload<E>,
  timeoutMs = ACK_TIMEOUT_MS,
): Promise<AckData<E>> {
  const ack = await request(socket, event, payload, timeoutMs);
  if (!ack.ok) throw new Error(`${event} refused: ${ack.error} ${JSON.stringify(ack.params)}`);
  return ack.data;
}

/**
 * As `request`, without the protocol's types: any event name and any arguments, the way a hostile
 * client sends them (the fuzz tests). Resolves with whatever the server acks.
 */
export async function requestUnchecked(
  socket: Client,
  event: string,
  args: readonly unknown[],
  timeoutMs = ACK_TIMEOUT_MS,
): Promise<unknown> {
  const timed = socket.timeout(timeoutMs) as unknown as {
    emitWithAck(event: string, ...args: unknown[]): Promise<unknown>;
  };
  try {
    return await timed.emitWithAck(event, ...args);
  } catch (cause) {
    throw new NoAck(event, timeoutMs, cause);
  }
}

/** The data of a successful ack; fails the test with the error otherwise. */
export function okData<T>(ack: Ack<T>): T {
  if (!ack.ok) throw new Error(`expected ok, got ${ack.error}: ${JSON.stringify(ack.params)}`);
  return ack.data;
}
