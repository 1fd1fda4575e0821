// A tally outcome in words, in the viewer's language. Used by the chair, the projector and the phone.
import {
  CLASSIFICATION_LEVELS,
  assertNever,
  type BallotKind,
  type CapWarning,
  type Fraction,
  type OptionCount,
  type OptionShare,
  type QuorumVerdict,
  type SubjectResult,
  type TurnoutShare,
} from '@hallvote/shared';
import type { commonText } from '../i18n/common';
import type { Language } from '../i18n';
import { formatsFor } from '../i18n/format';
import { optionLabel } from './option-label';

type CommonTexts = (typeof commonText)['en'];

export { optionLabel };

function labelOf(subject: SubjectResult, optionId: string, language: Language): string {
  const count = subject.counts.find((c) => c.optionId === optionId);
  return optionLabel({ id: optionId, label: count?.label ?? optionId }, language);
}

function labelsOf(subject: SubjectResult, ids: readonly string[], language: Language): string {
  return ids.map((id) => labelOf(subject, id, language)).join(', ');
}

/** A motion is adopted; a classification ends on a level ("Kết quả xếp loại: …"); another choice carries an option. */
function adoptedLine(subject: SubjectResult, optionId: string, kind: BallotKind, t: CommonTexts, language: Language) {
  if (kind === 'motion') return t.outcome.adoptedMotion;
  const label = labelOf(subject, optionId, language);
  return CLASSIFICATION_LEVELS.some((l) => l.id === optionId) ? t.outcome.classified(label) : t.outcome.adopted(label);
}

/** The outcome of one subject as one or more sentences. */
export function outcomeLines(subject: SubjectResult, kind: BallotKind, t: CommonTexts, language: Language): string[] {
  const o = subject.outcome;
  switch (o.type) {
    case 'adopted':
      return [adoptedLine(subject, o.optionId, kind, t, language)];
    case 'rejected':
      return [kind === 'motion' ? t.outcome.rejectedMotion : t.outcome.rejected];
    case 'cumulated':
      return [t.outcome.cumulated(labelOf(subject, o.optionId, language), o.cumulativeVotes)];
    case 'no-decision':
      return [
        t.outcome.noDecision,
        ...(o.tied.length > 0 ? [t.outcome.tied(labelsOf(subject, o.tied, language))] : []),
        t.outcome.policy[o.policy],
      ];
    case 'elected':
      return [
        o.elected.length > 0 ? t.outcome.elected(labelsOf(subject, o.elected, language)) : t.outcome.electedNone,
        ...(o.tiedAtCutoff.length > 0 ? [t.outcome.tiedAtCutoff(labelsOf(subject, o.tiedAtCutoff, language))] : []),
        ...(o.seatsUnfilled > 0 ? [t.outcome.seatsUnfilled(o.seatsUnfilled)] : []),
      ];
    case 'banded':
      return subject.bands.map((v) => (v.band ? t.outcome.band(v.band.consequence[language]) : t.outcome.noBand));
    case 'no-quorum':
      return [t.outcome.noQuorum];
    default:
      return assertNever(o);
  }
}

/** The option a subject ended on (adopted or cumulated), for one-line tables; null otherwise. */
export function decidedOption(subject: SubjectResult): string | null {
  const o = subject.outcome;
  switch (o.type) {
    case 'adopted':
    case 'cumulated':
      return o.optionId;
    case 'rejected':
    case 'no-decision':
    case 'elected':
    case 'banded':
    case 'no-quorum':
      return null;
    default:
      return assertNever(o);
  }
}

/** Numbers in the viewer's language (a count or a share has no time zone). */
const numbers = (language: Language) => formatsFor(language, 'UTC');

/** "90.57%" ("90,57 %" in Vietnamese), or an empty string when the base is 0. */
export function percentText(count: OptionCount, language: Language): string {
  return count.percent ? numbers(language).percent(count.percent) : '';
}

/** Names the base every percentage of this subject is of, once: "Percentages of eligible members (53)". */
export function percentCaption(subject: SubjectResult, t: CommonTexts): string {
  return t.percentCaption(t.bases[subject.percentBase.name], subject.percentBase.value);
}

/** 1/5 → "20%" ("20 %"); fractions that are not whole percentages stay fractions. */
export function fractionAsPercent(f: Fraction, language: Language): string {
  return (f.num * 100) % f.den === 0 ? numbers(language).percentOf((f.num * 100) / f.den) : `${f.num}/${f.den}`;
}

/** "5 × Excellent, but at most 3 allowed (20% of 16 × Good and above)" when the rule counts so. */
export function capWarningText(w: CapWarning, t: CommonTexts, language: Language): string {
  const label = (id: string) => optionLabel({ id, label: id }, language);
  return t.capWarning(
    w.group,
    label(w.top),
    w.topCount,
    w.allowed,
    fractionAsPercent(w.rate, language),
    label(w.reference),
    w.referenceCount,
    w.denominator === 'reference-and-above' ? t.andAbove : '',
  );
}

/**
 * Whether a view may show this option as carried. The tally never lets an option pass without
 * quorum, but results stored by builds from before that rule may say so: no view believes them.
 */
export function carried(count: OptionCount, quorum: QuorumVerdict): boolean {
  return count.passes && quorum.met;
}

/** "Turnout: 448 ballots returned, 94.71% of eligible members (473)". */
export function turnoutText(turnout: TurnoutShare, t: CommonTexts, language: Language): string {
  const percent = turnout.percent ? numbers(language).percent(turnout.percent) : '—';
  return t.turnout(turnout.returned, percent, t.bases[turnout.base.name], turnout.base.value);
}

/** The shares after the first (which `percent` already shows): "56.60% of eligible members". */
export function furtherShares(count: OptionCount, t: CommonTexts, language: Language): string[] {
  return count.shares
    .slice(1)
    .filter((s): s is OptionShare & { percent: NonNullable<OptionShare['percent']> } => s.percent !== null)
    .map((s) => t.shareOf(numbers(language).percent(s.percent), t.bases[s.base.name]));
}
