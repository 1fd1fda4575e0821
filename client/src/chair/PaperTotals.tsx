import { useState, type FormEvent } from 'react';
import type { ChairBallotView } from '@hallvote/shared';
import { useLanguage, useText } from '../i18n';
import { consoleText } from '../i18n/console';
import { ErrorNote } from '../ui/ErrorNote';
import { optionLabel } from '../ui/option-label';
import { draftOf, totalsOf, type PaperDraft, type PaperProblem } from './paper-form';
import { useChairRequest } from './session';

/**
 * The counting committee's paper totals for the current round, while it is open or closed and not
 * yet published: returned, per subject and option, empty rows, and invalid ballots with reasons.
 * A closed round is tallied again with them (the result above follows).
 */
export function PaperTotals({ ballot }: { ballot: ChairBallotView }) {
  const c = useText(consoleText);
  const language = useLanguage();
  const { run, busy, refusal } = useChairRequest();
  const [draft, setDraft] = useState<PaperDraft>(() => draftOf(ballot));
  const [problem, setProblem] = useState<PaperProblem | null>(null);
  const [saved, setSaved] = useState(false);
  const edit = (next: PaperDraft) => {
    setDraft(next);
    setSaved(false);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = totalsOf(ballot, draft, {
      returned: c.paper.returned,
      empty: c.paper.empty,
      invalid: c.paper.invalid,
    });
    setProblem(checked.ok ? null : checked.problem);
    if (!checked.ok) return;
    const reply = await run('paper:record-totals', {
      ballotId: ballot.id,
      round: ballot.round,
      totals: checked.totals,
    });
    setSaved(reply.ok);
  };

  const setCount = (subjectId: string, optionId: string, value: string) =>
    edit({ ...draft, counts: { ...draft.counts, [subjectId]: { ...draft.counts[subjectId], [optionId]: value } } });
  const setInvalid = (i: number, change: Partial<PaperDraft['invalid'][number]>) =>
    edit({ ...draft, invalid: draft.invalid.map((r, j) => (j === i ? { ...r, ...change } : r)) });

  return (
    <details className="paper-totals" open={ballot.paperVoterIds.length > 0 || ballot.paper !== null}>
      <summary>{c.paper.heading}</summary>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <p className="hint">{c.paper.hint(ballot.paperVoterIds.length)}</p>
        {ballot.paper ? <p>{c.paper.recorded(ballot.paper.returned)}</p> : null}
        <label className="returned">
          {c.paper.returned}
          <input
            type="text"
            inputMode="numeric"
            value={draft.returned}
            onChange={(e) => edit({ ...draft, returned: e.target.value })}
          />
        </label>
        <table className="paper-grid">
          <thead>
            <tr>
              <th scope="col">{c.paper.subject}</th>
              {ballot.options.map((o) => (
                <th key={o.id} scope="col" className="num">
                  {optionLabel(o, language)}
                </th>
              ))}
              <th scope="col" className="num">
                {c.paper.empty}
              </th>
            </tr>
          </thead>
          <tbody>
            {ballot.subjects.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.label}</th>
                {ballot.options.map((o) => (
                  <td key={o.id} className="num">
                    <input
                      type="text"
                      inputMode="numeric"
                      aria-label={`${s.label}: ${optionLabel(o, language)}`}
                      value={draft.counts[s.id]?.[o.id] ?? '0'}
                      onChange={(e) => setCount(s.id, o.id, e.target.value)}
                    />
                  </td>
                ))}
                <td className="num">
                  <input
                    type="text"
                    inputMode="numeric"
                    aria-label={`${s.label}: ${c.paper.empty}`}
                    value={draft.empty[s.id] ?? '0'}
                    onChange={(e) => edit({ ...draft, empty: { ...draft.empty, [s.id]: e.target.value } })}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <fieldset className="invalid-rows">
          <legend>{c.paper.invalid}</legend>
          {draft.invalid.map((row, i) => (
            <div key={i} className="row">
              <label>
                {c.paper.reason}
                <input
                  type="text"
                  value={row.reason}
                  maxLength={200}
                  onChange={(e) => setInvalid(i, { reason: e.target.value })}
                />
              </label>
              <label>
                {c.paper.count}
                <input
                  type="text"
                  inputMode="numeric"
                  value={row.count}
                  onChange={(e) => setInvalid(i, { count: e.target.value })}
                />
              </label>
              <button
                type="button"
                onClick={() => edit({ ...draft, invalid: draft.invalid.filter((_, j) => j !== i) })}
              >
                {c.paper.removeInvalid}
              </button>
            </div>
          ))}
          <button
            type="button"
            onClick={() => edit({ ...draft, invalid: [...draft.invalid, { reason: '', count: '0' }] })}
          >
            {c.paper.addInvalid}
          </button>
        </fieldset>
        <div className="row">
          <button type="submit" className="primary" disabled={busy}>
            {c.paper.save}
          </button>
        </div>
        {problem ? (
          <p className="error-note" role="alert">
            {problem.kind === 'noReason' ? c.paper.noReason : c.paper.notANumber(problem.field)}
          </p>
        ) : refusal ? (
          <ErrorNote refusal={refusal} lead={c.paper.refused} />
        ) : saved ? (
          <p className="ok" role="status">
            {c.paper.saved}
          </p>
        ) : null}
      </form>
    </details>
  );
}
