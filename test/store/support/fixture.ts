// A meeting written straight through the Store interface, with what each write was given, so a
// test can compare what the store loads back with what went in.
import { randomUUID } from 'node:crypto';
import type { AuditActor, BallotDefinition, MeetingSettings, RoundResult } from '@hallvote/shared';
import type {
  AuditInput,
  BallotRecordRow,
  CastVote,
  DelegateRecord,
  MeetingRecord,
  RoundRecord,
  Store,
} from '../../../server/src/store/store';
import { classificationBallot, motionBallot } from '../../support/ballots';

let tick = 0;
/** Distinct, increasing times: the order of writes shows in them. */
export const at = () => new Date(Date.UTC(2031, 2, 4, 5, 0, 0, tick++)).toISOString();

export function audit(
  meetingId: string,
  action: string,
  details: Record<string, unknown> = {},
  actor: AuditActor = 'chair',
): AuditInput {
  return { meetingId, at: at(), actor, action, details };
}

/** Settings other than the defaults, so a store that dropped them would be caught. */
export const SETTINGS: MeetingSettings = {
  address: 'dai-bieu',
  timeZone: 'Asia/Bangkok',
  header: { issuer: ['HĐND TỈNH BẮC NINH', 'KỲ HỌP THỨ 7'], national: [], place: 'Bắc Ninh' },
};

export function meetingRecord(): MeetingRecord {
  return {
    id: randomUUID(),
    title: 'Hội nghị thường niên',
    rulePresetId: 'vn-party-classification',
    rulePresetVersion: 2,
    chairKey: randomUUID(),
    projectorKey: randomUUID(),
    createdAt: at(),
    settings: SETTINGS,
  };
}

export function delegates(meetingId: string, n: number, from = 1): DelegateRecord[] {
  return Array.from({ length: n }, (_, i) => ({
    id: randomUUID(),
    meetingId,
    name: `Đại biểu ${from + i}`,
    position: `Đơn vị ${from + i}`,
    group: (from + i) % 2 ? 'A' : 'B',
    token: randomUUID(),
    attendance: 'present' as const,
    checkedInBy: null,
    ordinal: from + i,
    weight: 1,
  }));
}

export function ballotRow(meetingId: string, definition: BallotDefinition): BallotRecordRow {
  return { id: randomUUID(), meetingId, definition, createdAt: at(), revoteDrafted: false };
}

export const secretBallot = (meetingId: string) => ballotRow(meetingId, classificationBallot());
export const openBallot = (meetingId: string) => ballotRow(meetingId, motionBallot());

export function roundRecord(ballotId: string, round = 1): RoundRecord {
  return {
    ballotId,
    round,
    state: 'open',
    openedAt: at(),
    closesAt: null,
    closedAt: null,
    publishedAt: null,
    result: null,
    sealPublicKey: null,
    sealSecretKey: null,
    rosterThrough: 2,
  };
}

/** A stand-in result: the store keeps it as it is given. */
export function resultOf(ballotId: string, round: number, seal = 'seal'): RoundResult {
  return {
    ballotId,
    round,
    seal,
    closedAt: at(),
    acknowledgement: null,
    tally: { returned: round },
  } as unknown as RoundResult;
}

/** A vote as the vote handler builds it. */
export function vote(
  ballot: BallotRecordRow,
  delegateId: string,
  marks: Record<string, string[]>,
  overrides: Partial<CastVote> = {},
): CastVote {
  return {
    meetingId: ballot.meetingId,
    ballotId: ballot.id,
    round: 1,
    delegateId,
    voteId: randomUUID(),
    receipt: randomUUID().slice(0, 9).toUpperCase(),
    marks,
    secret: ballot.definition.secret,
    allowChange: ballot.definition.allowChange,
    castBy: null,
    weight: null,
    ...overrides,
  };
}

export const castAudit = (v: CastVote) =>
  audit(v.meetingId, 'vote.cast', { ballotId: v.ballotId, round: v.round, delegateId: v.delegateId }, 'delegate');

/** A meeting of `n` present delegates with an open round of `ballot`. */
export async function meetingWithRound(
  store: Store,
  n: number,
  make: (meetingId: string) => BallotRecordRow,
): Promise<{ meeting: MeetingRecord; roster: DelegateRecord[]; ballot: BallotRecordRow }> {
  const meeting = meetingRecord();
  const roster = delegates(meeting.id, n);
  await store.createMeeting(meeting, roster, audit(meeting.id, 'meeting.created', { delegates: n }));
  const ballot = make(meeting.id);
  await store.createBallot(ballot, audit(meeting.id, 'ballot.created', { ballotId: ballot.id }));
  await store.openRound(
    roundRecord(ballot.id),
    roster.map((d) => d.id),
    audit(meeting.id, 'round.opened'),
    [],
  );
  return { meeting, roster, ballot };
}
