// Recomputes what an export claims, trusting nothing but its records. Per closed round: the rule
// set against its stamp and against this build's preset of that id and version, the attendance
// snapshot against the roster, the seal over everything the result rests on, the tally, named
// votes against records, and the findings the chair acknowledged. Then the audit log: its hash
// chain, an anchored head copied from the minutes or a phone, and every round against its entries
// (verify-audit.ts). The server runs the same checks on its own state at start-up.
import { createHash } from 'node:crypto';
import {
  canonicalJson,
  canonicalRecord,
  canonicalWeightedRecord,
  countsWeight,
  getRulePreset,
  roundSealInput,
  roundTallyInput,
  ruleSetHashInput,
  splitRecords,
  tally,
  type MeetingExport,
  type NamedVote,
  type RoundExport,
  type RoundResult,
} from '@hallvote/shared';
import { checkAuditLog } from './verify-audit';
import { checkVouchedVotes } from './verify-vouched';
import { checkWeights } from './verify-weights';
import { finding, roundName, warning, type VerifyFinding } from './verify-findings';

export type { VerifyFinding } from './verify-findings';

export interface VerifyOptions {
  /** The audit chain's head (hash) as printed on the minutes or kept by a phone. */
  readonly head?: string | undefined;
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

/** The multiset of records as sorted canonical text, for comparing two lists of marks. */
const canonicalList = (marks: readonly Parameters<typeof canonicalRecord>[0][]) =>
  marks.map(canonicalRecord).sort().join('\n');

function checkRules(where: string, r: RoundExport, result: RoundResult): VerifyFinding[] {
  const hash = sha256(ruleSetHashInput(r.rules));
  const stamp = result.rules;
  const out = [
    finding(
      `${where}: rule set`,
      hash === stamp.hash && r.rules.id === stamp.id && r.rules.version === stamp.version,
      hash === stamp.hash
        ? `match ${stamp.id} v${stamp.version}`
        : `mismatch: the embedded rule set (${r.rules.id} v${r.rules.version}) hashes to ${hash}, ` +
            `the result was tallied under ${stamp.id} v${stamp.version} (${stamp.hash})`,
    ),
  ];
  const preset = getRulePreset(stamp.id, stamp.version);
  if (!preset) out.push(warning(`${where}: rule set`, `${stamp.id} v${stamp.version} is not a preset of this build`));
  else if (sha256(ruleSetHashInput(preset)) !== stamp.hash)
    out.push(finding(`${where}: rule set`, false, `mismatch: differs from the preset ${stamp.id} v${stamp.version}`));
  return out;
}

/**
 * The result's attendance against the round's roster: the meeting's members less those added after
 * the round opened (`lateMembers`; verify-audit.ts checks the log says they came later).
 */
function checkAttendance(where: string, data: MeetingExport, r: RoundExport, result: RoundResult): VerifyFinding {
  const snapshot = result.attendance;
  const represented = snapshot.represented ?? [];
  const listed = [...snapshot.present, ...snapshot.excused, ...snapshot.absent, ...represented];
  const late = new Set(r.lateMembers);
  const members = new Set(data.delegates.map((d) => d.id));
  const roster = new Set([...members].filter((id) => !late.has(id)));
  const problems: string[] = [];
  if (new Set(listed).size !== listed.length) problems.push('a member is listed twice');
  const unknown = listed.filter((id) => !roster.has(id));
  if (unknown.length) problems.push(`${unknown.length} member(s) not on the round's roster`);
  const missing = [...roster].filter((id) => !listed.includes(id));
  if (missing.length) problems.push(`${missing.length} member(s) of the roster missing`);
  const strangers = r.lateMembers.filter((id) => !members.has(id));
  if (strangers.length) problems.push(`${strangers.length} late member(s) not on the roster`);
  const counts = result.tally.attendance;
  if (
    counts.roster !== listed.length ||
    counts.present !== snapshot.present.length + represented.length ||
    counts.excusedAbsent !== snapshot.excused.length
  )
    problems.push(
      `the tally counts roster ${counts.roster}, present ${counts.present}, excused ${counts.excusedAbsent}; ` +
        `the snapshot lists ${listed.length}, ${snapshot.present.length}, ${snapshot.excused.length}`,
    );
  return finding(
    `${where}: attendance`,
    problems.length === 0,
    problems.length === 0
      ? `match: ${snapshot.present.length} present, ${snapshot.excused.length} excused of ${listed.length}`
      : `mismatch: ${problems.join('; ')}`,
  );
}

/** A split's total against the members it carried: 1 + its members in heads, their weights in weight. */
function splitProblems(v: NamedVote, weights: ReadonlyMap<string, number>): string[] {
  if (!v.split) return [];
  const carried = [v.delegateId, ...(v.members ?? [])];
  const total = v.split.unit === 'heads' ? carried.length : carried.reduce((t, id) => t + (weights.get(id) ?? 1), 0);
  return v.split.total === total
    ? []
    : [`${v.name}'s split of ${v.split.total} ${v.split.unit === 'heads' ? 'votes' : 'weight'} carries ${total}`];
}

function checkNamedVotes(where: string, data: MeetingExport, r: RoundExport): VerifyFinding[] {
  if (r.ballot.secret)
    return r.namedVotes === null
      ? []
      : [finding(`${where}: named votes`, false, 'mismatch: a secret ballot names voters')];
  const named = r.namedVotes ?? [];
  const names = new Map(data.delegates.map((d) => [d.id, d.name]));
  const problems: string[] = [];
  // A split is counted as the ordinary ballots it cuts into; where ballots carry weights, each
  // named vote's weight must be its member's and the records must carry the same.
  const weights = new Map(data.delegates.map((d) => [d.id, d.weight ?? 1]));
  const cast = named.flatMap((v) =>
    v.split
      ? splitRecords(r.ballot, v.split).map((x) => ({ marks: x.marks, weight: x.weight ?? 1 }))
      : [{ marks: v.marks, weight: v.weight ?? 1 }],
  );
  const same = r.weightedRecords
    ? cast.map(canonicalWeightedRecord).sort().join('\n') ===
      r.weightedRecords.map(canonicalWeightedRecord).sort().join('\n')
    : canonicalList(cast.map((x) => x.marks)) === canonicalList(r.records);
  if (!same) problems.push('the named votes are not the ballot records');
  const holders = new Map((r.proxies ?? []).map((p) => [p.grantorId, p.holderId]));
  for (const v of named) {
    if (names.get(v.delegateId) !== v.name) problems.push(`${v.name} is not the roster's member ${v.delegateId}`);
    if (v.weight !== undefined && v.weight !== weights.get(v.delegateId))
      problems.push(`${v.name} votes with weight ${v.weight}, the roster says ${weights.get(v.delegateId)}`);
    if (v.castBy !== undefined && holders.get(v.delegateId) !== v.castBy)
      problems.push(`${v.name}'s vote was cast by a member who did not hold their proxy`);
  }
  // A member is voted for once: by themself, by their holder, or inside one split.
  const voters = named.flatMap((v) => [v.delegateId, ...(v.members ?? [])]);
  if (new Set(voters).size !== voters.length) problems.push('a member votes twice');
  for (const v of named) problems.push(...splitProblems(v, weights));
  return [
    finding(
      `${where}: named votes`,
      problems.length === 0,
      problems.length === 0 ? `match: ${named.length} named votes` : `mismatch: ${problems.join('; ')}`,
    ),
  ];
}

/** Failed invariants and cap warnings: published only with the chair's written reason. */
function checkAcknowledged(where: string, r: RoundExport, result: RoundResult): VerifyFinding[] {
  const findings = [
    ...result.tally.invariants.filter((i) => !i.ok).map((i) => `failed check ${i.name}: ${i.detail}`),
    ...result.tally.warnings.map((w) => `cap: ${w.topCount} ${w.top} > ${w.allowed} allowed in group "${w.group}"`),
  ];
  if (findings.length === 0) return [];
  const reason = result.acknowledgement?.reason;
  if (r.state === 'published' && !reason)
    return [
      finding(`${where}: warnings`, false, `mismatch: published without an acknowledgement: ${findings.join('; ')}`),
    ];
  return findings.map((f) =>
    warning(`${where}: warning`, reason ? `${f} (acknowledged: "${reason}")` : `${f} (not acknowledged yet)`),
  );
}

/** A counted round's seal recomputed from its export alone (the recipe in shared/src/seal.ts). */
export function exportedRoundSeal(data: MeetingExport, r: RoundExport, result: RoundResult): string {
  return sha256(
    roundSealInput({
      meetingId: data.meeting.id,
      ballot: r.ballot,
      round: r.round,
      closedAt: result.closedAt,
      rules: result.rules,
      issued: r.issued,
      records: r.records,
      weightedRecords: r.weightedRecords,
      namedVotes: r.namedVotes?.map(({ name: _name, ...v }) => v) ?? null,
      proxies: r.proxies,
      weights: r.weights,
      paper: r.paper,
      paperVoters: r.paperVoters,
      attendance: result.attendance,
      earlyClose: result.earlyClose,
      tally: result.tally,
    }),
  );
}

function checkRound(data: MeetingExport, r: RoundExport): VerifyFinding[] {
  const where = roundName(r);
  const result = r.result;
  if (!result) {
    const holds = r.records.length === 0 && r.namedVotes === null;
    return [
      finding(
        where,
        holds,
        holds ? `not counted (${r.state}); no ballots exported` : `mismatch: ${r.state} round exports ballots`,
      ),
    ];
  }
  const seal = exportedRoundSeal(data, r, result);
  const weights = new Map(data.delegates.map((d) => [d.id, d.weight ?? 1]));
  const recomputed = tally(
    roundTallyInput({
      rules: r.rules,
      ballot: r.ballot,
      attendance: result.attendance,
      weightOf: countsWeight(r.rules) ? (id) => weights.get(id) ?? 1 : null,
      issued: r.issued,
      records: r.weightedRecords ?? r.records.map((marks) => ({ marks })),
      paper: r.paper,
      paperVoters: r.paperVoters,
      weights: r.weights ?? null,
    }),
  );
  const diff = differences(recomputed, result.tally);
  return [
    finding(
      `${where}: seal`,
      seal === result.seal,
      seal === result.seal ? `match ${seal}` : `mismatch: the round hashes to ${seal}, its result says ${result.seal}`,
    ),
    ...checkRules(where, r, result),
    checkAttendance(where, data, r, result),
    finding(
      `${where}: tally`,
      diff.length === 0,
      diff.length === 0 ? 'match' : `mismatch:\n    ${diff.join('\n    ')}`,
    ),
    ...checkNamedVotes(where, data, r),
    ...checkAcknowledged(where, r, result),
  ];
}

/** Checks every round, the audit chain and the rounds against it; `ok` only if nothing mismatches. */
export function verifyExport(
  data: MeetingExport,
  options: VerifyOptions = {},
): { ok: boolean; findings: VerifyFinding[] } {
  const findings = [
    ...data.rounds.flatMap((r) =>
      checkRound(data, r).map((f) => ({ ...f, round: { ballot: r.ballot.title, round: r.round } })),
    ),
    ...checkVouchedVotes(data),
    ...checkAuditLog(data, options.head),
    ...checkWeights(data),
  ];
  return { ok: findings.every((f) => f.ok), findings };
}
