// Recomputes what an export claims: each round's seal and tally from its records, and the audit
// log's hash chain. Anyone holding the export can run it; it trusts nothing but the records.
import { createHash } from 'node:crypto';
import { AUDIT_GENESIS, auditHashInput, canonicalJson, sealInput, tally, type MeetingExport } from '@hallvote/shared';

export interface VerifyFinding {
  readonly where: string;
  readonly ok: boolean;
  readonly detail: string;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Every path at which two JSON values differ (at most `limit`). */
function differences(expected: unknown, actual: unknown, path = '', limit = 20, out: string[] = []): string[] {
  if (out.length >= limit) return out;
  if (canonicalJson(expected) === canonicalJson(actual)) return out;
  const isObject = (v: unknown) => v !== null && typeof v === 'object';
  if (!isObject(expected) || !isObject(actual)) {
    out.push(`${path || '.'}: recomputed ${JSON.stringify(expected)}, export says ${JSON.stringify(actual)}`);
    return out;
  }
  const e = expected as Record<string, unknown>;
  const a = actual as Record<string, unknown>;
  for (const key of new Set([...Object.keys(e), ...Object.keys(a)]))
    differences(e[key], a[key], `${path}.${key}`, limit, out);
  return out;
}

/** Checks every round and the audit chain; `ok` only if every finding is ok. */
export function verifyExport(data: MeetingExport): { ok: boolean; findings: VerifyFinding[] } {
  const findings: VerifyFinding[] = [];
  for (const r of data.rounds) {
    const where = `ballot "${r.ballot.title}" round ${r.round}`;
    if (!r.result) {
      findings.push({ where, ok: true, detail: `not closed (${r.state}); nothing to verify` });
      continue;
    }
    const seal = sha256(sealInput(r.records));
    findings.push({
      where: `${where}: seal`,
      ok: seal === r.result.seal,
      detail:
        seal === r.result.seal ? `match ${seal}` : `mismatch: records hash to ${seal}, export says ${r.result.seal}`,
    });
    const closedEntry = data.audit.find(
      (a) => a.action === 'round.closed' && a.details.ballotId === r.ballot.id && a.details.round === r.round,
    );
    if (closedEntry)
      findings.push({
        where: `${where}: seal in audit log`,
        ok: closedEntry.details.seal === seal,
        detail:
          closedEntry.details.seal === seal
            ? 'match'
            : `mismatch: the audit log sealed ${String(closedEntry.details.seal)}`,
      });
    const { roster, present, excusedAbsent } = r.result.tally.attendance;
    const recomputed = tally({
      rules: r.rules,
      ballot: {
        kind: r.ballot.kind,
        subjects: r.ballot.subjects,
        options: r.ballot.options,
        ...(r.ballot.seats !== undefined ? { seats: r.ballot.seats } : {}),
      },
      attendance: { roster, present, excusedAbsent },
      issued: r.issued,
      records: r.records.map((marks) => ({ marks })),
      ...(r.paper ? { paper: r.paper } : {}),
    });
    const diff = differences(recomputed, r.result.tally);
    findings.push({
      where: `${where}: tally`,
      ok: diff.length === 0,
      detail: diff.length === 0 ? 'match' : `mismatch:\n    ${diff.join('\n    ')}`,
    });
  }

  let prev = AUDIT_GENESIS;
  let chainOk = true;
  data.audit.forEach((entry, i) => {
    const problems: string[] = [];
    if (entry.seq !== i + 1) problems.push(`seq ${entry.seq} where ${i + 1} was expected (removed or reordered)`);
    if (entry.prevHash !== prev) problems.push('does not follow the entry before it');
    const hash = sha256(auditHashInput(entry, entry.prevHash));
    if (hash !== entry.hash) problems.push('its content does not match its hash (edited)');
    if (problems.length > 0) {
      chainOk = false;
      findings.push({
        where: `audit entry ${i + 1} (${entry.action})`,
        ok: false,
        detail: `mismatch: ${problems.join('; ')}`,
      });
    }
    prev = entry.hash;
  });
  if (chainOk)
    findings.push({ where: 'audit log', ok: true, detail: `match: ${data.audit.length} entries, chain intact` });

  return { ok: findings.every((f) => f.ok), findings };
}
