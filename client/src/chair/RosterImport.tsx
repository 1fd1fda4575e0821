import { useState } from 'react';
import type { ExistingMember } from '@hallvote/shared';
import { useText } from '../i18n';
import { chairText } from '../i18n/chair';
import { ConfirmButton } from '../ui/ConfirmButton';
import { RosterRefusal } from '../ui/roster/RosterProblems';
import { RosterReader } from '../ui/roster/RosterReader';
import { useRosterReader } from '../ui/roster/use-roster-reader';
import { useChairRequest } from './session';
import { useChair } from './store';

type Mode = 'replace' | 'append';

/** Replacing checks the file against nothing; appending against the roster it joins. */
const NOBODY: readonly ExistingMember[] = [];

/** The chair's roster tab: the shared import (ui/roster), then replace or append. Frozen once voting started. */
export function RosterImport() {
  const t = useText(chairText);
  // The server's rule (MeetingState.votingStarted): a ballot has had a round.
  const frozen = useChair((s) => s.ballots.some((b) => b.round > 0));
  return (
    <section className="roster-import" aria-labelledby="roster-heading">
      <h2 id="roster-heading">{t.roster.heading}</h2>
      {frozen ? (
        <p className="frozen-note" role="status">
          {t.roster.frozen}
        </p>
      ) : (
        <RosterImportForm />
      )}
    </section>
  );
}

function RosterImportForm() {
  const t = useText(chairText);
  const { run, busy, refusal } = useChairRequest();
  const delegates = useChair((s) => s.delegates);
  const [mode, setMode] = useState<Mode>('replace');
  const reader = useRosterReader(mode === 'append' ? delegates : NOBODY);
  /** How many the last import stored; said until the next file or paste. */
  const [stored, setStored] = useState<number | null>(null);
  const lines = reader.lines;

  const store = async () => {
    if (!lines) return;
    setStored(null);
    const reply = await run('roster:import', { lines, mode });
    if (reply.ok) {
      setStored(reply.data.stored);
      reader.clear();
    }
  };

  const replacing = mode === 'replace' && delegates.length > 0;
  return (
    <>
      <fieldset className="inline-radios">
        {(['replace', 'append'] as const).map((m) => (
          <label key={m} className="inline">
            <input type="radio" name="roster-mode" checked={mode === m} onChange={() => setMode(m)} />
            {m === 'replace' ? t.roster.replace : t.roster.append}
          </label>
        ))}
      </fieldset>
      <RosterReader reader={reader} />
      <div className="row">
        {replacing ? (
          <ConfirmButton
            label={t.roster.store}
            question={t.roster.replaceQuestion(delegates.length)}
            confirmLabel={t.roster.replaceConfirm}
            backLabel={t.ballots.back}
            danger
            disabled={busy || !lines}
            onConfirm={() => void store()}
          />
        ) : (
          <button type="button" className="primary" disabled={busy || !lines} onClick={() => void store()}>
            {t.roster.store}
          </button>
        )}
      </div>
      {refusal ? <RosterRefusal refusal={refusal} /> : null}
      {stored !== null && reader.source.kind === 'none' ? (
        <p className="ok" role="status">
          {t.roster.stored(stored)}
        </p>
      ) : null}
    </>
  );
}
