// The rules section of the minutes: the rule set that decided the round, its legal sources, and
// each part of it that applies to this ballot (rule-parts.ts) with the text it comes from. An
// election's minutes name no cumulating down and no cap; a confidence rating's no majority.
import { assertNever, basisText, type LegalBasis, type RoundExport, type RoundResult } from '@hallvote/shared';
import { useLanguage, useText } from '../../i18n';
import { commonText } from '../../i18n/common';
import { minutesText } from '../../i18n/minutes';
import { proxyText } from '../../i18n/proxies';
import { presetName, rulesText } from '../../i18n/rules';
import { fractionAsPercent, optionLabel } from '../../ui/outcome-text';
import { ruleParts, type RulePart } from '../../ui/rule-parts';

function Basis({ basis }: { basis: LegalBasis | null }) {
  const language = useLanguage();
  return basis ? <span className="minutes-basis"> ({basisText(basis, language)})</span> : null;
}

export function RulesSection({ round: r, result }: { round: RoundExport; result: RoundResult }) {
  const t = useText(minutesText);
  const rt = useText(rulesText);
  const language = useLanguage();
  // The name and version recorded with the tally are the ones that decided this round.
  const decided = result.tally.rules;
  const parts = ruleParts(r.rules, { kind: r.ballot.kind, options: r.ballot.options, subjects: r.ballot.subjects });
  return (
    <section className="minutes-section" aria-labelledby="minutes-rules">
      <h2 id="minutes-rules">{t.rules.heading}</h2>
      <p>
        <strong>{t.rules.ruleSet}:</strong> {t.rules.preset(presetName(rt, decided), decided.id, decided.version)}
      </p>
      {decided.sources.length > 0 ? (
        <p>
          <strong>{t.rules.sources}:</strong>{' '}
          {decided.sources.map((s) => t.rules.source(s.document[language], rt.date(s.date))).join('; ')}
        </p>
      ) : null}
      <ul>
        {parts.map((part, i) => (
          <PartLine key={`${part.type}-${i}`} part={part} />
        ))}
      </ul>
    </section>
  );
}

function PartLine({ part }: { part: RulePart }) {
  const t = useText(minutesText);
  const c = useText(commonText);
  const rt = useText(rulesText);
  const p = useText(proxyText);
  const language = useLanguage();
  const label = (id: string) => optionLabel({ id, label: id }, language);
  switch (part.type) {
    case 'quorum':
      return (
        <li>
          {t.rules.quorum(part.quorum, part.quorum.strict === true)}
          {part.by === 'heads' ? null : ` ${p.rules.quorumBy[part.by]}`}
          <Basis basis={part.basis} />
        </li>
      );
    case 'counting':
      return <li>{p.rules.counting[part.countBy]}</li>;
    case 'proxies':
      return (
        <li>
          {p.rules.proxies} {p.proxies.limit(part.proxies.maxPerHolder)}
          {part.proxies.split ? ` ${p.rules.split}` : ''}
        </li>
      );
    case 'majority':
      return (
        <li>
          {part.approval ? rt.approval : ''}
          {t.rules.majority(part.majority.strict, part.majority.fraction, c.bases[part.majority.base])}
          <Basis basis={part.basis} />
        </li>
      );
    case 'bands':
      return (
        <li>
          {t.rules.bands(label(part.optionId))}
          <ul>
            {part.bands.map((band) => (
              <li key={band.id}>
                {t.rules.band(rt.threshold(band.strict, band.fraction, c.bases[band.base]), band.consequence[language])}
                <Basis basis={band.basis ?? null} />
              </li>
            ))}
          </ul>
        </li>
      );
    case 'percentages': {
      const [first, ...more] = part.bases;
      return (
        <li>
          {t.rules.percentages(first ? c.bases[first] : '')}
          {more.length > 0 ? ` ${rt.alsoOf(more.map((b) => c.bases[b]).join(', '))}` : ''}.
          <Basis basis={part.basis} />
        </li>
      );
    }
    case 'turnout':
      return (
        <li>
          {rt.turnoutOf(c.bases[part.base])}
          <Basis basis={part.basis} />
        </li>
      );
    case 'no-decision':
      return <li>{t.rules.noDecision[part.policy]}</li>;
    case 'cap':
      return (
        <li>
          {t.rules.cap(
            label(part.cap.top),
            fractionAsPercent(part.cap.rate, language),
            label(part.cap.reference),
            rt.capDenominator[part.cap.denominator ?? 'reference'],
          )}
          <Basis basis={part.cap.basis ?? null} />
        </li>
      );
    case 'batch-strict':
      return <li>{t.rules.batchStrict}</li>;
    case 'blank-ballot':
      return (
        <li>
          {rt.blankBallot(part.valid)}
          <Basis basis={part.basis} />
        </li>
      );
    case 'scores':
      return (
        <li>
          {rt.scores(part.scores.levels.map((l) => rt.scoreLevel(label(l.level), l.min)).join(', '))}
          <Basis basis={part.scores.basis ?? null} />
        </li>
      );
    default:
      return assertNever(part);
  }
}
