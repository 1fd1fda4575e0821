// Every fixed SQL statement the PostgreSQL store runs, each with a name: node-postgres parses a named
// statement once per connection and binds values after, so a vote costs no parse. Writes of many
// rows are one statement over arrays (unnest), never one statement per row: a batch of votes is a
// few statements whatever its size. The per-round tables of secret ballots have names of their
// own and their SQL is in pg-scrub.ts. Text is ordered by code point (COLLATE "C"), as SQLite
// orders it, whatever the database's locale.
import type { QueryResultRow } from 'pg';
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

/** What runs a statement: a pool or a checked-out client. */
export interface Queryable {
  query<R extends QueryResultRow>(config: {
    name?: string;
    text: string;
    values?: unknown[];
  }): Promise<{ rows: R[]; rowCount: number | null }>;
}

/** A named statement; P types its parameters, R its rows. */
export interface Statement<P extends readonly unknown[], R extends QueryResultRow> {
  readonly name: string;
  readonly text: string;
  /** Types only: never set. */
  readonly types?: (p: P) => R;
}

function statement<P extends readonly unknown[], R extends QueryResultRow = Record<string, never>>(
  name: string,
  text: string,
): Statement<P, R> {
  return { name: `hallvote_${name}`, text };
}

/** Runs a named statement; resolves with its rows and how many rows it touched. */
export async function run<P extends readonly unknown[], R extends QueryResultRow>(
  db: Queryable,
  s: Statement<P, R>,
  ...values: P
): Promise<{ rows: R[]; count: number }> {
  const result = await db.query<R>({ name: s.name, text: s.text, values: [...values] });
  return { rows: result.rows, count: result.rowCount ?? 0 };
}

type Texts = string[];
type Ints = number[];

export interface HeadRow {
  readonly epoch: number;
  readonly audit_seq: number;
  readonly audit_hash: string | null;
}

export interface VoteContextRow {
  readonly state: string | null;
  readonly vote_id: string | null;
  readonly receipt: string | null;
  readonly channel: 'online' | 'paper' | null;
  /** The vote went into a split: another row of the round shares its vote id. */
  readonly in_split: boolean;
}

export const PG = {
  // Loading, per meeting.
  meetings: statement<[], MeetingRow>(
    'meetings',
    'SELECT * FROM meetings ORDER BY created_at COLLATE "C", id COLLATE "C"',
  ),
  meeting: statement<[id: string], MeetingRow>('meeting', 'SELECT * FROM meetings WHERE id = $1'),
  delegatesOf: statement<[meetingId: string], DelegateRow>(
    'delegates_of',
    'SELECT * FROM delegates WHERE meeting_id = $1 ORDER BY ordinal',
  ),
  ballotsOf: statement<[meetingId: string], BallotRow>(
    'ballots_of',
    'SELECT * FROM ballots WHERE meeting_id = $1 ORDER BY created_at COLLATE "C", id COLLATE "C"',
  ),
  roundsOf: statement<[meetingId: string], RoundRow>(
    'rounds_of',
    `SELECT r.* FROM rounds r JOIN ballots b ON b.id = r.ballot_id WHERE b.meeting_id = $1
      ORDER BY r.ballot_id COLLATE "C", r.round`,
  ),
  participationOf: statement<[meetingId: string], ParticipationRow>(
    'participation_of',
    `SELECT p.ballot_id, p.round, p.delegate_id, p.vote_id, p.receipt, p.channel, p.cast_by, o.marks, o.split
       FROM participation p
       JOIN ballots b ON b.id = p.ballot_id
       LEFT JOIN open_votes o USING (ballot_id, round, delegate_id)
      WHERE b.meeting_id = $1
      ORDER BY p.ballot_id COLLATE "C", p.round, p.delegate_id COLLATE "C"`,
  ),
  issuedOf: statement<[meetingId: string], IssuedRow>(
    'issued_of',
    `SELECT i.* FROM issued i JOIN ballots b ON b.id = i.ballot_id WHERE b.meeting_id = $1
      ORDER BY i.ballot_id COLLATE "C", i.round, i.delegate_id COLLATE "C"`,
  ),
  paperTotalsOf: statement<[meetingId: string], PaperTotalsRow>(
    'paper_totals_of',
    `SELECT t.* FROM paper_totals t JOIN ballots b ON b.id = t.ballot_id WHERE b.meeting_id = $1
      ORDER BY t.ballot_id COLLATE "C", t.round`,
  ),
  auditOf: statement<[meetingId: string], AuditRow>(
    'audit_of',
    'SELECT * FROM audit WHERE meeting_id = $1 ORDER BY seq',
  ),
  publishedOf: statement<[meetingId: string], AuditRow>(
    'published_of',
    `SELECT * FROM audit WHERE meeting_id = $1 AND action = 'round.published' ORDER BY seq`,
  ),
  openBallots: statement<[ballotId: string, round: number], StoredBallotRow>(
    'open_ballots',
    'SELECT marks, weight, split FROM open_votes WHERE ballot_id = $1 AND round = $2',
  ),
  proxiesOf: statement<[meetingId: string], ProxyRow>(
    'proxies_of',
    'SELECT * FROM proxies WHERE meeting_id = $1 ORDER BY granted_at COLLATE "C", id COLLATE "C"',
  ),
  roundProxiesOf: statement<[meetingId: string], RoundProxyRow>(
    'round_proxies_of',
    `SELECT x.* FROM round_proxies x JOIN ballots b ON b.id = x.ballot_id WHERE b.meeting_id = $1
      ORDER BY x.ballot_id COLLATE "C", x.round, x.grantor_id COLLATE "C"`,
  ),

  // The meeting's head: locked first by every write transaction of the meeting.
  lockHead: statement<[meetingId: string], HeadRow>(
    'lock_head',
    'SELECT epoch, audit_seq, audit_hash FROM meeting_head WHERE meeting_id = $1 FOR UPDATE',
  ),
  insertHead: statement<[meetingId: string]>('insert_head', 'INSERT INTO meeting_head (meeting_id) VALUES ($1)'),
  claimHead: statement<[meetingId: string], { epoch: number }>(
    'claim_head',
    'UPDATE meeting_head SET epoch = epoch + 1 WHERE meeting_id = $1 RETURNING epoch',
  ),
  headEpoch: statement<[meetingId: string], { epoch: number }>(
    'head_epoch',
    'SELECT epoch FROM meeting_head WHERE meeting_id = $1',
  ),

  // Meetings and the roster.
  insertMeeting: statement<
    [
      id: string,
      title: string,
      preset: string,
      version: number,
      chair: string,
      projector: string,
      at: string,
      settings: string,
    ]
  >(
    'insert_meeting',
    `INSERT INTO meetings (id, title, rule_preset_id, rule_preset_version, chair_key, projector_key, created_at, settings)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
  ),
  insertDelegates: statement<
    [
      ids: Texts,
      meetingIds: Texts,
      ordinals: Ints,
      names: Texts,
      positions: Texts,
      groups: Texts,
      tokens: Texts,
      attendance: Texts,
      checkedInBy: (string | null)[],
      weights: Ints,
      joinCodes: Texts,
    ]
  >(
    'insert_delegates',
    `INSERT INTO delegates (id, meeting_id, ordinal, name, position, grp, token, attendance, checked_in_by, weight, join_code)
     SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[],
                          $8::text[], $9::text[], $10::bigint[], $11::text[])`,
  ),
  deleteRoster: statement<[meetingId: string]>('delete_roster', 'DELETE FROM delegates WHERE meeting_id = $1'),
  updateDelegate: statement<
    [
      id: string,
      name: string | null,
      position: string | null,
      group: string | null,
      token: string | null,
      weight: number | null,
      joinCode: string | null,
    ]
  >(
    'update_delegate',
    `UPDATE delegates
        SET name = coalesce($2, name), position = coalesce($3, position),
            grp = coalesce($4, grp), token = coalesce($5, token), weight = coalesce($6::bigint, weight),
            join_code = coalesce($7, join_code)
      WHERE id = $1`,
  ),

  // Proxies.
  deleteProxiesOfMeeting: statement<[meetingId: string]>(
    'delete_proxies_of_meeting',
    'DELETE FROM proxies WHERE meeting_id = $1',
  ),
  deleteProxiesOf: statement<[delegateId: string]>(
    'delete_proxies_of',
    'DELETE FROM proxies WHERE grantor_id = $1 OR holder_id = $1',
  ),
  insertProxy: statement<
    [
      id: string,
      meetingId: string,
      grantorId: string,
      holderId: string,
      instructions: string,
      grantedAt: string,
      revokedAt: string | null,
      revokedBy: string | null,
    ]
  >(
    'insert_proxy',
    `INSERT INTO proxies (id, meeting_id, grantor_id, holder_id, instructions, granted_at, revoked_at, revoked_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT DO NOTHING`,
  ),
  // Only a proxy in force is taken back: of two revocations (the chair's and an arrival), one wins.
  revokeProxy: statement<[id: string, at: string, by: string]>(
    'revoke_proxy',
    'UPDATE proxies SET revoked_at = $2, revoked_by = $3 WHERE id = $1 AND revoked_at IS NULL',
  ),
  insertRoundProxies: statement<[ballotId: string, round: number, grantorIds: Texts, holderIds: Texts]>(
    'insert_round_proxies',
    `INSERT INTO round_proxies (ballot_id, round, grantor_id, holder_id)
     SELECT $1, $2, g, h FROM unnest($3::text[], $4::text[]) AS v(g, h)`,
  ),
  badgesOfJoinCode: statement<[code: string], { meeting_id: string; id: string; token: string }>(
    'badges_of_join_code',
    'SELECT meeting_id, id, token FROM delegates WHERE join_code = $1',
  ),
  deleteDelegate: statement<[delegateId: string]>('delete_delegate', 'DELETE FROM delegates WHERE id = $1'),
  setAttendance: statement<[delegateId: string, attendance: string, checkedInBy: string | null]>(
    'set_attendance',
    'UPDATE delegates SET attendance = $2, checked_in_by = $3 WHERE id = $1',
  ),
  setAttendanceMany: statement<[delegateIds: Texts, attendance: Texts, checkedInBy: (string | null)[]]>(
    'set_attendance_many',
    `UPDATE delegates d SET attendance = c.attendance, checked_in_by = c.checked_in_by
       FROM unnest($1::text[], $2::text[], $3::text[]) AS c(id, attendance, checked_in_by)
      WHERE d.id = c.id`,
  ),

  // Ballots and rounds.
  insertBallot: statement<[id: string, meetingId: string, definition: string, createdAt: string]>(
    'insert_ballot',
    'INSERT INTO ballots (id, meeting_id, definition, created_at) VALUES ($1, $2, $3, $4)',
  ),
  ballotDefinition: statement<[ballotId: string], { definition: string }>(
    'ballot_definition',
    'SELECT definition FROM ballots WHERE id = $1',
  ),
  insertRound: statement<
    [
      ballotId: string,
      round: number,
      openedAt: string,
      closesAt: string | null,
      sealPublic: string | null,
      sealSecret: string | null,
      rosterThrough: number | null,
    ]
  >(
    'insert_round',
    `INSERT INTO rounds (ballot_id, round, state, opened_at, closes_at, seal_public_key, seal_secret_key, roster_through)
     VALUES ($1, $2, 'open', $3, $4, $5, $6, $7)`,
  ),
  draftRevote: statement<[ballotId: string, drafted: boolean]>(
    'draft_revote',
    'UPDATE ballots SET revote_drafted = $2 WHERE id = $1',
  ),
  roundState: statement<[ballotId: string, round: number], { state: string }>(
    'round_state',
    'SELECT state FROM rounds WHERE ballot_id = $1 AND round = $2',
  ),
  // Only an open round closes: of two closers (a countdown and a chair, two nodes), one wins.
  // Closing and cancelling erase the round's secret seal key: it opened ballots only while open.
  closeOpenRound: statement<[ballotId: string, round: number, closedAt: string, result: string]>(
    'close_open_round',
    `UPDATE rounds SET state = 'closed', closed_at = $3, result = $4, seal_secret_key = NULL
      WHERE ballot_id = $1 AND round = $2 AND state = 'open'`,
  ),
  updateClosedResult: statement<[ballotId: string, round: number, result: string]>(
    'update_closed_result',
    `UPDATE rounds SET result = $3 WHERE ballot_id = $1 AND round = $2 AND state = 'closed'`,
  ),
  publishRound: statement<[ballotId: string, round: number, publishedAt: string, result: string]>(
    'publish_round',
    `UPDATE rounds SET state = 'published', published_at = $3, result = $4 WHERE ballot_id = $1 AND round = $2`,
  ),
  cancelRound: statement<[ballotId: string, round: number, at: string]>(
    'cancel_round',
    `UPDATE rounds SET state = 'cancelled', closed_at = $3, seal_secret_key = NULL WHERE ballot_id = $1 AND round = $2`,
  ),
  deleteOpenVotes: statement<[ballotId: string, round: number]>(
    'delete_open_votes',
    'DELETE FROM open_votes WHERE ballot_id = $1 AND round = $2',
  ),
  attendanceOf: statement<[delegateId: string], { attendance: string }>(
    'attendance_of',
    'SELECT attendance FROM delegates WHERE id = $1',
  ),
  /** Whether the delegate is on the roster of an open round (attendance is fixed while it is). */
  roundOpenFor: statement<[delegateId: string], { found: number }>(
    'round_open_for',
    `SELECT 1 AS found FROM delegates d
       JOIN ballots b ON b.meeting_id = d.meeting_id
       JOIN rounds r ON r.ballot_id = b.id
      WHERE d.id = $1 AND r.state = 'open' AND (r.roster_through IS NULL OR d.ordinal <= r.roster_through)
      LIMIT 1`,
  ),
  issue: statement<[ballotIds: Texts, rounds: Ints, delegateIds: Texts]>(
    'issue',
    `INSERT INTO issued (ballot_id, round, delegate_id)
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[]) ON CONFLICT DO NOTHING`,
  ),

  // Votes.
  // For each vote of a batch, in order: its round's state and the vote stored for its delegate, if any.
  voteContext: statement<[ballotIds: Texts, rounds: Ints, delegateIds: Texts], VoteContextRow>(
    'vote_context',
    `SELECT r.state, p.vote_id, p.receipt, p.channel,
            EXISTS (SELECT 1 FROM participation q
                     WHERE q.ballot_id = p.ballot_id AND q.round = p.round AND q.delegate_id <> p.delegate_id
                       AND q.vote_id = p.vote_id AND p.channel = 'online') AS in_split
       FROM unnest($1::text[], $2::int[], $3::text[]) WITH ORDINALITY AS v(ballot_id, round, delegate_id, n)
       LEFT JOIN rounds r ON r.ballot_id = v.ballot_id AND r.round = v.round
       LEFT JOIN participation p
         ON p.ballot_id = v.ballot_id AND p.round = v.round AND p.delegate_id = v.delegate_id
      ORDER BY v.n`,
  ),
  // The primary key refuses a second vote even if every check before it were wrong: a row it
  // refuses is not counted, and the batch is retried vote by vote. Voting proves presence: a
  // delegate who checked in mid-round is issued a ballot too.
  insertParticipation: statement<
    [
      ballotIds: Texts,
      rounds: Ints,
      delegateIds: Texts,
      voteIds: Texts,
      receipts: Texts,
      votedAt: Texts,
      castBy: (string | null)[],
    ],
    { inserted: number }
  >(
    'insert_participation',
    `WITH stored AS (
       INSERT INTO participation (ballot_id, round, delegate_id, vote_id, receipt, voted_at, cast_by)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
       ON CONFLICT DO NOTHING
       RETURNING ballot_id, round, delegate_id
     ), issued AS (
       INSERT INTO issued (ballot_id, round, delegate_id) SELECT * FROM stored ON CONFLICT DO NOTHING
     )
     SELECT count(*)::int AS inserted FROM stored`,
  ),
  changeParticipation: statement<[ballotIds: Texts, rounds: Ints, delegateIds: Texts, voteIds: Texts, votedAt: Texts]>(
    'change_participation',
    `UPDATE participation p SET vote_id = v.vote_id, voted_at = v.voted_at
       FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[])
         AS v(ballot_id, round, delegate_id, vote_id, voted_at)
      WHERE p.ballot_id = v.ballot_id AND p.round = v.round AND p.delegate_id = v.delegate_id`,
  ),
  upsertOpenVotes: statement<
    [
      ballotIds: Texts,
      rounds: Ints,
      delegateIds: Texts,
      marks: Texts,
      weights: (number | null)[],
      splits: (string | null)[],
    ]
  >(
    'upsert_open_votes',
    `INSERT INTO open_votes (ballot_id, round, delegate_id, marks, weight, split)
     SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::bigint[], $6::text[])
     ON CONFLICT (ballot_id, round, delegate_id) DO UPDATE SET marks = excluded.marks`,
  ),
  onlineVoters: statement<[ballotId: string, round: number], { n: number }>(
    'online_voters',
    `SELECT count(*)::int AS n FROM participation WHERE ballot_id = $1 AND round = $2 AND channel = 'online'`,
  ),
  participation: statement<[ballotId: string, round: number, delegateId: string], { vote_id: string; channel: string }>(
    'participation',
    'SELECT vote_id, channel FROM participation WHERE ballot_id = $1 AND round = $2 AND delegate_id = $3',
  ),
  insertPaperParticipation: statement<[ballotId: string, round: number, delegateId: string, votedAt: string]>(
    'insert_paper_participation',
    `INSERT INTO participation (ballot_id, round, delegate_id, vote_id, receipt, voted_at, channel)
     VALUES ($1, $2, $3, 'paper', '', $4, 'paper')`,
  ),
  upsertPaperTotals: statement<[ballotId: string, round: number, totals: string]>(
    'upsert_paper_totals',
    `INSERT INTO paper_totals (ballot_id, round, totals) VALUES ($1, $2, $3)
     ON CONFLICT (ballot_id, round) DO UPDATE SET totals = excluded.totals`,
  ),

  // The audit log: a batch's entries in one statement, and the head moved past them.
  appendAudit: statement<
    [
      meetingIds: Texts,
      seqs: Ints,
      at: Texts,
      actors: Texts,
      actions: Texts,
      details: Texts,
      prevHashes: Texts,
      hashes: Texts,
      meetingId: string,
      lastSeq: number,
      lastHash: string,
    ],
    { advanced: number }
  >(
    'append_audit',
    `WITH entries AS (
       INSERT INTO audit (meeting_id, seq, at, actor, action, details, prev_hash, hash)
       SELECT * FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                            $8::text[])
     ), head AS (
       UPDATE meeting_head SET audit_seq = $10, audit_hash = $11 WHERE meeting_id = $9 RETURNING 1
     )
     SELECT count(*)::int AS advanced FROM head`,
  ),
} as const;
