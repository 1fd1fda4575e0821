// Realistic data for component tests. Results come from the real shared tally, so what the views
// render is what the server would send.
import { createHash } from 'node:crypto';
import {
  DEFAULT_MEETING_SETTINGS,
  MOTION_OPTIONS,
  RULE_PRESETS,
  checkQuorum,
  roundSealInput,
  ruleSetHashInput,
  tally,
  type Acknowledgement,
  type AttendanceSnapshot,
  type AuditEntry,
  type BallotRecord,
  type BallotView,
  type ChairBallotView,
  type ChairSnapshot,
  type Delegate,
  type DelegateSnapshot,
  type PaperTotals,
  type PresenceSummary,
  type ProjectorSnapshot,
  type RoundExport,
  type RoundResult,
  type RuleSetStamp,
  type TallySubject,
} from '@hallvote/shared';
import { classificationBallot as classificationDefinition } from '../../support/ballots';

export const RULES = RULE_PRESETS['vn-party-classification'];

export function presence(present: number, roster = 53, excusedAbsent = 0): PresenceSummary {
  const quorum = checkQuorum({ roster, present, excusedAbsent }, RULES.quorum);
  return { roster, present, excusedAbsent, eligible: quorum.eligible, quorum };
}

/** The hall story's first ballot (test/support/ballots.ts) as a view, open in round 1. */
export function classificationBallot(overrides: Partial<BallotView> = {}): BallotView {
  return {
    ...classificationDefinition(),
    rules: { id: RULES.id, version: RULES.version },
    id: 'b1',
    state: 'open',
    round: 1,
    openedAt: '2024-01-10T08:00:00.000Z',
    closesAt: null,
    closedAt: null,
    publishedAt: null,
    sealKey: null,
    ...overrides,
  };
}

export function batchSubjects(n: number): TallySubject[] {
  return Array.from({ length: n }, (_, i) => ({ id: `unit-${i + 1}`, label: `Đơn vị ${i + 1}`, group: 'units' }));
}

/** An open, named motion under the AGM preset (issue 19's screens), with its title and subject. */
export function agmMotion(title: string, subject: string, overrides: Partial<BallotView> = {}): BallotView {
  const agm = RULE_PRESETS['agm-ordinary'];
  return classificationBallot({
    title,
    kind: 'motion',
    subjects: [{ id: 'motion', label: subject }],
    options: [...MOTION_OPTIONS],
    secret: false,
    state: 'open',
    round: 1,
    rules: { id: agm.id, version: agm.version },
    ...overrides,
  });
}

export function batchBallot(n: number, overrides: Partial<BallotView> = {}): BallotView {
  return classificationBallot({
    id: 'b2',
    title: `Xếp loại ${n} đơn vị`,
    kind: 'batch',
    subjects: batchSubjects(n),
    ...overrides,
  });
}

/** The real tally of `records` for a ballot of the 53-member roster with `present` checked in. */
function tallied(
  ballot: BallotView,
  records: readonly BallotRecord[],
  present: number,
  paper?: PaperTotals,
  paperVoters = paper?.returned ?? 0,
) {
  return tally({
    rules: RULES,
    ballot: { kind: ballot.kind, subjects: ballot.subjects, options: ballot.options },
    attendance: { roster: 53, present, excusedAbsent: 0 },
    issued: present,
    records,
    ...(paper ? { paper } : {}),
    paperVoters,
  });
}

/** Members d1…d`present` present, the rest of the 53 absent: the attendance a result records. */
export function attendanceSnapshot(present: number, roster = 53): AttendanceSnapshot {
  const ids = Array.from({ length: roster }, (_, i) => `d${i + 1}`);
  return { present: ids.slice(0, present).sort(), excused: [], absent: ids.slice(present).sort() };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The stamp a result carries for the hall story's rule set. */
export const RULES_STAMP: RuleSetStamp = {
  id: RULES.id,
  version: RULES.version,
  hash: sha256(ruleSetHashInput(RULES)),
};

function roundResult(ballot: BallotView, records: BallotRecord[], present: number): RoundResult {
  return {
    ballotId: ballot.id,
    round: ballot.round,
    tally: tallied(ballot, records, present),
    acknowledgement: null,
    seal: 'a'.repeat(64),
    closedAt: '2024-01-10T08:10:00.000Z',
    attendance: attendanceSnapshot(present),
    rules: RULES_STAMP,
    earlyClose: null,
  };
}

/** The hall story's ballot 1: 48 good and 1 excellent of 49 present, 53 eligible. */
export function hallStoryResult(ballot = classificationBallot()): RoundResult {
  const records = Array.from({ length: 49 }, (_, i) => ({ marks: { province: [i === 0 ? 'excellent' : 'good'] } }));
  return roundResult(ballot, records, 49);
}

/**
 * A batch of `n` units rated by 49 members: the first two units "excellent", the rest "good".
 * Two excellent against n − 2 good breaks the 20 % cap when n − 2 < 10.
 */
export function batchResult(ballot: BallotView): RoundResult {
  const marks = Object.fromEntries(ballot.subjects.map((s, i) => [s.id, [i < 2 ? 'excellent' : 'good']]));
  return roundResult(
    ballot,
    Array.from({ length: 49 }, () => ({ marks })),
    49,
  );
}

export function delegateSnapshot(overrides: Partial<DelegateSnapshot> = {}): DelegateSnapshot {
  return {
    role: 'delegate',
    seq: 5,
    serverTime: Date.now(),
    meeting: { id: 'm1', title: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh', settings: DEFAULT_MEETING_SETTINGS },
    me: { id: 'd7', name: 'Nguyễn Văn An', position: 'Bí thư Huyện ủy', weight: 1 },
    ballot: null,
    myVote: null,
    result: null,
    receipts: [],
    anchor: null,
    represents: [],
    heldBy: null,
    splitAllowed: false,
    countBy: 'heads',
    joinedAfter: null,
    ...overrides,
  };
}

export function delegates(n: number, present: number): Delegate[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `d${i + 1}`,
    name: `Đại biểu ${i + 1}`,
    position: `Đơn vị ${i + 1}`,
    group: i % 2 ? 'B' : 'A',
    attendance: i < present ? 'present' : 'absent',
    checkedInBy: i < present ? 'phone' : null,
    connected: i < present,
    weight: 1,
  }));
}

export function chairBallot(ballot: BallotView, extra: Partial<ChairBallotView> = {}): ChairBallotView {
  return {
    ...ballot,
    turnout: null,
    voterIds: [],
    paperVoterIds: [],
    lateIds: [],
    draftRound: null,
    paper: null,
    roundProxies: [],
    result: null,
    uncounted: null,
    ...extra,
  };
}

export function chairSnapshot(overrides: Partial<ChairSnapshot> = {}): ChairSnapshot {
  return {
    role: 'chair',
    seq: 3,
    meeting: {
      id: 'm1',
      title: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh',
      rules: RULES,
      createdAt: '2024-01-10T07:00:00.000Z',
      settings: DEFAULT_MEETING_SETTINGS,
    },
    presence: presence(49),
    delegates: delegates(53, 49),
    ballots: [],
    projectorKey: 'projector-key',
    proxies: [],
    storage: { scrubPendingSince: null },
    plainHttp: false,
    projector: { mode: 'live', slideText: '', resultShown: true },
    ...overrides,
  };
}

export function projectorSnapshot(overrides: Partial<ProjectorSnapshot> = {}): ProjectorSnapshot {
  return {
    role: 'projector',
    seq: 2,
    meeting: {
      id: 'm1',
      title: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh',
      rules: RULES,
      settings: DEFAULT_MEETING_SETTINGS,
    },
    presence: presence(49),
    ballot: null,
    turnout: null,
    result: null,
    anchor: null,
    screen: { mode: 'live', slideText: '', resultShown: true },
    ...overrides,
  };
}

export interface RoundExportOptions {
  readonly records: readonly BallotRecord[];
  readonly paper?: PaperTotals;
  readonly paperVoters?: number;
  readonly present?: number;
  readonly acknowledgement?: Acknowledgement;
  readonly receipts?: readonly string[];
}

/** A round as `GET …/rounds/<ballotId>/<round>.json` returns it, tallied and sealed for real. */
export function roundExport(ballot: BallotView, options: RoundExportOptions): RoundExport {
  const present = options.present ?? 49;
  const marks = options.records.map((r) => r.marks);
  const paperVoters = options.paperVoters ?? 0;
  // What is left of the view after its round fields is the ballot's definition.
  const { id, state, round, openedAt, closedAt, publishedAt, closesAt: _closes, sealKey: _key, ...definition } = ballot;
  const tallyResult = tallied(ballot, options.records, present, options.paper, paperVoters);
  const attendance = attendanceSnapshot(present);
  const resultClosedAt = ballot.closedAt ?? '2024-01-10T08:10:00.000Z';
  const result: RoundResult = {
    ballotId: ballot.id,
    round: ballot.round,
    tally: tallyResult,
    acknowledgement: options.acknowledgement ?? null,
    seal: sha256(
      roundSealInput({
        meetingId: 'm1',
        ballot: { ...definition, id },
        round,
        closedAt: resultClosedAt,
        rules: RULES_STAMP,
        issued: present,
        records: marks,
        namedVotes: ballot.secret ? null : [],
        paper: options.paper ?? null,
        paperVoters,
        attendance,
        earlyClose: null,
        tally: tallyResult,
      }),
    ),
    closedAt: resultClosedAt,
    attendance,
    rules: RULES_STAMP,
    earlyClose: null,
  };
  return {
    ballot: { ...definition, id },
    round,
    state,
    rules: RULES,
    openedAt: openedAt ?? '2024-01-10T08:00:00.000Z',
    closedAt,
    publishedAt,
    issued: present,
    records: marks,
    namedVotes: ballot.secret ? null : [],
    paper: options.paper ?? null,
    paperVoters,
    lateMembers: [],
    result,
    receipts: options.receipts ?? [],
    anchor: null,
    destroyed: 0,
  };
}

/** Receipt codes as the server makes them: short, upper-case, sorted. */
export function receiptCodes(n: number): string[] {
  return Array.from(
    { length: n },
    (_, i) => `R${String(i + 1).padStart(3, '0')}-${(i * 7919).toString(36).toUpperCase().padStart(4, '0')}`,
  ).sort();
}

/**
 * The hall story's ballot 1, published, with its one paper voter: 48 "good" online and
 * 1 "excellent" entered by the counting committee from the paper ballot.
 */
export function hallStoryExport(): RoundExport {
  const ballot = classificationBallot({
    state: 'published',
    closedAt: '2024-01-10T08:10:00.000Z',
    publishedAt: '2024-01-10T08:12:00.000Z',
  });
  return roundExport(ballot, {
    records: Array.from({ length: 48 }, () => ({ marks: { province: ['good'] } })),
    paper: { returned: 1, invalid: [], subjects: { province: { counts: { excellent: 1 }, empty: 0 } } },
    paperVoters: 1,
    receipts: receiptCodes(48),
  });
}

/** A batch of `n` units (see batchResult), closed; acknowledged when a reason is given. */
export function batchExport(n: number, acknowledgement?: Acknowledgement): RoundExport {
  const ballot = batchBallot(n, {
    state: acknowledgement ? 'published' : 'closed',
    closedAt: '2024-01-10T09:10:00.000Z',
  });
  const marks = Object.fromEntries(ballot.subjects.map((s, i) => [s.id, [i < 2 ? 'excellent' : 'good']]));
  return roundExport(ballot, {
    records: Array.from({ length: 49 }, () => ({ marks })),
    ...(acknowledgement ? { acknowledgement } : {}),
  });
}

export function auditEntries(): AuditEntry[] {
  const entry = (
    seq: number,
    actor: AuditEntry['actor'],
    action: string,
    details: AuditEntry['details'],
  ): AuditEntry => ({
    meetingId: 'm1',
    seq,
    at: `2024-01-10T08:0${seq}:00.000Z`,
    actor,
    action,
    details,
    prevHash: String(seq - 1)
      .repeat(64)
      .slice(0, 64),
    hash: String(seq).repeat(64).slice(0, 64),
  });
  return [
    entry(1, 'admin', 'meeting.created', { rulePresetId: 'vn-party-classification', delegates: 53 }),
    entry(2, 'delegate', 'attendance.present', { delegateId: 'd7' }),
    entry(3, 'chair', 'round.opened', { ballotId: 'b1', round: 1, issued: 49 }),
  ];
}
