import { emptySchema, type Snapshot } from '@hallvote/shared';
import type { HallContext } from '../../context';
import type { MeetingState } from '../../hall/meeting-state';
import { onRequest, type HallSocket } from '../../with-validation';
import { roomOf } from './broadcaster';
import { chairSnapshot, delegateSnapshot, projectorSnapshot } from './views';

/** The snapshot for this socket's role, stamped with its audience's current sequence number. */
export function snapshotFor(ctx: HallContext, state: MeetingState, socket: HallSocket): Snapshot {
  const { role, delegateId } = socket.data;
  const id = state.meeting.id;
  const seq = ctx.broadcaster.seq(id, role);
  if (role === 'chair') return chairSnapshot(state, seq, (b) => ctx.broadcaster.interim.get(b) ?? null);
  if (role === 'projector') return projectorSnapshot(state, seq);
  return delegateSnapshot(state, delegateId ?? '', seq);
}

/**
 * Puts the socket in its audience room and sends its snapshot in the same tick, so the first event
 * it receives is numbered right after the snapshot. Any role may ask again with `sync:request`.
 */
export function registerSyncHandlers(ctx: HallContext, socket: HallSocket, state: MeetingState): void {
  void socket.join(roomOf(state.meeting.id, socket.data.role));
  socket.emit('snapshot', snapshotFor(ctx, state, socket));
  onRequest(socket, ctx.log, 'sync:request', { roles: ['chair', 'delegate', 'projector'], schema: emptySchema }, () =>
    snapshotFor(ctx, state, socket),
  );
}
