import { delegateIdSchema, delegateUpdateSchema, rosterEntrySchema, rosterImportSchema } from '@hallvote/shared';
import type { HallContext } from '../../context';
import { exclusive } from '../../hall/exclusive';
import type { MeetingState } from '../../hall/meeting-state';
import { onRequest, type HallSocket } from '../../with-validation';
import { addDelegate, importRoster, reissueBadge, removeDelegate, updateDelegate } from './roster-changes';

/** Chair: roster import, add, edit, remove (before voting starts) and badge re-issue (any time). */
export function registerRosterHandlers(ctx: HallContext, socket: HallSocket, state: MeetingState): void {
  const chair = ['chair'] as const;
  const { log } = ctx;

  onRequest(socket, log, 'roster:import', { roles: chair, schema: rosterImportSchema }, (p) =>
    exclusive(state, () => importRoster(ctx, state, p)),
  );
  onRequest(socket, log, 'delegate:add', { roles: chair, schema: rosterEntrySchema }, (p) =>
    exclusive(state, () => addDelegate(ctx, state, p)),
  );
  onRequest(socket, log, 'delegate:update', { roles: chair, schema: delegateUpdateSchema }, (p) =>
    exclusive(state, async () => {
      await updateDelegate(ctx, state, p);
      return {};
    }),
  );
  onRequest(socket, log, 'delegate:remove', { roles: chair, schema: delegateIdSchema }, (p) =>
    exclusive(state, async () => {
      await removeDelegate(ctx, state, p.delegateId);
      return {};
    }),
  );
  onRequest(socket, log, 'delegate:reissue', { roles: chair, schema: delegateIdSchema }, (p) =>
    exclusive(state, () => reissueBadge(ctx, state, p.delegateId)),
  );
}
