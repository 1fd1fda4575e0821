// A meeting voting through HAProxy while something fails: N phones (test/faults/support/phone.ts,
// which keeps an unacknowledged vote and re-sends it with the same id after every snapshot, as the
// real phone does; retrying at most 2 s apart, as client/src/socket.ts), a chair and a projector
// that reconnect by themselves. `voteThrough` opens a secret ballot, lets the phones vote at random
// moments over a window, runs the fault in its middle, waits until every vote is settled, closes
// the round and reads the database: every acknowledged vote stored once with its receipt, nothing
// else stored, one close, the chain intact, and when each phone had its fresh snapshot.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { BallotDefinition, CreateMeetingResponse, RoundResult } from '@hallvote/shared';
import { openPgStore } from '../../../server/src/store/pg-store';
import { randomMarks } from '../../faults/scenarios/crash';
import { badgeTokens, connectRole, createMeetingHttp, must } from '../../faults/support/hall-client';
import { connectPhones, type Phone } from '../../faults/support/phone';
import { seededRandom, sleep, waitFor, type Random } from '../../faults/support/random';
import { classificationBallot } from '../../support/ballots';
import { rosterCsv } from '../../support/harness';
import { asAdmin, type TestDatabase } from '../../support/postgres';
import type { Client } from '../../support/request';
import { auditOf, ownerOf } from './cluster-fixture';
import { watchSequence, type SequenceWatch } from './sequence-watch';

/** As client/src/socket.ts: reconnection attempts at most 2 s apart. */
export const PHONE_RECONNECT_MAX_MS = 2_000;

export interface VotingHall {
  readonly url: string;
  readonly db: TestDatabase;
  readonly meeting: CreateMeetingResponse;
  readonly chair: Client;
  readonly projector: Client;
  readonly phones: readonly Phone[];
  readonly rnd: Random;
  /** The sequence numbers each client (chair, projector, every phone) received, from the first snapshot on. */
  readonly sequences: readonly SequenceWatch[];
  /** When the chair's console and the projector last had a snapshot (Date.now()). */
  readonly consoleSnapshotAt: { chair: number; projector: number };
  close(): void;
}

export async function openVotingHall(
  url: string,
  db: TestDatabase,
  adminToken: string,
  n: number,
  seed = 1,
): Promise<VotingHall> {
  const meeting = await createMeetingHttp(url, adminToken, { rosterCsv: rosterCsv(n) });
  const m = meeting.meetingId;
  const tokens = await badgeTokens(url, meeting);
  assert.equal(tokens.length, n);
  const options = { reconnection: true, meetingId: m, reconnectionDelayMax: PHONE_RECONNECT_MAX_MS };
  const chair = (await connectRole(url, { role: 'chair', meetingId: m, key: meeting.chairKey }, options)).socket;
  const projector = (await connectRole(url, { role: 'projector', meetingId: m, key: meeting.projectorKey }, options))
    .socket;
  const phones = await connectPhones(url, tokens, {
    meetingId: m,
    reconnectionDelayMax: PHONE_RECONNECT_MAX_MS,
    followServerClose: true,
  });
  // A node that drops the meeting closes its connections; the real console and projector come back.
  for (const socket of [chair, projector])
    socket.on('disconnect', (reason) => {
      if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 300);
    });
  const sequences = [chair, projector, ...phones.map((p) => p.socket)].map(watchSequence);
  const consoleSnapshotAt = { chair: Date.now(), projector: Date.now() };
  chair.on('snapshot', () => (consoleSnapshotAt.chair = Date.now()));
  projector.on('snapshot', () => (consoleSnapshotAt.projector = Date.now()));
  return {
    url,
    db,
    meeting,
    chair,
    projector,
    phones,
    rnd: seededRandom(seed),
    sequences,
    consoleSnapshotAt,
    close() {
      chair.close();
      projector.close();
      phones.forEach((p) => p.close());
    },
  };
}

export interface FaultRound {
  readonly ballotId: string;
  readonly result: RoundResult;
  /** Node holding the meeting before and after. */
  readonly ownerBefore: string | null;
  readonly ownerAfter: string | null;
  /** Phones holding an unacknowledged vote when the fault fell. */
  readonly holdingAtFault: number;
  readonly cast: number;
  readonly acked: number;
  readonly failed: number;
  /** Sent more than once (same vote id). */
  readonly resent: number;
  readonly stored: number;
  /** Acknowledged but not stored. */
  readonly lost: number;
  /** Audit entries for this round: votes stored, closes. */
  readonly auditVotes: number;
  readonly closes: number;
  readonly chained: boolean;
  /** Per phone that had a snapshot after the fault: ms from the fault to it, sorted. */
  readonly resyncMs: readonly number[];
  /** When the fault fell (Date.now()). */
  readonly faultTime: number;
}

export interface FaultOptions {
  /** What fails; resolves when it has (a kill returns once the process is gone). */
  readonly fault: () => Promise<void>;
  readonly windowMs?: number;
  readonly ballot?: BallotDefinition;
  /** How long every vote may take to settle. */
  readonly settleMs?: number;
  /** The round closes by its countdown (the ballot has one), not by the chair. */
  readonly closedByCountdown?: boolean;
}

export async function voteThrough(hall: VotingHall, o: FaultOptions): Promise<FaultRound> {
  const { chair, phones, rnd, meeting } = hall;
  const windowMs = o.windowMs ?? 1500;
  const def = o.ballot ?? classificationBallot({ title: `Fault round ${randomUUID().slice(0, 6)}` });
  const ownerBefore = await ownerOf(hall.db, meeting.meetingId);
  const { ballotId } = (await must(chair, 'ballot:create', def)).data;
  await must(chair, 'ballot:open', { ballotId });
  // A quarter of the hall presses "confirm" just before the fault: on the wire, queued or committed
  // but not yet acknowledged when it falls.
  const faultAt = windowMs * (0.25 + 0.5 * rnd.next());
  const voteAt = phones.map(() => (rnd.chance(0.25) ? faultAt - rnd.int(0, 15) : rnd.next() * windowMs));
  const timers = phones.map((phone, i) =>
    setTimeout(() => phone.cast({ ballotId, round: 1, voteId: randomUUID(), marks: randomMarks(def, rnd) }), voteAt[i]),
  );
  await sleep(faultAt);
  const holdingAtFault = phones.filter((p) => p.pending).length;
  const faultTime = Date.now();
  await o.fault();
  await waitFor(
    () => phones.every((p) => p.votes.some((v) => v.payload.ballotId === ballotId) && !p.pending),
    o.settleMs ?? 60_000,
    'every phone to settle its vote',
  ).catch((error: Error) => {
    const connected = phones.filter((p) => p.socket.connected).length;
    const pending = phones.filter((p) => p.pending).length;
    const synced = phones.filter((p) => p.lastSnapshotAt >= faultTime).length;
    const reasons = phones
      .filter((p) => !p.socket.connected)
      .map((p) => `${p.lastDisconnect}${p.replaced ? ' (replaced)' : ''} active=${p.socket.active}`);
    throw new Error(
      `${error.message}: ${connected} connected, ${pending} pending, ${synced} resynchronised; ${[...new Set(reasons)].join(', ')}`,
    );
  });
  timers.forEach(clearTimeout);
  const resyncMs = phones
    .filter((p) => p.lastSnapshotAt >= faultTime)
    .map((p) => p.lastSnapshotAt - faultTime)
    .sort((a, b) => a - b);
  const result = o.closedByCountdown
    ? await closedRound(hall, ballotId)
    : (await must(chair, 'ballot:close', { ballotId })).data;
  const ownerAfter = await ownerOf(hall.db, meeting.meetingId);
  const stored = await checkStored(hall, ballotId, result);
  const audit = await auditOf(hall.db, meeting.meetingId);
  const mine = audit.entries.filter((e) => e.details.ballotId === ballotId);
  return {
    ballotId,
    result,
    ownerBefore,
    ownerAfter,
    holdingAtFault,
    ...stored,
    auditVotes: mine.filter((e) => e.action === 'vote.cast').length,
    closes: mine.filter((e) => e.action === 'round.closed').length,
    chained: audit.chained,
    resyncMs,
    faultTime,
  };
}

/** The round's result once its countdown has closed it, read from the database. */
async function closedRound(hall: VotingHall, ballotId: string): Promise<RoundResult> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const row = await asAdmin(hall.db, async (client) => {
      const res = await client.query<{ state: string; result: string | null }>(
        'SELECT state, result FROM rounds WHERE ballot_id = $1 AND round = 1',
        [ballotId],
      );
      return res.rows[0];
    });
    if (row?.state === 'closed' && row.result) return JSON.parse(row.result) as RoundResult;
    if (Date.now() > deadline) throw new Error(`the countdown did not close ${ballotId} (state ${row?.state})`);
    await sleep(200);
  }
}

const choiceKey = (marks: Readonly<Record<string, readonly string[]>>) =>
  JSON.stringify(
    Object.keys(marks)
      .sort()
      .map((k) => [k, [...(marks[k] ?? [])].sort()]),
  );

function histogram(keys: readonly string[]): Record<string, number> {
  const h: Record<string, number> = {};
  for (const k of keys) h[k] = (h[k] ?? 0) + 1;
  return h;
}

/** What the database holds for the round against what each phone was told (test/faults/support/db-check.ts on PostgreSQL). */
async function checkStored(
  hall: VotingHall,
  ballotId: string,
  result: RoundResult,
): Promise<Pick<FaultRound, 'cast' | 'acked' | 'failed' | 'resent' | 'stored' | 'lost'>> {
  const rows = await asAdmin(hall.db, async (client) => {
    const res = await client.query<{ delegate_id: string; vote_id: string; receipt: string }>(
      "SELECT delegate_id, vote_id, receipt FROM participation WHERE ballot_id = $1 AND round = 1 AND channel = 'online'",
      [ballotId],
    );
    return res.rows;
  });
  const byDelegate = new Map(rows.map((r) => [r.delegate_id, r]));
  assert.equal(byDelegate.size, rows.length, 'one participation row per delegate');
  const votes = hall.phones.flatMap((phone) => {
    const vote = phone.votes.find((v) => v.payload.ballotId === ballotId);
    return vote ? [{ phone, vote }] : [];
  });
  let lost = 0;
  const ackedChoices: string[] = [];
  for (const { phone, vote } of votes) {
    const row = phone.delegateId ? byDelegate.get(phone.delegateId) : undefined;
    if (vote.fate.state === 'pending') assert.fail(`vote ${vote.payload.voteId} was neither acknowledged nor refused`);
    if (vote.fate.state === 'acked') {
      if (!row || row.vote_id !== vote.payload.voteId) lost += 1;
      else assert.equal(row.receipt, vote.fate.receipt, 'the receipt the phone holds is the stored one');
      ackedChoices.push(choiceKey(vote.payload.marks ?? {}));
    }
    if (vote.fate.state === 'failed')
      assert.notEqual(row?.vote_id, vote.payload.voteId, `a refused vote (${vote.fate.error}) was stored`);
  }
  const acked = votes.filter((v) => v.vote.fate.state === 'acked').length;
  const store = await openPgStore(hall.db.url, { poolSize: 1 });
  try {
    const secret = await store.readBallots(ballotId, 1);
    assert.equal(secret.length, rows.length, 'anonymous ballots = participation rows');
    assert.deepEqual(
      histogram(secret.map((b) => choiceKey(b.marks))),
      histogram(ackedChoices),
      'the stored ballots are the acked choices',
    );
  } finally {
    await store.close();
  }
  assert.equal(result.tally.ballots.returned, rows.length, 'ballots returned at close = stored rows');
  return {
    cast: votes.length,
    acked,
    failed: votes.filter((v) => v.vote.fate.state === 'failed').length,
    resent: votes.filter((v) => v.vote.sends > 1).length,
    stored: rows.length,
    lost,
  };
}
