// The results section of the minutes: per subject and option the votes online, on paper and
// together, the percentage of the named base, and the outcome with the rule that decided it.
// A batch is one compact table (subjects × levels), not a table per subject.
import type { BallotKind, MajorityRule, PaperTotals, SubjectResult } from '@hallvote/shared';
import { formatDecimal, useLanguage, useText } from '../../i18n';
import { commonText } from '../../i18n/common';
import { minutesText } from '../../i18n/minutes';
import { decidedOption, optionLabel, outcomeLines, percentText } from '../../ui/outcome-text';
import { paperEmpty, paperVotes } from './minutes-data';

interface Props {
  readonly subjects: readonly SubjectResult[];
  readonly kind: BallotKind;
  readonly majority: MajorityRule;
  readonly paper: PaperTotals | null;
}

export function MinutesResults({ subjects, kind, majority, paper }: Props) {
  const t = useText(minutesText);
  return (
    <section className="minutes-section" aria-labelledby="minutes-results">
      <h2 id="minutes-results">{t.results.heading}</h2>
      {subjects.length > 1 ? (
        <BatchTable subjects={subjects} kind={kind} majority={majority} paper={paper} />
      ) : (
        subjects.map((s) => (
          <SubjectTable key={s.subjectId} subject={s} kind={kind} majority={majority} paper={paper} />
        ))
      )}
    </section>
  );
}

function NeededLine({ subject, majority }: { subject: SubjectResult; majority: MajorityRule }) {
  const t = useText(minutesText);
  const c = useText(commonText);
  const { name, value } = subject.majorityBase;
  return <p>{t.results.needed(majority.strict, majority.fraction, c.bases[name], value, subject.votesNeeded)}</p>;
}

function SubjectTable({
  subject,
  kind,
  majority,
  paper,
}: {
  subject: SubjectResult;
  kind: BallotKind;
  majority: MajorityRule;
  paper: PaperTotals | null;
}) {
  const t = useText(minutesText);
  const c = useText(commonText);
  const language = useLanguage();
  const base = subject.percentBase;
  return (
    <div className="minutes-subject">
      <h3>{subject.label}</h3>
      <table className="minutes-table" aria-label={subject.label}>
        <thead>
          <tr>
            <th scope="col">{t.results.option}</th>
            <th scope="col" className="num">
              {t.ballots.online}
            </th>
            <th scope="col" className="num">
              {t.ballots.paper}
            </th>
            <th scope="col" className="num">
              {t.ballots.total}
            </th>
            <th scope="col" className="num">
              {t.results.percentOf(c.bases[base.name], base.value)}
            </th>
            <th scope="col">{t.results.carries}</th>
          </tr>
        </thead>
        <tbody>
          {subject.counts.map((count) => {
            const onPaper = paperVotes(paper, subject.subjectId, count.optionId);
            return (
              <tr key={count.optionId} className={count.passes ? 'carries' : undefined}>
                <th scope="row">{optionLabel({ id: count.optionId, label: count.label }, language)}</th>
                <td className="num">{count.votes - onPaper}</td>
                <td className="num">{onPaper}</td>
                <td className="num total">{count.votes}</td>
                <td className="num">{count.percent ? formatDecimal(count.percent.text, language) : '—'}</td>
                <td>{count.passes ? t.results.yes : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>{t.results.empty(subject.empty)}</p>
      <div className="minutes-outcome">
        {outcomeLines(subject, kind, c, language).map((line) => (
          <p key={line} className="minutes-outcome-line">
            {line}
          </p>
        ))}
        <NeededLine subject={subject} majority={majority} />
      </div>
    </div>
  );
}

function BatchTable({ subjects, kind, majority, paper }: Props) {
  const t = useText(minutesText);
  const c = useText(commonText);
  const language = useLanguage();
  const first = subjects[0];
  if (!first) return null;
  const options = first.counts;
  const hasPaper = paper !== null && paper.returned > 0;
  // The base is ballot-wide except for `decisive`, which differs per subject: then each row says it.
  const uniform = subjects.every(
    (s) => s.votesNeeded === first.votesNeeded && s.majorityBase.value === first.majorityBase.value,
  );
  const groups = new Set(subjects.map((s) => s.group));

  const outcome = (s: SubjectResult) => {
    const decided = decidedOption(s);
    if (decided === null) return outcomeLines(s, kind, c, language).join(' ');
    const label = optionLabel(
      { id: decided, label: s.counts.find((x) => x.optionId === decided)?.label ?? decided },
      language,
    );
    return s.outcome.type === 'cumulated' ? c.cumulatedShort(label) : label;
  };

  return (
    <>
      <p>
        {t.results.percentCaption(c.bases[first.percentBase.name], first.percentBase.value)} {t.results.batchLegend}
        {hasPaper ? ` ${t.results.batchPaperLegend}` : ''}
      </p>
      {uniform ? <NeededLine subject={first} majority={majority} /> : null}
      <table className="minutes-table batch" aria-label={t.results.heading}>
        <thead>
          <tr>
            <th scope="col">{t.results.subject}</th>
            {options.map((o) => (
              <th key={o.optionId} scope="col" className="num">
                {optionLabel({ id: o.optionId, label: o.label }, language)}
              </th>
            ))}
            <th scope="col" className="num">
              {t.results.emptyColumn}
            </th>
            <th scope="col">{t.results.outcome}</th>
          </tr>
        </thead>
        <tbody>
          {subjects.map((s) => (
            <tr key={s.subjectId}>
              <th scope="row">
                {s.label}
                {groups.size > 1 && s.group ? <span className="group">{s.group}</span> : null}
              </th>
              {s.counts.map((count) => {
                const onPaper = paperVotes(paper, s.subjectId, count.optionId);
                return (
                  <td key={count.optionId} className={`num${count.passes ? ' carries' : ''}`}>
                    <strong>{count.votes}</strong>
                    {count.percent ? <span className="pct">{percentText(count, language)}</span> : null}
                    {onPaper > 0 ? (
                      <span className="split">{t.results.onlinePlusPaper(count.votes - onPaper, onPaper)}</span>
                    ) : null}
                  </td>
                );
              })}
              <td className="num">
                {s.empty}
                {paperEmpty(paper, s.subjectId) > 0 ? (
                  <span className="split">
                    {t.results.onlinePlusPaper(
                      s.empty - paperEmpty(paper, s.subjectId),
                      paperEmpty(paper, s.subjectId),
                    )}
                  </span>
                ) : null}
              </td>
              <td>
                <strong>{outcome(s)}</strong>
                {uniform ? null : (
                  <span className="split">{t.results.neededShort(s.votesNeeded, s.majorityBase.value)}</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
