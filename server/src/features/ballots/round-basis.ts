// What a round's tally and seal rest on besides attendance, built the same way at the close and for
// the export that `verify` recomputes: the ballots as counted (a split cut into ordinary ballots,
// shared/src/split.ts), with their weights where majorities count weight; the named votes with who
// cast them; the proxies the round opened with; the weights issued. For a round counted by heads
// without proxies each of the additions is absent, so such a round seals as it always did. At the
// close everything but the records (roundContext) goes to the store, which cuts and packs the
// records where the ballots are (store/round-records.ts).
import {
  countsWeight,
  talliedRecords,
  type BallotRecord,
  type Marks,
  type NamedVote,
  type RoundProxy,
  type RoundWeights,
  type RuleSet,
  type WeightedRecord,
} from '@hallvote/shared';
import type { MeetingState } from '../../hall/meeting-state';
import type { StoredBallot } from '../../store/store';
import { ballotsWeighed } from '../../store/round-records';

/** What a round's tally and seal rest on besides attendance and the stored ballots. */
export interface RoundContext {
  /** Open ballots: who voted what, for whom; null for secret ballots. */
  readonly namedVotes: readonly NamedVote[] | null;
  readonly proxies: readonly RoundProxy[] | undefined;
  readonly weights: RoundWeights | undefined;
  /** Members' weights where the rule counts weight anywhere; null otherwise. */
  readonly weightOf: ((delegateId: string) => number) | null;
}

export interface RoundBasis extends RoundContext {
  /** The records the tally counts. */
  readonly records: readonly BallotRecord[];
  /** Rounds counted by heads: every counted ballot's marks; empty where `weightedRecords` is given. */
  readonly sealRecords: readonly Marks[];
  readonly weightedRecords: readonly WeightedRecord[] | undefined;
}

export function roundContext(state: MeetingState, rules: RuleSet, ballotId: string, round: number): RoundContext {
  const entry = state.ballots.get(ballotId);
  if (!entry) throw new Error(`unknown ballot ${ballotId}`);
  const def = entry.row.definition;
  const weighed = ballotsWeighed(rules);
  const weightOf = countsWeight(rules) ? (id: string) => state.delegates.get(id)?.weight ?? 1 : null;
  const voters = [...state.votersOf(ballotId, round).entries()];
  const roundProxies = [...state.roundProxiesOf(ballotId, round)].map(([grantorId, holderId]) => ({
    grantorId,
    holderId,
  }));
  const namedVotes: NamedVote[] | null = def.secret
    ? null
    : voters.flatMap(([delegateId, v]) => {
        if (!v.marks && !v.split) return [];
        const members = v.split
          ? voters.filter(([, o]) => o.castBy === delegateId && o.voteId === v.voteId).map(([id]) => id)
          : undefined;
        return [
          {
            delegateId,
            name: state.delegates.get(delegateId)?.name ?? '',
            marks: v.marks ?? {},
            ...(v.castBy !== null ? { castBy: v.castBy } : {}),
            ...(weighed && !v.split ? { weight: state.delegates.get(delegateId)?.weight ?? 1 } : {}),
            ...(v.split ? { split: v.split, members: members ?? [] } : {}),
          },
        ];
      });
  const sum = (ids: Iterable<string>) => [...ids].reduce((t, id) => t + (weightOf?.(id) ?? 0), 0);
  return {
    namedVotes,
    proxies: roundProxies.length > 0 ? roundProxies : undefined,
    weights: weightOf
      ? {
          issued: sum(state.issuedOf(ballotId, round)),
          paperVoters: sum(voters.filter(([, v]) => v.channel === 'paper').map(([id]) => id)),
        }
      : undefined,
    weightOf,
  };
}

/** The context and the records as counted: what an export carries for `verify`. */
export function roundBasis(
  state: MeetingState,
  rules: RuleSet,
  ballotId: string,
  round: number,
  stored: readonly StoredBallot[],
): RoundBasis {
  const entry = state.ballots.get(ballotId);
  if (!entry) throw new Error(`unknown ballot ${ballotId}`);
  const records = talliedRecords(entry.row.definition, stored);
  const weighed = ballotsWeighed(rules);
  return {
    ...roundContext(state, rules, ballotId, round),
    records,
    sealRecords: weighed ? [] : records.map((r) => r.marks),
    weightedRecords: weighed ? records.map((r) => ({ marks: r.marks, weight: r.weight ?? 1 })) : undefined,
  };
}
