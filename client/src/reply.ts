// One reply shape for every call a view makes to the server, by socket (socket.ts `Reply`) or by
// HTTP (the fetch helpers of the admin page, the chair's downloads and the minutes): the data, the
// server's typed refusal, or NO_ANSWER when no answer came.
import type { Ack, ErrorBody } from '@hallvote/shared';

/**
 * Why no answer came: not connected (nothing was sent), timed out, the server unreachable over
 * HTTP, the phone could not seal a vote, or an HTTP error without the server's typed body.
 */
export interface NoAnswerParams {
  readonly reason: 'offline' | 'timeout' | 'unreachable' | 'sealing' | 'http';
  /** http: the status code. */
  readonly status?: number;
}

/** The request left this device (or could not) but no answer came back: the device's own refusal. */
export interface NoAnswer {
  readonly ok: false;
  readonly error: 'NO_ANSWER';
  readonly params: NoAnswerParams;
}

/** A NO_ANSWER refusal. */
export function noAnswer(reason: NoAnswerParams['reason'], status?: number): NoAnswer {
  return { ok: false, error: 'NO_ANSWER', params: status === undefined ? { reason } : { reason, status } };
}

/**
 * The phone's own refusal to send a secret ballot whose round came without a seal key: its marks
 * would travel readable (vote-actions.ts). Nothing reaches the server.
 */
export interface NotSealed {
  readonly ok: false;
  readonly error: 'NOT_SEALED';
  readonly params: Record<string, never>;
}

/** The refused half of any reply, as ErrorNote shows it. */
export type Refusal = ErrorBody | NoAnswer | NotSealed;

/** What every fetch helper answers: the same shape as a socket request's `Reply`. */
export type HttpReply<T> = Ack<T> | NoAnswer;

/** Any reply at all, by socket or HTTP. */
export type AnyReply = Ack<unknown> | NoAnswer;

export { isErrorBody } from '@hallvote/shared';
