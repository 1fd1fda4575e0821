// The meeting's files for the secretariat: the whole meeting as JSON (what `verify` reads) and the
// attendance as CSV. Each round's own files are on its minutes page.
import { useState } from 'react';
import { useText } from '../i18n';
import { chairText } from '../i18n/chair';
import { ErrorNote } from '../ui/ErrorNote';
import { useTrackedReplies } from '../ui/use-request';
import { downloadExport, type ExportPath } from './chair-http';
import { useChairSession } from './session';

export function ExportPanel() {
  const t = useText(chairText);
  const { meetingId, chairKey } = useChairSession();
  const { track, busy, refusal } = useTrackedReplies();
  // The name the last download was saved under; null after a refusal (then the refusal shows).
  const [saved, setSaved] = useState<string | null>(null);
  const save = async (path: ExportPath) => {
    const reply = await track(downloadExport(meetingId, chairKey, path));
    setSaved(reply.ok ? reply.data : null);
  };
  return (
    <section className="export-panel" aria-labelledby="export-heading">
      <h2 id="export-heading">{t.exports.heading}</h2>
      <div className="export-buttons">
        <button type="button" disabled={busy} onClick={() => void save('export.json')}>
          {t.exports.meeting}
        </button>
        <button type="button" disabled={busy} onClick={() => void save('attendance.csv')}>
          {t.exports.attendance}
        </button>
      </div>
      {saved !== null ? (
        <p className="hint" role="status">
          {t.exports.saved(saved)}
        </p>
      ) : refusal ? (
        <ErrorNote refusal={refusal} />
      ) : null}
    </section>
  );
}
