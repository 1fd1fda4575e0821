import { useState, type FormEvent } from 'react';
import { MIN_COUNTDOWN_SECONDS, assertNever } from '@hallvote/shared';
import { useText } from '../i18n';
import { chairText } from '../i18n/chair';
import { ErrorNote } from '../ui/ErrorNote';
import { EMPTY_FORM, TEMPLATES, buildBallot, type BuilderForm, type BuilderProblem } from './ballot-templates';
import { useChairRequest } from './session';
import { selectBallot } from './store';

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
    default:
      return assertNever(p);
  }
}

/** Templates for the four kinds of ballot; nothing is sent until the form is sound. */
export function BallotBuilder() {
  const t = useText(chairText);
  const { run, busy, refusal, dismiss } = useChairRequest();
  const [form, setForm] = useState<BuilderForm>(EMPTY_FORM);
  const [problems, setProblems] = useState<readonly BuilderProblem[]>([]);
  const update = (patch: Partial<BuilderForm>) => setForm((f) => ({ ...f, ...patch }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const built = buildBallot(form);
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
  return (
    <form className="ballot-builder" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="builder-heading">
      <h2 id="builder-heading">{t.builder.heading}</h2>
      <fieldset className="templates">
        <legend>{t.builder.template}</legend>
        {TEMPLATES.map((tpl) => (
          <label key={tpl} className="inline">
            <input type="radio" name="template" checked={template === tpl} onChange={() => update({ template: tpl })} />
            {t.builder.templates[tpl]}
          </label>
        ))}
      </fieldset>

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
            value={form.subjectsText}
            onChange={(e) => update({ subjectsText: e.target.value })}
          />
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
    </form>
  );
}
