// The SQLite store's writes, one function each: the whole body of one write, change and audit
// entry together, run synchronously inside the group commit's savepoint (write-queue.ts). They take
// plain data and the prepared statements and touch nothing else, so they can run wherever the
// database connection lives. A thrown error rolls the savepoint back: nothing of the write stays.
import { randomBytes } from 'node:crypto';
import { HallvoteError, canonicalRecord, type AuditHead, type PaperTotals, type RoundResult } from '@hallvote/shared';
import { nextAuditEntry } from './audit-chain';
import { joinCodeOf } from '../features/badges/join-code';
import type { Editable } from './delegate-update';
import { requestWalTruncation, scrubAfterCommit } from './sqlite-scrub';
import { absenceOf, channelOf, roundStateOf } from './refusal-fields';
import type { SqliteStatements } from './sqlite-statements';
import type {
  AttendanceChange,
  AuditInput,
  BallotRecordRow,
  CastOutcome,
  CastSplit,
  CastVote,
  DelegateRecord,
  MeetingRecord,
  ProxyRecord,
  ProxyRevoke,
  Retally,
  RoundProxyRecord,
  RoundRecord,
} from './store';

/** Appends the audit entry of a write to its meeting's hash chain; returns the chain's new head. */
export function appendAudit(s: SqliteStatements, audit: AuditInput): AuditHead {
  const entry = nextAuditEntry(audit, s.lastAudit.get(audit.meetingId));
  s.insertAudit.run({ ...entry, details: JSON.stringify(entry.details) });
  return { seq: entry.seq, hash: entry.hash };
}

/** Each badge with its join code, so that any process finds it by the code (Store.badgesOfJoinCode). */
function insertDelegates(s: SqliteStatements, delegates: readonly DelegateRecord[]): void {
  for (const d of delegates) s.insertDelegate.run({ ...d, joinCode: joinCodeOf(d.token) });
}

export function createMeeting(
  s: SqliteStatements,
  meeting: MeetingRecord,
  delegates: readonly DelegateRecord[],
  audit: AuditInput,
): void {
  s.insertMeeting.run({ ...meeting, settings: JSON.stringify(meeting.settings) });
  insertDelegates(s, delegates);
  appendAudit(s, audit);
}

export function replaceRoster(
  s: SqliteStatements,
  meetingId: string,
  delegates: readonly DelegateRecord[],
  audit: AuditInput,
): void {
  // Before voting starts no round has used a proxy: they go with the members they name.
  s.deleteProxiesOfMeeting.run(meetingId);
  s.deleteRoster.run(meetingId);
  insertDelegates(s, delegates);
  appendAudit(s, audit);
}

export function addDelegates(s: SqliteStatements, delegates: readonly DelegateRecord[], audit: AuditInput): void {
  insertDelegates(s, delegates);
  appendAudit(s, audit);
}

export function updateDelegate(s: SqliteStatements, delegateId: string, fields: Editable, audit: AuditInput): void {
  s.updateDelegate.run({
    id: delegateId,
    name: fields.name ?? null,
    position: fields.position ?? null,
    group: fields.group ?? null,
    token: fields.token ?? null,
    weight: fields.weight ?? null,
    joinCode: fields.token === undefined ? null : joinCodeOf(fields.token),
  });
  appendAudit(s, audit);
}

export function removeDelegate(s: SqliteStatements, delegateId: string, audit: AuditInput): void {
  s.deleteProxiesOf.run(delegateId, delegateId);
  s.deleteDelegate.run(delegateId);
  appendAudit(s, audit);
}

export function setAttendance(
  s: SqliteStatements,
  delegateId: string,
  attendance: DelegateRecord['attendance'],
  checkedInBy: DelegateRecord['checkedInBy'],
  issueIn: readonly { ballotId: string; round: number }[],
  audit: AuditInput,
  revoke?: ProxyRevoke,
): void {
  // While a round is open, attendance only grows (a latecomer): excusing or marking anyone absent
  // would change the base the votes are counted against (features/attendance/set-attendance.ts).
  if (attendance !== 'present' && s.roundOpenFor.get(delegateId))
    throw new HallvoteError('ATTENDANCE_FROZEN', { delegateId, status: attendance });
  s.setAttendance.run(attendance, checkedInBy, delegateId);
  for (const r of issueIn) s.issue.run(r.ballotId, r.round, delegateId);
  appendAudit(s, audit);
  if (revoke) revokeProxy(s, revoke, proxyRevokedAudit(audit, revoke));
}

/** The audit entry of a proxy taken back by its grantor's arrival, beside the arrival's own. */
function proxyRevokedAudit(arrival: AuditInput, revoke: ProxyRevoke): AuditInput {
  return { ...arrival, action: 'proxy.revoked', details: { proxyId: revoke.proxyId, by: revoke.by } };
}

export function grantProxy(s: SqliteStatements, proxy: ProxyRecord, audit: AuditInput): void {
  try {
    s.insertProxy.run(proxy);
  } catch (error) {
    // The partial unique index: this grantor has a proxy in force already (memory said otherwise).
    if (error instanceof Error && /UNIQUE/.test(error.message))
      throw new HallvoteError('CONFLICT', { reason: 'proxy-given' });
    throw error;
  }
  appendAudit(s, audit);
}

export function revokeProxy(s: SqliteStatements, revoke: ProxyRevoke, audit: AuditInput): void {
  if (s.revokeProxy.run(revoke.at, revoke.by, revoke.proxyId).changes !== 1)
    throw new HallvoteError('CONFLICT', { reason: 'proxy-not-in-force' });
  appendAudit(s, audit);
}

export function setAttendanceMany(s: SqliteStatements, changes: readonly AttendanceChange[], audit: AuditInput): void {
  for (const c of changes) {
    s.setAttendance.run(c.attendance, c.checkedInBy, c.delegateId);
    for (const r of c.issueIn) s.issue.run(r.ballotId, r.round, c.delegateId);
  }
  appendAudit(s, audit);
  for (const c of changes) if (c.revoke) revokeProxy(s, c.revoke, proxyRevokedAudit(audit, c.revoke));
}

export function createBallot(s: SqliteStatements, ballot: BallotRecordRow, audit: AuditInput): void {
  s.insertBallot.run(ballot.id, ballot.meetingId, JSON.stringify(ballot.definition), ballot.createdAt);
  appendAudit(s, audit);
}

export function openRound(
  s: SqliteStatements,
  round: RoundRecord,
  issuedTo: readonly string[],
  audit: AuditInput,
  proxies: readonly RoundProxyRecord[],
): void {
  s.insertRound.run(
    round.ballotId,
    round.round,
    round.openedAt,
    round.closesAt,
    round.sealPublicKey,
    round.sealSecretKey,
    round.rosterThrough,
  );
  s.draftRevote.run(0, round.ballotId);
  for (const delegateId of issuedTo) s.issue.run(round.ballotId, round.round, delegateId);
  for (const p of proxies) s.insertRoundProxy.run(round.ballotId, round.round, p.grantorId, p.holderId);
  appendAudit(s, audit);
}

export function draftRevote(s: SqliteStatements, ballotId: string, drafted: boolean, audit: AuditInput): void {
  s.draftRevote.run(drafted ? 1 : 0, ballotId);
  appendAudit(s, audit);
}

/** The vote's time is its audit entry's: one clock, the app's, stamps both. */
export function castVote(s: SqliteStatements, vote: CastVote, audit: AuditInput): CastOutcome {
  const state = s.roundState.get(vote.ballotId, vote.round)?.state;
  const earlier = s.participation.get(vote.ballotId, vote.round, vote.delegateId);
  if (earlier && earlier.vote_id === vote.voteId) return { kind: 'duplicate', receipt: earlier.receipt };
  if (state !== 'open') throw new HallvoteError('BALLOT_NOT_OPEN', { state: roundStateOf(state) });
  // Stored as its canonical record: the text is then what the seal hashes (round-text.ts).
  const marks = canonicalRecord(vote.marks);
  if (earlier) {
    if (vote.secret || !vote.allowChange || earlier.channel === 'paper')
      throw new HallvoteError('ALREADY_VOTED', { channel: channelOf(earlier.channel) });
    // A split is final (cast-vote.ts): the store refuses it too, even if memory were wrong.
    if (s.inSplit.get(vote.ballotId, vote.round, vote.delegateId, earlier.vote_id))
      throw new HallvoteError('ALREADY_VOTED', { channel: 'online', split: true });
    s.changeParticipation.run(vote.voteId, audit.at, vote.ballotId, vote.round, vote.delegateId);
    s.upsertOpenVote.run(vote.ballotId, vote.round, vote.delegateId, marks, vote.weight, null);
    appendAudit(s, { ...audit, action: 'vote.changed' });
    return { kind: 'changed', receipt: earlier.receipt };
  }
  // The primary key of participation refuses a second vote even if memory were wrong.
  s.insertParticipation.run(
    vote.ballotId,
    vote.round,
    vote.delegateId,
    vote.voteId,
    vote.receipt,
    audit.at,
    vote.castBy,
  );
  // Voting proves presence: a delegate who checked in mid-round was issued a ballot too (and a
  // member voted for by proxy was issued theirs through the holder).
  s.issue.run(vote.ballotId, vote.round, vote.delegateId);
  if (vote.secret) s.insertSecret.run(newSecretKey(), vote.ballotId, vote.round, marks, vote.weight);
  else s.upsertOpenVote.run(vote.ballotId, vote.round, vote.delegateId, marks, vote.weight, null);
  appendAudit(s, audit);
  return { kind: 'stored', receipt: vote.receipt };
}

/** A secret row's primary key: random, so that key order says nothing of voting order. */
const newSecretKey = () => randomBytes(16).toString('hex');

/**
 * A proxy holder's split ballot: a participation row per member under the same vote id (the
 * primary key refuses the whole write if any member has voted), and its ballots. A re-sent vote id
 * is found on the holder's row.
 */
export function castSplit(s: SqliteStatements, split: CastSplit, audit: AuditInput): CastOutcome {
  const holder = s.participation.get(split.ballotId, split.round, split.holderId);
  if (holder && holder.vote_id === split.voteId) return { kind: 'duplicate', receipt: holder.receipt };
  const state = s.roundState.get(split.ballotId, split.round)?.state;
  if (state !== 'open') throw new HallvoteError('BALLOT_NOT_OPEN', { state: roundStateOf(state) });
  for (const m of split.members) {
    const earlier = s.participation.get(split.ballotId, split.round, m.delegateId);
    if (earlier) throw new HallvoteError('ALREADY_VOTED', { channel: channelOf(earlier.channel) });
    const castBy = m.delegateId === split.holderId ? null : split.holderId;
    s.insertParticipation.run(split.ballotId, split.round, m.delegateId, split.voteId, m.receipt, audit.at, castBy);
    s.issue.run(split.ballotId, split.round, m.delegateId);
  }
  if (split.secret)
    for (const r of split.records)
      s.insertSecret.run(newSecretKey(), split.ballotId, split.round, JSON.stringify(r.marks), r.weight);
  else s.upsertOpenVote.run(split.ballotId, split.round, split.holderId, '{}', null, JSON.stringify(split.split));
  appendAudit(s, audit);
  const own = split.members.find((m) => m.delegateId === split.holderId);
  return { kind: 'stored', receipt: own?.receipt ?? '' };
}

export function markPaperVoter(
  s: SqliteStatements,
  ballotId: string,
  round: number,
  delegateId: string,
  audit: AuditInput,
): void {
  const state = s.roundState.get(ballotId, round)?.state;
  if (state !== 'open') throw new HallvoteError('BALLOT_NOT_OPEN', { state: roundStateOf(state) });
  const earlier = s.participation.get(ballotId, round, delegateId);
  if (earlier) throw new HallvoteError('ALREADY_VOTED', { channel: channelOf(earlier.channel) });
  const attendance = s.attendanceOf.get(delegateId)?.attendance ?? 'absent';
  if (attendance !== 'present') throw new HallvoteError('NOT_PRESENT', { attendance: absenceOf(attendance) });
  s.insertPaperParticipation.run(ballotId, round, delegateId, audit.at);
  s.issue.run(ballotId, round, delegateId);
  appendAudit(s, audit);
}

/**
 * Paper totals, and for a closed round its new result, in one write: a crash leaves either both or
 * neither, never totals that the stored result ignores.
 */
export function recordPaperTotals(
  s: SqliteStatements,
  ballotId: string,
  round: number,
  totals: PaperTotals,
  audit: AuditInput,
  retally: Retally | null,
): void {
  s.upsertPaperTotals.run(ballotId, round, JSON.stringify(totals));
  appendAudit(s, audit);
  if (!retally) return;
  if (s.updateClosedResult.run(JSON.stringify(retally.result), ballotId, round).changes !== 1)
    throw new HallvoteError('CONFLICT', { reason: 'round-moved-on' });
  appendAudit(s, retally.audit);
}

/**
 * Closes an open round; its secret rows are rewritten and the WAL emptied right after the commit
 * (sqlite-scrub.ts). A
 * round that is not open is refused (BALLOT_NOT_OPEN) and nothing changes.
 */
export function closeRound(
  s: SqliteStatements,
  ballotId: string,
  round: number,
  closedAt: string,
  result: RoundResult,
  audit: AuditInput,
): void {
  if (s.closeRound.run(closedAt, JSON.stringify(result), ballotId, round).changes !== 1)
    throw new HallvoteError('BALLOT_NOT_OPEN', { state: null });
  scrubAfterCommit(s, ballotId, round);
  appendAudit(s, audit);
}

export function publishRound(
  s: SqliteStatements,
  ballotId: string,
  round: number,
  publishedAt: string,
  result: RoundResult,
  audit: AuditInput,
): AuditHead {
  s.publishRound.run(publishedAt, JSON.stringify(result), ballotId, round);
  return appendAudit(s, audit);
}

/**
 * Cancels a round and destroys its ballots unseen: they are deleted (secure_delete zeroes their
 * cells; the writer thread empties the WAL right after the commit, sqlite-scrub.ts) and the audit
 * entry records only how many.
 */
export function cancelRound(
  s: SqliteStatements,
  ballotId: string,
  round: number,
  at: string,
  audit: AuditInput,
): number {
  s.cancelRound.run(at, ballotId, round);
  s.deleteSecretRows.run(ballotId, round);
  s.deleteOpenVotes.run(ballotId, round);
  requestWalTruncation(s);
  // Counted by the members who voted, not by rows: a split ballot's rows would tell how it was split.
  const destroyed = s.onlineVoters.get(ballotId, round)?.n ?? 0;
  appendAudit(s, { ...audit, details: { ...audit.details, destroyed } });
  return destroyed;
}
