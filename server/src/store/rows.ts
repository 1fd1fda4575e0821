// Rows as a SQL store holds them (the column names of sqlite-schema.ts, JSON columns as text) and
// their mapping to the store's records. Nothing here speaks SQL or knows the driver, so a second
// SQL store with the same columns maps its rows with the same functions.
import {
  meetingSettings,
  type AuditEntry,
  type BallotDefinition,
  type Marks,
  type MeetingSettings,
  type PaperTotals,
  type PublishedAnchor,
  type RoundResult,
  type SplitVote,
} from '@hallvote/shared';
import type {
  BallotRecordRow,
  DelegateRecord,
  LoadedMeeting,
  MeetingRecord,
  ParticipationRecord,
  ProxyRecord,
  RoundProxyRecord,
  RoundRecord,
  StoredBallot,
} from './store';

export interface MeetingRow {
  readonly id: string;
  readonly title: string;
  readonly rule_preset_id: string;
  readonly rule_preset_version: number;
  readonly chair_key: string;
  readonly projector_key: string;
  readonly created_at: string;
  /** JSON of MeetingSettings; null for a meeting stored before meetings had settings. */
  readonly settings: string | null;
}

export interface DelegateRow {
  readonly id: string;
  readonly meeting_id: string;
  readonly ordinal: number;
  readonly name: string;
  readonly position: string;
  readonly grp: string;
  readonly token: string;
  readonly attendance: DelegateRecord['attendance'];
  readonly checked_in_by: DelegateRecord['checkedInBy'];
  readonly weight: number;
}

export interface ProxyRow {
  readonly id: string;
  readonly meeting_id: string;
  readonly grantor_id: string;
  readonly holder_id: string;
  readonly instructions: string;
  readonly granted_at: string;
  readonly revoked_at: string | null;
  readonly revoked_by: ProxyRecord['revokedBy'];
}

export interface RoundProxyRow {
  readonly ballot_id: string;
  readonly round: number;
  readonly grantor_id: string;
  readonly holder_id: string;
}

/** A stored ballot: a secret row or an open vote, with its weight and (open votes) split. */
export interface StoredBallotRow {
  readonly marks: string;
  readonly weight: number | null;
  readonly split: string | null;
}

export interface BallotRow {
  readonly id: string;
  readonly meeting_id: string;
  readonly definition: string;
  readonly created_at: string;
  /** 0 or 1 in SQLite, a boolean in PostgreSQL. */
  readonly revote_drafted: number | boolean;
}

export interface RoundRow {
  readonly ballot_id: string;
  readonly round: number;
  readonly state: RoundRecord['state'];
  readonly opened_at: string;
  readonly closes_at: string | null;
  readonly closed_at: string | null;
  readonly published_at: string | null;
  readonly result: string | null;
  readonly seal_public_key: string | null;
  readonly seal_secret_key: string | null;
  readonly roster_through: number | null;
}

/** A participation row with the marks of its open (named) vote, if any. */
export interface ParticipationRow {
  readonly ballot_id: string;
  readonly round: number;
  readonly delegate_id: string;
  readonly vote_id: string;
  readonly receipt: string;
  readonly channel: ParticipationRecord['channel'];
  readonly cast_by: string | null;
  readonly marks: string | null;
  readonly split: string | null;
}

export interface IssuedRow {
  readonly ballot_id: string;
  readonly round: number;
  readonly delegate_id: string;
}

export interface PaperTotalsRow {
  readonly ballot_id: string;
  readonly round: number;
  readonly totals: string;
}

export interface AuditRow {
  readonly meeting_id: string;
  readonly seq: number;
  readonly at: string;
  readonly actor: AuditEntry['actor'];
  readonly action: string;
  readonly details: string;
  readonly prev_hash: string;
  readonly hash: string;
}

/** Everything stored about one meeting, as rows: what `toLoadedMeeting` turns into records. */
export interface MeetingRows {
  readonly meeting: MeetingRow;
  readonly delegates: readonly DelegateRow[];
  readonly ballots: readonly BallotRow[];
  readonly rounds: readonly RoundRow[];
  readonly participation: readonly ParticipationRow[];
  readonly issued: readonly IssuedRow[];
  readonly paper: readonly PaperTotalsRow[];
  /** The meeting's `round.published` audit entries, oldest first. */
  readonly published: readonly AuditRow[];
  readonly proxies: readonly ProxyRow[];
  readonly roundProxies: readonly RoundProxyRow[];
}

export function toLoadedMeeting(rows: MeetingRows): LoadedMeeting {
  return {
    meeting: toMeeting(rows.meeting),
    delegates: rows.delegates.map(toDelegate),
    ballots: rows.ballots.map(toBallot),
    rounds: rows.rounds.map(toRound),
    participation: rows.participation.map(toParticipation),
    issued: rows.issued.map((i) => ({ ballotId: i.ballot_id, round: i.round, delegateId: i.delegate_id })),
    paper: rows.paper.map((t) => ({
      ballotId: t.ballot_id,
      round: t.round,
      totals: JSON.parse(t.totals) as PaperTotals,
    })),
    anchors: rows.published.map(toAnchor),
    proxies: rows.proxies.map(toProxy),
    roundProxies: rows.roundProxies.map((x) => ({
      ballotId: x.ballot_id,
      round: x.round,
      grantorId: x.grantor_id,
      holderId: x.holder_id,
    })) satisfies RoundProxyRecord[],
  };
}

export function toProxy(p: ProxyRow): ProxyRecord {
  return {
    id: p.id,
    meetingId: p.meeting_id,
    grantorId: p.grantor_id,
    holderId: p.holder_id,
    instructions: p.instructions,
    grantedAt: p.granted_at,
    revokedAt: p.revoked_at,
    revokedBy: p.revoked_by,
  };
}

/** A stored ballot row as the tally reads it. Weights come back from PostgreSQL's BIGINT as text. */
export function toStoredBallot(b: StoredBallotRow): StoredBallot {
  return {
    marks: toMarks(b.marks),
    weight: b.weight === null ? null : Number(b.weight),
    split: b.split === null ? null : (JSON.parse(b.split) as SplitVote),
  };
}

/** A `round.published` audit entry as the anchor phones were given: the round's seal, the entry as head. */
export function toAnchor(a: AuditRow): PublishedAnchor {
  const details = JSON.parse(a.details) as { ballotId: string; round: number; seal: string };
  return { ballotId: details.ballotId, round: details.round, seal: details.seal, head: { seq: a.seq, hash: a.hash } };
}

export function toMeeting(m: MeetingRow): MeetingRecord {
  return {
    id: m.id,
    title: m.title,
    rulePresetId: m.rule_preset_id,
    rulePresetVersion: m.rule_preset_version,
    chairKey: m.chair_key,
    projectorKey: m.projector_key,
    createdAt: m.created_at,
    settings: meetingSettings(m.settings === null ? null : (JSON.parse(m.settings) as Partial<MeetingSettings>)),
  };
}

export function toDelegate(r: DelegateRow): DelegateRecord {
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
    weight: Number(r.weight),
  };
}

export function toBallot(b: BallotRow): BallotRecordRow {
  return {
    id: b.id,
    meetingId: b.meeting_id,
    definition: JSON.parse(b.definition) as BallotDefinition,
    createdAt: b.created_at,
    revoteDrafted: Boolean(b.revote_drafted),
  };
}

export function toRound(r: RoundRow): RoundRecord {
  return {
    ballotId: r.ballot_id,
    round: r.round,
    state: r.state,
    openedAt: r.opened_at,
    closesAt: r.closes_at,
    closedAt: r.closed_at,
    publishedAt: r.published_at,
    result: r.result === null ? null : (JSON.parse(r.result) as RoundResult),
    sealPublicKey: r.seal_public_key,
    sealSecretKey: r.seal_secret_key,
    rosterThrough: r.roster_through,
  };
}

export function toParticipation(p: ParticipationRow): ParticipationRecord {
  return {
    ballotId: p.ballot_id,
    round: p.round,
    delegateId: p.delegate_id,
    voteId: p.vote_id,
    receipt: p.receipt,
    marks: p.marks === null ? null : toMarks(p.marks),
    channel: p.channel,
    castBy: p.cast_by,
    split: p.split === null ? null : (JSON.parse(p.split) as SplitVote),
  };
}

export function toAuditEntry(a: AuditRow): AuditEntry {
  return {
    meetingId: a.meeting_id,
    seq: a.seq,
    at: a.at,
    actor: a.actor,
    action: a.action,
    details: JSON.parse(a.details) as Record<string, unknown>,
    prevHash: a.prev_hash,
    hash: a.hash,
  };
}

export function toMarks(json: string): Marks {
  return JSON.parse(json) as Marks;
}
