import { HallvoteError, type AttendanceStatus } from '@hallvote/shared';
import { auditInput } from '../../audit-input';
import type { HallContext } from '../../context';
import type { MeetingState } from '../../hall/meeting-state';

/** The open rounds a member becoming present is issued a ballot in: those whose roster has them. */
export function roundsToIssue(state: MeetingState, delegateId: string): { ballotId: string; round: number }[] {
  return state
    .openRounds()
    .filter(
      (r) => state.onRoster(r.ballotId, r.round, delegateId) && !state.issuedOf(r.ballotId, r.round).has(delegateId),
    )
    .map((r) => ({ ballotId: r.ballotId, round: r.round }));
}

/**
 * Records a delegate's attendance, from their phone joining or from the chair. Becoming present
 * while a round is open issues them a ballot in it (unless they joined the roster after it opened).
 * Returns without writing when nothing changes (a phone re-joining). Whoever has voted in the open
 * round stays present until it closes (ATTENDANCE_FROZEN): excusing a voter would shrink the base
 * their vote is counted against.
 */
export async function setAttendance(
  ctx: HallContext,
  state: MeetingState,
  delegateId: string,
  status: AttendanceStatus,
  by: 'phone' | 'chair',
): Promise<void> {
  const d = state.delegateOf(delegateId);
  const checkedInBy = status === 'present' ? by : null;
  if (d.attendance === status && (status !== 'present' || d.checkedInBy !== null)) return;
  if (status !== 'present' && state.hasVotedInOpenRound(delegateId))
    throw new HallvoteError('ATTENDANCE_FROZEN', { delegateId });
  const issueIn = status === 'present' ? roundsToIssue(state, delegateId) : [];
  await ctx.store.setAttendance(
    delegateId,
    status,
    checkedInBy,
    issueIn,
    auditInput(ctx.clock, state.meeting.id, by === 'phone' ? 'delegate' : 'chair', `attendance.${status}`, {
      delegateId,
    }),
  );
  state.setAttendance(delegateId, status, checkedInBy, issueIn);
  ctx.broadcaster.delegateChanged(state, delegateId);
}
