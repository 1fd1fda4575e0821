// The level proposed for a subject before the vote, and its score (QĐ 366), beside the subject:
// the vote mostly approves a proposal, so the delegate sees what they are asked to approve.
import type { TallySubject } from '@hallvote/shared';
import { useShallow } from 'zustand/react/shallow';
import { useLanguage, useText } from '../i18n';
import { numbersIn } from '../i18n/format';
import { delegateText } from '../i18n/delegate';
import { optionLabel } from '../ui/option-label';
import { useDelegate } from './store';

/** Nothing for a subject with neither; `short` names the level by its short form (the grid). */
export function ProposalLine({ subject, short = false }: { subject: TallySubject; short?: boolean }) {
  const t = useText(delegateText);
  const language = useLanguage();
  const options = useDelegate(useShallow((s) => s.ballot?.options ?? []));
  if (subject.proposedLevel === undefined && subject.score === undefined) return null;
  const level = subject.proposedLevel;
  const option = options.find((o) => o.id === level);
  const levelText =
    level === undefined
      ? null
      : short && t.short[level]
        ? t.short[level]
        : optionLabel(option ?? { id: level, label: level }, language);
  const parts = [
    ...(levelText !== null ? [t.proposed(levelText)] : []),
    ...(subject.score !== undefined ? [t.points(numbersIn(language).decimal(subject.score))] : []),
  ];
  return <span className="proposal-line">{parts.join(' · ')}</span>;
}
