import { useState } from 'react';
import type { RosterEntry } from '@hallvote/shared';
import { useText } from '../i18n';
import { chairText } from '../i18n/chair';
import { ConfirmButton } from '../ui/ConfirmButton';
import { ErrorNote } from '../ui/ErrorNote';
import { useChairRequest } from './session';
import { useChair } from './store';

const PREVIEW_ROWS = 12;

type Mode = 'replace' | 'append';

/** Paste or upload → preview (a dry run on the server, same parser) → store. */
export function RosterImport() {
  const t = useText(chairText);
  const { run, busy, refusal } = useChairRequest();
  const onRoster = useChair((s) => s.delegates.length);
  const [csv, setCsv] = useState('');
  const [mode, setMode] = useState<Mode>('replace');
  const [preview, setPreview] = useState<{ csv: string; entries: readonly RosterEntry[] } | null>(null);
  const [stored, setStored] = useState<number | null>(null);

  const send = async (dryRun: boolean) => {
    setStored(null);
    const reply = await run('roster:import', { csv, mode, dryRun });
    if (!reply.ok) {
      setPreview(null);
      return;
    }
    if (dryRun) setPreview({ csv, entries: reply.data.entries });
    else {
      setPreview(null);
      setStored(reply.data.entries.length);
    }
  };

  // Storing is only offered for exactly the text that was previewed.
  const previewed = preview !== null && preview.csv === csv;
  const replacing = mode === 'replace' && onRoster > 0;

  return (
    <section className="roster-import" aria-labelledby="roster-heading">
      <h2 id="roster-heading">{t.roster.heading}</h2>
      <p className="hint">{t.roster.help}</p>
      <label htmlFor="roster-csv">{t.roster.paste}</label>
      <textarea id="roster-csv" value={csv} rows={8} spellCheck={false} onChange={(e) => setCsv(e.target.value)} />
      <div className="row">
        <label className="inline">
          {t.roster.upload}
          <input
            type="file"
            accept=".csv,text/csv,text/plain"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) void file.text().then(setCsv);
            }}
          />
        </label>
        <fieldset className="inline-radios">
          {(['replace', 'append'] as const).map((m) => (
            <label key={m} className="inline">
              <input type="radio" name="roster-mode" checked={mode === m} onChange={() => setMode(m)} />
              {m === 'replace' ? t.roster.replace : t.roster.append}
            </label>
          ))}
        </fieldset>
      </div>
      <div className="row">
        <button type="button" disabled={busy || csv.trim() === ''} onClick={() => void send(true)}>
          {t.roster.preview}
        </button>
        {replacing ? (
          <ConfirmButton
            label={t.roster.store}
            question={t.roster.replaceQuestion(onRoster)}
            confirmLabel={t.roster.replaceConfirm}
            backLabel={t.ballots.back}
            danger
            disabled={busy || !previewed}
            onConfirm={() => void send(false)}
          />
        ) : (
          <button type="button" className="primary" disabled={busy || !previewed} onClick={() => void send(false)}>
            {t.roster.store}
          </button>
        )}
      </div>
      {refusal ? <ErrorNote refusal={refusal} /> : null}
      {stored !== null ? (
        <p className="ok" role="status">
          {t.roster.stored(stored)}
        </p>
      ) : null}
      {previewed ? (
        <div className="preview">
          <p role="status">{t.roster.ready(preview.entries.length)}</p>
          <table>
            <thead>
              <tr>
                <th>#</th>
                <th>{t.attendance.name}</th>
                <th>{t.attendance.position}</th>
                <th>{t.attendance.group}</th>
              </tr>
            </thead>
            <tbody>
              {preview.entries.slice(0, PREVIEW_ROWS).map((entry, i) => (
                <tr key={i}>
                  <td>{i + 1}</td>
                  <td>{entry.name}</td>
                  <td>{entry.position}</td>
                  <td>{entry.group}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {preview.entries.length > PREVIEW_ROWS ? <p>{t.roster.more(preview.entries.length - PREVIEW_ROWS)}</p> : null}
        </div>
      ) : null}
    </section>
  );
}
