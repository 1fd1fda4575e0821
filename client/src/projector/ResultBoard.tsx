import type { BallotKind, SubjectResult } from '@hallvote/shared';
import { useLanguage, useText } from '../i18n';
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
import { ofCurrentRound, useProjector } from './store';

/** A batch this long is split into two columns so every row stays legible at the back. */
const SPLIT_AT = 8;

/** The published result: outcome in words, bars or the subjects' table, warnings. */
export function ResultBoard() {
  const t = useText(projectorText);
  const c = useText(commonText);
  const language = useLanguage();
  const kind = useProjector((s) => s.ballot?.kind ?? 'motion');
  const result = useProjector((s) => (ofCurrentRound(s.ballot, s.result) ? s.result : null));
  if (!result) return null;
  const { subjects, warnings, ballots } = result.tally;
  const single = subjects.length === 1 ? subjects[0] : undefined;
  return (
    <div className="result-board">
      {single ? <SingleResult subject={single} kind={kind} /> : <SubjectsTable subjects={subjects} kind={kind} />}
      <p className="counts">{t.counts(ballots.returned, ballots.valid, ballots.invalid)}</p>
      {warnings.length > 0 ? (
        <div className="warnings">
          <strong>{t.warnings}</strong>
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>{capWarningText(w, c, language)}</li>
            ))}
          </ul>
          {result.acknowledgement ? <p>{c.acknowledged(result.acknowledgement.reason)}</p> : null}
        </div>
      ) : null}
    </div>
  );
}

function SingleResult({ subject, kind }: { subject: SubjectResult; kind: BallotKind }) {
  const t = useText(projectorText);
  const c = useText(commonText);
  const language = useLanguage();
  const base = subject.percentBase.value;
  const neededAt =
    base > 0 && subject.majorityBase.name === subject.percentBase.name ? (subject.votesNeeded / base) * 100 : null;
  return (
    <>
      <div className="outcome-words">
        {outcomeLines(subject, kind, c, language).map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      <p className="percent-caption">{percentCaption(subject, c)}</p>
      <ol className={`bars${subject.counts.length > 5 ? ' compact' : ''}`}>
        {subject.counts.map((count) => (
          <li key={count.optionId} className={count.passes ? 'passes' : undefined}>
            <span className="label">{optionLabel({ id: count.optionId, label: count.label }, language)}</span>
            <span className="bar" aria-hidden="true">
              <span
                className="fill"
                style={{ width: `${base > 0 ? Math.min(100, (count.votes / base) * 100) : 0}%` }}
              />
              {neededAt !== null ? (
                <span
                  className="needed"
                  style={{ left: `${Math.min(100, neededAt)}%` }}
                  title={t.needed(subject.votesNeeded)}
                />
              ) : null}
            </span>
            <span className="count">{count.votes}</span>
            <span className="percent">{percentText(count, language)}</span>
          </li>
        ))}
      </ol>
      {neededAt !== null ? (
        <p className="needed-legend">
          <span className="needed-swatch" aria-hidden="true" /> {t.needed(subject.votesNeeded)} (
          {c.bases[subject.majorityBase.name]}: {subject.majorityBase.value})
        </p>
      ) : null}
    </>
  );
}

function SubjectsTable({ subjects, kind }: { subjects: readonly SubjectResult[]; kind: BallotKind }) {
  const half = subjects.length > SPLIT_AT ? Math.ceil(subjects.length / 2) : subjects.length;
  const columns = half < subjects.length ? [subjects.slice(0, half), subjects.slice(half)] : [subjects];
  return (
    <div className="subjects-columns">
      {columns.map((rows, i) => (
        <SubjectsColumn key={i} rows={rows} kind={kind} />
      ))}
    </div>
  );
}

function SubjectsColumn({ rows, kind }: { rows: readonly SubjectResult[]; kind: BallotKind }) {
  const t = useText(projectorText);
  const c = useText(commonText);
  const language = useLanguage();
  return (
    <table className="subjects">
      <thead>
        <tr>
          <th>{t.subject}</th>
          <th>{t.result}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((s) => {
          const decided = decidedOption(s);
          const level = decided
            ? optionLabel(
                { id: decided, label: s.counts.find((x) => x.optionId === decided)?.label ?? decided },
                language,
              )
            : null;
          const label =
            level === null
              ? outcomeLines(s, kind, c, language).join(' ')
              : s.outcome.type === 'cumulated'
                ? c.cumulatedShort(level)
                : level;
          return (
            <tr key={s.subjectId} className={decided ? 'decided' : 'undecided'}>
              <td>{s.label}</td>
              <td>
                <strong>{label}</strong>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
