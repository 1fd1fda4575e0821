// Scenarios only hallvote has (the bare baseline has no database): the chair's read-only requests
// while another process holds the database's write lock, and the close of a 10,000 × 50 round.
import { join } from 'node:path';
import { DbHolder } from '../test/faults/support/db-holder';
import type { Load } from './server-process';
import { CHOICES, type SocketSession } from './socket-scenarios';
import { nowMs, summarize, type Summary } from './stats';

export interface LockedResult {
  readonly holdMs: number;
  /** Every read-only request of the chair during the hold, and by kind. */
  readonly reads: Summary;
  readonly sync: Summary;
  readonly audit: Summary;
  /** Votes sent during the hold: acked after it, or refused (STORE_UNAVAILABLE) if it outlasted the wait. */
  readonly votesAcked: number;
  readonly voteErrors: Record<string, number>;
  readonly serverLoad: Load;
}

/** Another process holds the write lock for `holdMs` while every phone votes and the chair reads. */
export async function lockedReads(session: SessionLike, holdMs = 5000): Promise<LockedResult> {
  const { hall, fleet, server } = session;
  const { ballotId, round } = await hall.openBallot();
  const holder = await DbHolder.hold(join(session.dataDir, 'hallvote.sqlite'), 'write', holdMs);
  await server.markLoad();
  const votes = fleet.vote({
    ballotId,
    round,
    subjectIds: ['province'],
    optionIds: CHOICES,
    startAt: nowMs() + 100,
    spreadMs: holdMs - 1000,
    total: session.capacity.joined,
    timeoutMs: 30_000,
  });
  // One read every 100 ms: the snapshots at 5 a second, what a chair socket may ask for (server/src/rate-limit.ts).
  const times = await hall.timedReads(holdMs - 300, 100);
  await holder.done();
  const replies = await votes;
  const serverLoad = await server.load();
  await hall.closeBallot(ballotId);
  const voteErrors: Record<string, number> = {};
  for (const r of replies) for (const [k, v] of Object.entries(r.errors)) voteErrors[k] = (voteErrors[k] ?? 0) + v;
  return {
    holdMs,
    reads: summarize([...times.sync, ...times.audit]),
    sync: summarize(times.sync),
    audit: summarize(times.audit),
    votesAcked: replies.reduce((sum, r) => sum + r.latencies.length, 0),
    voteErrors,
    serverLoad,
  };
}

export interface BigCloseResult {
  readonly ballots: number;
  readonly subjects: number;
  readonly votesAcked: number;
  readonly voteErrors: Record<string, number>;
  /** ballot:close sent → its ack, and → the console hearing the closed ballot with its result. */
  readonly ackMs: number;
  readonly resultMs: number | null;
  readonly returned: number | null;
  /** The server during the close alone. */
  readonly serverLoad: Load;
}

/** Every phone votes on a 50-subject secret batch ballot; then the chair closes it. */
export async function closeBigRound(session: SessionLike, subjects = 50, spreadMs = 20_000): Promise<BigCloseResult> {
  const { hall, fleet, server } = session;
  const { ballotId, round, subjectIds } = await hall.openBatchBallot(subjects);
  const replies = await fleet.vote({
    ballotId,
    round,
    subjectIds,
    optionIds: CHOICES,
    startAt: nowMs() + 300,
    spreadMs,
    total: session.capacity.joined,
    timeoutMs: 30_000,
  });
  // Let the coalesced turnout updates and the last commits settle before the window opens.
  await new Promise((r) => setTimeout(r, 1000));
  await server.markLoad();
  const closed = await hall.timedClose(ballotId);
  const serverLoad = await server.load();
  const voteErrors: Record<string, number> = {};
  for (const r of replies) for (const [k, v] of Object.entries(r.errors)) voteErrors[k] = (voteErrors[k] ?? 0) + v;
  return {
    ballots: session.capacity.joined,
    subjects,
    votesAcked: replies.reduce((sum, r) => sum + r.latencies.length, 0),
    voteErrors,
    ackMs: closed.ackMs,
    resultMs: closed.resultMs,
    returned: closed.returned,
    serverLoad,
  };
}

/** What the scenarios use of an open session. */
type SessionLike = Pick<SocketSession, 'hall' | 'fleet' | 'server' | 'dataDir' | 'capacity'>;
