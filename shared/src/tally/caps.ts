import { assertNever } from './assert-never';
import { floorDiv } from './fraction';
import { levelOf } from './proposals';
import type { BallotKind, CapDenominator, CapRule, CapWarning, SubjectResult, TallyOption } from './types';

/** The levels a cap's rate is applied to. Options run from the highest level down. */
function denominatorLevels(cap: CapRule, denominator: CapDenominator, options: readonly TallyOption[]): Set<string> {
  switch (denominator) {
    case 'reference':
      return new Set([cap.reference]);
    case 'reference-and-above': {
      const reference = options.findIndex((o) => o.id === cap.reference);
      return new Set(options.slice(0, reference + 1).flatMap((o) => (o.abstain === true ? [] : [o.id])));
    }
    default:
      return assertNever(denominator);
  }
}

/**
 * Cap warnings: per cap rule and per group of subjects (in order of first appearance), a
 * warning when count(top) > floor(rate × count(denominator levels)). Provinces read "20 % of
 * good" either as good alone or as good and above, so the rule says which. Caps compare levels
 * across subjects, so they mean something only on choice and batch ballots; a warning never
 * changes an outcome.
 */
export function checkCaps(
  kind: BallotKind,
  caps: readonly CapRule[],
  subjects: readonly SubjectResult[],
  options: readonly TallyOption[],
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
    const denominator = cap.denominator ?? 'reference';
    const counted = denominatorLevels(cap, denominator, options);
    for (const [group, members] of groups) {
      const topCount = members.filter((s) => levelOf(s.outcome) === cap.top).length;
      const referenceCount = members.filter((s) => {
        const level = levelOf(s.outcome);
        return level !== null && counted.has(level);
      }).length;
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
          denominator,
          basis: cap.basis ?? null,
        });
      }
    }
  }
  return warnings;
}
