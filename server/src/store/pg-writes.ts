// The PostgreSQL store's writes, one function each, parallel to sqlite-writes.ts: the whole body of
// one write, run inside a meeting's group transaction (pg-write-queue.ts) after it has locked the
// meeting's head row. Audit entries are chained in memory from the head and written once per
// transaction (`finishAudit`). There is no savepoint per write (a subtransaction's xid would be
// the xmin of both a participation row and a secret row; docs/postgres-store.md): a write that
// throws fails its whole batch, which is then retried write by write. Votes are written together,
// set-based, by pg-votes.ts.
import type { PoolClient } from 'pg';
import { HallvoteError, type AuditEntry, type AuditHead, type PaperTotals, type RoundResult } from '@hallvote/shared';
import { joinCodeOf } from '../features/badges/join-code';
import { nextAuditEntry, type ChainHead } from './audit-chain';
import { createSecretRound, destroySecretRound, scrubSecretRound } from './pg-scrub';
import { PG, run } from './pg-statements';
import { absenceOf, channelOf, roundStateOf } from './refusal-fields';
import type {
  AttendanceChange,
  AuditInput,
  BallotRecordRow,
  DelegateRecord,
  MeetingRecord,
  ProxyRecord,
  ProxyRevoke,
  Retally,
  RoundProxyRecord,
  RoundRecord,
} from './store';

/** One group transaction of one meeting: its client, and the audit chain's head as it advances. */
export interface PgTx {
  readonly client: PoolClient;
  readonly meetingId: string;
  /** The head row exists (it is locked), or a write of this transaction has inserted it. */
  hasHead: boolean;
  head: ChainHead;
  readonly entries: AuditEntry[];
}

/**
 * Appends the audit entry of a write to the meeting's chain (written by `finishAudit`); returns the
 * chain's head after it.
 */
export function appendAudit(tx: PgTx, audit: AuditInput): AuditHead {
  if (audit.meetingId !== tx.meetingId) throw new Error('an audit entry of another meeting in this transaction');
  const entry = nextAuditEntry(audit, tx.head);
  tx.entries.push(entry);
  tx.head = { seq: entry.seq, hash: entry.hash };
  return tx.head;
}

/** Writes the transaction's audit entries and moves the head past them, in one statement. */
export async function finishAudit(tx: PgTx): Promise<void> {
  const last = tx.entries.at(-1);
  if (!last) return;
  const e = tx.entries;
  const { rows } = await run(
    tx.client,
    PG.appendAudit,
    e.map((x) => x.meetingId),
    e.map((x) => x.seq),
    e.map((x) => x.at),
    e.map((x) => x.actor),
    e.map((x) => x.action),
    e.map((x) => JSON.stringify(x.details)),
    e.map((x) => x.prevHash),
    e.map((x) => x.hash),
    tx.meetingId,
    last.seq,
    last.hash,
  );
  if (rows[0]?.advanced !== 1) throw new Error(`meeting ${tx.meetingId} has no head row`);
}

async function insertDelegates(tx: PgTx, delegates: readonly DelegateRecord[]): Promise<void> {
  if (delegates.length === 0) return;
  const d = delegates;
  await run(
    tx.client,
    PG.insertDelegates,
    d.map((x) => x.id),
    d.map((x) => x.meetingId),
    d.map((x) => x.ordinal),
    d.map((x) => x.name),
    d.map((x) => x.position),
    d.map((x) => x.group),
    d.map((x) => x.token),
    d.map((x) => x.attendance),
    d.map((x) => x.checkedInBy),
    d.map((x) => x.weight),
    // Each badge with its join code, so that any node finds it by the code (Store.badgesOfJoinCode).
    d.map((x) => joinCodeOf(x.token)),
  );
}

export async function createMeeting(
  tx: PgTx,
  meeting: MeetingRecord,
  delegates: readonly DelegateRecord[],
  audit: AuditInput,
): Promise<void> {
  const m = meeting;
  await run(
    tx.client,
    PG.insertMeeting,
    m.id,
    m.title,
    m.rulePresetId,
    m.rulePresetVersion,
    m.chairKey,
    m.projectorKey,
    m.createdAt,
    JSON.stringify(m.settings),
  );
  await run(tx.client, PG.insertHead, m.id);
  tx.hasHead = true;
  await insertDelegates(tx, delegates);
  appendAudit(tx, audit);
}

export async function replaceRoster(
  tx: PgTx,
  meetingId: string,
  delegates: readonly DelegateRecord[],
  audit: AuditInput,
): Promise<void> {
  // Before voting starts no round has used a proxy: they go with the members they name.
  await run(tx.client, PG.deleteProxiesOfMeeting, meetingId);
  await run(tx.client, PG.deleteRoster, meetingId);
  await insertDelegates(tx, delegates);
  appendAudit(tx, audit);
}

export async function addDelegates(tx: PgTx, delegates: readonly DelegateRecord[], audit: AuditInput): Promise<void> {
  await insertDelegates(tx, delegates);
  appendAudit(tx, audit);
}

export async function updateDelegate(
  tx: PgTx,
  delegateId: string,
  fields: Partial<Pick<DelegateRecord, 'name' | 'position' | 'group' | 'token' | 'weight'>>,
  audit: AuditInput,
): Promise<void> {
  const f = fields;
  await run(
    tx.client,
    PG.updateDelegate,
    delegateId,
    f.name ?? null,
    f.position ?? null,
    f.group ?? null,
    f.token ?? null,
    f.weight ?? null,
    f.token === undefined ? null : joinCodeOf(f.token),
  );
  appendAudit(tx, audit);
}

export async function removeDelegate(tx: PgTx, delegateId: string, audit: AuditInput): Promise<void> {
  await run(tx.client, PG.deleteProxiesOf, delegateId);
  await run(tx.client, PG.deleteDelegate, delegateId);
  appendAudit(tx, audit);
}

export async function setAttendance(
  tx: PgTx,
  delegateId: string,
  attendance: DelegateRecord['attendance'],
  checkedInBy: DelegateRecord['checkedInBy'],
  issueIn: readonly { ballotId: string; round: number }[],
  audit: AuditInput,
  revoke?: ProxyRevoke,
): Promise<void> {
  // While a round is open, attendance only grows (a latecomer; sqlite-writes.ts).
  if (attendance !== 'present' && (await run(tx.client, PG.roundOpenFor, delegateId)).rows.length > 0)
    throw new HallvoteError('ATTENDANCE_FROZEN', { delegateId, status: attendance });
  await run(tx.client, PG.setAttendance, delegateId, attendance, checkedInBy);
  if (issueIn.length > 0)
    await run(
      tx.client,
      PG.issue,
      issueIn.map((r) => r.ballotId),
      issueIn.map((r) => r.round),
      issueIn.map(() => delegateId),
    );
  appendAudit(tx, audit);
  // A grantor who arrives takes the proxy back, in the same transaction (sqlite-writes.ts).
  if (revoke)
    await revokeProxy(tx, revoke, {
      ...audit,
      action: 'proxy.revoked',
      details: { proxyId: revoke.proxyId, by: revoke.by },
    });
}

export async function grantProxy(tx: PgTx, proxy: ProxyRecord, audit: AuditInput): Promise<void> {
  const p = proxy;
  // The partial unique index refuses a second proxy in force for one grantor; ON CONFLICT DO
  // NOTHING keeps the transaction alive to say so.
  const { count } = await run(
    tx.client,
    PG.insertProxy,
    p.id,
    p.meetingId,
    p.grantorId,
    p.holderId,
    p.instructions,
    p.grantedAt,
    p.revokedAt,
    p.revokedBy,
  );
  if (count !== 1) throw new HallvoteError('CONFLICT', { reason: 'proxy-given' });
  appendAudit(tx, audit);
}

export async function revokeProxy(tx: PgTx, revoke: ProxyRevoke, audit: AuditInput): Promise<void> {
  const { count } = await run(tx.client, PG.revokeProxy, revoke.proxyId, revoke.at, revoke.by);
  if (count !== 1) throw new HallvoteError('CONFLICT', { reason: 'proxy-not-in-force' });
  appendAudit(tx, audit);
}

export async function setAttendanceMany(
  tx: PgTx,
  changes: readonly AttendanceChange[],
  audit: AuditInput,
): Promise<void> {
  if (changes.length > 0) {
    await run(
      tx.client,
      PG.setAttendanceMany,
      changes.map((c) => c.delegateId),
      changes.map((c) => c.attendance),
      changes.map((c) => c.checkedInBy),
    );
    const issued = changes.flatMap((c) => c.issueIn.map((r) => ({ ...r, delegateId: c.delegateId })));
    if (issued.length > 0)
      await run(
        tx.client,
        PG.issue,
        issued.map((i) => i.ballotId),
        issued.map((i) => i.round),
        issued.map((i) => i.delegateId),
      );
  }
  appendAudit(tx, audit);
  for (const c of changes)
    if (c.revoke)
      await revokeProxy(tx, c.revoke, {
        ...audit,
        action: 'proxy.revoked',
        details: { proxyId: c.revoke.proxyId, by: c.revoke.by },
      });
}

export async function createBallot(tx: PgTx, ballot: BallotRecordRow, audit: AuditInput): Promise<void> {
  await run(
    tx.client,
    PG.insertBallot,
    ballot.id,
    ballot.meetingId,
    JSON.stringify(ballot.definition),
    ballot.createdAt,
  );
  appendAudit(tx, audit);
}

/** Opens a round; a secret ballot's round gets its own table for its ballots (pg-scrub.ts). */
export async function openRound(
  tx: PgTx,
  round: RoundRecord,
  issuedTo: readonly string[],
  audit: AuditInput,
  proxies: readonly RoundProxyRecord[],
): Promise<void> {
  await run(
    tx.client,
    PG.insertRound,
    round.ballotId,
    round.round,
    round.openedAt,
    round.closesAt,
    round.sealPublicKey,
    round.sealSecretKey,
    round.rosterThrough,
  );
  await run(tx.client, PG.draftRevote, round.ballotId, false);
  if (issuedTo.length > 0)
    await run(
      tx.client,
      PG.issue,
      issuedTo.map(() => round.ballotId),
      issuedTo.map(() => round.round),
      [...issuedTo],
    );
  if (proxies.length > 0)
    await run(
      tx.client,
      PG.insertRoundProxies,
      round.ballotId,
      round.round,
      proxies.map((p) => p.grantorId),
      proxies.map((p) => p.holderId),
    );
  const { rows } = await run(tx.client, PG.ballotDefinition, round.ballotId);
  const definition = rows[0] ? (JSON.parse(rows[0].definition) as { secret?: boolean }) : null;
  if (definition?.secret) await createSecretRound(tx.client, round.ballotId, round.round);
  appendAudit(tx, audit);
}

export async function draftRevote(tx: PgTx, ballotId: string, drafted: boolean, audit: AuditInput): Promise<void> {
  await run(tx.client, PG.draftRevote, ballotId, drafted);
  appendAudit(tx, audit);
}

export async function markPaperVoter(
  tx: PgTx,
  ballotId: string,
  round: number,
  delegateId: string,
  audit: AuditInput,
): Promise<void> {
  const state = (await run(tx.client, PG.roundState, ballotId, round)).rows[0]?.state;
  if (state !== 'open') throw new HallvoteError('BALLOT_NOT_OPEN', { state: roundStateOf(state) });
  const earlier = (await run(tx.client, PG.participation, ballotId, round, delegateId)).rows[0];
  if (earlier) throw new HallvoteError('ALREADY_VOTED', { channel: channelOf(earlier.channel) });
  const attendance = (await run(tx.client, PG.attendanceOf, delegateId)).rows[0]?.attendance ?? 'absent';
  if (attendance !== 'present') throw new HallvoteError('NOT_PRESENT', { attendance: absenceOf(attendance) });
  await run(tx.client, PG.insertPaperParticipation, ballotId, round, delegateId, audit.at);
  await run(tx.client, PG.issue, [ballotId], [round], [delegateId]);
  appendAudit(tx, audit);
}

/** Paper totals, and for a closed round its new result, in one write (sqlite-writes.ts). */
export async function recordPaperTotals(
  tx: PgTx,
  ballotId: string,
  round: number,
  totals: PaperTotals,
  audit: AuditInput,
  retally: Retally | null,
): Promise<void> {
  await run(tx.client, PG.upsertPaperTotals, ballotId, round, JSON.stringify(totals));
  appendAudit(tx, audit);
  if (!retally) return;
  const { count } = await run(tx.client, PG.updateClosedResult, ballotId, round, JSON.stringify(retally.result));
  if (count !== 1) throw new HallvoteError('CONFLICT', { reason: 'round-moved-on' });
  appendAudit(tx, retally.audit);
}

/**
 * Closes an open round and rewrites its secret rows; the caller drops the old WAL after the
 * commit. Only an open round closes: a second close (a countdown racing the chair, a stale node)
 * is refused with BALLOT_NOT_OPEN and changes nothing.
 */
export async function closeRound(
  tx: PgTx,
  ballotId: string,
  round: number,
  closedAt: string,
  result: RoundResult,
  audit: AuditInput,
): Promise<void> {
  const { count } = await run(tx.client, PG.closeOpenRound, ballotId, round, closedAt, JSON.stringify(result));
  if (count !== 1) throw new HallvoteError('BALLOT_NOT_OPEN', { state: null });
  await scrubSecretRound(tx.client, ballotId, round);
  appendAudit(tx, audit);
}

export async function publishRound(
  tx: PgTx,
  ballotId: string,
  round: number,
  publishedAt: string,
  result: RoundResult,
  audit: AuditInput,
): Promise<AuditHead> {
  await run(tx.client, PG.publishRound, ballotId, round, publishedAt, JSON.stringify(result));
  return appendAudit(tx, audit);
}

/**
 * Cancels a round and destroys its ballots unseen (the secret table dropped, open votes deleted);
 * the audit entry records only how many. The caller drops the old WAL after the commit.
 */
export async function cancelRound(
  tx: PgTx,
  ballotId: string,
  round: number,
  at: string,
  audit: AuditInput,
): Promise<number> {
  await run(tx.client, PG.cancelRound, ballotId, round, at);
  await destroySecretRound(tx.client, ballotId, round);
  await run(tx.client, PG.deleteOpenVotes, ballotId, round);
  // Counted by the members who voted, not by rows: a split ballot's rows would tell how it was split.
  const destroyed = (await run(tx.client, PG.onlineVoters, ballotId, round)).rows[0]?.n ?? 0;
  appendAudit(tx, { ...audit, details: { ...audit.details, destroyed } });
  return destroyed;
}
