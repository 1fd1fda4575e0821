import type { HallContext } from '../../context';
import { exclusive } from '../../hall/exclusive';
import type { MeetingState } from '../../hall/meeting-state';
import { onRequest, type HallSocket } from '../../with-validation';
import { grantProxy, revokeProxy } from './proxy-changes';

/** Chair: proxies recorded and taken back (the rounds opened from then on follow them). */
export function registerProxyHandlers(ctx: HallContext, socket: HallSocket, state: MeetingState): void {
  onRequest(socket, ctx.log, 'proxy:grant', (p) => exclusive(state, () => grantProxy(ctx, state, p)));
  onRequest(socket, ctx.log, 'proxy:revoke', (p) =>
    exclusive(state, async () => {
      await revokeProxy(ctx, state, p.proxyId);
      return {};
    }),
  );
}
