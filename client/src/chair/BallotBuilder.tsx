import { useState, type FormEvent } from 'react';
import {
  MIN_COUNTDOWN_SECONDS,
  RULE_PRESET_IDS,
  RULE_PRESET_VERSIONS,
  assertNever,
  getRulePreset,
  type RuleSet,
} from '@hallvote/shared';
import { useLanguage, useText } from '../i18n';
import { chairText } from '../i18n/chair';
import { presetName, rulesText } from '../i18n/rules';
import { ErrorNote } from '../ui/ErrorNote';
import { optionLabel } from '../ui/option-label';
import {
  EMPTY_FORM,
  TEMPLATES,
  buildBallot,
  optionsFor,
  type BuilderForm,
  type BuilderProblem,
  type Template,
} from './ballot-templates';
import { RuleNumbers } from './RulesPanel';
import { useChairRequest } from './session';
import { selectBallot, useChair } from './store';

type ChairTexts = (typeof chairText)['en'];

function problemText(p: BuilderProblem, t: ChairTexts['builder']['problems']): string {
  switch (p.type) {
    case 'no-title':
      return t.noTitle;
    case 'no-subjects':
      return t.noSubjects;
    case 'no-options':
      return t.noOptions;
    case 'seats-invalid':
      return t.seatsInvalid;
    case 'seats-exceed':
      return t.seatsExceed(p.seats, p.candidates);
    case 'duplicate':
      return t.duplicate(p.label);
    case 'too-long':
      return t.tooLong(p.label);
    case 'too-many':
      return t.tooMany(p.max);
    case 'countdown':
      return t.countdown;
    case 'secret-change':
      return t.secretChange;
    case 'unknown-level':
      return t.unknownLevel(p.line, p.text);
    case 'bad-score':
      return t.badScore(p.line, p.text);
    default:
      return assertNever(p);
  }
}

/** Every version of every preset, as `id@version`, newest version of each first. */
const PRESET_CHOICES: readonly RuleSet[] = RULE_PRESET_IDS.flatMap((id) =>
  [...(RULE_PRESET_VERSIONS[id] as readonly RuleSet[])].reverse(),
);
const refKey = (r: { readonly id: string; readonly version: number }) => `${r.id}@${r.version}`;

/** The builder's template for a rule set's own ballot, if it names one. */
function templateOf(rules: RuleSet): Template | null {
  const kind = rules.template?.kind;
  if (kind === undefined) return null;
  return kind === 'choice' ? 'classification' : kind;
}

/** Templates for the four kinds of ballot; nothing is sent until the form is sound. */
export function BallotBuilder() {
  const t = useText(chairText);
  const r = useText(rulesText);
  const language = useLanguage();
  const { run, busy, refusal, dismiss } = useChairRequest();
  const meetingRules = useChair((s) => s.meeting?.rules ?? null);
  const [form, setForm] = useState<BuilderForm>(EMPTY_FORM);
  const [problems, setProblems] = useState<readonly BuilderProblem[]>([]);
  const update = (patch: Partial<BuilderForm>) => setForm((f) => ({ ...f, ...patch }));
  const rules = (form.rules && getRulePreset(form.rules.id, form.rules.version)) ?? meetingRules;
  if (!rules) return null;

  const chooseRules = (key: string) => {
    const chosen = PRESET_CHOICES.find((p) => refKey(p) === key);
    if (!chosen) return;
    const template = templateOf(chosen);
    update({
      // The meeting's own preset is stored as "none chosen": the server pins it either way.
      rules: meetingRules && refKey(meetingRules) === key ? null : { id: chosen.id, version: chosen.version },
      ...(template ? { template } : {}),
      ...(chosen.template?.secret ? { secret: true, allowChange: false, interimForChair: false } : {}),
    });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const built = buildBallot(form, rules);
    if (!built.ok) {
      setProblems(built.problems);
      dismiss();
      return;
    }
    setProblems([]);
    const reply = await run('ballot:create', built.definition);
    if (!reply.ok) return;
    setForm(EMPTY_FORM);
    selectBallot(reply.data.ballotId);
  };

  const { template } = form;
  const options = template === 'election' ? null : optionsFor(template, rules);
  return (
    <form className="ballot-builder" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="builder-heading">
      <h2 id="builder-heading">{t.builder.heading}</h2>
      <label htmlFor="ballot-rules">{t.builder.rules}</label>
      <select id="ballot-rules" value={refKey(rules)} onChange={(e) => chooseRules(e.target.value)}>
        {PRESET_CHOICES.map((p) => (
          <option key={refKey(p)} value={refKey(p)}>
            {`${presetName(r, p)} · ${r.version(p.version)}`}
            {meetingRules && refKey(meetingRules) === refKey(p) ? ` · ${t.builder.meetingRules}` : ''}
          </option>
        ))}
      </select>
      <fieldset className="templates">
        <legend>{t.builder.template}</legend>
        {TEMPLATES.map((tpl) => (
          <label key={tpl} className="inline">
            <input type="radio" name="template" checked={template === tpl} onChange={() => update({ template: tpl })} />
            {t.builder.templates[tpl]}
          </label>
        ))}
      </fieldset>

      {options ? (
        <p className="builder-options">
          {t.builder.options}: {options.map((o) => optionLabel(o, language)).join(' · ')}
        </p>
      ) : null}

      <label htmlFor="ballot-title">{t.builder.title}</label>
      <input id="ballot-title" type="text" value={form.title} onChange={(e) => update({ title: e.target.value })} />

      {template === 'motion' || template === 'classification' ? (
        <>
          <label htmlFor="ballot-subject">{t.builder.subject}</label>
          <input
            id="ballot-subject"
            type="text"
            value={form.subject}
            onChange={(e) => update({ subject: e.target.value })}
          />
        </>
      ) : null}

      {template === 'batch' ? (
        <>
          <label htmlFor="ballot-subjects">{t.builder.subjects}</label>
          <textarea
            id="ballot-subjects"
            aria-describedby="ballot-subjects-hint"
            value={form.subjectsText}
            onChange={(e) => update({ subjectsText: e.target.value })}
          />
          <p id="ballot-subjects-hint" className="hint">
            {t.builder.subjectsHint}
          </p>
          <label htmlFor="ballot-group">{t.builder.group}</label>
          <input id="ballot-group" type="text" value={form.group} onChange={(e) => update({ group: e.target.value })} />
        </>
      ) : null}

      {template === 'election' ? (
        <>
          <label htmlFor="ballot-candidates">{t.builder.candidates}</label>
          <textarea
            id="ballot-candidates"
            value={form.candidatesText}
            onChange={(e) => update({ candidatesText: e.target.value })}
          />
          <label htmlFor="ballot-seats">{t.builder.seats}</label>
          <input
            id="ballot-seats"
            type="number"
            min={1}
            inputMode="numeric"
            value={form.seats}
            onChange={(e) => update({ seats: e.target.value })}
          />
        </>
      ) : null}

      <div className="checks">
        <label className="inline">
          <input
            type="checkbox"
            checked={form.secret}
            // A secret ballot is final once cast, so it never allows changes.
            // Nor does it show running counts: with "who voted when" they would reveal choices.
            onChange={(e) =>
              update({
                secret: e.target.checked,
                allowChange: e.target.checked ? false : form.allowChange,
                interimForChair: e.target.checked ? false : form.interimForChair,
              })
            }
          />
          {t.builder.secret}
        </label>
        {!form.secret ? (
          <label className="inline">
            <input
              type="checkbox"
              checked={form.allowChange}
              onChange={(e) => update({ allowChange: e.target.checked })}
            />
            {t.builder.allowChange}
          </label>
        ) : null}
        {!form.secret ? (
          <label className="inline">
            <input
              type="checkbox"
              checked={form.interimForChair}
              onChange={(e) => update({ interimForChair: e.target.checked })}
            />
            {t.builder.interim}
          </label>
        ) : null}
      </div>

      <label htmlFor="ballot-countdown">{t.builder.countdown}</label>
      <input
        id="ballot-countdown"
        type="number"
        min={MIN_COUNTDOWN_SECONDS}
        inputMode="numeric"
        value={form.countdown}
        onChange={(e) => update({ countdown: e.target.value })}
      />

      {problems.length > 0 ? (
        <div className="error-note" role="alert">
          <p>
            <strong>{t.builder.refused}</strong>
          </p>
          <ul>
            {problems.map((p, i) => (
              <li key={i}>{problemText(p, t.builder.problems)}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {refusal ? <ErrorNote refusal={refusal} lead={t.builder.refused} /> : null}

      <button type="submit" className="primary" disabled={busy}>
        {t.builder.create}
      </button>

      <section className="rules-panel builder-rules" aria-labelledby="builder-rules-heading">
        <h3 id="builder-rules-heading">{t.builder.rulesInNumbers}</h3>
        <RuleNumbers
          rules={rules}
          ballot={{ kind: template === 'classification' ? 'choice' : template, ...(options ? { options } : {}) }}
        />
      </section>
    </form>
  );
}
