// createApp builds the whole server from its dependencies and never listens: main.ts does, and
// tests listen on port 0 in one line.
import { existsSync } from 'node:fs';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import compression from 'compression';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import { Server } from 'socket.io';
import {
  HallvoteError,
  PROTOCOL_VERSION,
  handshakeAuthSchema,
  refusal,
  type ErrorBody,
  type SocketData,
} from '@hallvote/shared';
import type { Config } from './config';
import type { Clock, HallContext } from './context';
import { HandshakeGuard } from './handshake-guard';
import { LogThrottle } from './log-throttle';
import { safeUrl, type Logger } from './logger';
import { MAX_MESSAGE, MAX_OUTGOING, capOutgoing, limitedParser, setMessageLimit } from './socket-limits';
import { Countdowns } from './hall/countdowns';
import { Hall } from './hall/hall';
import type { MeetingState } from './hall/meeting-state';
import type { Store } from './store/store';
import { registerAuditHandlers } from './features/audit/register-audit-handlers';
import { registerAttendanceHandlers } from './features/attendance/register-attendance-handlers';
import { registerBallotHandlers } from './features/ballots/register-ballot-handlers';
import { attendanceSnapshot, computeRoundResult } from './features/ballots/round-result';
import { joinRoutes } from './features/badges/join-routes';
import { exportRoutes } from './features/exports/export-routes';
import { checkStoredMeetings } from './features/integrity/startup-check';
import { meetingRoutes } from './features/meetings/http-routes';
import { delegateJoined } from './features/presence/delegate-session';
import { registerProxyHandlers } from './features/proxies/register-proxy-handlers';
import { registerPaperHandlers } from './features/paper/register-paper-handlers';
import { registerProjectorHandlers } from './features/projector/register-projector-handlers';
import { registerRosterHandlers } from './features/roster/register-roster-handlers';
import { SocketBroadcaster, type HallServer } from './features/sync/broadcaster';
import { delegatePage } from './features/sync/delegate-page';
import { registerSyncHandlers } from './features/sync/register-sync-handlers';
import { registerVoteHandlers } from './features/votes/register-vote-handlers';
import { answerUnlistened, zodIssues, type HallSocket } from './with-validation';
import { MeetingKeeper } from './cluster/meeting-keeper';
import { LocalOwnership, type Ownership } from './cluster/ownership';
import type { RedisLink } from './cluster/redis-adapter';
import { admitToMeeting, badgePageHere, meetingRoutesHere } from './cluster/routing';
import { guardStore } from './cluster/store-guard';
import { addressOf } from './client-address';

export interface AppDeps {
  readonly store: Store;
  readonly config: Config;
  readonly log: Logger;
  readonly clock?: Clock;
  /**
   * A node of a cluster (docs/cluster.md): meetings owned under PostgreSQL advisory locks, rooms
   * shared through Redis. Without it this process owns every meeting: a cluster of one.
   */
  readonly cluster?: { readonly ownership: Ownership; readonly redis: RedisLink | null };
}

export interface App {
  readonly httpServer: HttpServer;
  readonly io: HallServer;
  readonly hall: Hall;
  readonly keeper: MeetingKeeper;
  /** Meetings refused at start-up because their stored state does not match (hall.refused says why). */
  readonly refused: readonly string[];
  /** Stops accepting, lets pending commits finish, closes the database. */
  close(): Promise<void>;
}

/** Largest HTTP body: a roster CSV at its maximum size, and nothing bigger. */
const MAX_HTTP_BODY = 8_000_000;

export async function createApp(deps: AppDeps): Promise<App> {
  const { config, log } = deps;
  const clock = deps.clock ?? { now: () => new Date() };
  const ownership = deps.cluster?.ownership ?? new LocalOwnership();
  // Set below; a write in doubt drops its meeting from this node (cluster/store-guard.ts).
  let keeper: MeetingKeeper | null = null;
  const store = guardStore(deps.store, (meetingId, reason) => keeper?.lost(meetingId, reason));
  // A cluster node loads (and checks) a meeting when it becomes its owner; one process all now.
  const hall = ownership.clustered ? new Hall({ keepsCreated: false }) : await Hall.load(store);
  const refused = ownership.clustered ? [] : await checkStoredMeetings(hall, store, clock, log);

  const app = express();
  app.disable('x-powered-by');
  // Per-address budgets count the phone behind a trusted proxy, not the proxy (client-address.ts).
  const clientAddress = addressOf(config.trustProxy);
  // `/D/<token>` is not `/d/<token>`: one spelling of each route, the one the badges print.
  app.set('case sensitive routing', true);
  app.use(
    pinoHttp({
      logger: log,
      // Delegate tokens are in /d/<token> paths; they are cut out, however spelt, before anything is logged.
      serializers: {
        req: (req: { method: string; url: string }) => ({ method: req.method, url: safeUrl(req.url) }),
        res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' },
    }),
  );
  app.use(
    helmet({
      // The hall LAN is plain HTTP unless TLS is configured; do not force phones to HTTPS.
      strictTransportSecurity: Boolean(config.tls),
      contentSecurityPolicy: {
        directives: {
          upgradeInsecureRequests: config.tls ? [] : null,
          imgSrc: ["'self'", 'data:'],
          // The roster import unzips a large .xlsx in workers that its own script makes from blob: URLs
          // (fflate, in read-excel-file); without this a workbook of a few thousand rows never loads.
          workerSrc: ["'self'", 'blob:'],
        },
      },
    }),
  );
  // Phones on crowded hall Wi-Fi download the delegate page gzipped: ~90 KB instead of ~290 KB.
  app.use(compression());
  app.use(express.json({ limit: MAX_HTTP_BODY }));
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true, node: ownership.node, meetings: hall.meetings.size, refused: hall.refused.size });
  });

  const httpServer = config.tls
    ? (createHttpsServer(
        { cert: readFileSync(config.tls.certFile), key: readFileSync(config.tls.keyFile) },
        app,
      ) as unknown as HttpServer)
    : createHttpServer(app);
  const io: HallServer = new Server(httpServer, {
    // What the transport reads at all; each connection has its own, smaller limit (socket-limits.ts).
    maxHttpBufferSize: MAX_MESSAGE,
    parser: limitedParser,
    serveClient: false,
    pingInterval: 10_000,
    pingTimeout: 8_000,
  });
  if (deps.cluster?.redis) io.adapter(deps.cluster.redis.adapter);

  // Running results for a chair whose open (named) ballot asked for them; never for a secret one.
  const broadcaster = new SocketBroadcaster(
    io,
    async (state, ballotId) => {
      const round = state.currentRound(ballotId);
      return round
        ? computeRoundResult(store, state, ballotId, round.round, {
            closedAt: clock.now().toISOString(),
            attendance: attendanceSnapshot(state, ballotId, round.round),
            earlyClose: null,
          })
        : null;
    },
    () => clock.now().getTime(),
  );
  // The chair hears at once when a secret round's scrub has to wait for another program, and when
  // it is done; the log says so too.
  let storage = store.watchStatus((status) => {
    storage = status;
    if (status.scrubPendingSince)
      log.warn(
        { since: status.scrubPendingSince },
        'secret-round scrub waiting: another program is reading the database',
      );
    else log.info('secret-round scrub done');
    for (const state of hall.meetings.values()) broadcaster.storageChanged(state, status);
  });
  const ctx: HallContext = {
    hall,
    store,
    config,
    log,
    clock,
    broadcaster,
    countdowns: new Countdowns(),
    storage: () => storage,
    disconnectDelegate: (state, delegateId, reason) => {
      const socketId = state.connectionOf(delegateId);
      const socket = socketId ? io.sockets.sockets.get(socketId) : undefined;
      socket?.emit('session:revoked', { reason });
      socket?.disconnect(true);
    },
  };

  const meetings = new MeetingKeeper({
    ctx,
    io,
    broadcaster,
    ownership,
    peersReachable: () => deps.cluster?.redis?.ready() ?? false,
  });
  keeper = meetings;
  // Rounds open at the last shutdown keep their countdowns.
  meetings.adoptLoaded();

  app.use('/api/meetings/:meetingId', meetingRoutesHere(meetings));
  app.get('/d/:token', badgePageHere(meetings, hall, ownership));
  app.use(meetingRoutes(ctx));
  app.use(exportRoutes(ctx));
  app.use(joinRoutes(ctx, clientAddress));
  app.use('/api', (_req, res) => {
    res.status(404).json(refusal('NOT_FOUND', { what: 'route' }));
  });
  serveClient(app, config.clientDir, (html, token) => delegatePage(ctx, html, token));
  // Malformed JSON and other body errors: a typed error, never a stack trace.
  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const status = (err as { status?: number }).status;
    if (status && status >= 400 && status < 500) {
      const problem = status === 413 ? 'too-large' : 'not-json';
      res.status(status).json(refusal('INVALID_PAYLOAD', { issues: [{ path: '', problem }] }));
      return;
    }
    log.error({ err, url: safeUrl(req.url) }, 'unexpected HTTP error');
    res.status(500).json(refusal('INTERNAL'));
  });

  // Handshakes: each connection and address gets a bounded number of tries (handshake-guard.ts),
  // counted before anything is looked up for them (in a cluster, a badge's meeting is found in the
  // database and may be taken over).
  const guard = new HandshakeGuard(log);
  const addressOfSocket = (socket: HallSocket) => clientAddress(socket.request);
  // socket.io sends an Error's message with the refusal: the code, never a sentence. The code and
  // its parameters travel in `data`, as every other refusal does.
  const refuse = (socket: HallSocket, next: (err?: Error) => void, body: ErrorBody) => {
    const { conn } = socket;
    const code = body.error;
    // A meeting refused at start-up is no guess: its right key is not counted as a failure.
    const close =
      code === 'RATE_LIMITED' || (code !== 'STATE_MISMATCH' && guard.failed(conn, addressOfSocket(socket), code));
    next(Object.assign(new Error(code), { data: body }));
    if (close) conn.close();
  };
  io.use((socket, next) => {
    if (guard.admit(socket.conn, addressOfSocket(socket)) === 'go') return next();
    refuse(socket, next, refusal('RATE_LIMITED'));
  });
  // The meeting is run here (taken over if no other node runs it), or the connection goes.
  io.use(admitToMeeting(meetings, hall, ownership));
  // The credential decides the role; nothing in a later payload can change it.
  io.use((socket, next) => {
    const refused = (body: ErrorBody) => refuse(socket, next, body);
    const parsed = handshakeAuthSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) return refused(refusal('INVALID_PAYLOAD', { issues: zodIssues(parsed.error) }));
    const auth = parsed.data;
    if (auth.protocol !== PROTOCOL_VERSION)
      return refused(refusal('PROTOCOL_MISMATCH', { expected: PROTOCOL_VERSION }));
    let data: SocketData | null = null;
    let state: MeetingState | null = null;
    try {
      if (auth.role === 'delegate') {
        const found = hall.findDelegate(auth.token);
        if (found) {
          data = { role: 'delegate', meetingId: found.state.meeting.id, delegateId: found.delegate.id };
          state = found.state;
        }
      } else {
        state = hall.authorize(auth.meetingId, auth.role, auth.key);
        if (state) data = { role: auth.role, meetingId: auth.meetingId };
      }
    } catch (err) {
      // A meeting refused at start-up: whoever holds one of its keys is told what differs.
      if (err instanceof HallvoteError && err.code === 'STATE_MISMATCH') return refused(err.toBody());
      throw err;
    }
    if (!data || !state)
      return refused(
        refusal('UNAUTHORIZED', {
          credential: auth.role === 'delegate' ? 'badge' : auth.role === 'chair' ? 'chair-key' : 'projector-key',
        }),
      );
    socket.data = data;
    setMessageLimit(socket, state);
    next();
  });

  // A client that stops reading makes the server queue every answer and announcement for it.
  const cutOff = new LogThrottle(log, 'connections cut off: too much queued for a client that does not read');
  io.on('connection', (socket: HallSocket) => {
    capOutgoing(socket, MAX_OUTGOING[socket.data.role], () => {
      cutOff.note(socket.data.role);
      socket.conn.close(true);
      // Its kernel and WebSocket buffers go too, now rather than after the close handshake times out.
      if (socket.conn.transport.name === 'websocket') socket.conn.request.socket.destroy();
    });
    // An unreadable or oversized message closes the connection (socket-limits.ts); nothing to log per socket.
    socket.on('error', () => undefined);
    const state = hall.meetings.get(socket.data.meetingId);
    if (!state || !meetings.track(socket)) {
      socket.disconnect(true);
      return;
    }
    void onConnection(ctx, state, socket, (id) => io.sockets.sockets.get(id));
  });

  return {
    httpServer,
    io,
    hall,
    refused,
    keeper: meetings,
    async close() {
      broadcaster.stop();
      guard.stop();
      cutOff.stop();
      ctx.countdowns.clearAll();
      await new Promise<void>((resolve) => {
        void io.close(() => resolve());
      });
      await meetings.close();
      await ownership.close();
      await deps.cluster?.redis?.close();
      await store.close();
    },
  };
}

async function onConnection(
  ctx: HallContext,
  state: MeetingState,
  socket: HallSocket,
  socketById: (id: string) => HallSocket | undefined,
): Promise<void> {
  try {
    answerUnlistened(socket);
    // Handlers first, so that a request sent right after the snapshot finds its listener. Each
    // feature registers all its requests; a socket listens only to those its role may send.
    registerRosterHandlers(ctx, socket, state);
    registerAttendanceHandlers(ctx, socket, state);
    registerBallotHandlers(ctx, socket, state);
    registerPaperHandlers(ctx, socket, state);
    registerProjectorHandlers(ctx, socket, state);
    registerProxyHandlers(ctx, socket, state);
    registerAuditHandlers(ctx, socket, state);
    registerVoteHandlers(ctx, socket, state);
    if (socket.data.role === 'delegate') await delegateJoined(ctx, state, socket, socketById);
    if (socket.connected) registerSyncHandlers(ctx, socket, state);
  } catch (err) {
    ctx.log.error({ err, role: socket.data.role }, 'connection setup failed');
    socket.disconnect(true);
  }
}

/**
 * Serves the built client: one HTML entry per view, so the phone never loads the chair's code. A
 * badge's page comes with the badge's snapshot inside (`withSnapshot`; see delegate-page.ts).
 */
function serveClient(
  app: express.Express,
  clientDir: string,
  withSnapshot: (html: string, token: string) => string | null,
): void {
  if (!existsSync(join(clientDir, 'index.html'))) return;
  // Vite names every asset by its content hash, so a name never changes meaning: a phone keeps it
  // for a year and never asks again. A missing asset is a 404, never an HTML page under that name.
  app.use('/assets', express.static(join(clientDir, 'assets'), { index: false, immutable: true, maxAge: '365d' }));
  app.use('/assets', (_req: Request, res: Response) => {
    res.status(404).end();
  });
  // The HTML entries name the current assets: revalidated on every load (a 304 when unchanged).
  app.use(express.static(clientDir, { index: false, cacheControl: false }));
  const entry = (file: string) => (_req: Request, res: Response) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(join(clientDir, existsSync(join(clientDir, file)) ? file : 'index.html'), { cacheControl: false });
  };
  const delegateHtml = join(clientDir, 'delegate.html');
  app.get('/d/:token', (req: Request<{ token: string }>, res: Response, next: NextFunction) => {
    const page = existsSync(delegateHtml) ? withSnapshot(readFileSync(delegateHtml, 'utf8'), req.params.token) : null;
    if (page === null) return next();
    // It names this delegate and, after voting, their receipt: never kept in the browser's cache.
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(page);
  });
  app.get('/d/{*rest}', entry('delegate.html'));
  app.get('/chair/{*rest}', entry('chair.html'));
  app.get('/p/{*rest}', entry('projector.html'));
  app.get('/', entry('index.html'));
}
