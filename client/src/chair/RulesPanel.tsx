// A rule set said in numbers from the live presence, computed with the same shared helpers the
// tally uses, so what the chair reads is what will decide: the meeting's rules beside the
// console, and a ballot's own in the ballot builder. Only the parts that apply are listed
// (rule-parts.ts), each with the legal text it comes from.
import {
  assertNever,
  basisText,
  checkQuorum,
  votesNeeded,
  type LegalBasis,
  type PresenceSummary,
  type RuleSet,
  type TallyBase,
  type Threshold,
} from '@hallvote/shared';
import { useLanguage, useText } from '../i18n';
import { chairText } from '../i18n/chair';
import { commonText } from '../i18n/common';
import { formatWeight, proxyText } from '../i18n/proxies';
import { presetName, rulesText } from '../i18n/rules';
import { fractionAsPercent, optionLabel } from '../ui/outcome-text';
import { ruleParts, type BallotShape, type RulePart } from '../ui/rule-parts';
import { useChair } from './store';

/** A base's size now, and whether it is only an estimate before ballots come in. */
function baseValue(
  base: TallyBase,
  presence: PresenceSummary,
  eligible: number,
): { value: number; estimated: boolean } {
  switch (base) {
    case 'eligible':
      return { value: eligible, estimated: false };
    case 'present':
      return { value: presence.present, estimated: false };
    case 'returned':
    case 'valid':
    case 'decisive':
      return { value: presence.present, estimated: true };
    default:
      return assertNever(base);
  }
}

function Basis({ basis }: { basis: LegalBasis | null }) {
  const language = useLanguage();
  return basis ? <span className="basis"> ({basisText(basis, language)})</span> : null;
}

export function RulesPanel() {
  const t = useText(chairText);
  const rules = useChair((s) => s.meeting?.rules ?? null);
  if (!rules) return null;
  return (
    <section className="rules-panel" aria-labelledby="rules-heading">
      <h2 id="rules-heading">{t.rules.heading}</h2>
      <RuleNumbers rules={rules} />
    </section>
  );
}

/** The rule set's name and version, then each part that applies to `ballot`, in numbers. */
export function RuleNumbers({ rules, ballot }: { rules: RuleSet; ballot?: BallotShape }) {
  const t = useText(chairText);
  const r = useText(rulesText);
  const presence = useChair((s) => s.presence);
  if (!presence) return null;
  return (
    <>
      <p className="preset">{t.rules.preset(presetName(r, rules), rules.version)}</p>
      <ul className="rule-numbers">
        <li>{t.rules.eligible(presence.roster, presence.excusedAbsent, presence.eligible)}</li>
        {ruleParts(rules, ballot).map((part, i) => (
          <PartLine key={`${part.type}-${i}`} part={part} presence={presence} />
        ))}
      </ul>
    </>
  );
}

function PartLine({ part, presence }: { part: RulePart; presence: PresenceSummary }) {
  const t = useText(chairText);
  const c = useText(commonText);
  const r = useText(rulesText);
  const p = useText(proxyText);
  const language = useLanguage();
  const label = (id: string) => optionLabel({ id, label: id }, language);
  const attendance = { roster: presence.roster, present: presence.present, excusedAbsent: presence.excusedAbsent };
  const needed = (threshold: Threshold & { readonly base: TallyBase }) => {
    // Returned, valid and decisive are not known before the ballots come in: estimated from those present.
    const base = baseValue(threshold.base, presence, presence.eligible);
    return { needed: votesNeeded(base.value, threshold), estimated: base.estimated };
  };
  const estimate = (estimated: boolean) => (estimated ? ` ${t.rules.estimated(presence.present)}` : '');
  switch (part.type) {
    case 'quorum': {
      const q = checkQuorum(attendance, part.quorum);
      const strict = part.quorum.strict === true;
      const fraction = `${part.quorum.num}/${part.quorum.den}`;
      // By weight, the members' count would mislead: the weight present decides (the server's).
      const weight = presence.quorum.weight;
      const num = (n: number) => formatWeight(n, language);
      return (
        <li>
          {part.by === 'weight' ? null : t.rules.quorum(strict, fraction, q.required, q.eligible)}
          {part.by !== 'heads' && weight
            ? `${part.by === 'both' ? '; ' : ''}${p.rules.quorumWeight(
                strict,
                fraction,
                num(votesNeeded(weight.eligible, { fraction: part.quorum, strict })),
                num(weight.eligible),
              )}`
            : null}
          {part.by !== 'heads' && !weight ? ` ${p.rules.quorumBy[part.by]}` : null}
          <Basis basis={part.basis} />
        </li>
      );
    }
    case 'counting':
      return <li>{p.rules.counting[part.countBy]}</li>;
    case 'proxies':
      return (
        <li>
          {p.rules.proxies} {p.proxies.limit(part.proxies.maxPerHolder)}
          {part.proxies.split ? ` ${p.rules.split}` : ''}
        </li>
      );
    case 'majority': {
      const m = part.majority;
      const n = needed(m);
      return (
        <li>
          {part.approval ? r.approval : ''}
          {t.rules.majority(m.strict, m.fraction, c.bases[m.base], n.needed)}
          {estimate(n.estimated)}
          <Basis basis={part.basis} />
        </li>
      );
    }
    case 'bands':
      return (
        <li>
          {t.rules.bands(label(part.optionId))}
          <ul>
            {part.bands.map((band) => {
              const n = needed(band);
              return (
                <li key={band.id}>
                  {t.rules.band(
                    r.threshold(band.strict, band.fraction, c.bases[band.base]),
                    n.needed,
                    band.consequence[language],
                  )}
                  {estimate(n.estimated)}
                  <Basis basis={band.basis ?? null} />
                </li>
              );
            })}
          </ul>
        </li>
      );
    case 'percentages': {
      const [first, ...more] = part.bases;
      return (
        <li>
          {t.rules.percentages(first ? c.bases[first] : '')}
          {more.length > 0 ? ` ${t.rules.alsoOf(more.map((b) => c.bases[b]).join(', '))}` : ''}
          <Basis basis={part.basis} />
        </li>
      );
    }
    case 'turnout':
      return (
        <li>
          {r.turnoutOf(c.bases[part.base])}
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
            r.capDenominator[part.cap.denominator ?? 'reference'],
          )}
          <Basis basis={part.cap.basis ?? null} />
        </li>
      );
    case 'batch-strict':
      return <li>{t.rules.batchStrict}</li>;
    case 'blank-ballot':
      return (
        <li>
          {r.blankBallot(part.valid)}
          <Basis basis={part.basis} />
        </li>
      );
    case 'scores':
      return (
        <li>
          {r.scores(part.scores.levels.map((l) => r.scoreLevel(label(l.level), l.min)).join(', '))}
          <Basis basis={part.scores.basis ?? null} />
        </li>
      );
    default:
      return assertNever(part);
  }
}

/** Quorate or not, with the numbers, always in view. */
export function QuorumIndicator() {
  const t = useText(chairText);
  const p = useText(proxyText);
  const language = useLanguage();
  const presence = useChair((s) => s.presence);
  const rules = useChair((s) => s.meeting?.rules ?? null);
  if (!presence || !rules) return null;
  // The server's verdict on the meeting's rules: by weight, or by both, it is not the members' count.
  const q = presence.quorum;
  // 0 of 0 "meets" the fraction arithmetically; with nobody eligible there is no meeting to hold.
  if (q.eligible === 0) {
    return (
      <p className="quorum-indicator not-met" role="status">
        {t.emptyRoster}
      </p>
    );
  }
  const w = q.weight;
  const num = (n: number) => formatWeight(n, language);
  // By both, `met` is both verdicts at once; the members' line says its own.
  const headsMet = q.by === undefined ? q.met : q.present >= q.required;
  return (
    <p className={`quorum-indicator ${q.met ? 'met' : 'not-met'}`} role="status">
      {q.by === 'weight' ? null : (headsMet ? t.quorate : t.notQuorate)(q.present, q.required, q.eligible)}
      {w && q.by === 'both' ? ' · ' : null}
      {w ? (w.met ? p.quorate : p.notQuorate)(num(w.present), num(w.required), num(w.eligible)) : null}
    </p>
  );
}
