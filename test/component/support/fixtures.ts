// Realistic data for component tests. Results come from the real shared tally, so what the views
// render is what the server would send.
import {
  CLASSIFICATION_LEVELS,
  RULE_PRESETS,
  checkQuorum,
  tally,
  type BallotRecord,
  type BallotView,
  type ChairBallotView,
  type ChairSnapshot,
  type Delegate,
  type DelegateSnapshot,
  type PresenceSummary,
  type ProjectorSnapshot,
  type RoundResult,
  type TallySubject,
} from '@hallvote/shared';

export const RULES = RULE_PRESETS['vn-party-classification'];

export function presence(present: number, roster = 53, excusedAbsent = 0): PresenceSummary {
  const quorum = checkQuorum({ roster, present, excusedAbsent }, RULES.quorum);
  return { roster, present, excusedAbsent, eligible: quorum.eligible, quorum };
}

export function classificationBallot(overrides: Partial<BallotView> = {}): BallotView {
  return {
    id: 'b1',
    title: 'Xếp loại Đảng bộ tỉnh năm 2023',
    kind: 'choice',
    secret: true,
    subjects: [{ id: 'province', label: 'Đảng bộ tỉnh 2023' }],
    options: [...CLASSIFICATION_LEVELS],
    allowChange: false,
    interimForChair: false,
    state: 'open',
    round: 1,
    openedAt: '2024-01-10T08:00:00.000Z',
    closesAt: null,
    closedAt: null,
    publishedAt: null,
    ...overrides,
  };
}

export function batchSubjects(n: number): TallySubject[] {
  return Array.from({ length: n }, (_, i) => ({ id: `unit-${i + 1}`, label: `Đơn vị ${i + 1}`, group: 'units' }));
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

function roundResult(ballot: BallotView, records: BallotRecord[], present: number): RoundResult {
  return {
    ballotId: ballot.id,
    round: ballot.round,
    tally: tally({
      rules: RULES,
      ballot: { kind: ballot.kind, subjects: ballot.subjects, options: ballot.options },
      attendance: { roster: 53, present, excusedAbsent: 0 },
      issued: present,
      records,
    }),
    acknowledgement: null,
    seal: 'a'.repeat(64),
    closedAt: '2024-01-10T08:10:00.000Z',
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
  return roundResult(ballot, Array.from({ length: 49 }, () => ({ marks })), 49);
}

export function delegateSnapshot(overrides: Partial<DelegateSnapshot> = {}): DelegateSnapshot {
  return {
    role: 'delegate',
    seq: 5,
    meeting: { id: 'm1', title: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh' },
    me: { id: 'd7', name: 'Nguyễn Văn An', position: 'Bí thư Huyện ủy' },
    ballot: null,
    myVote: null,
    result: null,
    receipts: [],
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
  }));
}

export function chairBallot(ballot: BallotView, extra: Partial<ChairBallotView> = {}): ChairBallotView {
  return { ...ballot, turnout: null, voterIds: [], result: null, ...extra };
}

export function chairSnapshot(overrides: Partial<ChairSnapshot> = {}): ChairSnapshot {
  return {
    role: 'chair',
    seq: 3,
    meeting: { id: 'm1', title: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh', rules: RULES, createdAt: '2024-01-10T07:00:00.000Z' },
    presence: presence(49),
    delegates: delegates(53, 49),
    ballots: [],
    projectorKey: 'projector-key',
    ...overrides,
  };
}

export function projectorSnapshot(overrides: Partial<ProjectorSnapshot> = {}): ProjectorSnapshot {
  return {
    role: 'projector',
    seq: 2,
    meeting: { id: 'm1', title: 'Hội nghị Ban Chấp hành Đảng bộ tỉnh', rules: RULES },
    presence: presence(49),
    ballot: null,
    turnout: null,
    result: null,
    ...overrides,
  };
}
