// A round's count and seal, made where its stored ballots are: the rows are read, packed for the
// tally and sealed in the store (SQLite: its writer thread), and only the result crosses to the
// event loop (a 10,000-ballot round is megabytes of JSON). What a count needs besides the ballots
// comes from the meeting's state, as plain data.
import { createHash } from 'node:crypto';
import {
  canonicalRecord,
  packRecords,
  roundSealInputOfCanonical,
  tally,
  type Marks,
  type PackedRecords,
  type SealContent,
  type TallyInput,
  type TallyResult,
} from '@hallvote/shared';

/** Everything a round's tally and seal rest on, except its stored ballots. */
export interface RoundCount {
  readonly ballotId: string;
  readonly round: number;
  readonly tally: Omit<TallyInput, 'records'>;
  readonly seal: Omit<SealContent, 'records' | 'tally'>;
}

export interface CountedRound {
  readonly tally: TallyResult;
  /** SHA-256 (hex) over roundSealInput of the whole content, records and tally included. */
  readonly seal: string;
}

/** A round's ballots as a count needs them: packed for the tally, canonical for the seal. */
export interface RoundBallots {
  readonly packed: PackedRecords;
  /** Each ballot's canonicalRecord text, in any order. */
  readonly canonical: readonly string[];
}

export function countRound(input: RoundCount, ballots: RoundBallots): CountedRound {
  const result = tally({ ...input.tally, records: ballots.packed });
  const text = roundSealInputOfCanonical({ ...input.seal, tally: result }, ballots.canonical);
  return { tally: result, seal: createHash('sha256').update(text).digest('hex') };
}

/** For a store that reads its ballots as marks (the PostgreSQL store). */
export function countStoredRound(input: RoundCount, marks: readonly Marks[]): CountedRound {
  return countRound(input, {
    packed: packRecords(
      input.tally.ballot,
      marks.map((m) => ({ marks: m })),
    ),
    canonical: marks.map(canonicalRecord),
  });
}
