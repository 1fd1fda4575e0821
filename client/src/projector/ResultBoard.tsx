import type { BallotKind, SubjectResult } from '@hallvote/shared';
import type { ReactNode } from 'react';
import { useLanguage, useText } from '../i18n';
import { anchorText } from '../i18n/anchor';
import { commonText } from '../i18n/common';
import { projectorText } from '../i18n/projector';
import {
  capWarningText,
  decidedOption,
  optionLabel,
  outcomeLines,
  percentCaption,
  percentText,
} from '../ui/outcome-text';
import { Pager } from './Pager';
import { ofCurrentRound, useProjector } from './store';

/**
 * A batch longer than this is shown in two columns, when its labels are short enough to stay on
 * one line there (long ones read better across the whole width); so are bars of many options.
 */
const SPLIT_AT = 8;
const SHORT_LABEL = 28;
const BARS_SPLIT_AT = 10;

/** The published result: outcome in words, bars or the subjects' table (paged when long), warnings. */
export function ResultBoard() {
  const t = useText(projectorText);
  const c = useText(commonText);
  const language = useLanguage();
  const kind = useProjector((s) => s.ballot?.kind ?? 'motion');
  const result = useProjector((s) => (ofCurrentRound(s.ballot, s.result) ? s.result : null));
  const anchor = useProjector((s) => (ofCurrentRound(s.ballot, s.anchor) ? s.anchor : null));
  const a = useText(anchorText);
  if (!result) return null;
  const { subjects, warnings, ballots } = result.tally;
  const single = subjects.length === 1 ? subjects[0] : undefined;
  // Warnings follow the rows: on the last page, or on a page of their own when a long result
  // leaves no room, so the rows get the screen on every other page.
  const tail =
    warnings.length > 0 ? (
      <div className="warnings">
        <strong>{t.warnings}</strong>
        <ul>
          {warnings.map((w, i) => (
            <li key={i}>{capWarningText(w, c, language)}</li>
          ))}
        </ul>
        {result.acknowledgement ? <p>{c.acknowledged(result.acknowledgement.reason)}</p> : null}
      </div>
    ) : null;
  return (
    <div className="result-board">
      {single ? (
        <SingleResult subject={single} kind={kind} tail={tail} />
      ) : (
        <SubjectsTable subjects={subjects} kind={kind} tail={tail} />
      )}
      <p className="counts">{t.counts(ballots.returned, ballots.valid, ballots.invalid)}</p>
      {anchor ? (
        <p className="anchor-line">
          {a.seal}: <code>{anchor.seal}</code> · {a.head(anchor.head.seq)}: <code>{anchor.head.hash}</code>
        </p>
      ) : null}
    </div>
  );
}

function SingleResult({ subject, kind, tail }: { subject: SubjectResult; kind: BallotKind; tail: ReactNode }) {
  const t = useText(projectorText);
  const c = useText(commonText);
  const language = useLanguage();
  const base = subject.percentBase.value;
  const neededAt =
    base > 0 && subject.majorityBase.name === subject.percentBase.name ? (subject.votesNeeded / base) * 100 : null;
  const compact = subject.counts.length > 5;
  const rows = subject.counts.map((count) => (
    <li key={count.optionId} data-row className={count.passes ? 'passes' : undefined}>
      <span className="label">{optionLabel({ id: count.optionId, label: count.label }, language)}</span>
      <span className="bar" aria-hidden="true">
        <span className="fill" style={{ width: `${base > 0 ? Math.min(100, (count.votes / base) * 100) : 0}%` }} />
        {neededAt !== null ? <span className="needed" style={{ left: `${Math.min(100, neededAt)}%` }} /> : null}
      </span>
      <span className="count">{count.votes}</span>
      <span className="percent">{percentText(count, language)}</span>
    </li>
  ));
  return (
    <>
      <div className="outcome-words">
        {outcomeLines(subject, kind, c, language).map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      <p className="percent-caption">
        {percentCaption(subject, c)}
        {neededAt !== null ? (
          <span className="needed-legend">
            {' · '}
            <span className="needed-swatch" aria-hidden="true" /> {t.needed(subject.votesNeeded)} (
            {c.bases[subject.majorityBase.name]}: {subject.majorityBase.value})
          </span>
        ) : null}
      </p>
      <Pager
        rows={rows}
        columns={rows.length > BARS_SPLIT_AT ? 2 : 1}
        column={(items: ReactNode) => <ol className={`bars${compact ? ' compact' : ''}`}>{items}</ol>}
        tail={tail}
      />
    </>
  );
}

function SubjectsTable({
  subjects,
  kind,
  tail,
}: {
  subjects: readonly SubjectResult[];
  kind: BallotKind;
  tail: ReactNode;
}) {
  const t = useText(projectorText);
  const c = useText(commonText);
  const language = useLanguage();
  const rows = subjects.map((s) => {
    const decided = decidedOption(s);
    const level = decided
      ? optionLabel({ id: decided, label: s.counts.find((x) => x.optionId === decided)?.label ?? decided }, language)
      : null;
    const label =
      level === null
        ? outcomeLines(s, kind, c, language).join(' ')
        : s.outcome.type === 'cumulated'
          ? c.cumulatedShort(level)
          : level;
    return (
      <tr key={s.subjectId} data-row className={decided ? 'decided' : 'undecided'}>
        <td>{s.label}</td>
        <td>
          <strong>{label}</strong>
        </td>
      </tr>
    );
  });
  return (
    <Pager
      rows={rows}
      columns={subjects.length > SPLIT_AT && subjects.every((x) => x.label.length <= SHORT_LABEL) ? 2 : 1}
      column={(items: ReactNode) => (
        <table className="subjects">
          <thead>
            <tr>
              <th>{t.subject}</th>
              <th>{t.result}</th>
            </tr>
          </thead>
          <tbody>{items}</tbody>
        </table>
      )}
      tail={tail}
    />
  );
}
