import type { HallContext } from '../../context';
import type { MeetingState } from '../../hall/meeting-state';
import { onRequest, type HallSocket } from '../../with-validation';
import { roomOf } from './broadcaster';
import { snapshotFor } from './views';

/**
 * Puts the socket in its audience room and sends its snapshot in the same tick, so the first event
 * it receives is numbered right after the snapshot. Any role may ask again with `sync:request`.
 */
export function registerSyncHandlers(ctx: HallContext, socket: HallSocket, state: MeetingState): void {
  const snapshot = () =>
    snapshotFor(state, socket.data, ctx.broadcaster.seq(state.meeting.id, socket.data.role), {
      plainHttp: ctx.config.publicUrl.startsWith('http:'),
      serverTime: ctx.clock.now().getTime(),
      storage: ctx.storage(),
    });
  void socket.join(roomOf(state.meeting.id, socket.data.role));
  socket.emit('snapshot', snapshot());
  onRequest(socket, ctx.log, 'sync:request', snapshot);
}
