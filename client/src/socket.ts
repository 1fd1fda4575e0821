// The one importer of socket.io-client. Views talk to a small `HallSocket` interface instead of the
// library, so a component test can hand them a fake that records requests, and every request is
// answered in one shape: the server's Ack, or NO_ANSWER when it never came.
import { io, type Socket } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  isErrorBody,
  refusal,
  type ClientToServerEvents,
  type ErrorBody,
  type HandshakeAuth,
  type RequestAck,
  type RequestEvent,
  type RequestPayload,
  type ServerToClientEvents,
} from '@hallvote/shared';

import { noAnswer, type NoAnswer } from './reply';

export type { NoAnswer, NoAnswerParams } from './reply';

type RawSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export type Reply<E extends RequestEvent> = RequestAck<E> | NoAnswer;

/** Connection life as the views care about it; socket.io's own reconnection does the rest. */
export type ConnectionEvent =
  | { readonly type: 'connected' }
  | { readonly type: 'disconnected'; readonly byServer: boolean }
  /** The server refused the handshake (bad or revoked credential); socket.io will not retry. */
  | { readonly type: 'refused'; readonly refusal: ErrorBody }
  /** The server could not be reached; socket.io keeps trying. */
  | { readonly type: 'unreachable' };

export interface HallSocket {
  on<E extends keyof ServerToClientEvents>(event: E, listener: ServerToClientEvents[E]): void;
  onConnection(listener: (event: ConnectionEvent) => void): void;
  request<E extends RequestEvent>(event: E, payload: RequestPayload<E>): Promise<Reply<E>>;
  /** Connects again after the server closed the connection (socket.io does not, then). */
  reconnect(): void;
  close(): void;
}

/** Long enough for a roster import of thousands of lines on a busy hall network. */
const REQUEST_TIMEOUT_MS = 20_000;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type Credentials = DistributiveOmit<HandshakeAuth, 'protocol'>;

/**
 * How every view connects. WebSocket first: one handshake instead of long-polling's three round
 * trips and an upgrade (on a slow hall network about 1.8 s of a phone's 3.8 s to its first screen);
 * long-polling only where a WebSocket cannot open (a proxy that blocks it). Retry at most 2 s apart
 * (socket.io's default is 5 s): after a server restart every phone is back within a few seconds;
 * the randomisation socket.io adds still spreads a hall's reconnects.
 */
export const TRANSPORT_OPTIONS = {
  transports: ['websocket', 'polling'],
  tryAllTransports: true,
  reconnectionDelayMax: 2000,
} as const;

/**
 * Opens the connection for one role on the page's own origin. The meeting's id rides in the query
 * (`?m=`): with several servers, the load balancer sends every connection of a meeting to the one
 * server that runs it (docs/cluster.md). A phone knows it from its page (`meetingId`).
 */
export function connectHall(credentials: Credentials, meetingId?: string): HallSocket {
  const m = credentials.role === 'delegate' ? meetingId : credentials.meetingId;
  const raw: RawSocket = io({
    ...TRANSPORT_OPTIONS,
    transports: [...TRANSPORT_OPTIONS.transports],
    auth: { protocol: PROTOCOL_VERSION, ...credentials },
    ...(m ? { query: { m } } : {}),
  });
  return wrap(raw, credentials);
}

/**
 * What a refused handshake carries: the server's typed refusal (code and parameters, in the error's
 * `data`), else a refusal of the credential this view presented.
 */
function handshakeRefusal(data: unknown, credentials: Credentials): ErrorBody {
  if (isErrorBody(data)) return data;
  const credential =
    credentials.role === 'delegate' ? 'badge' : credentials.role === 'chair' ? 'chair-key' : 'projector-key';
  return refusal('UNAUTHORIZED', { credential });
}

function wrap(raw: RawSocket, credentials: Credentials): HallSocket {
  return {
    on(event, listener) {
      // The typed overloads of socket.io do not accept a generic event name; the map still types
      // every listener at the call site.
      (raw.on as (e: string, l: unknown) => void)(event, listener);
    },
    onConnection(listener) {
      raw.on('connect', () => listener({ type: 'connected' }));
      raw.on('disconnect', (reason) => listener({ type: 'disconnected', byServer: reason === 'io server disconnect' }));
      raw.on('connect_error', (error: Error & { data?: unknown }) => {
        // `active` stays true for network failures (socket.io retries) and turns false when a
        // middleware refused us, which is final until we call connect() ourselves.
        if (raw.active) listener({ type: 'unreachable' });
        else listener({ type: 'refused', refusal: handshakeRefusal(error.data, credentials) });
      });
    },
    request(event, payload) {
      type AnyReply = Reply<typeof event>;
      // A request made offline would sit in socket.io's buffer and run whenever the connection
      // returns, perhaps minutes later: never surprise anyone with that. Answer now instead.
      if (!raw.connected) {
        return Promise.resolve<AnyReply>(noAnswer('offline'));
      }
      return new Promise<AnyReply>((resolve) => {
        // Called as a method: socket.io's emit needs its `this`.
        const timed = raw.timeout(REQUEST_TIMEOUT_MS) as unknown as {
          emit(e: string, p: unknown, ack: (err: Error | null, reply: AnyReply) => void): void;
        };
        timed.emit(event, payload, (err, reply) => {
          resolve(err ? noAnswer('timeout') : reply);
        });
      });
    },
    reconnect() {
      raw.connect();
    },
    close() {
      raw.disconnect();
    },
  };
}
