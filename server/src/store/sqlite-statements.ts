// Every SQL statement the SQLite store runs, prepared once when the store opens: a vote then costs
// bound parameters and a step, never a parse. Reads and writes alike; the transaction statements of
// the group commit are prepared by write-queue.ts.
import type Database from 'better-sqlite3';
import type { AuditEntry } from '@hallvote/shared';
import type {
  AuditRow,
  BallotRow,
  DelegateRow,
  IssuedRow,
  MeetingRow,
  PaperTotalsRow,
  ParticipationRow,
  ProxyRow,
  RoundProxyRow,
  RoundRow,
  StoredBallotRow,
} from './rows';
import type { DelegateRecord, MeetingRecord, ProxyRecord } from './store';

type BallotRound = [ballotId: string, round: number];
type DelegateInRound = [ballotId: string, round: number, delegateId: string];

/** Named parameters of a delegate's editable columns; null leaves a column as it is. */
export interface DelegateFields {
  readonly id: string;
  readonly name: string | null;
  readonly position: string | null;
  readonly group: string | null;
  readonly token: string | null;
  readonly weight: number | null;
  /** The new token's join code, with the token. */
  readonly joinCode: string | null;
}

/** Named parameters of an audit row: the entry, its details as JSON. */
export type AuditParams = Omit<AuditEntry, 'details'> & { readonly details: string };

export type SqliteStatements = ReturnType<typeof prepareStatements>;

export function prepareStatements(db: Database.Database) {
  return {
    // Loading, per meeting.
    meetings: db.prepare<[], MeetingRow>('SELECT * FROM meetings ORDER BY created_at'),
    meeting: db.prepare<[id: string], MeetingRow>('SELECT * FROM meetings WHERE id = ?'),
    delegatesOf: db.prepare<[string], DelegateRow>('SELECT * FROM delegates WHERE meeting_id = ? ORDER BY ordinal'),
    ballotsOf: db.prepare<[string], BallotRow>('SELECT * FROM ballots WHERE meeting_id = ? ORDER BY created_at, id'),
    roundsOf: db.prepare<[string], RoundRow>(
      `SELECT r.* FROM rounds r JOIN ballots b ON b.id = r.ballot_id WHERE b.meeting_id = ? ORDER BY r.ballot_id, r.round`,
    ),
    participationOf: db.prepare<[string], ParticipationRow>(
      `SELECT p.ballot_id, p.round, p.delegate_id, p.vote_id, p.receipt, p.channel, p.cast_by, o.marks, o.split
         FROM participation p
         JOIN ballots b ON b.id = p.ballot_id
         LEFT JOIN open_votes o
           ON o.ballot_id = p.ballot_id AND o.round = p.round AND o.delegate_id = p.delegate_id
        WHERE b.meeting_id = ?`,
    ),
    issuedOf: db.prepare<[string], IssuedRow>(
      `SELECT i.* FROM issued i JOIN ballots b ON b.id = i.ballot_id WHERE b.meeting_id = ?`,
    ),
    paperTotalsOf: db.prepare<[string], PaperTotalsRow>(
      `SELECT t.* FROM paper_totals t JOIN ballots b ON b.id = t.ballot_id WHERE b.meeting_id = ?`,
    ),
    proxiesOf: db.prepare<[string], ProxyRow>('SELECT * FROM proxies WHERE meeting_id = ? ORDER BY granted_at, id'),
    roundProxiesOf: db.prepare<[string], RoundProxyRow>(
      `SELECT x.* FROM round_proxies x JOIN ballots b ON b.id = x.ballot_id WHERE b.meeting_id = ?`,
    ),
    auditOf: db.prepare<[string], AuditRow>('SELECT * FROM audit WHERE meeting_id = ? ORDER BY seq'),
    publishedOf: db.prepare<[string], AuditRow>(
      `SELECT * FROM audit WHERE meeting_id = ? AND action = 'round.published' ORDER BY seq`,
    ),
    ballotMarks: db.prepare<[string, number, string, number], StoredBallotRow>(
      `SELECT marks, weight, NULL AS split FROM secret_ballots WHERE ballot_id = ? AND round = ?
       UNION ALL
       SELECT marks, weight, split FROM open_votes WHERE ballot_id = ? AND round = ?`,
    ),

    // Meetings and the roster.
    insertMeeting: db.prepare<[Omit<MeetingRecord, 'settings'> & { settings: string }]>(
      `INSERT INTO meetings (id, title, rule_preset_id, rule_preset_version, chair_key, projector_key, created_at, settings)
       VALUES (@id, @title, @rulePresetId, @rulePresetVersion, @chairKey, @projectorKey, @createdAt, @settings)`,
    ),
    insertDelegate: db.prepare<[DelegateRecord & { readonly joinCode: string }]>(
      `INSERT INTO delegates (id, meeting_id, ordinal, name, position, grp, token, join_code, attendance, checked_in_by, weight)
       VALUES (@id, @meetingId, @ordinal, @name, @position, @group, @token, @joinCode, @attendance, @checkedInBy, @weight)`,
    ),
    deleteRoster: db.prepare<[meetingId: string]>('DELETE FROM delegates WHERE meeting_id = ?'),
    deleteProxiesOfMeeting: db.prepare<[meetingId: string]>('DELETE FROM proxies WHERE meeting_id = ?'),
    deleteProxiesOf: db.prepare<[grantorId: string, holderId: string]>(
      'DELETE FROM proxies WHERE grantor_id = ? OR holder_id = ?',
    ),
    insertProxy: db.prepare<[ProxyRecord]>(
      `INSERT INTO proxies (id, meeting_id, grantor_id, holder_id, instructions, granted_at, revoked_at, revoked_by)
       VALUES (@id, @meetingId, @grantorId, @holderId, @instructions, @grantedAt, @revokedAt, @revokedBy)`,
    ),
    // Only a proxy in force is taken back: of two revocations (the chair's and an arrival), one wins.
    revokeProxy: db.prepare<[at: string, by: string, id: string]>(
      'UPDATE proxies SET revoked_at = ?, revoked_by = ? WHERE id = ? AND revoked_at IS NULL',
    ),
    insertRoundProxy: db.prepare<[...BallotRound, grantorId: string, holderId: string]>(
      'INSERT INTO round_proxies (ballot_id, round, grantor_id, holder_id) VALUES (?, ?, ?, ?)',
    ),
    updateDelegate: db.prepare<[DelegateFields]>(
      `UPDATE delegates
          SET name = coalesce(@name, name), position = coalesce(@position, position),
              grp = coalesce(@group, grp), token = coalesce(@token, token), weight = coalesce(@weight, weight),
              join_code = coalesce(@joinCode, join_code)
        WHERE id = @id`,
    ),
    badgesOfJoinCode: db.prepare<[code: string], { meeting_id: string; id: string; token: string }>(
      'SELECT meeting_id, id, token FROM delegates WHERE join_code = ?',
    ),
    deleteDelegate: db.prepare<[delegateId: string]>('DELETE FROM delegates WHERE id = ?'),
    setAttendance: db.prepare<
      [attendance: DelegateRecord['attendance'], checkedInBy: DelegateRecord['checkedInBy'], delegateId: string]
    >('UPDATE delegates SET attendance = ?, checked_in_by = ? WHERE id = ?'),

    // Ballots and rounds.
    insertBallot: db.prepare<[id: string, meetingId: string, definition: string, createdAt: string]>(
      'INSERT INTO ballots (id, meeting_id, definition, created_at) VALUES (?, ?, ?, ?)',
    ),
    insertRound: db.prepare<
      [
        ...BallotRound,
        openedAt: string,
        closesAt: string | null,
        sealPublic: string | null,
        sealSecret: string | null,
        rosterThrough: number | null,
      ]
    >(
      `INSERT INTO rounds (ballot_id, round, state, opened_at, closes_at, seal_public_key, seal_secret_key, roster_through)
       VALUES (?, ?, 'open', ?, ?, ?, ?, ?)`,
    ),
    draftRevote: db.prepare<[drafted: 0 | 1, ballotId: string]>('UPDATE ballots SET revote_drafted = ? WHERE id = ?'),
    roundState: db.prepare<BallotRound, { state: string }>(
      'SELECT state FROM rounds WHERE ballot_id = ? AND round = ?',
    ),
    // Only an open round closes: of two closers (a countdown and the chair), one wins. Closing (and
    // cancelling) erases the round's secret seal key: it opened ballots only while the round was open.
    closeRound: db.prepare<[closedAt: string, result: string, ...BallotRound]>(
      `UPDATE rounds SET state = 'closed', closed_at = ?, result = ?, seal_secret_key = NULL
        WHERE ballot_id = ? AND round = ? AND state = 'open'`,
    ),
    updateClosedResult: db.prepare<[result: string, ...BallotRound]>(
      `UPDATE rounds SET result = ? WHERE ballot_id = ? AND round = ? AND state = 'closed'`,
    ),
    publishRound: db.prepare<[publishedAt: string, result: string, ...BallotRound]>(
      `UPDATE rounds SET state = 'published', published_at = ?, result = ? WHERE ballot_id = ? AND round = ?`,
    ),
    cancelRound: db.prepare<[at: string, ...BallotRound]>(
      `UPDATE rounds SET state = 'cancelled', closed_at = ?, seal_secret_key = NULL WHERE ballot_id = ? AND round = ?`,
    ),
    attendanceOf: db.prepare<[delegateId: string], { attendance: string }>(
      'SELECT attendance FROM delegates WHERE id = ?',
    ),
    /** Whether the delegate is on the roster of an open round (attendance is fixed while it is). */
    roundOpenFor: db.prepare<[delegateId: string], { found: number }>(
      `SELECT 1 AS found FROM delegates d
         JOIN ballots b ON b.meeting_id = d.meeting_id
         JOIN rounds r ON r.ballot_id = b.id
        WHERE d.id = ? AND r.state = 'open' AND (r.roster_through IS NULL OR d.ordinal <= r.roster_through)
        LIMIT 1`,
    ),
    issue: db.prepare<DelegateInRound>('INSERT OR IGNORE INTO issued (ballot_id, round, delegate_id) VALUES (?, ?, ?)'),

    // Votes.
    participation: db.prepare<DelegateInRound, { vote_id: string; receipt: string; channel: string }>(
      'SELECT vote_id, receipt, channel FROM participation WHERE ballot_id = ? AND round = ? AND delegate_id = ?',
    ),
    insertParticipation: db.prepare<
      [...DelegateInRound, voteId: string, receipt: string, votedAt: string, castBy: string | null]
    >(
      `INSERT INTO participation (ballot_id, round, delegate_id, vote_id, receipt, voted_at, cast_by)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    insertPaperParticipation: db.prepare<[...DelegateInRound, votedAt: string]>(
      `INSERT INTO participation (ballot_id, round, delegate_id, vote_id, receipt, voted_at, channel)
       VALUES (?, ?, ?, 'paper', '', ?, 'paper')`,
    ),
    // A split's rows share its vote id: another row of the round with this one's id means a split.
    inSplit: db.prepare<[...DelegateInRound, voteId: string], { found: number }>(
      `SELECT 1 AS found FROM participation
        WHERE ballot_id = ? AND round = ? AND delegate_id <> ? AND vote_id = ? AND channel = 'online' LIMIT 1`,
    ),
    changeParticipation: db.prepare<[voteId: string, votedAt: string, ...DelegateInRound]>(
      'UPDATE participation SET vote_id = ?, voted_at = ? WHERE ballot_id = ? AND round = ? AND delegate_id = ?',
    ),
    upsertOpenVote: db.prepare<[...DelegateInRound, marks: string, weight: number | null, split: string | null]>(
      `INSERT INTO open_votes (ballot_id, round, delegate_id, marks, weight, split) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (ballot_id, round, delegate_id) DO UPDATE SET marks = excluded.marks`,
    ),
    insertSecret: db.prepare<[id: string, ...BallotRound, marks: string, weight: number | null]>(
      'INSERT INTO secret_ballots (id, ballot_id, round, marks, weight) VALUES (?, ?, ?, ?, ?)',
    ),
    secretRows: db.prepare<BallotRound, { id: string; marks: string; weight: number | null }>(
      'SELECT id, marks, weight FROM secret_ballots WHERE ballot_id = ? AND round = ? ORDER BY id',
    ),
    deleteSecretRows: db.prepare<BallotRound>('DELETE FROM secret_ballots WHERE ballot_id = ? AND round = ?'),
    markScrubPending: db.prepare<BallotRound>('INSERT OR IGNORE INTO scrub_pending (ballot_id, round) VALUES (?, ?)'),
    scrubsPending: db.prepare<[], { ballot_id: string; round: number }>('SELECT ballot_id, round FROM scrub_pending'),
    scrubDone: db.prepare<BallotRound>('DELETE FROM scrub_pending WHERE ballot_id = ? AND round = ?'),
    deleteOpenVotes: db.prepare<BallotRound>('DELETE FROM open_votes WHERE ballot_id = ? AND round = ?'),
    onlineVoters: db.prepare<BallotRound, { n: number }>(
      `SELECT count(*) AS n FROM participation WHERE ballot_id = ? AND round = ? AND channel = 'online'`,
    ),
    upsertPaperTotals: db.prepare<[...BallotRound, totals: string]>(
      `INSERT INTO paper_totals (ballot_id, round, totals) VALUES (?, ?, ?)
       ON CONFLICT (ballot_id, round) DO UPDATE SET totals = excluded.totals`,
    ),

    // The audit log.
    lastAudit: db.prepare<[meetingId: string], { seq: number; hash: string }>(
      'SELECT seq, hash FROM audit WHERE meeting_id = ? ORDER BY seq DESC LIMIT 1',
    ),
    insertAudit: db.prepare<[AuditParams]>(
      `INSERT INTO audit (meeting_id, seq, at, actor, action, details, prev_hash, hash)
       VALUES (@meetingId, @seq, @at, @actor, @action, @details, @prevHash, @hash)`,
    ),
  };
}
