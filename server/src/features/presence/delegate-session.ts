import type { HallContext } from '../../context';
import type { MeetingState } from '../../hall/meeting-state';
import type { HallSocket } from '../../with-validation';
import { setAttendance } from '../attendance/set-attendance';

/**
 * A delegate's phone joined: the newest connection of a token wins (the older phone is told and
 * closed, so one token never votes from two phones), and joining checks the delegate in.
 */
export async function delegateJoined(
  ctx: HallContext,
  state: MeetingState,
  socket: HallSocket,
  socketById: (id: string) => HallSocket | undefined,
): Promise<void> {
  if (socket.data.role !== 'delegate') return;
  const { delegateId } = socket.data;
  const previous = state.connectionOf(delegateId);
  if (previous && previous !== socket.id) {
    const old = socketById(previous);
    old?.emit('session:replaced');
    old?.disconnect(true);
  }
  state.setConnected(delegateId, socket.id);
  socket.on('disconnect', () => {
    if (state.setDisconnected(delegateId, socket.id)) ctx.broadcaster.delegateChanged(state, delegateId);
  });
  await setAttendance(ctx, state, delegateId, 'present', 'phone');
  ctx.broadcaster.delegateChanged(state, delegateId);
}
