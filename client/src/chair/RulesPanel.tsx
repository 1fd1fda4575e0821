// The meeting's rule set said in numbers from the live presence, computed with the same shared
// helpers the tally uses, so what the chair reads is what will decide.
import { assertNever, checkQuorum, votesNeeded, type PresenceSummary, type RuleSet } from '@hallvote/shared';
import { useLanguage, useText } from '../i18n';
import { chairText } from '../i18n/chair';
import { commonText } from '../i18n/common';
import { fractionAsPercent, optionLabel } from '../ui/outcome-text';
import { useChair } from './store';

/** The majority base's size now, and whether it is only an estimate before ballots come in. */
function baseValue(rules: RuleSet, presence: PresenceSummary, eligible: number): { value: number; estimated: boolean } {
  switch (rules.majority.base) {
    case 'eligible':
      return { value: eligible, estimated: false };
    case 'present':
      return { value: presence.present, estimated: false };
    case 'returned':
    case 'valid':
    case 'decisive':
      return { value: presence.present, estimated: true };
    default:
      return assertNever(rules.majority.base);
  }
}

export function RulesPanel() {
  const t = useText(chairText);
  const c = useText(commonText);
  const language = useLanguage();
  const rules = useChair((s) => s.meeting?.rules ?? null);
  const presence = useChair((s) => s.presence);
  if (!rules || !presence) return null;

  const quorum = checkQuorum(
    { roster: presence.roster, present: presence.present, excusedAbsent: presence.excusedAbsent },
    rules.quorum,
  );
  const base = baseValue(rules, presence, quorum.eligible);
  const needed = votesNeeded(base.value, rules.majority);
  const label = (id: string) => optionLabel({ id, label: id }, language);

  return (
    <section className="rules-panel" aria-labelledby="rules-heading">
      <h2 id="rules-heading">{t.rules.heading}</h2>
      <p className="preset">{t.rules.preset(rules.name, rules.version)}</p>
      <ul>
        <li>{t.rules.eligible(presence.roster, presence.excusedAbsent, quorum.eligible)}</li>
        <li>{t.rules.quorum(`${rules.quorum.num}/${rules.quorum.den}`, quorum.required, quorum.eligible)}</li>
        <li>
          {t.rules.majority(rules.majority.strict, rules.majority.fraction, c.bases[rules.majority.base], needed)}
          {base.estimated ? ` ${t.rules.estimated(presence.present)}` : ''}
        </li>
        <li>{t.rules.percentages(c.bases[rules.percentBase])}</li>
        <li>{t.rules.noDecision[rules.noDecision]}</li>
        {rules.caps.map((cap) => (
          <li key={`${cap.top}-${cap.reference}`}>
            {t.rules.cap(label(cap.top), fractionAsPercent(cap.rate), label(cap.reference))}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Quorate or not, with the numbers, always in view. */
export function QuorumIndicator() {
  const t = useText(chairText);
  const presence = useChair((s) => s.presence);
  const rules = useChair((s) => s.meeting?.rules ?? null);
  if (!presence || !rules) return null;
  const q = checkQuorum(
    { roster: presence.roster, present: presence.present, excusedAbsent: presence.excusedAbsent },
    rules.quorum,
  );
  // 0 of 0 "meets" the fraction arithmetically; with nobody eligible there is no meeting to hold.
  if (q.eligible === 0) {
    return (
      <p className="quorum-indicator not-met" role="status">
        {t.emptyRoster}
      </p>
    );
  }
  return (
    <p className={`quorum-indicator ${q.met ? 'met' : 'not-met'}`} role="status">
      {(q.met ? t.quorate : t.notQuorate)(q.present, q.required, q.eligible)}
    </p>
  );
}
