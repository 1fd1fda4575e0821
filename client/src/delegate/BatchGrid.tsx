import { useShallow } from 'zustand/react/shallow';
import { rowOf, type TallyOption, type TallySubject } from '@hallvote/shared';
import { useLanguage, useText } from '../i18n';
import { delegateText } from '../i18n/delegate';
import { optionLabel } from '../ui/option-label';
import { onOptionGroupKey, radioTabIndex } from '../ui/roving';
import { shortLabels } from './option-labels';
import { ProposalLine } from './ProposalLine';
import { useDelegate } from './store';
import { toggleMark } from './vote-actions';

/** The short header of each level, and the legend that spells them out. */
function useColumns(): { options: readonly TallyOption[]; short: string[]; full: string[] } {
  const t = useText(delegateText);
  const language = useLanguage();
  const options = useDelegate(useShallow((s) => s.ballot?.options ?? []));
  const full = options.map((o) => optionLabel(o, language));
  return { options, full, short: shortLabels(options, t.short, (o) => optionLabel(o, language)) };
}

function Legend({ short, full }: { short: string[]; full: string[] }) {
  const t = useText(delegateText);
  return (
    <dl className="grid-legend" aria-label={t.legend}>
      {short.map((s, i) => (
        <div key={s}>
          <dt>{s}</dt>
          <dd>{full[i]}</dd>
        </div>
      ))}
    </dl>
  );
}

function Head({ short, children }: { short: string[]; children?: React.ReactNode }) {
  return (
    <div className="grid-sticky">
      {children}
      <div className="grid-row grid-head" aria-hidden="true" style={{ '--cols': short.length } as React.CSSProperties}>
        <span />
        {short.map((s) => (
          <span key={s} className="cell">
            {s}
          </span>
        ))}
      </div>
    </div>
  );
}

/** The batch to mark: one tap per row. */
export function BatchGrid() {
  const t = useText(delegateText);
  const subjects = useDelegate(useShallow((s) => s.ballot?.subjects ?? []));
  const total = subjects.length;
  const done = useDelegate(
    (s) => s.ballot?.subjects.filter((x) => (rowOf(s.draft, x.id)?.length ?? 0) > 0).length ?? 0,
  );
  const { options, short, full } = useColumns();
  return (
    <div className="batch-grid">
      <Legend short={short} full={full} />
      <Head short={short}>
        <p className="progress" role="status">
          <span>{t.progress(done, total)}</span>
          <progress max={total} value={done} aria-hidden="true" />
        </p>
      </Head>
      {subjects.map((subject) => (
        <GridRow key={subject.id} subject={subject} options={options} full={full} />
      ))}
    </div>
  );
}

function GridRow({
  subject,
  options,
  full,
}: {
  subject: TallySubject;
  options: readonly TallyOption[];
  full: string[];
}) {
  const chosen = useDelegate(useShallow((s) => rowOf(s.draft, subject.id) ?? []));
  const labelId = `subject-${subject.id}`;
  return (
    <div
      className={`grid-row${chosen.length > 0 ? ' rated' : ''}`}
      role="radiogroup"
      aria-labelledby={labelId}
      onKeyDown={onOptionGroupKey}
      style={{ '--cols': options.length } as React.CSSProperties}
    >
      <span className="subject" id={labelId}>
        {subject.label}
        <ProposalLine subject={subject} short />
      </span>
      {options.map((option, i) => {
        const checked = chosen.includes(option.id);
        return (
          <button
            key={option.id}
            type="button"
            role="radio"
            aria-checked={checked}
            aria-label={full[i]}
            tabIndex={radioTabIndex(checked, i, chosen.length > 0)}
            className={`cell${checked ? ' checked' : ''}`}
            onClick={() => toggleMark(subject.id, option.id)}
          >
            <span className="dot" aria-hidden="true">
              {checked ? '✓' : ''}
            </span>
          </button>
        );
      })}
    </div>
  );
}

/** The same grid, read-only, for the review: what was chosen per row, unrated rows marked. */
export function BatchGridReview() {
  const t = useText(delegateText);
  const subjects = useDelegate(useShallow((s) => s.ballot?.subjects ?? []));
  const draft = useDelegate((s) => s.draft);
  const { options, short, full } = useColumns();
  return (
    <div className="batch-grid review-grid">
      <Legend short={short} full={full} />
      <Head short={short} />
      <ol className="grid-rows">
        {subjects.map((subject) => {
          const chosen = rowOf(draft, subject.id) ?? [];
          const names = options.flatMap((o, i) => (chosen.includes(o.id) ? [full[i] ?? o.id] : []));
          return (
            <li
              key={subject.id}
              className={`grid-row${chosen.length === 0 ? ' unrated' : ''}`}
              style={{ '--cols': options.length } as React.CSSProperties}
            >
              <span className="subject">
                {subject.label}
                <ProposalLine subject={subject} short />
                <span className={chosen.length === 0 ? 'row-note' : 'visually-hidden'}>
                  {chosen.length === 0 ? t.notRated : `: ${names.join(', ')}`}
                </span>
              </span>
              {options.map((o) => (
                <span key={o.id} className={`cell${chosen.includes(o.id) ? ' checked' : ''}`} aria-hidden="true">
                  <span className="dot">{chosen.includes(o.id) ? '✓' : ''}</span>
                </span>
              ))}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
