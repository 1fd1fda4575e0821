import { HallvoteError, attendanceMarkSchema, type AttendanceStatus } from '@hallvote/shared';
import { auditInput } from '../../audit-input';
import type { HallContext } from '../../context';
import { exclusive } from '../../hall/exclusive';
import type { MeetingState } from '../../hall/meeting-state';
import { onRequest, type HallSocket } from '../../with-validation';

/**
 * Records a delegate's attendance. Becoming present while a round is open issues them a ballot in
 * it. Returns without writing when nothing changes (a phone re-joining).
 */
export async function setAttendance(
  ctx: HallContext,
  state: MeetingState,
  delegateId: string,
  status: AttendanceStatus,
  by: 'phone' | 'chair',
): Promise<void> {
  const d = state.delegates.get(delegateId);
  if (!d) throw new HallvoteError('NOT_FOUND', 'No such delegate in this meeting.');
  const checkedInBy = status === 'present' ? by : null;
  if (d.attendance === status && (status !== 'present' || d.checkedInBy !== null)) return;
  const issueIn =
    status === 'present' ? state.openRounds().filter((r) => !state.issuedOf(r.ballotId, r.round).has(delegateId)) : [];
  await ctx.store.setAttendance(
    delegateId,
    status,
    checkedInBy,
    issueIn,
    auditInput(ctx.clock, state.meeting.id, by === 'phone' ? 'delegate' : 'chair', `attendance.${status}`, {
      delegateId,
    }),
  );
  const current = state.delegates.get(delegateId);
  if (current) state.delegates.set(delegateId, { ...current, attendance: status, checkedInBy });
  for (const r of issueIn) state.issuedOf(r.ballotId, r.round).add(delegateId);
  ctx.broadcaster.delegateChanged(state, delegateId);
}

/** Chair: paper attendance (present), absent, excused. */
export function registerAttendanceHandlers(ctx: HallContext, socket: HallSocket, state: MeetingState): void {
  onRequest(socket, ctx.log, 'attendance:mark', { roles: ['chair'], schema: attendanceMarkSchema }, (p) =>
    exclusive(state, async () => {
      await setAttendance(ctx, state, p.delegateId, p.status, 'chair');
      return state.presence();
    }),
  );
}
