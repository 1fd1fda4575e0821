import { floorDiv } from './fraction';
import type { BallotKind, CapRule, CapWarning, SubjectResult } from './types';

/** The level a subject ended on, whether carried outright or by cumulating down. */
function levelOf(subject: SubjectResult): string | undefined {
  const outcome = subject.outcome;
  return outcome.type === 'adopted' || outcome.type === 'cumulated' ? outcome.optionId : undefined;
}

/**
 * Cap warnings: per cap rule and per group of subjects (in order of first appearance), a
 * warning when count(top) > floor(rate × count(reference)). Caps compare levels across
 * subjects, so they mean something only on choice and batch ballots; a warning never changes
 * an outcome.
 */
export function checkCaps(
  kind: BallotKind,
  caps: readonly CapRule[],
  subjects: readonly SubjectResult[],
): CapWarning[] {
  if (kind !== 'choice' && kind !== 'batch') return [];
  const groups = new Map<string, SubjectResult[]>();
  for (const subject of subjects) {
    const members = groups.get(subject.group);
    if (members === undefined) groups.set(subject.group, [subject]);
    else members.push(subject);
  }
  const warnings: CapWarning[] = [];
  for (const cap of caps) {
    for (const [group, members] of groups) {
      const topCount = members.filter((s) => levelOf(s) === cap.top).length;
      const referenceCount = members.filter((s) => levelOf(s) === cap.reference).length;
      const allowed = floorDiv(cap.rate.num * referenceCount, cap.rate.den);
      if (topCount > allowed) {
        warnings.push({
          group,
          top: cap.top,
          reference: cap.reference,
          topCount,
          referenceCount,
          allowed,
          rate: cap.rate,
        });
      }
    }
  }
  return warnings;
}
