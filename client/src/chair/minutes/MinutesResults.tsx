// The results section of the minutes: per subject and option the votes online, on paper and
// together, the percentage of the named base and of every further base the rule publishes, the
// band of each subject with its consequence, and the outcome with the rule that decided it, each
// beside the legal text it comes from. A batch is one compact table (subjects × levels), not a
// table per subject. Then every proposal held against the level adopted.
import { formatWeight, proxyText } from '../../i18n/proxies';
import {
  basisText,
  type BallotKind,
  type LegalBasis,
  type MajorityRule,
  type PaperTotals,
  type SubjectResult,
  type TallyResult,
} from '@hallvote/shared';
import { useLanguage, useText } from '../../i18n';
import { numbersIn } from '../../i18n/format';
import { commonText } from '../../i18n/common';
import { minutesText } from '../../i18n/minutes';
import { rulesText } from '../../i18n/rules';
import { carried, decidedOption, optionLabel, outcomeLines, percentText } from '../../ui/outcome-text';
import { proposalWords } from '../ProposalNote';
import { paperEmpty, paperVotes } from './minutes-data';

interface Props {
  readonly tally: TallyResult;
  readonly kind: BallotKind;
  readonly majority: MajorityRule;
  readonly paper: PaperTotals | null;
}

function Basis({ basis }: { basis: LegalBasis | null }) {
  const language = useLanguage();
  return basis ? <p className="minutes-basis">{basisText(basis, language)}</p> : null;
}

export function MinutesResults({ tally, kind, majority, paper }: Props) {
  const t = useText(minutesText);
  const { subjects } = tally;
  return (
    <section className="minutes-section" aria-labelledby="minutes-results">
      <h2 id="minutes-results">{t.results.heading}</h2>
      <Basis basis={tally.basis.percentages} />
      {subjects.length > 1 ? (
        <BatchTable tally={tally} kind={kind} majority={majority} paper={paper} />
      ) : (
        subjects.map((s) => (
          <SubjectTable key={s.subjectId} subject={s} tally={tally} kind={kind} majority={majority} paper={paper} />
        ))
      )}
      <ProposalsList subjects={subjects} />
    </section>
  );
}

function NeededLine({
  subject,
  majority,
  basis,
}: {
  subject: SubjectResult;
  majority: MajorityRule;
  basis: LegalBasis | null;
}) {
  const t = useText(minutesText);
  const c = useText(commonText);
  const language = useLanguage();
  const { name, value } = subject.majorityBase;
  return (
    <p>
      {t.results.needed(majority.strict, majority.fraction, c.bases[name], value, subject.votesNeeded)}
      {basis ? <span className="minutes-basis"> ({basisText(basis, language)})</span> : null}
    </p>
  );
}

/** Per banded option, its share and the band reached, with the band's consequence and basis. */
function BandLines({ subject }: { subject: SubjectResult }) {
  const t = useText(minutesText);
  const c = useText(commonText);
  const language = useLanguage();
  return (
    <>
      {subject.bands.map((v) => (
        <p key={v.optionId} className="minutes-outcome-line">
          {t.results.band(
            optionLabel({ id: v.optionId, label: v.optionId }, language),
            v.votes,
            v.percent ? numbersIn(language).percent(v.percent) : '—',
            c.bases[v.base.name],
            v.base.value,
            v.band ? v.band.consequence[language] : null,
          )}
          {v.band?.basis ? <span className="minutes-basis"> ({basisText(v.band.basis, language)})</span> : null}
        </p>
      ))}
    </>
  );
}

function SubjectTable({
  subject,
  tally,
  kind,
  majority,
  paper,
}: Omit<Props, 'tally'> & { subject: SubjectResult; tally: TallyResult }) {
  const t = useText(minutesText);
  const c = useText(commonText);
  const language = useLanguage();
  const base = subject.percentBase;
  const further = subject.counts[0]?.shares.slice(1).map((s) => s.base) ?? [];
  const banded = subject.outcome.type === 'banded';
  // A double majority: heads in the counts, each option's weight beside them.
  const both = tally.countBy === 'both';
  const w = useText(proxyText);
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
            {both ? (
              <th scope="col" className="num">
                {w.weight}
              </th>
            ) : null}
            <th scope="col" className="num">
              {t.results.percentOf(c.bases[base.name], base.value)}
            </th>
            {further.map((b) => (
              <th key={b.name} scope="col" className="num">
                {t.results.percentOf(c.bases[b.name], b.value)}
              </th>
            ))}
            {banded ? null : <th scope="col">{t.results.carries}</th>}
          </tr>
        </thead>
        <tbody>
          {subject.counts.map((count) => {
            const onPaper = paperVotes(paper, subject.subjectId, count.optionId);
            const carries = carried(count, tally.quorum);
            return (
              <tr key={count.optionId} className={carries ? 'carries' : undefined}>
                <th scope="row">{optionLabel({ id: count.optionId, label: count.label }, language)}</th>
                <td className="num">{count.votes - onPaper}</td>
                <td className="num">{onPaper}</td>
                <td className="num total">{count.votes}</td>
                {both ? <td className="num">{formatWeight(count.weight?.votes ?? 0, language)}</td> : null}
                <td className="num">{count.percent ? numbersIn(language).percentNumber(count.percent) : '—'}</td>
                {count.shares.slice(1).map((s) => (
                  <td key={s.base.name} className="num">
                    {s.percent ? numbersIn(language).percentNumber(s.percent) : '—'}
                  </td>
                ))}
                {banded ? null : <td>{carries ? t.results.yes : ''}</td>}
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>{t.results.empty(subject.empty)}</p>
      <div className="minutes-outcome">
        {banded ? (
          <BandLines subject={subject} />
        ) : (
          <>
            {outcomeLines(subject, kind, c, language).map((line) => (
              <p key={line} className="minutes-outcome-line">
                {line}
              </p>
            ))}
            <NeededLine subject={subject} majority={majority} basis={tally.basis.majority} />
          </>
        )}
      </div>
    </div>
  );
}

function BatchTable({ tally, kind, majority, paper }: Props) {
  const t = useText(minutesText);
  const c = useText(commonText);
  const rt = useText(rulesText);
  const language = useLanguage();
  const { subjects } = tally;
  const first = subjects[0];
  if (!first) return null;
  const options = first.counts;
  const hasPaper = paper !== null && paper.returned > 0;
  const banded = subjects.some((s) => s.outcome.type === 'banded');
  // The base is ballot-wide except for `decisive`, which differs per subject: then each row says it.
  const uniform = subjects.every(
    (s) => s.votesNeeded === first.votesNeeded && s.majorityBase.value === first.majorityBase.value,
  );
  const groups = new Set(subjects.map((s) => s.group));

  const outcome = (s: SubjectResult) => {
    if (s.outcome.type === 'banded')
      return s.bands.map((v) => (v.band ? v.band.consequence[language] : rt.noBand)).join('; ');
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
      {banded ? (
        <BandLegend subject={first} />
      ) : uniform ? (
        <NeededLine subject={first} majority={majority} basis={tally.basis.majority} />
      ) : null}
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
            <th scope="col">{banded ? t.results.bandColumn : t.results.outcome}</th>
          </tr>
        </thead>
        <tbody>
          {subjects.map((s) => (
            <tr key={s.subjectId} className={s.bands.some((v) => v.band) ? 'banded' : undefined}>
              <th scope="row">
                {s.label}
                {groups.size > 1 && s.group ? <span className="group">{s.group}</span> : null}
              </th>
              {s.counts.map((count) => {
                const onPaper = paperVotes(paper, s.subjectId, count.optionId);
                return (
                  <td key={count.optionId} className={`num${carried(count, tally.quorum) ? ' carries' : ''}`}>
                    <strong>{count.votes}</strong>
                    {count.percent ? <span className="pct">{percentText(count, language)}</span> : null}
                    {count.shares.slice(1).map((share) =>
                      share.percent ? (
                        <span key={share.base.name} className="pct">
                          {numbersIn(language).percent(share.percent)}
                        </span>
                      ) : null,
                    )}
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
                {uniform || banded ? null : (
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

/** Under a banded batch: each band's threshold, consequence and basis, once for every row. */
function BandLegend({ subject }: { subject: SubjectResult }) {
  const t = useText(minutesText);
  const c = useText(commonText);
  const language = useLanguage();
  return (
    <>
      {subject.bands.map((v) => (
        <p key={v.optionId}>
          {t.results.bandLegend(optionLabel({ id: v.optionId, label: v.optionId }, language), c.bases[v.base.name])}
        </p>
      ))}
    </>
  );
}

/** Every subject with a proposal or a score, flagged where the vote departs from it. */
function ProposalsList({ subjects }: { subjects: readonly SubjectResult[] }) {
  const t = useText(minutesText);
  const rt = useText(rulesText);
  const language = useLanguage();
  const checked = subjects.filter((s) => s.proposal !== null);
  if (checked.length === 0) return null;
  const flagged = checked.filter((s) => s.proposal && (s.proposal.differs || s.proposal.scoreAllows === false));
  return (
    <div className="minutes-proposals">
      <h3>{t.results.proposals}</h3>
      <p>{flagged.length === 0 ? t.results.proposalsKept : t.results.proposalsFlagged(flagged.length)}</p>
      <ul>
        {checked.map((s) => {
          if (!s.proposal) return null;
          const w = proposalWords(s.proposal, rt.proposal, language);
          return (
            <li key={s.subjectId} className={w.flags.length > 0 ? 'flagged' : undefined}>
              <strong>{s.label}</strong>: {[...w.proposal, w.adopted].join(' · ')}
              {w.flags.length > 0 ? <strong>{` · ⚠ ${w.flags.join(' · ')}`}</strong> : null}
              {w.notes.length > 0 ? ` · ${w.notes.join(' · ')}` : null}
            </li>
          );
        })}
      </ul>
      {checked[0]?.proposal?.basis ? <Basis basis={checked[0].proposal.basis} /> : null}
    </div>
  );
}
