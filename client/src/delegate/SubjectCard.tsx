import { rowOf, type TallyOption, type TallySubject } from '@hallvote/shared';
import { useShallow } from 'zustand/react/shallow';
import { useLanguage } from '../i18n';
import { optionLabel } from '../ui/option-label';
import { onOptionGroupKey, radioTabIndex } from '../ui/roving';
import { ProposalLine } from './ProposalLine';
import { useDelegate } from './store';
import { toggleMark } from './vote-actions';

const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** One subject with large option buttons: a motion, a choice, or one row of a small batch. */
export function SubjectCard({ subject }: { subject: TallySubject }) {
  const options = useDelegate(useShallow((s) => s.ballot?.options ?? []));
  const kind = useDelegate((s) => s.ballot?.kind ?? 'motion');
  const title = useDelegate((s) => s.ballot?.title ?? '');
  const chosen = useDelegate(useShallow((s) => rowOf(s.draft, subject.id) ?? []));
  // The ballot's title already names a lone subject that carries the same label: say it once.
  const repeated = kind !== 'batch' && same(subject.label, title);
  const headingId = repeated ? 'ballot-title' : `subject-${subject.id}`;
  return (
    <div className="subject-card">
      {repeated ? null : (
        <p className="subject-label" id={headingId}>
          {subject.label}
        </p>
      )}
      <ProposalLine subject={subject} />
      <div role="radiogroup" aria-labelledby={headingId} className="options" onKeyDown={onOptionGroupKey}>
        {options.map((option, i) => (
          <OptionButton
            key={option.id}
            subjectId={subject.id}
            option={option}
            checked={chosen.includes(option.id)}
            tabIndex={radioTabIndex(chosen.includes(option.id), i, chosen.length > 0)}
          />
        ))}
      </div>
    </div>
  );
}

function OptionButton({
  subjectId,
  option,
  checked,
  tabIndex,
}: {
  subjectId: string;
  option: TallyOption;
  checked: boolean;
  tabIndex: number;
}) {
  const language = useLanguage();
  return (
    <button
      type="button"
      role="radio"
      aria-checked={checked}
      tabIndex={tabIndex}
      className={`option${checked ? ' checked' : ''}`}
      onClick={() => toggleMark(subjectId, option.id)}
    >
      <span className="mark" aria-hidden="true">
        {checked ? '✓' : ''}
      </span>
      <span>{optionLabel(option, language)}</span>
    </button>
  );
}
