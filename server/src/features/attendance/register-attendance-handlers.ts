import type { HallContext } from '../../context';
import { exclusive } from '../../hall/exclusive';
import type { MeetingState } from '../../hall/meeting-state';
import { onRequest, type HallSocket } from '../../with-validation';
import { markPresent } from './mark-present';
import { setAttendance } from './set-attendance';

/** Chair: paper attendance (present), absent, excused; a group or everyone present at once. */
export function registerAttendanceHandlers(ctx: HallContext, socket: HallSocket, state: MeetingState): void {
  onRequest(socket, ctx.log, 'attendance:mark', (p) =>
    exclusive(state, async () => {
      await setAttendance(ctx, state, p.delegateId, p.status, 'chair');
      return state.presence();
    }),
  );
  onRequest(socket, ctx.log, 'attendance:mark-present', (p) =>
    exclusive(state, () => markPresent(ctx, state, p.group)),
  );
}
