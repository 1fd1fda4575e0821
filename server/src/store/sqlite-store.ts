import Database from 'better-sqlite3';
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  AUDIT_GENESIS,
  HallvoteError,
  auditHashInput,
  type AuditEntry,
  type BallotDefinition,
  type Marks,
  type PaperTotals,
  type RoundResult,
} from '@hallvote/shared';
import { SCHEMA_SQL } from './sqlite-schema';
import { WriteQueue } from './write-queue';
import type {
  AuditInput,
  BallotRecordRow,
  CastOutcome,
  CastVote,
  DelegateRecord,
  LoadedMeeting,
  MeetingRecord,
  ParticipationRecord,
  RoundRecord,
  Store,
} from './store';

interface DelegateRow {
  id: string;
  meeting_id: string;
  ordinal: number;
  name: string;
  position: string;
  grp: string;
  token: string;
  attendance: DelegateRecord['attendance'];
  checked_in_by: DelegateRecord['checkedInBy'];
}

interface RoundRow {
  ballot_id: string;
  round: number;
  state: RoundRecord['state'];
  opened_at: string;
  closes_at: string | null;
  closed_at: string | null;
  published_at: string | null;
  result: string | null;
}

/** Opens (creating if needed) the SQLite database at `file`; ':memory:' works for quick tests. */
export function openSqliteStore(file: string): Store {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // FULL: a commit is on disk when it returns, so an ack after commit survives a power cut too.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // Deleted rows are overwritten with zeros, not left in free space (see scrubSecretRound).
  db.pragma('secure_delete = ON');
  db.exec(SCHEMA_SQL);
  // A WAL left by a crash holds old versions of pages, secret ballots' included: fold it into the
  // database and empty it before anything else happens.
  db.pragma('wal_checkpoint(TRUNCATE)');
  return new SqliteStore(db);
}

class SqliteStore implements Store {
  private readonly queue: WriteQueue;
  private readonly stmt;

  constructor(private readonly db: Database.Database) {
    this.queue = new WriteQueue(db);
    this.stmt = {
      insertDelegate: db.prepare(
        `INSERT INTO delegates (id, meeting_id, ordinal, name, position, grp, token, attendance, checked_in_by)
         VALUES (@id, @meetingId, @ordinal, @name, @position, @group, @token, @attendance, @checkedInBy)`,
      ),
      roundState: db.prepare<[string, number], { state: string }>(
        'SELECT state FROM rounds WHERE ballot_id = ? AND round = ?',
      ),
      participation: db.prepare<[string, number, string], { vote_id: string; receipt: string; channel: string }>(
        'SELECT vote_id, receipt, channel FROM participation WHERE ballot_id = ? AND round = ? AND delegate_id = ?',
      ),
      insertParticipation: db.prepare(
        `INSERT INTO participation (ballot_id, round, delegate_id, vote_id, receipt, voted_at)
         VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      insertSecret: db.prepare('INSERT INTO secret_ballots (id, ballot_id, round, marks) VALUES (?, ?, ?, ?)'),
      secretRows: db.prepare<[string, number], { id: string; marks: string }>(
        'SELECT id, marks FROM secret_ballots WHERE ballot_id = ? AND round = ? ORDER BY id',
      ),
      deleteSecretRows: db.prepare('DELETE FROM secret_ballots WHERE ballot_id = ? AND round = ?'),
      upsertOpen: db.prepare(
        `INSERT INTO open_votes (ballot_id, round, delegate_id, marks) VALUES (?, ?, ?, ?)
         ON CONFLICT (ballot_id, round, delegate_id) DO UPDATE SET marks = excluded.marks`,
      ),
      issue: db.prepare('INSERT OR IGNORE INTO issued (ballot_id, round, delegate_id) VALUES (?, ?, ?)'),
      lastAudit: db.prepare<[string], { seq: number; hash: string }>(
        'SELECT seq, hash FROM audit WHERE meeting_id = ? ORDER BY seq DESC LIMIT 1',
      ),
      insertAudit: db.prepare(
        `INSERT INTO audit (meeting_id, seq, at, actor, action, details, prev_hash, hash)
         VALUES (@meetingId, @seq, @at, @actor, @action, @details, @prevHash, @hash)`,
      ),
    };
  }

  /** Runs `change` and appends its audit entry in the same group transaction and savepoint. */
  private write<T>(audit: AuditInput, change: () => T): Promise<T> {
    return this.queue.enqueue(() => {
      const result = change();
      this.appendAudit(audit);
      return result;
    });
  }

  private appendAudit(audit: AuditInput): void {
    const last = this.stmt.lastAudit.get(audit.meetingId);
    const entry = { ...audit, seq: (last?.seq ?? 0) + 1 };
    const prevHash = last?.hash ?? AUDIT_GENESIS;
    const hash = createHash('sha256').update(auditHashInput(entry, prevHash)).digest('hex');
    this.stmt.insertAudit.run({ ...entry, details: JSON.stringify(entry.details), prevHash, hash });
  }

  async loadAll(): Promise<LoadedMeeting[]> {
    await this.queue.drained();
    const meetings = this.db
      .prepare<
        [],
        {
          id: string;
          title: string;
          rule_preset_id: string;
          chair_key: string;
          projector_key: string;
          created_at: string;
        }
      >('SELECT * FROM meetings ORDER BY created_at')
      .all();
    return meetings.map((m) => ({
      meeting: {
        id: m.id,
        title: m.title,
        rulePresetId: m.rule_preset_id,
        chairKey: m.chair_key,
        projectorKey: m.projector_key,
        createdAt: m.created_at,
      },
      delegates: this.db
        .prepare<[string], DelegateRow>('SELECT * FROM delegates WHERE meeting_id = ? ORDER BY ordinal')
        .all(m.id)
        .map(toDelegate),
      ballots: this.db
        .prepare<[string], { id: string; meeting_id: string; definition: string; created_at: string }>(
          'SELECT * FROM ballots WHERE meeting_id = ? ORDER BY created_at, id',
        )
        .all(m.id)
        .map((b) => ({
          id: b.id,
          meetingId: b.meeting_id,
          definition: JSON.parse(b.definition) as BallotDefinition,
          createdAt: b.created_at,
        })),
      rounds: this.db
        .prepare<[string], RoundRow>(
          `SELECT r.* FROM rounds r JOIN ballots b ON b.id = r.ballot_id WHERE b.meeting_id = ? ORDER BY r.ballot_id, r.round`,
        )
        .all(m.id)
        .map(toRound),
      participation: this.db
        .prepare<
          [string],
          {
            ballot_id: string;
            round: number;
            delegate_id: string;
            vote_id: string;
            receipt: string;
            channel: 'online' | 'paper';
            marks: string | null;
          }
        >(
          `SELECT p.ballot_id, p.round, p.delegate_id, p.vote_id, p.receipt, p.channel, o.marks
             FROM participation p
             JOIN ballots b ON b.id = p.ballot_id
             LEFT JOIN open_votes o
               ON o.ballot_id = p.ballot_id AND o.round = p.round AND o.delegate_id = p.delegate_id
            WHERE b.meeting_id = ?`,
        )
        .all(m.id)
        .map((p): ParticipationRecord => ({
          ballotId: p.ballot_id,
          round: p.round,
          delegateId: p.delegate_id,
          voteId: p.vote_id,
          receipt: p.receipt,
          marks: p.marks === null ? null : (JSON.parse(p.marks) as Marks),
          channel: p.channel,
        })),
      issued: this.db
        .prepare<[string], { ballot_id: string; round: number; delegate_id: string }>(
          `SELECT i.* FROM issued i JOIN ballots b ON b.id = i.ballot_id WHERE b.meeting_id = ?`,
        )
        .all(m.id)
        .map((i) => ({ ballotId: i.ballot_id, round: i.round, delegateId: i.delegate_id })),
      paper: this.db
        .prepare<[string], { ballot_id: string; round: number; totals: string }>(
          `SELECT t.* FROM paper_totals t JOIN ballots b ON b.id = t.ballot_id WHERE b.meeting_id = ?`,
        )
        .all(m.id)
        .map((t) => ({ ballotId: t.ballot_id, round: t.round, totals: JSON.parse(t.totals) as PaperTotals })),
    }));
  }

  createMeeting(meeting: MeetingRecord, delegates: readonly DelegateRecord[], audit: AuditInput): Promise<void> {
    return this.write(audit, () => {
      this.db
        .prepare(
          `INSERT INTO meetings (id, title, rule_preset_id, chair_key, projector_key, created_at)
           VALUES (@id, @title, @rulePresetId, @chairKey, @projectorKey, @createdAt)`,
        )
        .run(meeting);
      for (const d of delegates) this.stmt.insertDelegate.run(d);
    });
  }

  replaceRoster(meetingId: string, delegates: readonly DelegateRecord[], audit: AuditInput): Promise<void> {
    return this.write(audit, () => {
      this.db.prepare('DELETE FROM delegates WHERE meeting_id = ?').run(meetingId);
      for (const d of delegates) this.stmt.insertDelegate.run(d);
    });
  }

  addDelegates(delegates: readonly DelegateRecord[], audit: AuditInput): Promise<void> {
    return this.write(audit, () => {
      for (const d of delegates) this.stmt.insertDelegate.run(d);
    });
  }

  updateDelegate(
    delegateId: string,
    fields: Partial<Pick<DelegateRecord, 'name' | 'position' | 'group' | 'token'>>,
    audit: AuditInput,
  ): Promise<void> {
    const columns = { name: 'name', position: 'position', group: 'grp', token: 'token' } as const;
    const entries = (Object.keys(columns) as (keyof typeof columns)[]).filter((k) => fields[k] !== undefined);
    if (entries.length === 0) return Promise.resolve();
    const sql = `UPDATE delegates SET ${entries.map((k) => `${columns[k]} = @${k}`).join(', ')} WHERE id = @id`;
    return this.write(audit, () => {
      this.db.prepare(sql).run({ ...fields, id: delegateId });
    });
  }

  removeDelegate(delegateId: string, audit: AuditInput): Promise<void> {
    return this.write(audit, () => {
      this.db.prepare('DELETE FROM delegates WHERE id = ?').run(delegateId);
    });
  }

  setAttendance(
    delegateId: string,
    attendance: DelegateRecord['attendance'],
    checkedInBy: DelegateRecord['checkedInBy'],
    issueIn: readonly { ballotId: string; round: number }[],
    audit: AuditInput,
  ): Promise<void> {
    return this.write(audit, () => {
      this.db
        .prepare('UPDATE delegates SET attendance = ?, checked_in_by = ? WHERE id = ?')
        .run(attendance, checkedInBy, delegateId);
      for (const r of issueIn) this.stmt.issue.run(r.ballotId, r.round, delegateId);
    });
  }

  createBallot(ballot: BallotRecordRow, audit: AuditInput): Promise<void> {
    return this.write(audit, () => {
      this.db
        .prepare('INSERT INTO ballots (id, meeting_id, definition, created_at) VALUES (?, ?, ?, ?)')
        .run(ballot.id, ballot.meetingId, JSON.stringify(ballot.definition), ballot.createdAt);
    });
  }

  openRound(round: RoundRecord, issuedTo: readonly string[], audit: AuditInput): Promise<void> {
    return this.write(audit, () => {
      this.db
        .prepare(`INSERT INTO rounds (ballot_id, round, state, opened_at, closes_at) VALUES (?, ?, 'open', ?, ?)`)
        .run(round.ballotId, round.round, round.openedAt, round.closesAt);
      for (const delegateId of issuedTo) this.stmt.issue.run(round.ballotId, round.round, delegateId);
    });
  }

  castVote(vote: CastVote, audit: AuditInput): Promise<CastOutcome> {
    return this.queue.enqueue((): CastOutcome => {
      const state = this.stmt.roundState.get(vote.ballotId, vote.round)?.state;
      const earlier = this.stmt.participation.get(vote.ballotId, vote.round, vote.delegateId);
      if (earlier && earlier.vote_id === vote.voteId) return { kind: 'duplicate', receipt: earlier.receipt };
      if (state !== 'open') throw new HallvoteError('BALLOT_NOT_OPEN', 'This ballot is not open for voting.');
      const marks = JSON.stringify(vote.marks);
      if (earlier) {
        if (vote.secret || !vote.allowChange || earlier.channel === 'paper')
          throw new HallvoteError('ALREADY_VOTED', 'A vote from this delegate is already recorded in this round.');
        this.db
          .prepare(
            'UPDATE participation SET vote_id = ?, voted_at = ? WHERE ballot_id = ? AND round = ? AND delegate_id = ?',
          )
          .run(vote.voteId, new Date().toISOString(), vote.ballotId, vote.round, vote.delegateId);
        this.stmt.upsertOpen.run(vote.ballotId, vote.round, vote.delegateId, marks);
        this.appendAudit({ ...audit, action: 'vote.changed' });
        return { kind: 'changed', receipt: earlier.receipt };
      }
      // The primary key of participation refuses a second vote even if memory were wrong.
      this.stmt.insertParticipation.run(
        vote.ballotId,
        vote.round,
        vote.delegateId,
        vote.voteId,
        vote.receipt,
        new Date().toISOString(),
      );
      // Voting proves presence: a delegate who checked in mid-round was issued a ballot too.
      this.stmt.issue.run(vote.ballotId, vote.round, vote.delegateId);
      if (vote.secret) this.stmt.insertSecret.run(randomBytes(16).toString('hex'), vote.ballotId, vote.round, marks);
      else this.stmt.upsertOpen.run(vote.ballotId, vote.round, vote.delegateId, marks);
      this.appendAudit(audit);
      return { kind: 'stored', receipt: vote.receipt };
    });
  }

  markPaperVoter(ballotId: string, round: number, delegateId: string, audit: AuditInput): Promise<void> {
    return this.write(audit, () => {
      if (this.stmt.roundState.get(ballotId, round)?.state !== 'open')
        throw new HallvoteError('BALLOT_NOT_OPEN', 'Paper voters are marked while the ballot is open.');
      if (this.stmt.participation.get(ballotId, round, delegateId))
        throw new HallvoteError('ALREADY_VOTED', 'This delegate has already voted in this round.');
      this.db
        .prepare(
          `INSERT INTO participation (ballot_id, round, delegate_id, vote_id, receipt, voted_at, channel)
           VALUES (?, ?, ?, 'paper', '', ?, 'paper')`,
        )
        .run(ballotId, round, delegateId, audit.at);
      this.stmt.issue.run(ballotId, round, delegateId);
    });
  }

  recordPaperTotals(ballotId: string, round: number, totals: PaperTotals, audit: AuditInput): Promise<void> {
    return this.write(audit, () => {
      this.db
        .prepare(
          `INSERT INTO paper_totals (ballot_id, round, totals) VALUES (?, ?, ?)
           ON CONFLICT (ballot_id, round) DO UPDATE SET totals = excluded.totals`,
        )
        .run(ballotId, round, JSON.stringify(totals));
    });
  }

  updateResult(ballotId: string, round: number, result: RoundResult, audit: AuditInput): Promise<void> {
    return this.write(audit, () => {
      this.db
        .prepare(`UPDATE rounds SET result = ? WHERE ballot_id = ? AND round = ? AND state = 'closed'`)
        .run(JSON.stringify(result), ballotId, round);
    });
  }

  async readAudit(meetingId: string): Promise<AuditEntry[]> {
    await this.queue.drained();
    return this.db
      .prepare<
        [string],
        {
          meeting_id: string;
          seq: number;
          at: string;
          actor: AuditEntry['actor'];
          action: string;
          details: string;
          prev_hash: string;
          hash: string;
        }
      >('SELECT * FROM audit WHERE meeting_id = ? ORDER BY seq')
      .all(meetingId)
      .map((a) => ({
        meetingId: a.meeting_id,
        seq: a.seq,
        at: a.at,
        actor: a.actor,
        action: a.action,
        details: JSON.parse(a.details) as Record<string, unknown>,
        prevHash: a.prev_hash,
        hash: a.hash,
      }));
  }

  async readBallots(ballotId: string, round: number): Promise<Marks[]> {
    await this.queue.drained();
    const rows = this.db
      .prepare<[string, number, string, number], { marks: string }>(
        `SELECT marks FROM secret_ballots WHERE ballot_id = ? AND round = ?
         UNION ALL
         SELECT marks FROM open_votes WHERE ballot_id = ? AND round = ?`,
      )
      .all(ballotId, round, ballotId, round);
    return rows.map((r) => JSON.parse(r.marks) as Marks);
  }

  async closeRound(
    ballotId: string,
    round: number,
    closedAt: string,
    result: RoundResult,
    audit: AuditInput,
  ): Promise<void> {
    await this.write(audit, () => {
      this.db
        .prepare(`UPDATE rounds SET state = 'closed', closed_at = ?, result = ? WHERE ballot_id = ? AND round = ?`)
        .run(closedAt, JSON.stringify(result), ballotId, round);
      this.scrubSecretRound(ballotId, round);
    });
    this.truncateWal();
  }

  /**
   * A b-tree page lays its cells out in the order they were inserted, that is in voting order, and
   * the WAL keeps every earlier version of a page; with the audit log (who voted when) either one
   * would pair delegates with secret ballots. Once a round stops taking votes its rows are written
   * again in key (random) order, the old cells zeroed (secure_delete), and the WAL emptied.
   */
  private scrubSecretRound(ballotId: string, round: number): void {
    const rows = this.stmt.secretRows.all(ballotId, round);
    this.stmt.deleteSecretRows.run(ballotId, round);
    for (const r of rows) this.stmt.insertSecret.run(r.id, ballotId, round, r.marks);
  }

  /** Copies the WAL into the database and truncates it; runs between group transactions. */
  private truncateWal(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  publishRound(
    ballotId: string,
    round: number,
    publishedAt: string,
    result: RoundResult,
    audit: AuditInput,
  ): Promise<void> {
    return this.write(audit, () => {
      this.db
        .prepare(
          `UPDATE rounds SET state = 'published', published_at = ?, result = ? WHERE ballot_id = ? AND round = ?`,
        )
        .run(publishedAt, JSON.stringify(result), ballotId, round);
    });
  }

  async cancelRound(ballotId: string, round: number, at: string, audit: AuditInput): Promise<void> {
    await this.write(audit, () => {
      this.db
        .prepare(`UPDATE rounds SET state = 'cancelled', closed_at = ? WHERE ballot_id = ? AND round = ?`)
        .run(at, ballotId, round);
      this.scrubSecretRound(ballotId, round);
    });
    this.truncateWal();
  }

  async close(): Promise<void> {
    await this.queue.drained();
    this.db.close();
  }
}

function toDelegate(r: DelegateRow): DelegateRecord {
  return {
    id: r.id,
    meetingId: r.meeting_id,
    ordinal: r.ordinal,
    name: r.name,
    position: r.position,
    group: r.grp,
    token: r.token,
    attendance: r.attendance,
    checkedInBy: r.checked_in_by,
  };
}

function toRound(r: RoundRow): RoundRecord {
  return {
    ballotId: r.ballot_id,
    round: r.round,
    state: r.state,
    openedAt: r.opened_at,
    closesAt: r.closes_at,
    closedAt: r.closed_at,
    publishedAt: r.published_at,
    result: r.result === null ? null : (JSON.parse(r.result) as RoundResult),
  };
}
