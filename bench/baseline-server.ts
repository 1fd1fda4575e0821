// The bare baseline: socket.io on loopback with the same handshake shape, snapshots and events as
// hallvote, but no validation, no authorization beyond the handshake shape, and no storage. A vote
// is acked from memory at once. Whatever hallvote costs on top of this is its own doing.
//
// Run by the bench like the real server: PORT and HOST from the environment, a banner on stdout.
import { randomBytes, randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { Server, type Socket } from 'socket.io';
import {
  DEFAULT_MEETING_SETTINGS,
  PROTOCOL_VERSION,
  type BallotDefinition,
  type BallotView,
  type DelegateSnapshot,
  type ProjectorSnapshot,
  type Turnout,
} from '@hallvote/shared';

const port = Number(process.env.PORT ?? 3100);
const host = process.env.HOST ?? '127.0.0.1';

interface BallotEntry {
  view: BallotView;
  readonly voters: Map<string, string>;
}

const ballots = new Map<string, BallotEntry>();
let current: BallotEntry | null = null;
const seqs = { delegate: 0, projector: 0, chair: 0 };
const presentTokens = new Set<string>();

const httpServer = createServer();
// Same transport settings as hallvote, so heartbeats cost the same.
const io = new Server(httpServer, { serveClient: false, pingInterval: 10_000, pingTimeout: 8_000 });

type Auth = { protocol?: unknown; role?: unknown; token?: unknown; meetingId?: unknown; key?: unknown };

io.use((socket, next) => {
  const auth = socket.handshake.auth as Auth;
  const ok =
    auth.protocol === PROTOCOL_VERSION &&
    (auth.role === 'delegate'
      ? typeof auth.token === 'string'
      : (auth.role === 'chair' || auth.role === 'projector') && typeof auth.key === 'string');
  if (!ok) return next(Object.assign(new Error('Malformed handshake.'), { data: { code: 'INVALID_PAYLOAD' } }));
  next();
});

function turnout(): Turnout | null {
  if (!current) return null;
  return {
    ballotId: current.view.id,
    round: current.view.round,
    voted: current.voters.size,
    present: presentTokens.size,
    eligible: presentTokens.size,
  };
}

function presence() {
  const n = presentTokens.size;
  return {
    roster: n,
    present: n,
    excusedAbsent: 0,
    eligible: n,
    quorum: {
      met: true,
      present: n,
      eligible: n,
      fraction: { num: 2, den: 3 },
      strict: false,
      required: Math.ceil((n * 2) / 3),
    },
  };
}

function delegateSnapshot(token: string): DelegateSnapshot {
  return {
    role: 'delegate',
    seq: seqs.delegate,
    serverTime: Date.now(),
    meeting: { id: 'baseline', title: 'Baseline', settings: DEFAULT_MEETING_SETTINGS },
    me: { id: token.slice(0, 8), name: 'Delegate', position: 'Unit', weight: 1 },
    ballot: current?.view ?? null,
    myVote: null,
    result: null,
    receipts: [],
    anchor: null,
    represents: [],
    heldBy: null,
    splitAllowed: false,
    countBy: 'heads',
    joinedAfter: null,
  };
}

function projectorSnapshot(): Omit<ProjectorSnapshot, 'meeting'> & { meeting: { id: string; title: string } } {
  return {
    role: 'projector',
    seq: seqs.projector,
    meeting: { id: 'baseline', title: 'Baseline' },
    presence: presence(),
    ballot: current?.view ?? null,
    turnout: turnout(),
    result: null,
    anchor: null,
    screen: { mode: 'live', slideText: '', resultShown: true },
  };
}

// Turnout goes to the projector once per event-loop turn: the cheapest coalescing there is.
let turnoutScheduled = false;
function turnoutChanged(): void {
  if (turnoutScheduled) return;
  turnoutScheduled = true;
  setImmediate(() => {
    turnoutScheduled = false;
    io.to('projector').emit('turnout:updated', { seq: ++seqs.projector, turnout: turnout() });
  });
}

type AckFn = (reply: unknown) => void;
const ackOf = (args: unknown[]): AckFn => {
  const last = args.at(-1);
  return typeof last === 'function' ? (last as AckFn) : () => {};
};

function onDelegate(socket: Socket, token: string): void {
  presentTokens.add(token);
  socket.on('vote:cast', (...args: unknown[]) => {
    const p = args[0] as { ballotId: string; round: number; voteId: string };
    const entry = ballots.get(p.ballotId);
    const earlier = entry?.voters.get(token);
    if (entry && earlier === undefined) entry.voters.set(token, p.voteId);
    ackOf(args)({
      ok: true,
      data: {
        ballotId: p.ballotId,
        round: p.round,
        voteId: earlier ?? p.voteId,
        receipt: randomBytes(6).toString('hex'),
        marks: null,
      },
    });
    turnoutChanged();
  });
  socket.emit('snapshot', delegateSnapshot(token));
}

function onChair(socket: Socket): void {
  socket.on('ballot:create', (...args: unknown[]) => {
    const def = args[0] as BallotDefinition;
    const id = randomUUID();
    ballots.set(id, {
      view: {
        ...def,
        // The baseline tallies nothing; it names the rules as the real server does.
        rules: def.rules ?? { id: 'vn-party-classification', version: 2 },
        id,
        state: 'draft',
        round: 0,
        openedAt: null,
        closesAt: null,
        closedAt: null,
        publishedAt: null,
        sealKey: null,
      },
      voters: new Map(),
    });
    ackOf(args)({ ok: true, data: { ballotId: id } });
  });
  const change = (args: unknown[], patch: Partial<BallotView>) => {
    const entry = ballots.get((args[0] as { ballotId: string }).ballotId);
    if (!entry) return ackOf(args)({ ok: false, error: 'NOT_FOUND', params: { what: 'ballot' } });
    entry.view = { ...entry.view, ...patch };
    current = entry;
    io.to('delegate').emit('ballot:updated', { seq: ++seqs.delegate, ballot: entry.view, serverTime: Date.now() });
    io.to('projector').emit('ballot:updated', { seq: ++seqs.projector, ballot: entry.view, serverTime: Date.now() });
    ackOf(args)({ ok: true, data: entry.view });
  };
  socket.on('ballot:open', (...args: unknown[]) =>
    change(args, { state: 'open', round: 1, openedAt: new Date().toISOString() }),
  );
  socket.on('ballot:close', (...args: unknown[]) =>
    change(args, { state: 'closed', closedAt: new Date().toISOString() }),
  );
  socket.emit('snapshot', { role: 'chair', seq: seqs.chair, presence: presence() });
}

io.on('connection', (socket) => {
  const auth = socket.handshake.auth as Auth;
  const role = auth.role as 'delegate' | 'chair' | 'projector';
  void socket.join(role);
  if (role === 'delegate') onDelegate(socket, String(auth.token));
  else if (role === 'chair') onChair(socket);
  else socket.emit('snapshot', projectorSnapshot());
  socket.on('sync:request', (...args: unknown[]) =>
    ackOf(args)({ ok: true, data: role === 'projector' ? projectorSnapshot() : delegateSnapshot(String(auth.token)) }),
  );
});

httpServer.listen(port, host, () => {
  process.stdout.write(`\n  baseline socket.io server\n  listening on   http://${host}:${port}\n\n`);
});

const stop = () => {
  void io.close(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
