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
