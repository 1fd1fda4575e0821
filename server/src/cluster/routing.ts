// Where a request meets the meeting keeper. The load balancer sends every request of a meeting to
// one node, keyed by the meeting id each carries (docs/cluster.md): the socket.io query `?m=`, the
// path of /api/meetings/<id>/…, and a badge page's `?m=`. A node that does not run the meeting yet
// takes it over here, before anything else looks at the request; when another node holds it, the
// connection is closed without an answer (the client retries as after a network loss: no refusal
// to show) and an HTTP request gets 503 with Retry-After.
import type { NextFunction, Request, Response } from 'express';
import { handshakeAuthSchema } from '@hallvote/shared';
import type { Hall } from '../hall/hall';
import type { HallSocket } from '../with-validation';
import type { MeetingKeeper } from './meeting-keeper';
import type { Ownership } from './ownership';

/** The meeting a socket handshake is for: the chair's and projector's credential, a phone's `?m=` or its badge. */
async function handshakeMeeting(socket: HallSocket, ownership: Ownership): Promise<string | null> {
  const auth = handshakeAuthSchema.safeParse(socket.handshake.auth);
  if (!auth.success) return null;
  if (auth.data.role !== 'delegate') return auth.data.meetingId;
  const hinted = socket.handshake.query.m;
  if (typeof hinted === 'string' && hinted) return hinted;
  return ownership.clustered ? ownership.meetingOfToken(auth.data.token) : null;
}

/** socket.io middleware, before the handshake's own: the meeting is run here, or the connection goes. */
export function admitToMeeting(keeper: MeetingKeeper, hall: Hall, ownership: Ownership) {
  return (socket: HallSocket, next: (err?: Error) => void): void => {
    const auth = socket.handshake.auth as { meetingId?: unknown };
    // The common case costs nothing: a chair or projector of a meeting run here.
    if (typeof auth.meetingId === 'string' && hall.meetings.has(auth.meetingId)) return next();
    handshakeMeeting(socket, ownership)
      .then((meetingId) => (meetingId ? keeper.ensure(meetingId) : null))
      .then(
        (ensured) => {
          if (ensured?.kind === 'unavailable') socket.conn.close();
          // Here, missing or unnamed: the handshake decides (an unknown meeting is UNAUTHORIZED).
          else next();
        },
        () => socket.conn.close(),
      );
  };
}

/** HTTP: /api/meetings/<id>/… runs where the meeting is run. */
export function meetingRoutesHere(keeper: MeetingKeeper) {
  return (req: Request<{ meetingId: string }>, res: Response, next: NextFunction): void => {
    keeper.ensure(String(req.params.meetingId)).then(
      (ensured) => {
        if (ensured.kind !== 'unavailable') return next();
        res.setHeader('Retry-After', '1');
        res.status(503).json({
          ok: false,
          error: 'STORE_UNAVAILABLE',
          params: { reason: 'moving' },
        });
      },
      (err: unknown) => next(err),
    );
  };
}

/**
 * A badge's page, /d/<token>, names no meeting, so the load balancer sends it anywhere. A node that
 * does not run the badge's meeting redirects it to /d/<token>?m=<meeting>, which the load balancer
 * sends to the meeting's node; that node takes the meeting if nobody runs it, and the page comes
 * with the badge's snapshot as on one process.
 */
export function badgePageHere(keeper: MeetingKeeper, hall: Hall, ownership: Ownership) {
  return (req: Request<{ token: string }>, res: Response, next: NextFunction): void => {
    const token = req.params.token;
    if (!ownership.clustered || hall.findDelegate(token)) return next();
    ownership
      .meetingOfToken(token)
      .then(async (meetingId) => {
        if (!meetingId) return next();
        if (req.query.m !== meetingId) {
          res.setHeader('Cache-Control', 'no-store');
          res.redirect(302, `/d/${encodeURIComponent(token)}?m=${encodeURIComponent(meetingId)}`);
          return;
        }
        await keeper.ensure(meetingId);
        next();
      })
      // The page without a snapshot still works: the phone connects and gets one.
      .catch(() => next());
  };
}
