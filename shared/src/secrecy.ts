// What a secret ballot counted by weight can give away. Each stored ballot carries its weight (the
// tally needs it, and `verify` recomputes the result from the ballots), so a ballot whose weight
// no other ballot in the box has is its member's ballot for whoever reads the stored rows or the
// export, and a count can show it too: a member holding more than all the others together carries
// any option they vote for. Counted by heads, no ballot carries a weight, and a split ballot is
// one ordinary ballot per member (split.ts): neither gives anyone away. Counted by weight, a
// secret ballot takes no split, whose parts would weigh what no member holds.
import type { RuleSet } from './tally/types';
import type { SecrecyRisk } from './types';

/**
 * A ballot in a secret box: whose it is, what it weighs, and who casts it (a proxy holder for the
 * members they vote for; the member themself when absent).
 */
export interface WeightedBallot {
  readonly delegateId: string;
  readonly weight: number;
  readonly castBy?: string | undefined;
}

/**
 * The ballots whose weight only one person's ballots have, by member id: a weight no other ballot
 * has, or one whose every ballot the same holder cast (a holder of 57 shares voting for a grantor
 * of 57: both ballots of 57 are the holder's choices).
 */
export function identifiableBallots(ballots: readonly WeightedBallot[]): SecrecyRisk[] {
  const casters = new Map<number, Set<string>>();
  for (const b of ballots) {
    const set = casters.get(b.weight) ?? new Set<string>();
    set.add(b.castBy ?? b.delegateId);
    casters.set(b.weight, set);
  }
  const risks = new Map<string, SecrecyRisk>();
  for (const b of ballots)
    if (casters.get(b.weight)?.size === 1 && !risks.has(b.delegateId))
      risks.set(b.delegateId, { delegateId: b.delegateId, weight: b.weight });
  return [...risks.values()].sort((a, b) => (a.delegateId < b.delegateId ? -1 : a.delegateId > b.delegateId ? 1 : 0));
}

/** A member who may vote in the round about to open: in person, or by the proxy of `holderId`. */
export interface PossibleVoter {
  readonly delegateId: string;
  readonly weight: number;
  readonly holderId?: string | undefined;
  /** In the hall now (in person, or their holder is): the box as it will most likely be. */
  readonly here: boolean;
}

/**
 * Before a round opens: the members whose ballot a weight would identify if they vote. Each casts
 * a ballot of their own weight, in person or through their holder: a secret ballot counted by
 * weight takes no split (split.ts `splitRuleRefusal`), whose parts would weigh what no member
 * holds. Weighed twice, and a member named by either: among everyone who may vote (a latecomer
 * arrives and votes), and among those here now (the absent member who shares a weight with one
 * present may never come, and then hides nobody). Empty for an open ballot or one counted by heads.
 */
export function secrecyRiskAtOpen(
  rules: Pick<RuleSet, 'countBy' | 'proxies'>,
  secret: boolean,
  voters: readonly PossibleVoter[],
): SecrecyRisk[] {
  if (!secret || (rules.countBy ?? 'heads') === 'heads') return [];
  const ballot = (v: PossibleVoter): WeightedBallot => ({
    delegateId: v.delegateId,
    weight: v.weight,
    castBy: v.holderId,
  });
  const risks = new Map<string, SecrecyRisk>();
  for (const r of [
    ...identifiableBallots(voters.map(ballot)),
    ...identifiableBallots(voters.filter((v) => v.here).map(ballot)),
  ])
    risks.set(r.delegateId, r);
  return [...risks.values()].sort((a, b) => (a.delegateId < b.delegateId ? -1 : a.delegateId > b.delegateId ? 1 : 0));
}
