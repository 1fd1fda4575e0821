import { useText } from '../i18n';
import { commonText } from '../i18n/common';
import { sayRefusal, useRefusalText } from '../i18n/refusals';
import type { Refusal } from '../reply';

/**
 * A refusal said plainly, in the viewer's language: its code's words with the numbers it carries,
 * then any field-level issues. Nothing the server wrote is shown: it sends codes, not sentences.
 */
export function ErrorNote({ refusal, lead }: { refusal: Refusal; lead?: string | undefined }) {
  const t = useRefusalText();
  const c = useText(commonText);
  const issues = refusal.error === 'INVALID_PAYLOAD' ? refusal.params.issues : [];
  return (
    <div className="error-note" role="alert">
      <p>
        {lead ? <strong>{lead} </strong> : null}
        {sayRefusal(t, refusal)}
      </p>
      {issues.length > 0 ? (
        <ul aria-label={c.issues}>
          {issues.map((issue, i) => (
            <li key={i}>{t.issue(issue)}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
