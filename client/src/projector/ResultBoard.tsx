import {
  basisText,
  type BallotKind,
  type LegalBasis,
  type QuorumVerdict,
  type SubjectResult,
  type TurnoutShare,
} from '@hallvote/shared';
import type { ReactNode } from 'react';
import { useLanguage, useText } from '../i18n';
import { numbersIn } from '../i18n/format';
import { anchorText } from '../i18n/anchor';
import { formatWeight, proxyText } from '../i18n/proxies';
import { commonText } from '../i18n/common';
import { projectorText } from '../i18n/projector';
import {
  capWarningText,
  carried,
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
  const w = useText(proxyText);
  if (!result) return null;
  const { subjects, warnings, ballots, quorum, basis, turnout } = result.tally;
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
        <SingleResult
          subject={single}
          kind={kind}
          tail={tail}
          quorum={quorum}
          percentBasis={basis.percentages}
          majorityBasis={basis.majority}
        />
      ) : (
        <SubjectsTable subjects={subjects} kind={kind} tail={tail} percentBasis={basis.percentages} />
      )}
      <p className="counts">
        {t.counts(ballots.returned, turnoutShare(turnout, c, language), ballots.valid, ballots.invalid)}
      </p>
      {result.tally.countBy ? <p className="counted-by">{w.countedBy[result.tally.countBy]}</p> : null}
      {anchor ? (
        <p className="anchor-line">
          {a.seal}: <code>{anchor.seal}</code> · {a.head(anchor.head.seq)}: <code>{anchor.head.hash}</code>
        </p>
      ) : null}
    </div>
  );
}

/** "100,00% tổng số đại biểu được triệu tập", or nothing when the base is 0. */
function turnoutShare(turnout: TurnoutShare, c: (typeof commonText)['en'], language: 'vi' | 'en'): string {
  return turnout.percent ? c.shareOf(numbersIn(language).percent(turnout.percent), c.bases[turnout.base.name]) : '';
}

/** The legal text the percentages come from, under the caption that names their base. */
function BasisLine({ basis }: { basis: LegalBasis | null }) {
  const language = useLanguage();
  return basis ? <p className="basis-line">{basisText(basis, language)}</p> : null;
}

function SingleResult({
  subject,
  kind,
  tail,
  quorum,
  percentBasis,
  majorityBasis,
}: {
  subject: SubjectResult;
  kind: BallotKind;
  tail: ReactNode;
  quorum: QuorumVerdict;
  percentBasis: LegalBasis | null;
  majorityBasis: LegalBasis | null;
}) {
  const t = useText(projectorText);
  const c = useText(commonText);
  const language = useLanguage();
  const further = subject.counts[0]?.shares.slice(1).map((s) => s.base) ?? [];
  const banded = subject.outcome.type === 'banded';
  const base = subject.percentBase.value;
  const neededAt =
    base > 0 && subject.majorityBase.name === subject.percentBase.name ? (subject.votesNeeded / base) * 100 : null;
  const compact = subject.counts.length > 5;
  const rows = subject.counts.map((count) => (
    <li key={count.optionId} data-row className={carried(count, quorum) ? 'passes' : undefined}>
      <span className="label">{optionLabel({ id: count.optionId, label: count.label }, language)}</span>
      <span className="bar" aria-hidden="true">
        <span className="fill" style={{ width: `${base > 0 ? Math.min(100, (count.votes / base) * 100) : 0}%` }} />
        {neededAt !== null ? <span className="needed" style={{ left: `${Math.min(100, neededAt)}%` }} /> : null}
      </span>
      <span className="count">
        {count.votes}
        {count.weight ? <span className="weight"> · {formatWeight(count.weight.votes, language)}</span> : null}
      </span>
      <span className="percent">
        {percentText(count, language)}
        {count.shares.slice(1).map((share) => (
          <span key={share.base.name} className="further">
            {share.percent ? numbersIn(language).percent(share.percent) : '—'}
          </span>
        ))}
      </span>
    </li>
  ));
  return (
    <>
      <div className={`outcome-words${banded ? ' banded' : ''}`}>
        {outcomeLines(subject, kind, c, language).map((line) => (
          <p key={line}>{line}</p>
        ))}
      </div>
      {subject.bands.map((v) => (v.band?.basis ? <BasisLine key={v.optionId} basis={v.band.basis} /> : null))}
      <p className="percent-caption">
        {percentCaption(subject, c)}
        {further.length > 0
          ? ` · ${t.furtherBelow(further.map((b) => `${c.bases[b.name]} (${b.value})`).join(', '))}`
          : ''}
        {neededAt !== null ? (
          <span className="needed-legend">
            {' · '}
            <span className="needed-swatch" aria-hidden="true" /> {t.needed(subject.votesNeeded)} (
            {c.bases[subject.majorityBase.name]}: {subject.majorityBase.value})
          </span>
        ) : null}
      </p>
      <BasisLine basis={percentBasis} />
      {majorityBasis && !banded ? (
        <p className="basis-line">
          {/* Where the bars cannot mark it (another base), the votes needed are said here. */}
          {neededAt === null
            ? `${t.needed(subject.votesNeeded)} (${c.bases[subject.majorityBase.name]}: ${subject.majorityBase.value}) · `
            : ''}
          {basisText(majorityBasis, language)}
        </p>
      ) : null}
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
  percentBasis,
}: {
  subjects: readonly SubjectResult[];
  kind: BallotKind;
  tail: ReactNode;
  percentBasis: LegalBasis | null;
}) {
  const t = useText(projectorText);
  const c = useText(commonText);
  const language = useLanguage();
  const banded = subjects.some((s) => s.outcome.type === 'banded');
  const rows = subjects.map((s) => {
    if (s.outcome.type === 'banded') return <BandedRow key={s.subjectId} subject={s} />;
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
    <>
      {banded ? <BandCaption subject={subjects[0]} /> : null}
      <BasisLine basis={percentBasis} />
      <Pager
        rows={rows}
        // Consequences are sentences: a banded table keeps the whole width.
        columns={!banded && subjects.length > SPLIT_AT && subjects.every((x) => x.label.length <= SHORT_LABEL) ? 2 : 1}
        column={(items: ReactNode) => (
          <table className={`subjects${banded ? ' banded' : ''}`}>
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
    </>
  );
}

/** What the banded share is of: "Share of “Low confidence”, of ballots returned (47)". */
function BandCaption({ subject }: { subject: SubjectResult | undefined }) {
  const t = useText(projectorText);
  const c = useText(commonText);
  const language = useLanguage();
  const verdict = subject?.bands[0];
  if (!subject || !verdict) return null;
  const label = optionLabel({ id: verdict.optionId, label: verdict.optionId }, language);
  return <p className="percent-caption">{t.bandCaption(label, c.bases[verdict.base.name], verdict.base.value)}</p>;
}

/** A subject decided by bands: the banded option's share, and the consequence of its band. */
function BandedRow({ subject }: { subject: SubjectResult }) {
  const language = useLanguage();
  const reached = subject.bands.some((v) => v.band !== null);
  return (
    <tr data-row className={reached ? 'band-reached' : 'decided'}>
      <td>{subject.label}</td>
      <td>
        {subject.bands.map((v) => (
          <span key={v.optionId} className="band">
            <strong className="share">{v.percent ? numbersIn(language).percent(v.percent) : '—'}</strong>
            {v.band ? <span className="consequence">{v.band.consequence[language]}</span> : null}
          </span>
        ))}
      </td>
    </tr>
  );
}
