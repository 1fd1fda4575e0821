// The canonical form of a round's ballot records, which the seal hashes. Kept in shared so that
// anyone holding an export can rebuild exactly the bytes the server hashed.
import type { Marks } from './marks';

/** One ballot's marks as canonical JSON: subjects sorted by id, each row's option ids sorted. */
export function canonicalRecord(marks: Marks): string {
  const sorted: Record<string, string[]> = {};
  for (const subject of Object.keys(marks).sort()) sorted[subject] = [...(marks[subject] ?? [])].sort();
  return JSON.stringify(sorted);
}

/** The text the seal is SHA-256 of: the canonical records, sorted, one per line. */
export function sealInput(records: readonly Marks[]): string {
  return records.map(canonicalRecord).sort().join('\n');
}
