// One reply shape for every HTTP call of the client (the admin page, the chair's downloads, the
// minutes), the same shape a socket request answers in: the data, the server's typed refusal, or
// NO_ANSWER when the server could not be reached.
import { ERROR_CODES, type Ack, type ErrorBody } from '@hallvote/shared';
import type { NoAnswer } from './socket';

export type HttpReply<T> = Ack<T> | NoAnswer;
export type HttpRefusal = Exclude<HttpReply<unknown>, { readonly ok: true }>;

/** Whether a parsed body is the server's typed refusal (an error code it can send). */
export function isErrorBody(body: unknown): body is ErrorBody {
  return (
    typeof body === 'object' &&
    body !== null &&
    (body as { ok?: unknown }).ok === false &&
    (ERROR_CODES as readonly unknown[]).includes((body as { error?: unknown }).error)
  );
}
