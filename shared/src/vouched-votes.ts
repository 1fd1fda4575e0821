// Ballots cast with a badge the chair vouched for. The chair prints every badge, can re-issue one
// and can mark a member present, and a badge is a bearer token: nothing in software tells who
// holds the phone, so a chair could vote in an absent member's name. What the counting committee
// can do is check the members concerned against the hall; this lists them, per round, from the
// audit log alone (so `verify` and the minutes read the same export and agree). Who voted is
// public already (turnout, the audit log): the list names members, never links them to a choice.
import type { AuditEntry } from './audit';

/** Why a vote's badge is listed: the chair checked its member in by hand, or re-issued it. */
export type VouchedBy = 'checked-in' | 'reissued';

/** One online vote cast with a badge the chair vouched for. */
export interface VouchedVote {
  readonly ballotId: string;
  readonly round: number;
  /** The badge's member: a proxy holder's votes for others are theirs, listed once per round. */
  readonly delegateId: string;
  readonly by: VouchedBy;
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/**
 * Every online vote (`vote.cast`) whose badge's member (the voter, or the proxy holder who cast it
 * for them) was, at that moment, last checked in by the chair
 * (`attendance.present` by the chair, not by their phone) or whose badge the chair had re-issued
 * (`delegate.reissued`) earlier in the meeting. A changed open vote is listed once per round.
 */
export function vouchedVotes(audit: readonly AuditEntry[]): VouchedVote[] {
  const checkedInByChair = new Set<string>();
  const reissued = new Set<string>();
  const listed = new Map<string, VouchedVote>();
  for (const e of audit) {
    const delegateId = text(e.details.delegateId);
    if (!delegateId) continue;
    if (e.action === 'attendance.present') {
      if (e.actor === 'chair') checkedInByChair.add(delegateId);
      else checkedInByChair.delete(delegateId);
    } else if (e.action === 'attendance.absent' || e.action === 'attendance.excused') {
      checkedInByChair.delete(delegateId);
    } else if (e.action === 'delegate.reissued') {
      reissued.add(delegateId);
    } else if (e.action === 'vote.cast') {
      const ballotId = text(e.details.ballotId);
      const round = e.details.round;
      if (!ballotId || typeof round !== 'number') continue;
      // The badge that cast it: a proxy holder's (`castBy`) when they voted for a member they represent.
      const badge = text(e.details.castBy) ?? delegateId;
      const by: VouchedBy | null = reissued.has(badge) ? 'reissued' : checkedInByChair.has(badge) ? 'checked-in' : null;
      const key = `${ballotId}#${round}#${badge}`;
      if (by && !listed.has(key)) listed.set(key, { ballotId, round, delegateId: badge, by });
    }
  }
  return [...listed.values()];
}
