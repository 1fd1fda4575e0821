import { rowOf, type TallyOption, type TallySubject } from '@hallvote/shared';
import { useShallow } from 'zustand/react/shallow';
import { useLanguage, useText } from '../i18n';
import { delegateText } from '../i18n/delegate';
import { ErrorNote } from '../ui/ErrorNote';
import { optionLabel } from '../ui/outcome-text';
import { BallotHeading } from './BallotHeading';
import { useDelegate } from './store';
import { canReview, goToReview, markLimit, toggleMark } from './vote-actions';

/** The open ballot: large options, one card per subject on a batch ballot. */
export function MarkingScreen() {
  const t = useText(delegateText);
  const kind = useDelegate((s) => s.ballot?.kind ?? 'motion');
  const subjects = useDelegate(useShallow((s) => s.ballot?.subjects ?? []));
  const ready = useDelegate((s) => (s.ballot ? canReview(s.ballot, s.draft) : false));
  const refusal = useDelegate((s) => s.refusal);
  const batch = kind === 'batch';
  return (
    <section className="screen marking">
      <BallotHeading />
      {batch ? <Progress /> : null}
      {refusal ? <ErrorNote refusal={refusal} lead={t.notRecorded} /> : null}
      {subjects.map((subject) => (
        <SubjectCard key={subject.id} subject={subject} />
      ))}
      <div className="sticky-actions">
        <button type="button" className="primary big" disabled={!ready} onClick={goToReview}>
          {t.review}
        </button>
      </div>
    </section>
  );
}

function Progress() {
  const t = useText(delegateText);
  const total = useDelegate((s) => s.ballot?.subjects.length ?? 0);
  const done = useDelegate(
    (s) => s.ballot?.subjects.filter((x) => (rowOf(s.draft, x.id)?.length ?? 0) > 0).length ?? 0,
  );
  return (
    <p className="progress" role="status">
      <span>{t.progress(done, total)}</span>
      <progress max={total} value={done} aria-hidden="true" />
    </p>
  );
}

function SubjectCard({ subject }: { subject: TallySubject }) {
  const t = useText(delegateText);
  const options = useDelegate(useShallow((s) => s.ballot?.options ?? []));
  const limit = useDelegate((s) => (s.ballot ? markLimit(s.ballot) : 1));
  const kind = useDelegate((s) => s.ballot?.kind ?? 'motion');
  const instruction = kind === 'election' ? t.chooseUpTo(limit) : kind === 'batch' ? null : t.chooseOne;
  const headingId = `subject-${subject.id}`;
  return (
    <fieldset className="subject-card" aria-labelledby={headingId}>
      <legend id={headingId}>{subject.label}</legend>
      {instruction ? <p className="instruction">{instruction}</p> : null}
      <div role={limit === 1 ? 'radiogroup' : 'group'} aria-labelledby={headingId} className="options">
        {options.map((option) => (
          <OptionButton key={option.id} subjectId={subject.id} option={option} multiple={limit > 1} />
        ))}
      </div>
    </fieldset>
  );
}

function OptionButton({ subjectId, option, multiple }: { subjectId: string; option: TallyOption; multiple: boolean }) {
  const language = useLanguage();
  const checked = useDelegate((s) => rowOf(s.draft, subjectId)?.includes(option.id) ?? false);
  const full = useDelegate(
    (s) => multiple && !checked && (rowOf(s.draft, subjectId)?.length ?? 0) >= (s.ballot ? markLimit(s.ballot) : 1),
  );
  return (
    <button
      type="button"
      role={multiple ? 'checkbox' : 'radio'}
      aria-checked={checked}
      disabled={full}
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
