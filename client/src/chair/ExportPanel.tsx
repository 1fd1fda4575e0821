// The meeting's files for the secretariat: the whole meeting as JSON (what `verify` reads) and the
// attendance as CSV. Each round's own files are on its minutes page.
import { useState } from 'react';
import { useText } from '../i18n';
import { chairText } from '../i18n/chair';
import { ErrorNote } from '../ui/ErrorNote';
import { downloadExport, type ExportPath, type HttpReply } from './chair-http';
import { useChairSession } from './session';

export function ExportPanel() {
  const t = useText(chairText);
  const { meetingId, chairKey } = useChairSession();
  const [busy, setBusy] = useState(false);
  const [reply, setReply] = useState<HttpReply<string> | null>(null);
  const save = async (path: ExportPath) => {
    setBusy(true);
    setReply(await downloadExport(meetingId, chairKey, path));
    setBusy(false);
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
      {reply?.ok ? (
        <p className="hint" role="status">
          {t.exports.saved(reply.data)}
        </p>
      ) : reply ? (
        <ErrorNote refusal={reply} />
      ) : null}
    </section>
  );
}
