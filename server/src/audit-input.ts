import type { AuditActor } from '@hallvote/shared';
import type { Clock } from './context';
import type { AuditInput } from './store/store';

/** An audit entry for a write, stamped with the app's clock. Details: ids and counts only. */
export function auditInput(
  clock: Clock,
  meetingId: string,
  actor: AuditActor,
  action: string,
  details: Record<string, unknown> = {},
): AuditInput {
  return { meetingId, at: clock.now().toISOString(), actor, action, details };
}
