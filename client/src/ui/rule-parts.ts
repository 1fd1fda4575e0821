// Which parts of a rule set apply to a ballot, each with the legal text it comes from. The chair's
// rule panels and the minutes print these and nothing else: an election's minutes name no
// cumulating down and no 20 % cap, a confidence rating's no majority. Pure, so it is tested alone.
import {
  type Band,
  type BallotKind,
  type CapRule,
  type CountBy,
  type LegalBasis,
  type LevelScores,
  type MajorityRule,
  type NoDecisionPolicy,
  type ProxyRule,
  type QuorumRule,
  type RuleSet,
  type TallyBase,
  type TallySubject,
  type TurnoutBase,
  type WeightedCountBy,
} from '@hallvote/shared';

export type RulePart =
  | {
      readonly type: 'quorum';
      readonly quorum: QuorumRule;
      /** Members, weight (shares, members represented), or both (met only on both). */
      readonly by: CountBy;
      readonly basis: LegalBasis | null;
    }
  /** What majorities and counts count, where it is not members (issue 19). */
  | { readonly type: 'counting'; readonly countBy: WeightedCountBy }
  | { readonly type: 'proxies'; readonly proxies: ProxyRule }
  | {
      readonly type: 'majority';
      readonly majority: MajorityRule;
      /** Per nominee ("đồng ý / không đồng ý"), not per option of one choice. */
      readonly approval: boolean;
      readonly basis: LegalBasis | null;
    }
  | { readonly type: 'bands'; readonly optionId: string; readonly bands: readonly Band[] }
  | { readonly type: 'percentages'; readonly bases: readonly TallyBase[]; readonly basis: LegalBasis | null }
  | { readonly type: 'turnout'; readonly base: TurnoutBase; readonly basis: LegalBasis | null }
  | { readonly type: 'no-decision'; readonly policy: NoDecisionPolicy }
  | { readonly type: 'cap'; readonly cap: CapRule }
  | { readonly type: 'batch-strict' }
  | { readonly type: 'blank-ballot'; readonly valid: boolean; readonly basis: LegalBasis | null }
  | { readonly type: 'scores'; readonly scores: LevelScores };

/** What is known of the ballot; without it (the meeting's rules) every part the rule has applies. */
export interface BallotShape {
  readonly kind: BallotKind;
  readonly options?: readonly { readonly id: string }[];
  readonly subjects?: readonly TallySubject[];
}

const levelsKind = (kind: BallotKind) => kind === 'choice' || kind === 'batch';

/** The parts of `rules` that decide or describe `ballot`, in the order the minutes print them. */
export function ruleParts(rules: RuleSet, ballot?: BallotShape): RulePart[] {
  const basis = rules.basis ?? {};
  const decision = rules.decision ?? 'majority';
  const hasOption = (id: string) => ballot?.options === undefined || ballot.options.some((o) => o.id === id);
  const parts: RulePart[] = [
    { type: 'quorum', quorum: rules.quorum, by: rules.quorumBy ?? 'heads', basis: basis.quorum ?? null },
  ];
  const countBy = rules.countBy ?? 'heads';
  if (countBy !== 'heads') parts.push({ type: 'counting', countBy });

  if (decision !== 'bands')
    parts.push({
      type: 'majority',
      majority: rules.majority,
      approval: decision === 'approval' && ballot?.kind !== 'election',
      basis: basis.majority ?? null,
    });
  for (const { optionId, bands } of rules.bands ?? [])
    if (hasOption(optionId) && bands.length > 0) parts.push({ type: 'bands', optionId, bands });

  const bases = [...new Set([rules.percentBase, ...(rules.extraPercentBases ?? [])])];
  parts.push({ type: 'percentages', bases, basis: basis.percentages ?? null });
  parts.push({ type: 'turnout', base: rules.turnoutBase ?? 'eligible', basis: basis.turnout ?? null });

  // A motion that does not carry is rejected and an election leaves seats unfilled: the policy
  // for "nothing carried" applies to levels only, decided by majority.
  if (decision === 'majority' && (ballot === undefined || levelsKind(ballot.kind)))
    parts.push({ type: 'no-decision', policy: rules.noDecision });
  if (decision === 'majority' && (ballot === undefined || levelsKind(ballot.kind)))
    for (const cap of rules.caps) if (hasOption(cap.top) && hasOption(cap.reference)) parts.push({ type: 'cap', cap });
  if (rules.batchStrict && (ballot === undefined || ballot.kind === 'batch')) parts.push({ type: 'batch-strict' });

  // A blank election ballot: no name kept, or a single nominee's ballot with neither box marked.
  const electionLike =
    ballot === undefined
      ? rules.blankElectionBallot !== undefined
      : ballot.kind === 'election' || (decision === 'approval' && (ballot.subjects?.length ?? 1) === 1);
  if (electionLike)
    parts.push({
      type: 'blank-ballot',
      valid: (rules.blankElectionBallot ?? 'valid') === 'valid',
      basis: basis.blankBallot ?? null,
    });

  const proposals =
    ballot?.subjects === undefined ||
    ballot.subjects.some((s) => s.proposedLevel !== undefined || s.score !== undefined);
  if (rules.levelScores && (ballot === undefined || (levelsKind(ballot.kind) && proposals)))
    parts.push({ type: 'scores', scores: rules.levelScores });
  if (rules.proxies) parts.push({ type: 'proxies', proxies: rules.proxies });
  return parts;
}
