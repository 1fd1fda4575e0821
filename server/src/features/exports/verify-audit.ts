// The audit log's side of `verify`: the hash chain itself, the head anchored outside the export
// (from the minutes or a phone), and every round against the entries that made it: opened, closed
// or tallied again (with the seal, outcome and attendance of its result), published (with the
// acknowledgement), cancelled (with the ballots destroyed), paper voters and paper totals, votes.
import { createHash } from 'node:crypto';
import {
  AUDIT_GENESIS,
  auditHashInput,
  canonicalJson,
  type AuditEntry,
  type MeetingExport,
  type RoundExport,
} from '@hallvote/shared';
import { finding, roundName, type VerifyFinding } from './verify-findings';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The entries about one round, oldest first. */
function entriesOf(audit: readonly AuditEntry[], ballotId: string, round: number): AuditEntry[] {
  return audit.filter((e) => e.details.ballotId === ballotId && e.details.round === round);
}

const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** What a round's entries say about it, compared with the exported round. */
function checkRoundEntries(data: MeetingExport, r: RoundExport): VerifyFinding {
  const entries = entriesOf(data.audit, r.ballot.id, r.round);
  const last = (...actions: string[]) => entries.filter((e) => actions.includes(e.action)).at(-1);
  const count = (action: string) => entries.filter((e) => e.action === action).length;
  const problems: string[] = [];
  const created = data.audit.find((e) => e.action === 'ballot.created' && e.details.ballotId === r.ballot.id);
  if (!created) problems.push('no ballot.created entry');
  else if (created.details.secret !== r.ballot.secret || created.details.kind !== r.ballot.kind)
    problems.push(`created as a ${created.details.secret ? 'secret' : 'named'} ${String(created.details.kind)} ballot`);
  const opened = last('round.opened');
  if (!opened) problems.push('no round.opened entry');
  // A member called late must have been added after the round opened, as the log has it.
  const addedLate = (id: string) =>
    data.audit.some((e) => e.action === 'delegate.added' && e.details.delegateId === id && e.seq > (opened?.seq ?? 0));
  const notLate = r.lateMembers.filter((id) => !addedLate(id));
  if (notLate.length) problems.push(`${notLate.length} member(s) called late were not added after it opened`);
  const counted = r.state === 'closed' || r.state === 'published';
  const sealed = last('round.closed', 'round.retallied');
  if (counted !== Boolean(sealed))
    problems.push(counted ? 'no round.closed entry' : `${r.state}, yet a round.closed entry`);
  const result = r.result;
  if (sealed && result) {
    if (sealed.details.seal !== result.seal) problems.push(`the log sealed ${String(sealed.details.seal)}`);
    if (!same(sealed.details.attendance, result.attendance)) problems.push('the log closed it with other attendance');
    const outcome = result.tally.subjects.map((s) => ({ subjectId: s.subjectId, outcome: s.outcome }));
    if (!same(sealed.details.outcome, outcome)) problems.push('the log closed it with another outcome');
  }
  const published = last('round.published');
  if ((r.state === 'published') !== Boolean(published))
    problems.push(r.state === 'published' ? 'no round.published entry' : `${r.state}, yet a round.published entry`);
  if (published && result) {
    if (published.details.seal !== result.seal) problems.push(`published with seal ${String(published.details.seal)}`);
    if ((published.details.acknowledgement ?? null) !== (result.acknowledgement?.reason ?? null))
      problems.push('published with another acknowledgement');
  }
  const cancelled = last('round.cancelled');
  if ((r.state === 'cancelled') !== Boolean(cancelled))
    problems.push(r.state === 'cancelled' ? 'no round.cancelled entry' : `${r.state}, yet a round.cancelled entry`);
  if (cancelled && cancelled.details.destroyed !== r.destroyed)
    problems.push(`the log destroyed ${String(cancelled.details.destroyed)} ballots, the export says ${r.destroyed}`);
  const paper = last('paper.totals');
  if (r.paper ? paper?.details.totals !== sha256(canonicalJson(r.paper)) : paper)
    problems.push(r.paper ? 'paper totals the log never recorded' : 'the log recorded paper totals the export lacks');
  if (count('vote.paper') !== r.paperVoters)
    problems.push(`${count('vote.paper')} paper voters in the log, ${r.paperVoters} in the export`);
  if (counted) {
    const casts = entries.filter((e) => e.action === 'vote.cast');
    // A split ballot is one entry for its holder and every member it was cast for.
    const members = (e: (typeof casts)[number]) =>
      Array.isArray(e.details.members) ? e.details.members.map(String) : [String(e.details.delegateId)];
    const online = new Set(casts.flatMap(members));
    // Every voter the log saw is one record in heads (a split in heads is one ballot per member).
    // In weight a split is stored as however many ballots its cut gives, so there the records'
    // weights must add up to the voters' weights (the roster's: it is fixed once voting starts).
    if (r.weightedRecords) {
      const weights = new Map(data.delegates.map((d) => [d.id, d.weight ?? 1]));
      const voters = [...online].reduce((t, id) => t + (weights.get(id) ?? 1), 0);
      const recorded = r.weightedRecords.reduce((t, x) => t + x.weight, 0);
      if (voters !== recorded)
        problems.push(`${online.size} votes in the log weighing ${voters}, records weighing ${recorded}`);
      // A secret round counted by weight takes no split (split.ts): one record per voter, each
      // weighing what one voter holds. The sum alone would let weight move between records.
      if (r.ballot.secret) {
        const held = [...online].map((id) => weights.get(id) ?? 1).sort((a, b) => a - b);
        const weighed = r.weightedRecords.map((x) => x.weight).sort((a, b) => a - b);
        if (held.length !== weighed.length || held.some((w, i) => w !== weighed[i]))
          problems.push(`records weighing ${weighed.join(', ')} for voters holding ${held.join(', ')}`);
      }
    } else if (online.size !== r.records.length)
      problems.push(`${online.size} votes in the log, ${r.records.length} records`);
    const named = r.namedVotes?.flatMap((v) => [v.delegateId, ...(v.members ?? [])]);
    if (named && (named.length !== online.size || named.some((id) => !online.has(id))))
      problems.push('the named voters are not the ones the log saw vote');
  }
  return finding(
    `${roundName(r)}: audit log`,
    problems.length === 0,
    problems.length === 0 ? `match: ${entries.length} entries` : `mismatch: ${problems.join('; ')}`,
  );
}

/** Entries about rounds the export does not have, and ballots whose rounds have gaps. */
function checkMissingRounds(data: MeetingExport): VerifyFinding[] {
  const exported = new Set(data.rounds.map((r) => `${r.ballot.id}#${r.round}`));
  const missing = new Set<string>();
  for (const e of data.audit)
    if (e.action === 'round.opened' && !exported.has(`${String(e.details.ballotId)}#${String(e.details.round)}`))
      missing.add(`ballot ${String(e.details.ballotId)} round ${String(e.details.round)}`);
  const findings = [...missing].map((m) =>
    finding(`audit log: ${m}`, false, 'mismatch: the log opened this round; the export does not have it'),
  );
  const byBallot = new Map<string, number[]>();
  for (const r of data.rounds) byBallot.set(r.ballot.id, [...(byBallot.get(r.ballot.id) ?? []), r.round]);
  for (const [ballotId, rounds] of byBallot) {
    const sorted = [...rounds].sort((a, b) => a - b);
    if (sorted.some((n, i) => n !== i + 1))
      findings.push(finding(`ballot ${ballotId}`, false, `mismatch: rounds ${sorted.join(', ')} have a gap`));
  }
  return findings;
}

/** The hash chain, entry by entry, and where the anchored head falls in it. */
function checkChain(audit: readonly AuditEntry[], head: string | undefined): VerifyFinding[] {
  const findings: VerifyFinding[] = [];
  let prev = AUDIT_GENESIS;
  let chainOk = true;
  audit.forEach((entry, i) => {
    const problems: string[] = [];
    if (entry.seq !== i + 1) problems.push(`seq ${entry.seq} where ${i + 1} was expected (removed or reordered)`);
    if (entry.prevHash !== prev) problems.push('does not follow the entry before it');
    if (sha256(auditHashInput(entry, entry.prevHash)) !== entry.hash)
      problems.push('its content does not match its hash (edited)');
    if (problems.length > 0) {
      chainOk = false;
      findings.push(finding(`audit entry ${i + 1} (${entry.action})`, false, `mismatch: ${problems.join('; ')}`));
    }
    prev = entry.hash;
  });
  if (chainOk) findings.push(finding('audit log', true, `match: ${audit.length} entries, chain intact`));
  if (head !== undefined) {
    const at = audit.findIndex((e) => e.hash === head);
    const tip = audit.at(-1);
    findings.push(
      at >= 0
        ? finding('anchored head', true, `match: entry ${at + 1} of ${audit.length}`)
        : finding(
            'anchored head',
            false,
            `mismatch: ${head} is not in this chain: the chain stops short of the anchored head, or was ` +
              `rewritten (it ends at entry ${tip?.seq ?? 0}, ${tip?.hash ?? AUDIT_GENESIS})`,
          ),
    );
  }
  return findings;
}

/** The audit log of an export: its chain, its anchored head, and the rounds against it. */
export function checkAuditLog(data: MeetingExport, head: string | undefined): VerifyFinding[] {
  return [
    ...checkChain(data.audit, head),
    // A round whose stored state its entries do not bear out is that round's mismatch, not the log's
    // (STATE_MISMATCH names it among the rounds; auditLog says the chain itself is broken).
    ...data.rounds.map((r) => ({ ...checkRoundEntries(data, r), round: { ballot: r.ballot.title, round: r.round } })),
    ...checkMissingRounds(data),
  ];
}
