// What a forger who knows the seal's recipe does after changing a round: recomputes its seal
// from the export (shared/src/seal.ts is public, like the export itself), as verify does.
import { createHash } from 'node:crypto';
import { AUDIT_GENESIS, auditHashInput, type AuditEntry, type MeetingExport, type RoundExport } from '@hallvote/shared';
import { exportedRoundSeal } from '../../server/src/features/exports/verify-export';

/** Recomputes a round's seal from the export and stores it in the round's result; returns it. */
export function resealRound(data: MeetingExport, r: RoundExport): string {
  const result = r.result;
  if (!result) throw new Error('only a counted round has a seal');
  const seal = exportedRoundSeal(data, r, result);
  (result as { seal: string }).seal = seal;
  return seal;
}

/** Recomputes every hash of the chain after entries were changed: a forger who holds the whole file. */
export function rechainAudit(audit: AuditEntry[]): void {
  let prev = AUDIT_GENESIS;
  audit.forEach((entry, i) => {
    const seq = i + 1;
    const hash = createHash('sha256')
      .update(auditHashInput({ ...entry, seq }, prev))
      .digest('hex');
    audit[i] = { ...entry, seq, prevHash: prev, hash };
    prev = hash;
  });
}

/** A changed round resealed, and the log's entries that name its seal, and the chain, redone. */
export function forgeSeal(data: MeetingExport, r: RoundExport): void {
  const before = r.result?.seal;
  const after = resealRound(data, r);
  const audit = data.audit.map((e) =>
    e.details.seal === before ? { ...e, details: { ...e.details, seal: after } } : e,
  );
  rechainAudit(audit);
  (data as { audit: readonly AuditEntry[] }).audit = audit;
}
