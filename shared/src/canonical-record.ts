// A ballot's marks as canonical text, the one spelling the seal, the export and a split's cut use.
// On its own so that split.ts and seal.ts, which each need the other's types, share it without a cycle.
import type { Marks } from './marks';

/** One ballot's marks as canonical JSON: subjects sorted by id, each row's option ids sorted. */
export function canonicalRecord(marks: Marks): string {
  const sorted: Record<string, string[]> = {};
  for (const subject of Object.keys(marks).sort()) sorted[subject] = [...(marks[subject] ?? [])].sort();
  return JSON.stringify(sorted);
}
