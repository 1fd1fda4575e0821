// The embedded store: one SQLite file (WAL, synchronous FULL) behind the Store interface, worked on
// by two threads so that the event loop never waits for the disk (sqlite-thread.ts): the writer
// owns the write connection (group commit, the secret-round scrub, reads that must follow writes),
// the reader answers the chair's reads while the writer may be waiting for another program's lock.
// This file only posts requests; the SQL is in sqlite-statements.ts, the writes in
// sqlite-writes.ts, the reads in sqlite-reads.ts, the scrub in sqlite-scrub.ts, and what any SQL
// store shares (row mapping, the audit chain, packed round records) in rows.ts, audit-chain.ts and
// round-records.ts.
import type { AuditEntry, AuditHead, PaperTotals, RoundResult, StorageStatus } from '@hallvote/shared';
import type { SqliteOptions } from './sqlite-open';
import { isEmptyUpdate } from './delegate-update';
import { StoreThread } from './store-thread';
import type { CountedRound, RoundCount } from './round-records';
import { JoinGuessLimiter, type GuessVerdict } from '../features/badges/join-code-limit';
import type {
  AttendanceChange,
  AuditInput,
  BallotRecordRow,
  CastOutcome,
  CastSplit,
  CastVote,
  DelegateRecord,
  JoinCodeBadge,
  LoadedMeeting,
  MeetingRecord,
  ProxyRecord,
  ProxyRevoke,
  Retally,
  RoundProxyRecord,
  RoundRecord,
  StoredBallot,
  Store,
} from './store';

/**
 * Opens (creating if needed) the SQLite database at `file`. The threads start at once; the first
 * request waits for them, and fails if the file cannot be opened.
 */
export function openSqliteStore(file: string, options: SqliteOptions = {}): SqliteStore {
  return new SqliteStore(file, options);
}

export class SqliteStore implements Store {
  readonly #writer: StoreThread;
  #reader: StoreThread | null = null;
  #status: StorageStatus = { scrubPendingSince: null };
  readonly #listeners = new Set<(status: StorageStatus) => void>();
  /** One process per database file: the budget of wrong join codes lives in its memory. */
  readonly #joinGuesses = new JoinGuessLimiter();

  constructor(
    private readonly file: string,
    private readonly options: SqliteOptions,
  ) {
    this.#writer = new StoreThread('writer', file, options, (status) => {
      this.#status = status;
      for (const listener of this.#listeners) listener(status);
    });
    // The reader opens the file once the writer has created it, so that it is up before it is needed.
    this.#writer.control('status').then(
      () => this.#readerThread,
      () => undefined,
    );
  }

  /** Started once the writer has opened (and so created) the file. */
  get #readerThread(): StoreThread {
    this.#reader ??= new StoreThread('reader', this.file, this.options, () => undefined);
    return this.#reader;
  }

  watchStatus(listener: (status: StorageStatus) => void): StorageStatus {
    this.#listeners.add(listener);
    return this.#status;
  }

  loadAll(): Promise<LoadedMeeting[]> {
    return this.#writer.read('loadMeetings');
  }

  loadMeeting(meetingId: string): Promise<LoadedMeeting | null> {
    return this.#writer.read('loadMeeting', meetingId);
  }

  countRound(input: RoundCount): Promise<CountedRound> {
    return this.#writer.read('countStoredRound', input);
  }

  readBallots(ballotId: string, round: number): Promise<StoredBallot[]> {
    return this.#readerThread.read('readRoundBallots', ballotId, round);
  }

  readAudit(meetingId: string): Promise<AuditEntry[]> {
    return this.#readerThread.read('readAuditLog', meetingId);
  }

  /** On the reader: a guess is answered while the writer waits for another program's lock. */
  badgesOfJoinCode(code: string): Promise<JoinCodeBadge[]> {
    return this.#readerThread.read('readBadgesOfJoinCode', code);
  }

  takeJoinGuess(address: string, at: number): Promise<GuessVerdict> {
    return Promise.resolve(this.#joinGuesses.take(address, at));
  }

  returnJoinGuess(address: string): Promise<void> {
    this.#joinGuesses.giveBack(address);
    return Promise.resolve();
  }

  createMeeting(meeting: MeetingRecord, delegates: readonly DelegateRecord[], audit: AuditInput): Promise<void> {
    return this.#writer.write('createMeeting', meeting, delegates, audit);
  }

  replaceRoster(meetingId: string, delegates: readonly DelegateRecord[], audit: AuditInput): Promise<void> {
    return this.#writer.write('replaceRoster', meetingId, delegates, audit);
  }

  addDelegates(delegates: readonly DelegateRecord[], audit: AuditInput): Promise<void> {
    return this.#writer.write('addDelegates', delegates, audit);
  }

  updateDelegate(
    delegateId: string,
    fields: Partial<Pick<DelegateRecord, 'name' | 'position' | 'group' | 'token' | 'weight'>>,
    audit: AuditInput,
  ): Promise<void> {
    if (isEmptyUpdate(fields)) return Promise.resolve();
    return this.#writer.write('updateDelegate', delegateId, fields, audit);
  }

  removeDelegate(delegateId: string, audit: AuditInput): Promise<void> {
    return this.#writer.write('removeDelegate', delegateId, audit);
  }

  setAttendance(
    delegateId: string,
    attendance: DelegateRecord['attendance'],
    checkedInBy: DelegateRecord['checkedInBy'],
    issueIn: readonly { ballotId: string; round: number }[],
    audit: AuditInput,
    revoke?: ProxyRevoke,
  ): Promise<void> {
    return this.#writer.write('setAttendance', delegateId, attendance, checkedInBy, issueIn, audit, revoke);
  }

  grantProxy(proxy: ProxyRecord, audit: AuditInput): Promise<void> {
    return this.#writer.write('grantProxy', proxy, audit);
  }

  revokeProxy(revoke: ProxyRevoke, audit: AuditInput): Promise<void> {
    return this.#writer.write('revokeProxy', revoke, audit);
  }

  setAttendanceMany(changes: readonly AttendanceChange[], audit: AuditInput): Promise<void> {
    return this.#writer.write('setAttendanceMany', changes, audit);
  }

  createBallot(ballot: BallotRecordRow, audit: AuditInput): Promise<void> {
    return this.#writer.write('createBallot', ballot, audit);
  }

  openRound(
    round: RoundRecord,
    issuedTo: readonly string[],
    audit: AuditInput,
    proxies: readonly RoundProxyRecord[],
  ): Promise<void> {
    return this.#writer.write('openRound', round, issuedTo, audit, proxies);
  }

  draftRevote(ballotId: string, drafted: boolean, audit: AuditInput): Promise<void> {
    return this.#writer.write('draftRevote', ballotId, drafted, audit);
  }

  castVote(vote: CastVote, audit: AuditInput): Promise<CastOutcome> {
    return this.#writer.write('castVote', vote, audit);
  }

  castSplit(split: CastSplit, audit: AuditInput): Promise<CastOutcome> {
    return this.#writer.write('castSplit', split, audit);
  }

  markPaperVoter(ballotId: string, round: number, delegateId: string, audit: AuditInput): Promise<void> {
    return this.#writer.write('markPaperVoter', ballotId, round, delegateId, audit);
  }

  recordPaperTotals(
    ballotId: string,
    round: number,
    totals: PaperTotals,
    audit: AuditInput,
    retally: Retally | null,
  ): Promise<void> {
    return this.#writer.write('recordPaperTotals', ballotId, round, totals, audit, retally);
  }

  /** The scrub of the round's secret rows is part of the write; the WAL is emptied after its commit. */
  closeRound(ballotId: string, round: number, closedAt: string, result: RoundResult, audit: AuditInput): Promise<void> {
    return this.#writer.write('closeRound', ballotId, round, closedAt, result, audit);
  }

  publishRound(
    ballotId: string,
    round: number,
    publishedAt: string,
    result: RoundResult,
    audit: AuditInput,
  ): Promise<AuditHead> {
    return this.#writer.write('publishRound', ballotId, round, publishedAt, result, audit);
  }

  /** The secret rows are deleted in the write; the WAL is emptied right after its commit. */
  cancelRound(ballotId: string, round: number, at: string, audit: AuditInput): Promise<number> {
    return this.#writer.write('cancelRound', ballotId, round, at, audit);
  }

  /** SQL compiled by the threads after they opened (every statement is prepared once): for a test. */
  async compiledSinceOpen(): Promise<string[]> {
    const threads = [this.#writer, ...(this.#reader ? [this.#reader] : [])];
    const lists = await Promise.all(threads.map((t) => t.control('compiled-since-open') as Promise<string[]>));
    return lists.flat();
  }

  async close(): Promise<void> {
    await this.#reader?.close();
    await this.#writer.close();
  }
}
