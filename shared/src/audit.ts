// The audit log's entry shape and the exact bytes each entry's hash covers, shared so that
// `verify` (or anyone holding an export) recomputes the chain the server wrote.
import type { Role } from './roles';

/** Who did it: a role, or the server itself (a countdown closing a ballot). */
export type AuditActor = Role | 'system';

/** One append-only entry. `hash` = SHA-256(prevHash + "\n" + auditHashInput(entry)). */
export interface AuditEntry {
  readonly meetingId: string;
  /** 1, 2, 3… per meeting, without gaps. */
  readonly seq: number;
  readonly at: string;
  readonly actor: AuditActor;
  readonly action: string;
  /** Ids and counts only: never a token, never the content of a secret ballot. */
  readonly details: Readonly<Record<string, unknown>>;
  readonly prevHash: string;
  readonly hash: string;
}

/** The hash of "no previous entry". */
export const AUDIT_GENESIS = '0'.repeat(64);

/** JSON with object keys sorted at every depth: one value, one text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The text an entry's hash covers, after its predecessor's hash and a newline. */
export function auditHashInput(entry: Omit<AuditEntry, 'hash' | 'prevHash'>, prevHash: string): string {
  const { meetingId, seq, at, actor, action, details } = entry;
  return `${prevHash}\n${canonicalJson({ meetingId, seq, at, actor, action, details })}`;
}
