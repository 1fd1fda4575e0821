// The audit log's hash chain, apart from any database: given the meeting's last entry, the next
// one. A store appends what this returns in the same transaction as the change it records.
import { createHash } from 'node:crypto';
import { AUDIT_GENESIS, auditHashInput, type AuditEntry } from '@hallvote/shared';
import type { AuditInput } from './store';

/** The meeting's last entry, or undefined before its first. */
export type ChainHead = Pick<AuditEntry, 'seq' | 'hash'> | undefined;

/** The entry after `head`: the next sequence number, chained to the head's hash. */
export function nextAuditEntry(audit: AuditInput, head: ChainHead): AuditEntry {
  const entry = { ...audit, seq: (head?.seq ?? 0) + 1 };
  const prevHash = head?.hash ?? AUDIT_GENESIS;
  const hash = createHash('sha256').update(auditHashInput(entry, prevHash)).digest('hex');
  return { ...entry, prevHash, hash };
}
