import type { PublishedAnchor } from '@hallvote/shared';
import { useText } from '../i18n';
import { anchorText } from '../i18n/anchor';

/**
 * A published result's seal and the audit head that went out with it, folded away under a summary
 * (the counting committee copies them; nobody else needs the hex), and a warning when this device
 * kept another seal for the same result.
 */
export function AnchorNote({
  anchor,
  conflict = null,
  open = false,
}: {
  anchor: PublishedAnchor;
  conflict?: PublishedAnchor | null;
  /** Unfolded (the projector, photographed by whoever wants a copy). */
  open?: boolean;
}) {
  const t = useText(anchorText);
  return (
    <div className="anchor-note">
      {conflict ? (
        <p className="warning" role="alert">
          {t.changed} {t.kept(conflict.seal)}
        </p>
      ) : null}
      <details open={open}>
        <summary>{t.summary}</summary>
        <dl>
          <dt>{t.seal}</dt>
          <dd>
            <code>{anchor.seal}</code>
          </dd>
          <dt>{t.head(anchor.head.seq)}</dt>
          <dd>
            <code>{anchor.head.hash}</code>
          </dd>
        </dl>
        <p className="hint">{t.help}</p>
      </details>
    </div>
  );
}
