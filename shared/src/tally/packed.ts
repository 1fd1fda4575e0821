import type { BallotRecord, PackedRecords, TallyBallot } from './types';

/** An option id the ballot does not have, as a packed mark. */
export const UNKNOWN_OPTION = -1;

/** True for records packed by {@link packRecords}, false for a list of record objects. */
export function isPacked(records: readonly BallotRecord[] | PackedRecords): records is PackedRecords {
  return !Array.isArray(records);
}

/**
 * Packs ballot records for counting: one pass over the objects, after which the tally reads typed
 * arrays only. A row the record leaves out (or holds something other than a list) is an empty row,
 * exactly as the tally reads record objects; own properties only, so a subject id such as
 * "constructor" never reads Object.prototype.
 */
export function packRecords(ballot: TallyBallot, records: readonly BallotRecord[]): PackedRecords {
  const optionIndex = new Map(ballot.options.map((o, i) => [o.id, i] as const));
  const subjects = ballot.subjects.length;
  const rowStart = new Int32Array(records.length * subjects + 1);
  let size = 0;
  for (const record of records)
    for (const subject of ballot.subjects) {
      const row = Object.hasOwn(record.marks, subject.id) ? record.marks[subject.id] : undefined;
      if (Array.isArray(row)) size += row.length;
    }
  const marks = new Int16Array(size);
  const invalid = new Map<number, string>();
  // The weight column only where some record carries a weight: an unweighted round packs as before.
  const weight = records.some((record) => record.weight !== undefined) ? new Float64Array(records.length) : undefined;
  let at = 0;
  records.forEach((record, r) => {
    if (record.invalid !== undefined) invalid.set(r, record.invalid);
    if (weight !== undefined) weight[r] = record.weight ?? 1;
    ballot.subjects.forEach((subject, s) => {
      rowStart[r * subjects + s] = at;
      const row = Object.hasOwn(record.marks, subject.id) ? record.marks[subject.id] : undefined;
      if (Array.isArray(row))
        for (const id of row as readonly unknown[])
          marks[at++] = typeof id === 'string' ? (optionIndex.get(id) ?? UNKNOWN_OPTION) : UNKNOWN_OPTION;
    });
  });
  rowStart[records.length * subjects] = at;
  return {
    count: records.length,
    subjects,
    rowStart,
    marks,
    ...(invalid.size > 0 ? { invalid } : {}),
    ...(weight !== undefined ? { weight } : {}),
  };
}
