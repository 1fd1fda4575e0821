// The embedded store: one SQLite file (WAL, synchronous FULL) behind the Store interface. This file
// opens the database and orders the work; the SQL is in sqlite-statements.ts, the writes in
// sqlite-writes.ts, the reads in sqlite-reads.ts, the secret-round scrub in sqlite-scrub.ts, and
// what any SQL store shares (row mapping, the audit chain) in rows.ts and audit-chain.ts.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { AuditEntry, AuditHead, Marks, PaperTotals, RoundResult } from '@hallvote/shared';
import { migrate } from './sqlite-migrations';
import { SCHEMA_SQL, upgradeSchema } from './sqlite-schema';
import { loadMeeting, loadMeetings, readAuditLog, readRoundBallots } from './sqlite-reads';
import { truncateWal } from './sqlite-scrub';
import { prepareStatements, type SqliteStatements } from './sqlite-statements';
import * as writes from './sqlite-writes';
import { WriteQueue } from './write-queue';
import { isEmptyUpdate } from './delegate-update';
import type {
  AttendanceChange,
  AuditInput,
  BallotRecordRow,
  CastOutcome,
  CastVote,
  DelegateRecord,
  LoadedMeeting,
  MeetingRecord,
  Retally,
  RoundRecord,
  Store,
} from './store';

/** Opens (creating if needed) the SQLite database at `file`; ':memory:' works for quick tests. */
export function openSqliteStore(file: string): Store {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: a commit is on disk when it returns, so an ack after commit survives a power cut too.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Deleted rows are overwritten with zeros, not left in free space (see sqlite-scrub.ts).
  db.pragma('secure_delete = ON');
  db.exec(SCHEMA_SQL);
  upgradeSchema(db);
  migrate(db);
  // A WAL left by a crash holds old versions of pages, secret ballots' included: fold it into the
  // database and empty it before anything else happens.
  db.pragma('wal_checkpoint(TRUNCATE)');
  return new SqliteStore(db);
}

class SqliteStore implements Store {
  private readonly queue: WriteQueue;
  private readonly s: SqliteStatements;

  constructor(private readonly db: Database.Database) {
    this.queue = new WriteQueue(db);
    this.s = prepareStatements(db);
  }

  async loadAll(): Promise<LoadedMeeting[]> {
    await this.queue.drained();
    return loadMeetings(this.s);
  }

  async loadMeeting(meetingId: string): Promise<LoadedMeeting | null> {
    await this.queue.drained();
    return loadMeeting(this.s, meetingId);
  }

  async readBallots(ballotId: string, round: number): Promise<Marks[]> {
    await this.queue.drained();
    return readRoundBallots(this.s, ballotId, round);
  }

  async readAudit(meetingId: string): Promise<AuditEntry[]> {
    await this.queue.drained();
    return readAuditLog(this.s, meetingId);
  }

  createMeeting(meeting: MeetingRecord, delegates: readonly DelegateRecord[], audit: AuditInput): Promise<void> {
    return this.queue.enqueue(() => writes.createMeeting(this.s, meeting, delegates, audit));
  }

  replaceRoster(meetingId: string, delegates: readonly DelegateRecord[], audit: AuditInput): Promise<void> {
    return this.queue.enqueue(() => writes.replaceRoster(this.s, meetingId, delegates, audit));
  }

  addDelegates(delegates: readonly DelegateRecord[], audit: AuditInput): Promise<void> {
    return this.queue.enqueue(() => writes.addDelegates(this.s, delegates, audit));
  }

  updateDelegate(
    delegateId: string,
    fields: Partial<Pick<DelegateRecord, 'name' | 'position' | 'group' | 'token'>>,
    audit: AuditInput,
  ): Promise<void> {
    if (isEmptyUpdate(fields)) return Promise.resolve();
    return this.queue.enqueue(() => writes.updateDelegate(this.s, delegateId, fields, audit));
  }

  removeDelegate(delegateId: string, audit: AuditInput): Promise<void> {
    return this.queue.enqueue(() => writes.removeDelegate(this.s, delegateId, audit));
  }

  setAttendance(
    delegateId: string,
    attendance: DelegateRecord['attendance'],
    checkedInBy: DelegateRecord['checkedInBy'],
    issueIn: readonly { ballotId: string; round: number }[],
    audit: AuditInput,
  ): Promise<void> {
    return this.queue.enqueue(() => writes.setAttendance(this.s, delegateId, attendance, checkedInBy, issueIn, audit));
  }

  setAttendanceMany(changes: readonly AttendanceChange[], audit: AuditInput): Promise<void> {
    return this.queue.enqueue(() => writes.setAttendanceMany(this.s, changes, audit));
  }

  createBallot(ballot: BallotRecordRow, audit: AuditInput): Promise<void> {
    return this.queue.enqueue(() => writes.createBallot(this.s, ballot, audit));
  }

  openRound(round: RoundRecord, issuedTo: readonly string[], audit: AuditInput): Promise<void> {
    return this.queue.enqueue(() => writes.openRound(this.s, round, issuedTo, audit));
  }

  draftRevote(ballotId: string, drafted: boolean, audit: AuditInput): Promise<void> {
    return this.queue.enqueue(() => writes.draftRevote(this.s, ballotId, drafted, audit));
  }

  castVote(vote: CastVote, audit: AuditInput): Promise<CastOutcome> {
    return this.queue.enqueue(() => writes.castVote(this.s, vote, audit));
  }

  markPaperVoter(ballotId: string, round: number, delegateId: string, audit: AuditInput): Promise<void> {
    return this.queue.enqueue(() => writes.markPaperVoter(this.s, ballotId, round, delegateId, audit));
  }

  recordPaperTotals(
    ballotId: string,
    round: number,
    totals: PaperTotals,
    audit: AuditInput,
    retally: Retally | null,
  ): Promise<void> {
    return this.queue.enqueue(() => writes.recordPaperTotals(this.s, ballotId, round, totals, audit, retally));
  }

  async closeRound(
    ballotId: string,
    round: number,
    closedAt: string,
    result: RoundResult,
    audit: AuditInput,
  ): Promise<void> {
    await this.queue.enqueue(() => writes.closeRound(this.s, ballotId, round, closedAt, result, audit));
    truncateWal(this.s);
  }

  publishRound(
    ballotId: string,
    round: number,
    publishedAt: string,
    result: RoundResult,
    audit: AuditInput,
  ): Promise<AuditHead> {
    return this.queue.enqueue(() => writes.publishRound(this.s, ballotId, round, publishedAt, result, audit));
  }

  async cancelRound(ballotId: string, round: number, at: string, audit: AuditInput): Promise<number> {
    const destroyed = await this.queue.enqueue(() => writes.cancelRound(this.s, ballotId, round, at, audit));
    truncateWal(this.s);
    return destroyed;
  }

  async close(): Promise<void> {
    await this.queue.drained();
    this.db.close();
  }
}
