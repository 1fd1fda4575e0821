// One load worker: a share of the delegates' phones as real socket.io clients. Started by fleet.ts
// with an IPC channel; does only what the orchestrator asks and exits when it goes away.
import { io } from 'socket.io-client';
import { PROTOCOL_VERSION } from '@hallvote/shared';
import { request, type Client } from '../test/support/request';
import { countBy, nowMs } from './stats';
import type { ConnectReply, SnapshotsReply, VoteReply, WorkerCommand, WorkerReply } from './worker-protocol';

type Phone = Client;

interface Entry {
  readonly socket: Phone;
  /** Position among all delegates of the run. */
  readonly index: number;
  readonly meetingId: string | undefined;
  /** First snapshot since `arm-snapshots`, epoch ms. */
  snapshotAt: number | null;
}

const entries: Entry[] = [];
let armed = false;
let reconnectAttempts = 0;

function send(reply: WorkerReply): void {
  process.send?.(reply);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Opens one phone and resolves when its first snapshot arrives, or with an error code. */
function openPhone(
  cmd: Extract<WorkerCommand, { type: 'connect' }>,
  token: string,
  meetingId: string | undefined,
  errors: Record<string, number>,
) {
  const { url, reconnection, timeoutMs } = cmd;
  return new Promise<{ socket: Phone; joinMs: number } | null>((resolve) => {
    const started = performance.now();
    const socket: Phone = io(url, {
      auth: { protocol: PROTOCOL_VERSION, role: 'delegate', token },
      transports: ['websocket'],
      forceNew: true,
      reconnection,
      ...(cmd.reconnectionDelayMax ? { reconnectionDelayMax: cmd.reconnectionDelayMax } : {}),
      ...(meetingId ? { query: { m: meetingId } } : {}),
      timeout: timeoutMs,
    });
    const timer = setTimeout(() => {
      countBy(errors, 'JOIN_TIMEOUT');
      socket.disconnect();
      resolve(null);
    }, timeoutMs);
    // Every connect_error counts, even one socket.io recovers from by retrying: the 10,000 run
    // must be clean, not merely eventually connected.
    socket.on('connect_error', (err: Error & { data?: { error?: string } }) => {
      countBy(errors, `connect_error:${err.data?.error ?? err.message}`);
      if (socket.active) return;
      clearTimeout(timer);
      resolve(null);
    });
    socket.once('snapshot', () => {
      clearTimeout(timer);
      resolve({ socket, joinMs: performance.now() - started });
    });
  });
}

async function connectAll(cmd: Extract<WorkerCommand, { type: 'connect' }>): Promise<ConnectReply> {
  const errors: Record<string, number> = {};
  const joinMs: number[] = [];
  let next = 0;
  const lane = async () => {
    while (next < cmd.tokens.length) {
      const i = next++;
      const meetingId = cmd.meetingIds?.[i];
      const opened = await openPhone(cmd, cmd.tokens[i] ?? '', meetingId, errors);
      if (!opened) continue;
      const entry: Entry = {
        socket: opened.socket,
        index: cmd.firstIndex + i * cmd.stride,
        meetingId,
        snapshotAt: null,
      };
      opened.socket.on('snapshot', () => {
        if (armed && entry.snapshotAt === null) entry.snapshotAt = nowMs();
      });
      opened.socket.io.on('reconnect_attempt', () => reconnectAttempts++);
      entries.push(entry);
      joinMs.push(opened.joinMs);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, cmd.concurrency) }, lane));
  entries.sort((a, b) => a.index - b.index);
  return { type: 'connect', id: cmd.id, connected: joinMs.length, errors, joinMs };
}

async function voteAll(cmd: Extract<WorkerCommand, { type: 'vote' }>): Promise<VoteReply> {
  const latencies: number[] = [];
  const byMeeting: Record<string, number[]> = {};
  const errors: Record<string, number> = {};
  let firstEmitAt: number | null = null;
  let lastAckAt: number | null = null;
  let pending = entries.length;
  let done: () => void = () => {};
  const finished = new Promise<void>((r) => (done = r));
  const settle = () => {
    if (--pending === 0) done();
  };
  if (pending === 0) done();

  const fire = (e: Entry) => {
    const marks = Object.fromEntries(
      cmd.subjectIds.map((id, s) => [id, [cmd.optionIds[(e.index + s) % cmd.optionIds.length] ?? '']]),
    );
    if (!e.socket.connected) {
      countBy(errors, 'NOT_CONNECTED');
      settle();
      return;
    }
    const payload = {
      ballotId: (e.meetingId && cmd.ballotIds?.[e.meetingId]) || cmd.ballotId,
      round: cmd.round,
      voteId: crypto.randomUUID(),
      marks,
    };
    const sentAt = performance.now();
    firstEmitAt ??= nowMs();
    request(e.socket, 'vote:cast', payload, cmd.timeoutMs).then(
      (ack) => {
        const latency = performance.now() - sentAt;
        if (!ack.ok) countBy(errors, ack.error);
        else {
          latencies.push(latency);
          if (e.meetingId) (byMeeting[e.meetingId] ??= []).push(latency);
          lastAckAt = nowMs();
        }
        settle();
      },
      () => {
        countBy(errors, 'NO_ANSWER');
        settle();
      },
    );
  };

  const due = (e: Entry) => cmd.startAt + (e.index * cmd.spreadMs) / cmd.total;
  let next = 0;
  const tick = () => {
    const now = nowMs();
    while (next < entries.length && due(entries[next] as Entry) <= now) fire(entries[next++] as Entry);
    if (next < entries.length) setTimeout(tick, Math.max(0, due(entries[next] as Entry) - nowMs()));
  };
  tick();
  await finished;
  return { type: 'vote', id: cmd.id, latencies, byMeeting, errors, firstEmitAt, lastAckAt };
}

async function collectSnapshots(cmd: Extract<WorkerCommand, { type: 'collect-snapshots' }>): Promise<SnapshotsReply> {
  const deadline = performance.now() + cmd.timeoutMs;
  while (entries.some((e) => e.snapshotAt === null) && performance.now() < deadline) await sleep(20);
  armed = false;
  const at = entries.flatMap((e) => (e.snapshotAt === null ? [] : [e.snapshotAt]));
  return { type: 'collect-snapshots', id: cmd.id, at, missing: entries.length - at.length, reconnectAttempts };
}

async function handle(cmd: WorkerCommand): Promise<WorkerReply> {
  switch (cmd.type) {
    case 'connect':
      return connectAll(cmd);
    case 'vote':
      return voteAll(cmd);
    case 'arm-snapshots':
      for (const e of entries) e.snapshotAt = null;
      reconnectAttempts = 0;
      armed = true;
      return { type: 'arm-snapshots', id: cmd.id };
    case 'collect-snapshots':
      return collectSnapshots(cmd);
    case 'ping':
      return { type: 'ping', id: cmd.id };
    case 'close':
      for (const e of entries) e.socket.disconnect();
      entries.length = 0;
      return { type: 'close', id: cmd.id };
  }
}

process.on('message', (cmd: WorkerCommand) => {
  handle(cmd).then(send, (err: unknown) => send({ type: 'failed', id: cmd.id, message: String(err) }));
});
// The orchestrator is gone (finished, crashed or timed out): so are we.
process.on('disconnect', () => process.exit(0));
