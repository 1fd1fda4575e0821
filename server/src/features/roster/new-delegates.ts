import { weightOf, type RosterEntry } from '@hallvote/shared';
import { newId, newSecret } from '../../auth';
import type { DelegateRecord } from '../../store/store';

/** New roster members with fresh ids and badge tokens, absent, numbered after `startOrdinal`, weighed as written. */
export function makeDelegates(
  meetingId: string,
  entries: readonly RosterEntry[],
  startOrdinal: number,
): DelegateRecord[] {
  return entries.map((e, i) => ({
    id: newId(),
    meetingId,
    ordinal: startOrdinal + i + 1,
    name: e.name,
    position: e.position,
    group: e.group,
    token: newSecret(),
    attendance: 'absent',
    checkedInBy: null,
    weight: weightOf(e),
  }));
}

/**
 * The weights of members for the audit entry that adds them (every weight other than 1, by member
 * id): the chain then holds each member's weight, and `verify` replays them against the exported
 * roster (verify-weights.ts).
 */
export function auditedWeights(delegates: readonly Pick<DelegateRecord, 'id' | 'weight'>[]): Record<string, number> {
  return Object.fromEntries(delegates.filter((d) => d.weight !== 1).map((d) => [d.id, d.weight]));
}

/** `weights` for an entry adding members, left out where every one weighs 1 (as entries were before). */
export function weightsDetail(delegates: readonly Pick<DelegateRecord, 'id' | 'weight'>[]): {
  weights?: Record<string, number>;
} {
  const weights = auditedWeights(delegates);
  return Object.keys(weights).length > 0 ? { weights } : {};
}
