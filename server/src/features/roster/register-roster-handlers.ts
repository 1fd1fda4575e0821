import type { HallContext } from '../../context';
import { exclusive } from '../../hall/exclusive';
import type { MeetingState } from '../../hall/meeting-state';
import { onRequest, type HallSocket } from '../../with-validation';
import { addDelegate, importRoster, reissueBadge, removeDelegate, updateDelegate } from './roster-changes';

/** Chair: roster import, add, edit, remove (before voting starts) and badge re-issue (any time). */
export function registerRosterHandlers(ctx: HallContext, socket: HallSocket, state: MeetingState): void {
  const { log } = ctx;

  onRequest(socket, log, 'roster:import', (p) => exclusive(state, () => importRoster(ctx, state, p)));
  onRequest(socket, log, 'delegate:add', (p) => exclusive(state, () => addDelegate(ctx, state, p)));
  onRequest(socket, log, 'delegate:update', (p) =>
    exclusive(state, async () => {
      await updateDelegate(ctx, state, p);
      return {};
    }),
  );
  onRequest(socket, log, 'delegate:remove', (p) =>
    exclusive(state, async () => {
      await removeDelegate(ctx, state, p.delegateId);
      return {};
    }),
  );
  onRequest(socket, log, 'delegate:reissue', (p) => exclusive(state, () => reissueBadge(ctx, state, p.delegateId)));
}
