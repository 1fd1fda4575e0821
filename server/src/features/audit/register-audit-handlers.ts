import type { HallContext } from '../../context';
import type { MeetingState } from '../../hall/meeting-state';
import { onRequest, type HallSocket } from '../../with-validation';

/** Chair: read the meeting's hash-chained audit log. */
export function registerAuditHandlers(ctx: HallContext, socket: HallSocket, state: MeetingState): void {
  onRequest(socket, ctx.log, 'audit:list', () => ctx.store.readAudit(state.meeting.id));
}
