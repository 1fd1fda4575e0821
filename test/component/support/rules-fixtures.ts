// Results under other rules than the hall story's, tallied for real: the People's Council's
// confidence rating (NQ 96/2023/QH15) and its follow-up vote, a nominee approved under the party
// election rules (two published bases), and a batch with proposed levels and scores (QĐ 366).
import { createHash } from 'node:crypto';
import {
  APPROVAL_OPTIONS,
  CONFIDENCE_LEVELS,
  NO_CONFIDENCE_OPTIONS,
  RULE_PRESETS,
  checkQuorum,
  ruleSetHashInput,
  tally,
  type BallotRecord,
  type BallotView,
  type PresenceSummary,
  type RoundExport,
  type RoundResult,
  type RuleSet,
  type TallySubject,
} from '@hallvote/shared';
import { attendanceSnapshot, batchBallot, classificationBallot } from './fixtures';

export const CONFIDENCE = RULE_PRESETS['vn-confidence-2023'];
export const NO_CONFIDENCE = RULE_PRESETS['vn-no-confidence-2023'];

export function councilPresence(present = 47): PresenceSummary {
  const quorum = checkQuorum({ roster: 47, present, excusedAbsent: 0 }, CONFIDENCE.quorum);
  return { roster: 47, present, excusedAbsent: 0, eligible: 47, quorum };
}

export const OFFICIALS: TallySubject[] = [
  'Chủ tịch HĐND',
  'Phó Chủ tịch HĐND',
  'Chủ tịch UBND',
  'Phó Chủ tịch UBND (1)',
  'Phó Chủ tịch UBND (2)',
  'Trưởng Ban Pháp chế',
  'Trưởng Ban Kinh tế - Ngân sách',
].map((label, i) => ({ id: `o${i + 1}`, label }));

/** Per subject, how many ballots mark each option; the records are built row by row from them. */
export function recordsOf(
  counts: Readonly<Record<string, Readonly<Record<string, number>>>>,
  n: number,
): BallotRecord[] {
  const columns = Object.entries(counts).map(
    ([subject, byOption]) =>
      [subject, Object.entries(byOption).flatMap(([option, k]) => Array<string>(k).fill(option))] as const,
  );
  return Array.from({ length: n }, (_, i) => ({
    marks: Object.fromEntries(columns.flatMap(([subject, column]) => (column[i] ? [[subject, [column[i]]]] : []))),
  }));
}

/** One official (o4) has 25 "low confidence" of 47: the band "may resign, otherwise a vote of no confidence". */
export const RATINGS = {
  o1: { 'high-confidence': 40, confidence: 6, 'low-confidence': 1 },
  o2: { 'high-confidence': 35, confidence: 10, 'low-confidence': 2 },
  o3: { 'high-confidence': 30, confidence: 12, 'low-confidence': 5 },
  o4: { 'high-confidence': 10, confidence: 12, 'low-confidence': 25 },
  o5: { 'high-confidence': 20, confidence: 15, 'low-confidence': 12 },
  o6: { 'high-confidence': 38, confidence: 9 },
  o7: { 'high-confidence': 33, confidence: 13 },
};

export function ratingBallot(overrides: Partial<BallotView> = {}): BallotView {
  return batchBallot(7, {
    id: 'r1',
    title: 'Lấy phiếu tín nhiệm',
    subjects: OFFICIALS,
    options: [...CONFIDENCE_LEVELS],
    rules: { id: CONFIDENCE.id, version: CONFIDENCE.version },
    state: 'published',
    closedAt: '2024-06-10T09:10:00.000Z',
    publishedAt: '2024-06-10T09:12:00.000Z',
    ...overrides,
  });
}

export function noConfidenceBallot(overrides: Partial<BallotView> = {}): BallotView {
  return classificationBallot({
    id: 'n1',
    title: 'Bỏ phiếu tín nhiệm (Nghị quyết 96/2023/QH15): Lấy phiếu tín nhiệm',
    kind: 'batch',
    subjects: [{ id: 'o4', label: 'Phó Chủ tịch UBND (1)' }],
    options: [...NO_CONFIDENCE_OPTIONS],
    rules: { id: NO_CONFIDENCE.id, version: NO_CONFIDENCE.version },
    followUpOf: { ballotId: 'r1', round: 1, optionId: 'low-confidence', bandId: 'may-resign' },
    ...overrides,
  });
}

/**
 * The real tally of `records` under `rules`, with a stand-in seal (the minutes and views print the
 * seal; none of these tests recompute it).
 */
export function resultOf(
  ballot: BallotView,
  rules: RuleSet,
  records: readonly BallotRecord[],
  attendance = { roster: 47, present: 47, excusedAbsent: 0 },
): RoundResult {
  return {
    ballotId: ballot.id,
    round: ballot.round,
    tally: tally({
      rules,
      ballot: {
        kind: ballot.kind,
        subjects: ballot.subjects,
        options: ballot.options,
        ...(ballot.seats !== undefined ? { seats: ballot.seats } : {}),
      },
      attendance,
      issued: attendance.present,
      records,
      paperVoters: 0,
    }),
    acknowledgement: null,
    seal: 'b'.repeat(64),
    closedAt: ballot.closedAt ?? '2024-06-10T09:10:00.000Z',
    attendance: attendanceSnapshot(attendance.present, attendance.roster),
    rules: {
      id: rules.id,
      version: rules.version,
      hash: createHash('sha256').update(ruleSetHashInput(rules)).digest('hex'),
    },
    earlyClose: null,
  };
}

export function ratingResult(ballot = ratingBallot()): RoundResult {
  return resultOf(ballot, CONFIDENCE, recordsOf(RATINGS, 47));
}

/** The vote of no confidence: 24 "no confidence" of 47, more than half → dismissal proposed. */
export function noConfidenceResult(ballot = noConfidenceBallot()): RoundResult {
  return resultOf(ballot, NO_CONFIDENCE, recordsOf({ o4: { 'no-confidence': 24, confidence: 23 } }, 47));
}

/** A round export of `ballot` under `rules`, as the server sends it for the minutes. */
export function exportOf(ballot: BallotView, rules: RuleSet, result: RoundResult): RoundExport {
  const { id, state, round, openedAt, closedAt, publishedAt, closesAt: _closes, sealKey: _key, ...definition } = ballot;
  return {
    ballot: { ...definition, id },
    round,
    state,
    rules,
    openedAt: openedAt ?? '2024-06-10T09:00:00.000Z',
    closedAt,
    publishedAt,
    issued: result.tally.ballots.issued,
    records: [],
    namedVotes: null,
    paper: null,
    paperVoters: 0,
    lateMembers: [],
    result,
    receipts: [],
    anchor: null,
    destroyed: 0,
  };
}

/** A single nominee approved under QĐ 190: 30 agree, 19 disagree of 49 present, 53 convened. */
export function approvalBallot(overrides: Partial<BallotView> = {}): BallotView {
  return classificationBallot({
    id: 'e1',
    title: 'Bầu Bí thư Tỉnh ủy',
    kind: 'motion',
    subjects: [{ id: 'motion', label: 'Đồng chí Nguyễn Văn A' }],
    options: [...APPROVAL_OPTIONS],
    rules: { id: 'vn-party-election', version: 1 },
    state: 'published',
    ...overrides,
  });
}

export function approvalResult(ballot = approvalBallot()): RoundResult {
  const records = Array.from({ length: 49 }, (_, i) => ({ marks: { motion: [i < 30 ? 'agree' : 'disagree'] } }));
  return resultOf(ballot, RULE_PRESETS['vn-party-election'], records, { roster: 53, present: 49, excusedAbsent: 0 });
}

/** Three units with proposals and scores, all rated "good" by 49 of 53 (QĐ 366). */
export function proposalsBallot(overrides: Partial<BallotView> = {}): BallotView {
  return batchBallot(3, {
    id: 'p1',
    subjects: [
      { id: 'u1', label: 'Đơn vị 1', proposedLevel: 'excellent', score: 92 },
      { id: 'u2', label: 'Đơn vị 2', proposedLevel: 'good', score: 75.5 },
      { id: 'u3', label: 'Đơn vị 3', score: 60 },
    ],
    state: 'published',
    ...overrides,
  });
}

export function proposalsResult(ballot = proposalsBallot()): RoundResult {
  const records = Array.from({ length: 49 }, () => ({ marks: { u1: ['good'], u2: ['good'], u3: ['good'] } }));
  return resultOf(ballot, RULE_PRESETS['vn-party-classification'], records, {
    roster: 53,
    present: 49,
    excusedAbsent: 0,
  });
}
