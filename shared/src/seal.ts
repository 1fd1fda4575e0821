// What a round's seal covers, as text. The seal is SHA-256 over `roundSealInput(content)`: the
// ballot records, the named votes of an open ballot, the paper totals and how many members voted
// on paper, the attendance the result used, the rule set (id, version and a hash of its content),
// the early close, and the tally with its outcome; where a round counts weight or takes proxies,
// every ballot's weight, the weights issued, the proxies it opened with, who cast each named vote,
// and the secrecy risk. Kept in shared so that anyone holding an export
// can rebuild exactly the bytes the server hashed; changing any of them changes the seal.
import { canonicalJson } from './audit';
import { canonicalRecord } from './canonical-record';
import type { Marks } from './marks';
import type { PaperTotals, RuleSet, TallyResult } from './tally/types';
import type { SplitVote } from './split';
import type {
  AttendanceSnapshot,
  BallotDefinition,
  EarlyClose,
  RoundProxy,
  RoundWeights,
  RuleSetStamp,
  SecrecyRisk,
  WeightedRecord,
} from './types';

/** The version of the recipe below; a result names it, so a later recipe can tell them apart. */
export const SEAL_FORMAT = 'hallvote-seal/2';

export { canonicalRecord } from './canonical-record';

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
  /** Rounds counted by weight: every ballot with its weight (any order; `records` is then empty). */
  readonly weightedRecords?: readonly WeightedRecord[] | undefined;
  /** Open ballots: who voted what (any order); null for secret ballots. */
  readonly namedVotes: readonly SealedNamedVote[] | null;
  /** The proxies the round opened with (any order); absent when none. */
  readonly proxies?: readonly RoundProxy[] | undefined;
  /** Rounds counted by weight: the weight of the ballots issued and of the paper voters. */
  readonly weights?: RoundWeights | undefined;
  /** Secret rounds counted by weight: the voters a weight identifies. */
  readonly secrecyRisk?: readonly SecrecyRisk[] | undefined;
  readonly paper: PaperTotals | null;
  readonly paperVoters: number;
  readonly attendance: AttendanceSnapshot;
  readonly earlyClose: EarlyClose | null;
  readonly tally: TallyResult;
}

/** A named vote as the seal covers it: the member, the marks, and who cast it for what weight. */
export interface SealedNamedVote {
  readonly delegateId: string;
  readonly marks: Marks;
  readonly castBy?: string | undefined;
  readonly weight?: number | undefined;
  readonly split?: SplitVote | undefined;
  readonly members?: readonly string[] | undefined;
}

/** A weighted record as canonical JSON: its marks canonical, then its weight. */
export function canonicalWeightedRecord(record: WeightedRecord): string {
  return `${canonicalRecord(record.marks)}*${record.weight}`;
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The text a round's seal is SHA-256 of: canonical JSON of its content, records sorted. What a
 * round counted by heads without proxies does not have is left out, so its seal is what it was.
 */
export function roundSealInput(content: SealContent): string {
  const { records, weightedRecords, ...rest } = content;
  return roundSealInputOfCanonical(rest, records.map(canonicalRecord), weightedRecords?.map(canonicalWeightedRecord));
}

/**
 * The same text, from records already in canonical form (what `canonicalRecord` and
 * `canonicalWeightedRecord` make): a store that keeps them so seals a large round without building
 * a record object per ballot.
 */
export function roundSealInputOfCanonical(
  content: Omit<SealContent, 'records' | 'weightedRecords'>,
  canonicalRecords: readonly string[],
  canonicalWeightedRecords?: readonly string[],
): string {
  return canonicalJson({
    format: SEAL_FORMAT,
    ...content,
    records: [...canonicalRecords].sort(),
    weightedRecords: canonicalWeightedRecords && [...canonicalWeightedRecords].sort(),
    namedVotes:
      content.namedVotes
        ?.map((v) => ({
          delegateId: v.delegateId,
          marks: canonicalRecord(v.marks),
          castBy: v.castBy,
          weight: v.weight,
          split: v.split,
          members: v.members && [...v.members].sort(byText),
        }))
        .sort((a, b) => byText(a.delegateId, b.delegateId)) ?? null,
    proxies: content.proxies
      ?.map((p) => ({ grantorId: p.grantorId, holderId: p.holderId }))
      .sort((a, b) => byText(a.grantorId, b.grantorId)),
  });
}

/** The text a rule set's hash (in a result's RuleSetStamp) is SHA-256 of. */
export function ruleSetHashInput(rules: RuleSet): string {
  return canonicalJson(rules);
}
