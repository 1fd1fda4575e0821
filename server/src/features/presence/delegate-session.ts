import type { HallContext } from '../../context';
import type { MeetingState } from '../../hall/meeting-state';
import type { HallSocket } from '../../with-validation';
import { setAttendance } from '../attendance/register-attendance-handlers';

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
  const delegateId = socket.data.delegateId;
  if (!delegateId) return;
  const previous = state.connected.get(delegateId);
  if (previous && previous !== socket.id) {
    const old = socketById(previous);
    old?.emit('session:replaced');
    old?.disconnect(true);
  }
  state.connected.set(delegateId, socket.id);
  socket.on('disconnect', () => {
    if (state.connected.get(delegateId) !== socket.id) return;
    state.connected.delete(delegateId);
    ctx.broadcaster.delegateChanged(state, delegateId);
  });
  await setAttendance(ctx, state, delegateId, 'present', 'phone');
  ctx.broadcaster.delegateChanged(state, delegateId);
}
