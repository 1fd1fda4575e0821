import type { BallotKind, RoundResult, SubjectResult } from '@hallvote/shared';
import { formatDecimal, useLanguage, useText } from '../i18n';
import { chairText } from '../i18n/chair';
import { commonText } from '../i18n/common';
import { capWarningText, decidedOption, optionLabel, outcomeLines } from '../ui/outcome-text';

/** Counts, percentages of the named base, the outcome in words, warnings, checks and the seal. */
export function ResultTable({ result, kind, interim }: { result: RoundResult; kind: BallotKind; interim: boolean }) {
  const t = useText(chairText);
  const c = useText(commonText);
  const language = useLanguage();
  const { ballots, subjects, warnings, invariants } = result.tally;
  const failed = invariants.filter((i) => !i.ok);
  return (
    <section className="result-table" aria-label={interim ? t.result.interim : t.result.heading}>
      <h3>{interim ? t.result.interim : t.result.heading}</h3>
      <p>{t.result.counts(ballots.issued, ballots.returned, ballots.valid, ballots.invalid)}</p>
      {warnings.length > 0 ? (
        <div className="warning" role="alert">
          <strong>{t.result.warnings}</strong>
          <ul>
            {warnings.map((w, i) => (
              <li key={i}>{capWarningText(w, c, language)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {failed.map((f) => (
        <p key={f.name} className="error-note" role="alert">
          {t.result.invariantFailed(`${f.name}: ${f.detail}`)}
        </p>
      ))}
      {result.acknowledgement ? <p>{c.acknowledged(result.acknowledgement.reason)}</p> : null}
      {/* Warnings come before the table: on a 19-row batch they would be out of sight. */}
      {subjects.length === 1 && subjects[0] ? (
        <SubjectTable subject={subjects[0]} kind={kind} />
      ) : (
        <BatchTable subjects={subjects} kind={kind} />
      )}
      {!interim && result.seal ? (
        <p className="seal">
          {t.result.seal}: <code>{result.seal}</code>
        </p>
      ) : null}
    </section>
  );
}

function SubjectTable({ subject, kind }: { subject: SubjectResult; kind: BallotKind }) {
  const t = useText(chairText);
  const c = useText(commonText);
  const language = useLanguage();
  const baseName = c.bases[subject.percentBase.name];
  return (
    <>
      {outcomeLines(subject, kind, c, language).map((line) => (
        <p key={line} className="outcome">
          {line}
        </p>
      ))}
      <table>
        <thead>
          <tr>
            <th>{t.result.option}</th>
            <th className="num">{t.result.votes}</th>
            <th className="num">{t.result.percent(baseName)}</th>
            <th>{t.result.carries}</th>
          </tr>
        </thead>
        <tbody>
          {subject.counts.map((count) => (
            <tr key={count.optionId} className={count.passes ? 'passes' : undefined}>
              <td>{optionLabel({ id: count.optionId, label: count.label }, language)}</td>
              <td className="num">{count.votes}</td>
              <td className="num">{count.percent ? formatDecimal(count.percent.text, language) : '—'}</td>
              <td>{count.passes ? '✓' : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        {t.result.empty(subject.empty)} ·{' '}
        {t.result.needed(subject.votesNeeded, subject.majorityBase.value, c.bases[subject.majorityBase.name])}
      </p>
    </>
  );
}

function BatchTable({ subjects, kind }: { subjects: readonly SubjectResult[]; kind: BallotKind }) {
  const t = useText(chairText);
  const c = useText(commonText);
  const language = useLanguage();
  const options = subjects[0]?.counts ?? [];
  const short = (s: SubjectResult) => {
    const decided = decidedOption(s);
    if (decided === null) return outcomeLines(s, kind, c, language).join(' ');
    const label = optionLabel(
      { id: decided, label: s.counts.find((x) => x.optionId === decided)?.label ?? decided },
      language,
    );
    return s.outcome.type === 'cumulated' ? c.cumulatedShort(label) : label;
  };
  return (
    <table className="batch">
      <thead>
        <tr>
          <th>{t.result.subject}</th>
          {options.map((o) => (
            <th key={o.optionId} className="num">
              {optionLabel({ id: o.optionId, label: o.label }, language)}
            </th>
          ))}
          <th>{t.result.outcome}</th>
        </tr>
      </thead>
      <tbody>
        {subjects.map((s) => (
          <tr key={s.subjectId}>
            <td>{s.label}</td>
            {s.counts.map((count) => (
              <td key={count.optionId} className={`num${count.passes ? ' passes' : ''}`}>
                {count.votes}
              </td>
            ))}
            <td>
              <strong>{short(s)}</strong>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
