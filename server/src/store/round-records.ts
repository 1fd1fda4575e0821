// A round's count and seal, made where its stored ballots are: the rows are read, packed for the
// tally and sealed in the store (SQLite: its writer thread), and only the result crosses to the
// event loop (a 10,000-ballot round is megabytes of JSON). What a count needs besides the ballots
// comes from the meeting's state, as plain data: the proxies, the weights issued and who cast each
// named vote (features/ballots/round-basis.ts) travel in `seal`. Where the rule counts weight, each
// ballot carries its weight (a weight column in the packed records) and the seal covers every
// ballot with its weight; an open ballot's split is cut into ordinary ballots here
// (shared/src/split.ts). A round counted by heads without splits packs and seals as it always did.
import { createHash } from 'node:crypto';
import {
  canonicalRecord,
  canonicalWeightedRecord,
  packRecords,
  roundSealInputOfCanonical,
  talliedRecords,
  tally,
  type Marks,
  type PackedRecords,
  type RuleSet,
  type SealContent,
  type StoredRecord,
  type TallyInput,
  type TallyResult,
} from '@hallvote/shared';

/** Everything a round's tally and seal rest on, except its stored ballots. */
export interface RoundCount {
  readonly ballotId: string;
  readonly round: number;
  readonly tally: Omit<TallyInput, 'records'>;
  readonly seal: Omit<SealContent, 'records' | 'weightedRecords' | 'tally'>;
}

export interface CountedRound {
  readonly tally: TallyResult;
  /** SHA-256 (hex) over roundSealInput of the whole content, records and tally included. */
  readonly seal: string;
}

/** A round's ballots as a count needs them: packed for the tally, canonical for the seal. */
export interface RoundBallots {
  readonly packed: PackedRecords;
  /** Rounds counted by heads: each ballot's canonicalRecord text, in any order (empty otherwise). */
  readonly canonical: readonly string[];
  /** Rounds counted by weight: each ballot's canonicalWeightedRecord text, in any order. */
  readonly canonicalWeighted?: readonly string[];
}

/** Whether majorities count weight: then every stored ballot carries one, and the seal covers it. */
export const ballotsWeighed = (rules: Pick<RuleSet, 'countBy'>) => (rules.countBy ?? 'heads') !== 'heads';

export function countRound(input: RoundCount, ballots: RoundBallots): CountedRound {
  const result = tally({ ...input.tally, records: ballots.packed });
  const text = roundSealInputOfCanonical(
    { ...input.seal, tally: result },
    ballots.canonical,
    ballots.canonicalWeighted,
  );
  return { tally: result, seal: createHash('sha256').update(text).digest('hex') };
}

/**
 * A round's stored ballots as records (splits cut, weights kept), packed for the tally and in
 * canonical form for the seal: exactly what roundBasis gives an export that `verify` recomputes.
 */
export function roundBallotsOfStored(input: RoundCount, stored: readonly StoredRecord[]): RoundBallots {
  const { ballot, rules } = input.tally;
  const records = talliedRecords(ballot, stored);
  const packed = packRecords(ballot, records);
  return ballotsWeighed(rules)
    ? {
        packed,
        canonical: [],
        canonicalWeighted: records.map((r) => canonicalWeightedRecord({ marks: r.marks, weight: r.weight ?? 1 })),
      }
    : { packed, canonical: records.map((r) => canonicalRecord(r.marks)) };
}

/** For a store that reads its ballots as records with weights and splits (the PostgreSQL store). */
export function countStoredBallots(input: RoundCount, stored: readonly StoredRecord[]): CountedRound {
  return countRound(input, roundBallotsOfStored(input, stored));
}

/** A round of plain marks (no weights, no splits). */
export function countStoredRound(input: RoundCount, marks: readonly Marks[]): CountedRound {
  return countRound(input, {
    packed: packRecords(
      input.tally.ballot,
      marks.map((m) => ({ marks: m })),
    ),
    canonical: marks.map(canonicalRecord),
  });
}
