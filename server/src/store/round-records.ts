// A round's stored ballots as the tally and the seal need them, whatever the database: packed for
// counting (typed arrays, cheap to hand from a store's thread to the event loop) and sealed (SHA-256
// over the canonical, sorted records). A store reads the rows where the database is, makes this
// there, and hands over only the result.
import { createHash } from 'node:crypto';
import { packRecords, sealInput, type Marks, type PackedRecords, type TallyBallot } from '@hallvote/shared';

export interface RoundRecords {
  readonly records: PackedRecords;
  /** SHA-256 (hex) over the canonical, sorted ballot records. */
  readonly seal: string;
}

/** SHA-256 (hex) over the canonical, sorted ballot records. */
export function sealOf(records: readonly Marks[]): string {
  return createHash('sha256').update(sealInput(records)).digest('hex');
}

export function roundRecords(ballot: TallyBallot, marks: readonly Marks[]): RoundRecords {
  return {
    records: packRecords(
      ballot,
      marks.map((m) => ({ marks: m })),
    ),
    seal: sealOf(marks),
  };
}

/** The typed arrays of packed records, to be moved (not copied) to another thread. */
export function transferablesOf(r: RoundRecords): ArrayBuffer[] {
  return [r.records.rowStart.buffer as ArrayBuffer, r.records.marks.buffer as ArrayBuffer];
}
