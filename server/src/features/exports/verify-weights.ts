// Each member's weight against the audit chain: the entries that add members (the meeting's
// creation, an import, a member added) record every weight other than 1, and an edit records the
// new weight. Replayed in order, they give the roster's weights as the log saw them; an exported
// roster whose weights differ (shares moved from one member to another, which a secret round's
// self-weighted ballots and its seal would not show) is a mismatch. A log from before weights were
// recorded (its meeting.created has no `weights`) is not checked.
import type { MeetingExport } from '@hallvote/shared';
import { finding, type VerifyFinding } from './verify-findings';

/** The weights of an entry's `weights` detail, by member id. */
function weightsIn(details: Readonly<Record<string, unknown>>): [string, number][] {
  const w = details.weights;
  if (!w || typeof w !== 'object') return [];
  return Object.entries(w as Record<string, unknown>).filter((e): e is [string, number] => typeof e[1] === 'number');
}

export function checkWeights(data: MeetingExport): VerifyFinding[] {
  const created = data.audit.find((e) => e.action === 'meeting.created');
  if (!created || !('weights' in created.details)) return [];
  const weights = new Map<string, number>();
  for (const e of data.audit) {
    const id = typeof e.details.delegateId === 'string' ? e.details.delegateId : null;
    if (e.action === 'roster.replace') weights.clear();
    if (['meeting.created', 'roster.replace', 'roster.append', 'delegate.added'].includes(e.action))
      for (const [member, weight] of weightsIn(e.details)) weights.set(member, weight);
    if (e.action === 'delegate.updated' && id && typeof e.details.weight === 'number')
      weights.set(id, e.details.weight);
    if (e.action === 'delegate.removed' && id) weights.delete(id);
  }
  const differ = data.delegates.filter((d) => (d.weight ?? 1) !== (weights.get(d.id) ?? 1));
  return [
    finding(
      'roster weights',
      differ.length === 0,
      differ.length === 0
        ? `match: ${data.delegates.length} members' weights as the audit log recorded them`
        : `mismatch: ${differ
            .slice(0, 20)
            .map((d) => `${d.name} weighs ${d.weight ?? 1}, the audit log says ${weights.get(d.id) ?? 1}`)
            .join('; ')}`,
    ),
  ];
}
