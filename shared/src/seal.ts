// What a round's seal covers, as text. The seal is SHA-256 over `roundSealInput(content)`: the
// ballot records, the named votes of an open ballot, the paper totals and how many members voted
// on paper, the attendance the result used, the rule set (id, version and a hash of its content),
// the early close, and the tally with its outcome. Kept in shared so that anyone holding an export
// can rebuild exactly the bytes the server hashed; changing any of them changes the seal.
import { canonicalJson } from './audit';
import type { Marks } from './marks';
import type { PaperTotals, RuleSet, TallyResult } from './tally/types';
import type { AttendanceSnapshot, BallotDefinition, EarlyClose, RuleSetStamp } from './types';

/** The version of the recipe below; a result names it, so a later recipe can tell them apart. */
export const SEAL_FORMAT = 'hallvote-seal/2';

/** One ballot's marks as canonical JSON: subjects sorted by id, each row's option ids sorted. */
export function canonicalRecord(marks: Marks): string {
  const sorted: Record<string, string[]> = {};
  for (const subject of Object.keys(marks).sort()) sorted[subject] = [...(marks[subject] ?? [])].sort();
  return JSON.stringify(sorted);
}

/** Everything one round's seal covers. */
export interface SealContent {
  readonly meetingId: string;
  readonly ballot: BallotDefinition & { readonly id: string };
  readonly round: number;
  readonly closedAt: string;
  readonly rules: RuleSetStamp;
  readonly issued: number;
  /** Every stored ballot's marks (any order: they are sorted here). */
  readonly records: readonly Marks[];
  /** Open ballots: who voted what (any order); null for secret ballots. */
  readonly namedVotes: readonly { readonly delegateId: string; readonly marks: Marks }[] | null;
  readonly paper: PaperTotals | null;
  readonly paperVoters: number;
  readonly attendance: AttendanceSnapshot;
  readonly earlyClose: EarlyClose | null;
  readonly tally: TallyResult;
}

/** The text a round's seal is SHA-256 of: canonical JSON of its content, records sorted. */
export function roundSealInput(content: SealContent): string {
  const { records, ...rest } = content;
  return roundSealInputOfCanonical(rest, records.map(canonicalRecord));
}

/**
 * The same text, from records already in canonical form (what `canonicalRecord` makes): a store
 * that keeps them so seals a large round without building a record object per ballot.
 */
export function roundSealInputOfCanonical(
  content: Omit<SealContent, 'records'>,
  canonicalRecords: readonly string[],
): string {
  return canonicalJson({
    format: SEAL_FORMAT,
    ...content,
    records: [...canonicalRecords].sort(),
    namedVotes:
      content.namedVotes
        ?.map((v) => ({ delegateId: v.delegateId, marks: canonicalRecord(v.marks) }))
        .sort((a, b) => (a.delegateId < b.delegateId ? -1 : a.delegateId > b.delegateId ? 1 : 0)) ?? null,
  });
}

/** The text a rule set's hash (in a result's RuleSetStamp) is SHA-256 of. */
export function ruleSetHashInput(rules: RuleSet): string {
  return canonicalJson(rules);
}
