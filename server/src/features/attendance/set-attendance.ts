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
 * while a round is open issues them a ballot in it (a latecomer; unless they joined the roster
 * after it opened). Returns without writing when nothing changes (a phone re-joining).
 *
 * Nothing else moves for a member on an open round's roster (ATTENDANCE_FROZEN): presence for a
 * vote is established when it opens, as in a hall where the doors close for the count. Excusing
 * members, voters or not, shrinks the base a "more than half of all members" rule counts against
 * (three excused of 53 turn 26 yes from rejected into adopted); marking the non-voters of a secret
 * round absent would make "everyone present has voted" true with one ballot in the box and let the
 * chair read it; and excusing someone already absent leaves the eligible base too. After the close,
 * attendance moves again; the closed result keeps the snapshot it was counted with.
 *
 * A grantor who arrives takes their proxy back in the same write, for the rounds opened after; a
 * round already open keeps the proxy it opened with (the holder votes for them there).
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
  if (status !== 'present' && state.openRounds().some((r) => state.onRoster(r.ballotId, r.round, delegateId)))
    throw new HallvoteError('ATTENDANCE_FROZEN', { delegateId, status });
  const issueIn = status === 'present' ? roundsToIssue(state, delegateId) : [];
  const proxy = status === 'present' ? state.proxyGivenBy(delegateId) : undefined;
  const revoke = proxy ? { proxyId: proxy.id, at: ctx.clock.now().toISOString(), by: 'arrival' as const } : undefined;
  await ctx.store.setAttendance(
    delegateId,
    status,
    checkedInBy,
    issueIn,
    auditInput(ctx.clock, state.meeting.id, by === 'phone' ? 'delegate' : 'chair', `attendance.${status}`, {
      delegateId,
    }),
    revoke,
  );
  state.setAttendance(delegateId, status, checkedInBy, issueIn);
  ctx.broadcaster.delegateChanged(state, delegateId);
  if (proxy && revoke) {
    state.revokeProxy(revoke);
    ctx.broadcaster.proxiesChanged(state);
    ctx.broadcaster.delegatesChanged(state, [proxy.grantorId, proxy.holderId]);
  }
}
