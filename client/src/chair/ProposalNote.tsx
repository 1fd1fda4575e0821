// A subject's proposal and score held against the level the vote gave it (QĐ 366): flagged when
// the vote did not keep the proposal, or when the score does not allow the level adopted.
import type { ProposalCheck } from '@hallvote/shared';
import { useLanguage, useText, type Language } from '../i18n';
import { numbersIn } from '../i18n/format';
import { rulesText } from '../i18n/rules';
import { optionLabel } from '../ui/option-label';

export interface ProposalWords {
  /** The proposed level and the score. */
  readonly proposal: readonly string[];
  readonly adopted: string;
  /** What needs the reader's attention: a level other than proposed, one the score does not allow. */
  readonly flags: readonly string[];
  /** What the score allows, and conditions the score cannot show. */
  readonly notes: readonly string[];
}

export function proposalWords(
  p: ProposalCheck,
  t: (typeof rulesText)['en']['proposal'],
  language: Language,
): ProposalWords {
  const label = (id: string) => optionLabel({ id, label: id }, language);
  const scoreLevel = p.scoreLevel === null ? null : label(p.scoreLevel);
  return {
    proposal: [
      ...(p.proposedLevel !== null ? [t.proposed(label(p.proposedLevel))] : []),
      ...(p.score !== null ? [t.score(numbersIn(language).decimal(p.score))] : []),
    ],
    adopted: p.adoptedLevel === null ? t.noneAdopted : t.adopted(label(p.adoptedLevel)),
    flags: [
      ...(p.differs ? [t.differs] : []),
      ...(scoreLevel !== null && p.scoreAllows === false ? [t.scoreDisallows(scoreLevel)] : []),
    ],
    notes: [
      ...(scoreLevel !== null && p.scoreAllows === true ? [t.scoreAllows(scoreLevel)] : []),
      ...(p.condition ? [t.condition(p.condition[language])] : []),
    ],
  };
}

/** In full under one subject; `short` in a table row, where the adopted level has its own column. */
export function ProposalNote({ proposal, short = false }: { proposal: ProposalCheck; short?: boolean }) {
  const t = useText(rulesText);
  const language = useLanguage();
  const w = proposalWords(proposal, t.proposal, language);
  const parts = short ? [...w.proposal, ...w.flags] : [...w.proposal, w.adopted, ...w.flags, ...w.notes];
  const flagged = w.flags.length > 0;
  return (
    <span className={`proposal${flagged ? ' flagged' : ''}`}>
      {flagged ? <span aria-hidden="true">⚠ </span> : null}
      {parts.join(' · ')}
    </span>
  );
}
