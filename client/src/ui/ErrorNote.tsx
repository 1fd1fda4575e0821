import { useText } from '../i18n';
import { commonText } from '../i18n/common';
import { paramsText, proxyText } from '../i18n/proxies';
import type { Refusal } from '../reply';

/**
 * A refusal said plainly: what it means in the viewer's language, then its typed parameters in that
 * language too or else the server's own sentence (which carries the numbers involved), then field
 * or line issues.
 */
export function ErrorNote({ refusal, lead }: { refusal: Refusal; lead?: string | undefined }) {
  const t = useText(commonText);
  const p = useText(proxyText);
  const issues = 'issues' in refusal ? (refusal.issues ?? []) : [];
  const params = 'params' in refusal ? refusal.params : undefined;
  return (
    <div className="error-note" role="alert">
      <p>
        {lead ? <strong>{lead} </strong> : null}
        {t.errors[refusal.error]}
      </p>
      {params ? (
        <p className="detail">{paramsText(params, p)}</p>
      ) : refusal.message && refusal.message !== t.errors[refusal.error] ? (
        <p className="detail">{refusal.message}</p>
      ) : null}
      {issues.length > 0 ? (
        <ul>
          {issues.map((issue, i) => (
            <li key={i}>
              {issue.line !== undefined ? `${t.line(issue.line)}: ` : issue.path ? `${issue.path}: ` : ''}
              {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
