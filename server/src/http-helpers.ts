// Small helpers shared by the HTTP routers: credentials from the Authorization header, typed JSON
// errors with their status codes.
import type { Request, Response } from 'express';
import { HallvoteError, type ErrorBody } from '@hallvote/shared';
import type { HallContext } from './context';
import type { MeetingState } from './hall/meeting-state';
import { toErrorBody } from './with-validation';

const STATUS: Partial<Record<ErrorBody['error'], number>> = {
  INVALID_PAYLOAD: 400,
  INVALID_ROSTER: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STATE_MISMATCH: 503,
  INTERNAL: 500,
  STORE_UNAVAILABLE: 503,
};

/** The bearer credential of a request, or ''. */
export function bearer(req: Request): string {
  const header = req.headers.authorization ?? '';
  return header.startsWith('Bearer ') ? header.slice(7).trim() : '';
}

/** Wraps a route so that a thrown HallvoteError becomes its typed JSON error. */
export function route(ctx: HallContext, fn: (req: Request, res: Response) => Promise<void> | void) {
  return (req: Request, res: Response) => {
    Promise.resolve()
      .then(() => fn(req, res))
      .catch((error: unknown) => {
        const body = toErrorBody(error, ctx.log, { path: (req.route as { path?: string } | undefined)?.path });
        res.status(STATUS[body.error] ?? 400).json(body);
      });
  };
}

/** The meeting named in the path, if the request carries its chair key. */
export function chairMeeting(ctx: HallContext, req: Request): MeetingState {
  const state = ctx.hall.authorize(String(req.params.meetingId), 'chair', bearer(req));
  if (!state) throw new HallvoteError('UNAUTHORIZED', { credential: 'chair-key' });
  return state;
}
