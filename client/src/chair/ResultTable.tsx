import {
  basisText,
  type BallotKind,
  type LegalBasis,
  type QuorumVerdict,
  type RoundResult,
  type SubjectResult,
} from '@hallvote/shared';
import { useLanguage, useText } from '../i18n';
import { numbersIn } from '../i18n/format';
import { chairText } from '../i18n/chair';
import { commonText } from '../i18n/common';
import { capWarningText, carried, decidedOption, optionLabel, outcomeLines, turnoutText } from '../ui/outcome-text';
import { ProposalNote } from './ProposalNote';

/** The legal text beside the numbers it governs, when the rule names one. */
export function BasisNote({ basis }: { basis: LegalBasis | null }) {
  const language = useLanguage();
  return basis ? <span className="basis">{basisText(basis, language)}</span> : null;
}

/**
 * Counts, the turnout share, percentages of the named base and of every further base the rule
 * publishes, bands and their consequences, the outcome in words, warnings, checks and the seal.
 */
export function ResultTable({ result, kind, interim }: { result: RoundResult; kind: BallotKind; interim: boolean }) {
  const t = useText(chairText);
  const c = useText(commonText);
  const language = useLanguage();
  const { ballots, subjects, warnings, invariants, turnout, basis, quorum } = result.tally;
  const failed = invariants.filter((i) => !i.ok);
  return (
    <section className="result-table" aria-label={interim ? t.result.interim : t.result.heading}>
      <h3>{interim ? t.result.interim : t.result.heading}</h3>
      <p>{t.result.counts(ballots.issued, ballots.returned, ballots.valid, ballots.invalid)}</p>
      <p>
        {turnoutText(turnout, c, language)} <BasisNote basis={basis.turnout} />
      </p>
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
      {basis.percentages ? (
        <p className="hint">
          <BasisNote basis={basis.percentages} />
        </p>
      ) : null}
      {/* Warnings come before the table: on a 19-row batch they would be out of sight. */}
      {subjects.length === 1 && subjects[0] ? (
        <SubjectTable subject={subjects[0]} kind={kind} quorum={quorum} majorityBasis={basis.majority} />
      ) : (
        <BatchTable subjects={subjects} kind={kind} quorum={quorum} />
      )}
      {!interim && result.seal ? (
        <p className="seal">
          {t.result.seal}: <code>{result.seal}</code>
        </p>
      ) : null}
    </section>
  );
}

function SubjectTable({
  subject,
  kind,
  quorum,
  majorityBasis,
}: {
  subject: SubjectResult;
  kind: BallotKind;
  quorum: QuorumVerdict;
  majorityBasis: LegalBasis | null;
}) {
  const t = useText(chairText);
  const c = useText(commonText);
  const language = useLanguage();
  const baseName = c.bases[subject.percentBase.name];
  const further = subject.counts[0]?.shares.slice(1) ?? [];
  const banded = subject.outcome.type === 'banded';
  return (
    <>
      {outcomeLines(subject, kind, c, language).map((line) => (
        <p key={line} className="outcome">
          {line}
        </p>
      ))}
      {subject.bands.map((v) =>
        v.band?.basis ? (
          <p key={v.optionId} className="hint">
            <BasisNote basis={v.band.basis} />
          </p>
        ) : null,
      )}
      <table>
        <thead>
          <tr>
            <th>{t.result.option}</th>
            <th className="num">{t.result.votes}</th>
            <th className="num">{t.result.percent(baseName)}</th>
            {further.map((s) => (
              <th key={s.base.name} className="num">
                {t.result.percent(c.bases[s.base.name])}
              </th>
            ))}
            {banded ? null : <th>{t.result.carries}</th>}
          </tr>
        </thead>
        <tbody>
          {subject.counts.map((count) => (
            <tr key={count.optionId} className={carried(count, quorum) ? 'passes' : undefined}>
              <td>{optionLabel({ id: count.optionId, label: count.label }, language)}</td>
              <td className="num">{count.votes}</td>
              <td className="num">{count.percent ? numbersIn(language).percentNumber(count.percent) : '—'}</td>
              {count.shares.slice(1).map((s) => (
                <td key={s.base.name} className="num">
                  {s.percent ? numbersIn(language).percentNumber(s.percent) : '—'}
                </td>
              ))}
              {banded ? null : <td>{carried(count, quorum) ? '✓' : ''}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        {t.result.empty(subject.empty)}
        {banded ? null : (
          <>
            {' · '}
            {t.result.needed(subject.votesNeeded, subject.majorityBase.value, c.bases[subject.majorityBase.name])}{' '}
            <BasisNote basis={majorityBasis} />
          </>
        )}
      </p>
      {subject.proposal ? <ProposalNote proposal={subject.proposal} /> : null}
    </>
  );
}

function BatchTable({
  subjects,
  kind,
  quorum,
}: {
  subjects: readonly SubjectResult[];
  kind: BallotKind;
  quorum: QuorumVerdict;
}) {
  const t = useText(chairText);
  const c = useText(commonText);
  const language = useLanguage();
  const options = subjects[0]?.counts ?? [];
  const proposals = subjects.some((s) => s.proposal !== null);
  const short = (s: SubjectResult) => {
    if (s.outcome.type === 'banded')
      return s.bands
        .map((v) => {
          const share = v.percent ? `${numbersIn(language).percent(v.percent)} ` : '';
          return `${share}${v.band ? v.band.consequence[language] : '—'}`;
        })
        .join('; ');
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
          {proposals ? <th>{t.result.proposal}</th> : null}
        </tr>
      </thead>
      <tbody>
        {subjects.map((s) => (
          <tr key={s.subjectId} className={s.bands.some((v) => v.band) ? 'banded' : undefined}>
            <td>{s.label}</td>
            {s.counts.map((count) => (
              <td key={count.optionId} className={`num${carried(count, quorum) ? ' passes' : ''}`}>
                {count.votes}
              </td>
            ))}
            <td>
              <strong>{short(s)}</strong>
            </td>
            {proposals ? <td>{s.proposal ? <ProposalNote proposal={s.proposal} short /> : null}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
