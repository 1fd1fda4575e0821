// A group, or the whole roster, checked in by the chair in one action: one write, one audit entry
// naming every member it marked. Members already present keep how they checked in; excused members
// stay excused (the chair excused them one by one, and a bulk action does not undo that).
import { HallvoteError, type MarkPresentResult } from '@hallvote/shared';
import { auditInput } from '../../audit-input';
import type { HallContext } from '../../context';
import type { MeetingState } from '../../hall/meeting-state';
import type { AttendanceChange } from '../../store/store';
import { roundsToIssue } from './set-attendance';

export async function markPresent(
  ctx: HallContext,
  state: MeetingState,
  group: string | null,
): Promise<MarkPresentResult> {
  const members = [...state.delegates.values()].filter((d) => group === null || d.group === group);
  if (group !== null && members.length === 0) throw new HallvoteError('NOT_FOUND', { what: 'group' });
  const changes: AttendanceChange[] = members
    .filter((d) => d.attendance === 'absent')
    .map((d) => {
      // A grantor who arrives takes their proxy back, as one checked in alone does (set-attendance.ts).
      const proxy = state.proxyGivenBy(d.id);
      return {
        delegateId: d.id,
        attendance: 'present',
        checkedInBy: 'chair',
        issueIn: roundsToIssue(state, d.id),
        ...(proxy ? { revoke: { proxyId: proxy.id, at: ctx.clock.now().toISOString(), by: 'arrival' as const } } : {}),
      };
    });
  if (changes.length > 0) {
    await ctx.store.setAttendanceMany(
      changes,
      auditInput(ctx.clock, state.meeting.id, 'chair', 'attendance.present-many', {
        group,
        delegateIds: changes.map((c) => c.delegateId),
      }),
    );
    for (const c of changes) {
      state.setAttendance(c.delegateId, c.attendance, c.checkedInBy, c.issueIn);
      ctx.broadcaster.delegateChanged(state, c.delegateId);
    }
    const revoked = changes.flatMap((c) => (c.revoke ? [c.revoke] : []));
    for (const r of revoked) state.revokeProxy(r);
    if (revoked.length > 0) {
      ctx.broadcaster.proxiesChanged(state);
      ctx.broadcaster.delegatesChanged(
        state,
        revoked.flatMap((r) => {
          const p = state.proxyOf(r.proxyId);
          return [p.grantorId, p.holderId];
        }),
      );
    }
  }
  return { marked: changes.length, presence: state.presence() };
}
