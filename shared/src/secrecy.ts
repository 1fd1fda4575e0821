// What a secret ballot counted by weight can give away. Each stored ballot carries its weight (the
// tally needs it, and `verify` recomputes the result from the ballots), so a ballot whose weight
// no other ballot in the box has is its member's ballot for whoever reads the stored rows or the
// export, and a count can show it too: a member holding more than all the others together carries
// any option they vote for. Counted by heads, no ballot carries a weight, and a split ballot is
// one ordinary ballot per member (split.ts): neither gives anyone away. Counted by weight, a
// secret ballot takes no split, whose parts would weigh what no member holds.
import type { RuleSet } from './tally/types';
import type { SecrecyRisk } from './types';

/** A ballot in a secret box: whose it is (a split ballot: its holder's), and what it weighs. */
export interface WeightedBallot {
  readonly delegateId: string;
  readonly weight: number;
}

/** The ballots whose weight no other ballot has, by member id. */
export function identifiableBallots(ballots: readonly WeightedBallot[]): SecrecyRisk[] {
  const count = new Map<number, number>();
  for (const b of ballots) count.set(b.weight, (count.get(b.weight) ?? 0) + 1);
  const risks = new Map<string, SecrecyRisk>();
  for (const b of ballots)
    if (count.get(b.weight) === 1 && !risks.has(b.delegateId))
      risks.set(b.delegateId, { delegateId: b.delegateId, weight: b.weight });
  return [...risks.values()].sort((a, b) => (a.delegateId < b.delegateId ? -1 : a.delegateId > b.delegateId ? 1 : 0));
}

/** A member who may vote in the round about to open: in person, or by the proxy of `holderId`. */
export interface PossibleVoter {
  readonly delegateId: string;
  readonly weight: number;
  readonly holderId?: string | undefined;
}

/**
 * Before a round opens: the members whose ballot a weight would identify if they vote. Each casts
 * a ballot of their own weight, in person or through their holder: a secret ballot counted by
 * weight takes no split (split.ts `splitRuleRefusal`), whose parts would weigh what no member
 * holds. Empty for an open ballot or one counted by heads.
 */
export function secrecyRiskAtOpen(
  rules: Pick<RuleSet, 'countBy' | 'proxies'>,
  secret: boolean,
  voters: readonly PossibleVoter[],
): SecrecyRisk[] {
  if (!secret || (rules.countBy ?? 'heads') === 'heads') return [];
  return identifiableBallots(voters.map((v) => ({ delegateId: v.delegateId, weight: v.weight })));
}
