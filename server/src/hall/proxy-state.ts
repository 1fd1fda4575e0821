// The proxies of a meeting's in-memory state: those the chair recorded (in force or taken back),
// and the ones each round opened with. Between RosterState (members, attendance) and MeetingState
// (ballots, rounds, votes): one owner, split by idea. Like them, every writer here applies a change
// the store has already committed.
import { HallvoteError, roundKey, type RuleSet } from '@hallvote/shared';
import type { DelegateRecord, MeetingRecord, ProxyRecord, ProxyRevoke, RoundProxyRecord } from '../store/store';
import { RosterState, type TokenRegistry } from './roster-state';

const NO_PROXIES: ReadonlyMap<string, string> = new Map();

export class ProxyState extends RosterState {
  readonly #proxies = new Map<string, ProxyRecord>();
  /** Per round key: grantor id → holder id, as the round opened. */
  readonly #roundProxies = new Map<string, Map<string, string>>();

  protected constructor(meeting: MeetingRecord, rules: RuleSet, tokens: TokenRegistry) {
    super(meeting, rules, tokens);
  }

  // ---- Reading ----------------------------------------------------------------------------------

  /** Every proxy recorded, oldest first. */
  get proxies(): ReadonlyMap<string, ProxyRecord> {
    return this.#proxies;
  }

  /** The proxy, or NOT_FOUND. */
  proxyOf(proxyId: string): ProxyRecord {
    const p = this.#proxies.get(proxyId);
    if (!p) throw new HallvoteError('NOT_FOUND', { what: 'proxy' });
    return p;
  }

  /** The proxy the member has given and that is in force, if any. */
  proxyGivenBy(grantorId: string): ProxyRecord | undefined {
    for (const p of this.#proxies.values()) if (p.grantorId === grantorId && p.revokedAt === null) return p;
    return undefined;
  }

  /** The proxies in force that the member holds. */
  proxiesHeldBy(holderId: string): ProxyRecord[] {
    return [...this.#proxies.values()].filter((p) => p.holderId === holderId && p.revokedAt === null);
  }

  /** Every proxy in force. */
  proxiesInForce(): ProxyRecord[] {
    return [...this.#proxies.values()].filter((p) => p.revokedAt === null);
  }

  /** A round's proxies: grantor id → holder id. */
  roundProxiesOf(ballotId: string, round: number): ReadonlyMap<string, string> {
    return this.#roundProxies.get(roundKey(ballotId, round)) ?? NO_PROXIES;
  }

  /** The members the holder votes for in a round, in roster order. */
  representedBy(ballotId: string, round: number, holderId: string): string[] {
    const held = [...this.roundProxiesOf(ballotId, round)].filter(([, h]) => h === holderId).map(([g]) => g);
    const order = (id: string) => this.delegates.get(id)?.ordinal ?? 0;
    return held.sort((a, b) => order(a) - order(b));
  }

  /**
   * Members present by proxy now, under `rules`: a grantor whose proxy is in force and whose holder
   * is present (a grantor who is present is present in person). None where the rules take no proxy.
   */
  protected override representedNow(rules: RuleSet): ReadonlySet<string> {
    if (!rules.proxies) return new Set();
    const present = (id: string) => this.delegates.get(id)?.attendance === 'present';
    return new Set(
      this.proxiesInForce().flatMap((p) => (present(p.holderId) && !present(p.grantorId) ? [p.grantorId] : [])),
    );
  }

  // ---- Writers (after the store committed) ------------------------------------------------------

  addProxy(proxy: ProxyRecord): void {
    this.#proxies.set(proxy.id, proxy);
  }

  revokeProxy(revoke: ProxyRevoke): void {
    const p = this.#proxies.get(revoke.proxyId);
    if (p) this.#proxies.set(p.id, { ...p, revokedAt: revoke.at, revokedBy: revoke.by });
  }

  /** The proxies a round opened with. */
  protected setRoundProxies(ballotId: string, round: number, proxies: readonly RoundProxyRecord[]): void {
    if (proxies.length === 0) return;
    this.#roundProxies.set(roundKey(ballotId, round), new Map(proxies.map((p) => [p.grantorId, p.holderId])));
  }

  /** A member removed (before voting starts) takes every proxy naming them along, as the store does. */
  override removeDelegate(delegateId: string): void {
    for (const p of [...this.#proxies.values()])
      if (p.grantorId === delegateId || p.holderId === delegateId) this.#proxies.delete(p.id);
    super.removeDelegate(delegateId);
  }

  /** What the store holds of the meeting's proxies. */
  protected loadProxies(proxies: readonly ProxyRecord[], roundProxies: readonly RoundProxyRecord[]): void {
    for (const p of proxies) this.#proxies.set(p.id, p);
    const byRound = new Map<string, RoundProxyRecord[]>();
    for (const r of roundProxies) {
      const key = roundKey(r.ballotId, r.round);
      byRound.set(key, [...(byRound.get(key) ?? []), r]);
    }
    for (const list of byRound.values()) {
      const first = list[0];
      if (first) this.setRoundProxies(first.ballotId, first.round, list);
    }
  }
}

export type { DelegateRecord };
