// Proxies recorded and taken back by the chair. The meeting's rules must take proxies; each check
// below is one of the rules' promises (issue 19): a maximum per holder, a grantor who is here votes
// themself, a proxy is not passed on. The store keeps one proxy in force per grantor whatever
// memory says. A proxy counts from the next round opened: a round keeps the proxies it opened with.
import { HallvoteError, type ParsedRequest, type ProxyRefusal } from '@hallvote/shared';
import { auditInput } from '../../audit-input';
import { newId } from '../../auth';
import type { HallContext } from '../../context';
import type { MeetingState } from '../../hall/meeting-state';
import type { ProxyRecord } from '../../store/store';

function refuse(reason: ProxyRefusal, grantor: string, holder: string): never {
  throw new HallvoteError('PROXY_REFUSED', { reason, grantor, holder });
}

/** Refuses a proxy the meeting's rules do not allow; returns nothing when it may be recorded. */
export function assertProxyAllowed(state: MeetingState, grantorId: string, holderId: string): void {
  // Members of this meeting first (NOT_FOUND), then what its rules allow.
  const grantor = state.delegateOf(grantorId);
  const holder = state.delegateOf(holderId);
  const rule = state.rules.proxies;
  if (!rule) throw new HallvoteError('PROXIES_NOT_ALLOWED', { rules: state.rules.id });
  const [g, h] = [grantor.name, holder.name];
  if (grantorId === holderId) refuse('self', g, h);
  if (state.proxyGivenBy(grantorId)) refuse('grantor-has-proxy', g, h);
  if (state.proxyGivenBy(holderId)) refuse('holder-is-grantor', g, h);
  if (state.proxiesHeldBy(grantorId).length > 0) refuse('grantor-holds-proxies', g, h);
  if (grantor.attendance === 'present') refuse('grantor-present', g, h);
  const max = rule.maxPerHolder;
  if (max !== null && state.proxiesHeldBy(holderId).length >= max)
    throw new HallvoteError('PROXY_LIMIT', { holder: h, max });
}

export async function grantProxy(
  ctx: HallContext,
  state: MeetingState,
  p: ParsedRequest<'proxy:grant'>,
): Promise<{ proxyId: string }> {
  assertProxyAllowed(state, p.grantorId, p.holderId);
  const proxy: ProxyRecord = {
    id: newId(),
    meetingId: state.meeting.id,
    grantorId: p.grantorId,
    holderId: p.holderId,
    instructions: p.instructions,
    grantedAt: ctx.clock.now().toISOString(),
    revokedAt: null,
    revokedBy: null,
  };
  await ctx.store.grantProxy(
    proxy,
    auditInput(ctx.clock, state.meeting.id, 'chair', 'proxy.granted', {
      proxyId: proxy.id,
      grantorId: proxy.grantorId,
      holderId: proxy.holderId,
      instructions: proxy.instructions !== '',
    }),
  );
  state.addProxy(proxy);
  ctx.broadcaster.proxiesChanged(state);
  ctx.broadcaster.delegatesChanged(state, [proxy.grantorId, proxy.holderId]);
  return { proxyId: proxy.id };
}

export async function revokeProxy(ctx: HallContext, state: MeetingState, proxyId: string): Promise<void> {
  const proxy = state.proxyOf(proxyId);
  if (proxy.revokedAt !== null)
    refuse(
      'not-in-force',
      state.delegates.get(proxy.grantorId)?.name ?? '',
      state.delegates.get(proxy.holderId)?.name ?? '',
    );
  const revoke = { proxyId, at: ctx.clock.now().toISOString(), by: 'chair' as const };
  await ctx.store.revokeProxy(
    revoke,
    auditInput(ctx.clock, state.meeting.id, 'chair', 'proxy.revoked', { proxyId, by: 'chair' }),
  );
  state.revokeProxy(revoke);
  ctx.broadcaster.proxiesChanged(state);
  ctx.broadcaster.delegatesChanged(state, [proxy.grantorId, proxy.holderId]);
}
