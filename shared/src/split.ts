// A split ballot: one action of a proxy holder giving their votes (their own and those of every
// member they represent) to several options at once, "70 yes, 30 no". It is stored and counted as
// ordinary ballots: `splitRecords` cuts it into records whose marks and weights add up to exactly
// what the holder gave, so the tally never needs to know a split happened. Split in heads, it
// becomes one ordinary ballot per member, the same as if each had been cast on its own.
import type { BallotKind, BallotRecord, RuleSet, TallyOption, TallySubject } from './tally/types';
import { canonicalRecord } from './canonical-record';
import { MAX_SPLIT_CELLS } from './marks-code';

/** What a split ballot's amounts count: members (heads), or their weight. */
export type SplitUnit = 'heads' | 'weight';

/** A split ballot as the holder's phone sends it and an open ballot stores it. */
export interface SplitVote {
  readonly unit: SplitUnit;
  /** Every vote the ballot carries: the number of members it is cast for, or their weight. */
  readonly total: number;
  /** Per subject id, per option id, the votes given; what a row leaves over of `total` is blank. */
  readonly rows: Readonly<Record<string, Readonly<Record<string, number>>>>;
}

/** The ballot a split is cast on. */
export interface SplitBallot {
  readonly kind: BallotKind;
  readonly subjects: readonly Pick<TallySubject, 'id'>[];
  readonly options: readonly Pick<TallyOption, 'id'>[];
}

/** Why a split cannot be cast, with the numbers. */
export type SplitProblem =
  /** An election is not split: each ballot marks up to k names, which amounts cannot say. */
  | { readonly code: 'KIND'; readonly kind: BallotKind }
  /** More subjects × options than a sealed split may carry. */
  | { readonly code: 'TOO_LARGE'; readonly cells: number; readonly max: number }
  | { readonly code: 'UNKNOWN_SUBJECT'; readonly subjectId: string }
  | { readonly code: 'UNKNOWN_OPTION'; readonly subjectId: string; readonly optionId: string }
  /** Not a whole number of votes of at least 0. */
  | { readonly code: 'NOT_WHOLE'; readonly subjectId: string; readonly optionId: string }
  /** More votes given on a row than the split carries. */
  | { readonly code: 'OVER'; readonly subjectId: string; readonly total: number; readonly given: number }
  /** A motion or a choice gives every vote: a blank there is not a vote the phone can make. */
  | { readonly code: 'UNDER'; readonly subjectId: string; readonly total: number; readonly given: number };

/**
 * Why a ballot under these rules takes no split, or null when it does. The rules must allow it;
 * never under a double majority (a member's head and weight must go to the same option); and never
 * in a secret ballot counted by weight, where a split's parts weigh what no member holds and so
 * are its holder's for whoever reads the box: there the holder votes member by member.
 */
export function splitRuleRefusal(
  rules: Pick<RuleSet, 'countBy' | 'proxies'>,
  secret: boolean,
): 'rules' | 'secret-weight' | null {
  const countBy = rules.countBy ?? 'heads';
  if (rules.proxies?.split !== true || countBy === 'both') return 'rules';
  if (secret && countBy === 'weight') return 'secret-weight';
  return null;
}

/** What is wrong with a split on this ballot, or null when it can be cast. */
export function splitProblem(ballot: SplitBallot, split: SplitVote): SplitProblem | null {
  if (ballot.kind === 'election') return { code: 'KIND', kind: ballot.kind };
  const cells = ballot.subjects.length * ballot.options.length;
  if (cells > MAX_SPLIT_CELLS) return { code: 'TOO_LARGE', cells, max: MAX_SPLIT_CELLS };
  const subjects = new Set(ballot.subjects.map((s) => s.id));
  const options = new Set(ballot.options.map((o) => o.id));
  for (const subjectId of Object.keys(split.rows))
    if (!subjects.has(subjectId)) return { code: 'UNKNOWN_SUBJECT', subjectId };
  for (const { id: subjectId } of ballot.subjects) {
    const row = Object.hasOwn(split.rows, subjectId) ? (split.rows[subjectId] ?? {}) : {};
    let given = 0;
    for (const [optionId, votes] of Object.entries(row)) {
      if (!options.has(optionId)) return { code: 'UNKNOWN_OPTION', subjectId, optionId };
      if (!Number.isSafeInteger(votes) || votes < 0) return { code: 'NOT_WHOLE', subjectId, optionId };
      given += votes;
    }
    if (given > split.total) return { code: 'OVER', subjectId, total: split.total, given };
    if (given < split.total && ballot.kind !== 'batch') return { code: 'UNDER', subjectId, total: split.total, given };
  }
  return null;
}

/**
 * The ordinary ballots a split is counted as. Each subject's row lays its options, in ballot
 * order, end to end along the split's votes (0 … total), the rest blank; cutting at every end of
 * every row gives pieces on which each subject has one mark. Pieces with the same marks are one
 * record. In weight each record weighs its length; in heads a piece of length n is n ballots of one
 * member each. Every subject's votes per option, and the total, are exactly the split's.
 * The split must pass {@link splitProblem}.
 */
export function splitRecords(ballot: SplitBallot, split: SplitVote): BallotRecord[] {
  const ends = new Set([0, split.total]);
  const rows = ballot.subjects.map(({ id }) => {
    const row = Object.hasOwn(split.rows, id) ? (split.rows[id] ?? {}) : {};
    const spans: { optionId: string; end: number }[] = [];
    let at = 0;
    for (const { id: optionId } of ballot.options) {
      const votes = Object.hasOwn(row, optionId) ? (row[optionId] ?? 0) : 0;
      if (votes === 0) continue;
      at += votes;
      spans.push({ optionId, end: at });
      ends.add(at);
    }
    return { id, spans };
  });
  const cuts = [...ends].sort((a, b) => a - b);
  const pieces = new Map<string, { marks: Record<string, string[]>; length: number }>();
  for (let i = 1; i < cuts.length; i += 1) {
    const from = cuts[i - 1] ?? 0;
    const length = (cuts[i] ?? 0) - from;
    // Each row's mark on this piece: the option whose span covers it, or none past the row's end.
    const marks = Object.fromEntries(
      rows.map(({ id, spans }) => {
        const span = spans.find((s) => s.end > from);
        return [id, span ? [span.optionId] : []];
      }),
    );
    const key = canonicalRecord(marks);
    const piece = pieces.get(key);
    if (piece) piece.length += length;
    else pieces.set(key, { marks, length });
  }
  const sorted = [...pieces.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, p]) => p);
  return split.unit === 'weight'
    ? sorted.map((p) => ({ marks: p.marks, weight: p.length }))
    : sorted.flatMap((p) => Array.from({ length: p.length }, () => ({ marks: p.marks })));
}

/** A ballot as a round stores it: marks, its weight where the round counts weight, or an open ballot's split. */
export interface StoredRecord {
  readonly marks: Readonly<Record<string, readonly string[]>>;
  readonly weight: number | null;
  readonly split: SplitVote | null;
}

/** The records the tally counts of a round's stored ballots: splits cut into ordinary ballots. */
export function talliedRecords(ballot: SplitBallot, stored: readonly StoredRecord[]): BallotRecord[] {
  return stored.flatMap((b) =>
    b.split
      ? splitRecords(ballot, b.split)
      : [b.weight === null ? { marks: b.marks } : { marks: b.marks, weight: b.weight }],
  );
}
