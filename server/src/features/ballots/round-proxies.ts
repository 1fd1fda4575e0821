// What a round opens with, where its rules take proxies: every proxy in force whose holder is here
// and whose grantor is not; and, for a secret ballot counted by weight, the voters a weight would
// identify, which the chair must have seen and accepted before the round opens.
import { HallvoteError, secrecyRiskAtOpen, type RuleSet, type SecrecyRisk } from '@hallvote/shared';
import type { MeetingState } from '../../hall/meeting-state';
import type { RoundProxyRecord } from '../../store/store';

/** The proxies a round of `ballotId` opens with under `rules`; none where the rules take none. */
export function roundProxiesAtOpen(
  state: MeetingState,
  rules: RuleSet,
  ballotId: string,
  round: number,
): RoundProxyRecord[] {
  if (!rules.proxies) return [];
  const present = (id: string) => state.delegates.get(id)?.attendance === 'present';
  const proxies = state
    .proxiesInForce()
    .filter((p) => present(p.holderId) && !present(p.grantorId))
    .map((p) => ({ ballotId, round, grantorId: p.grantorId, holderId: p.holderId }));
  assertWithinLimit(state, rules, proxies);
  return proxies;
}

/**
 * A proxy's limit is checked when it is recorded, against the meeting's rules; a ballot with rules
 * of its own may allow fewer per holder. Its round does not open with more than they allow: which
 * proxies to drop is the chair's (and the members') choice, not the server's, so the opening is
 * refused naming every holder over the limit, with what each holds.
 */
function assertWithinLimit(state: MeetingState, rules: RuleSet, proxies: readonly RoundProxyRecord[]): void {
  const max = rules.proxies?.maxPerHolder ?? null;
  if (max === null) return;
  const held = new Map<string, number>();
  for (const p of proxies) held.set(p.holderId, (held.get(p.holderId) ?? 0) + 1);
  const over = [...held].filter(([, n]) => n > max);
  if (over.length > 0)
    throw new HallvoteError('PROXY_LIMIT_AT_OPEN', {
      holders: over.map(([id, n]) => ({ name: state.delegates.get(id)?.name ?? '', held: n })),
      max,
    });
}

/**
 * Refuses SECRECY_AT_RISK, naming who, when a weight would identify a voter's ballot in the round
 * about to open and the chair has not accepted it. Returns the risks accepted (for the audit).
 */
export function checkSecrecyAtOpen(
  state: MeetingState,
  rules: RuleSet,
  secret: boolean,
  /** Every member who may vote in the round in person: present now, or arriving later. */
  mayVote: readonly string[],
  proxies: readonly RoundProxyRecord[],
  accepted: boolean,
): SecrecyRisk[] {
  const weightOf = (id: string) => state.delegates.get(id)?.weight ?? 1;
  const here = (id: string) => state.delegates.get(id)?.attendance === 'present';
  const risks = secrecyRiskAtOpen(rules, secret, [
    ...mayVote.map((delegateId) => ({ delegateId, weight: weightOf(delegateId), here: here(delegateId) })),
    ...proxies.map((p) => ({
      delegateId: p.grantorId,
      weight: weightOf(p.grantorId),
      holderId: p.holderId,
      here: here(p.holderId),
    })),
  ]);
  if (risks.length > 0 && !accepted) {
    const members = risks.map((r) => ({ name: state.delegates.get(r.delegateId)?.name ?? '', weight: r.weight }));
    throw new HallvoteError('SECRECY_AT_RISK', { members });
  }
  return risks;
}
