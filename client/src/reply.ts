// One reply shape for every call a view makes to the server, by socket (socket.ts `Reply`) or by
// HTTP (the fetch helpers of the admin page, the chair's downloads and the minutes): the data, the
// server's typed refusal, or NO_ANSWER when no answer came.
import { ERROR_CODES, type Ack, type ErrorBody } from '@hallvote/shared';
import type { NoAnswer } from './socket';

/**
 * The phone's own refusal to send a secret ballot whose round came without a seal key: its marks
 * would travel readable (vote-actions.ts). Nothing reaches the server.
 */
export interface NotSealed {
  readonly ok: false;
  readonly error: 'NOT_SEALED';
  readonly message: string;
}

/** The refused half of any reply, as ErrorNote shows it. */
export type Refusal = ErrorBody | NoAnswer | NotSealed;

/** What every fetch helper answers: the same shape as a socket request's `Reply`. */
export type HttpReply<T> = Ack<T> | NoAnswer;

/** Any reply at all, by socket or HTTP. */
export type AnyReply = Ack<unknown> | NoAnswer;

/** Whether a parsed body is the server's typed refusal (an error code it can send). */
export function isErrorBody(body: unknown): body is ErrorBody {
  return (
    typeof body === 'object' &&
    body !== null &&
    (body as { ok?: unknown }).ok === false &&
    (ERROR_CODES as readonly unknown[]).includes((body as { error?: unknown }).error)
  );
}
