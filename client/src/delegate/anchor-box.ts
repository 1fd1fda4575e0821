// The anchors this phone received with published results: each result's seal and the audit
// chain's head right after it was published. They are kept on the phone, outside the server's
// disk, so that a later edit of the server's database (even one that recomputes every seal and
// the whole chain) disagrees with what the phones hold; the phone shows them, and says so when the
// server later shows a published result with another seal.
import type { PublishedAnchor } from '@hallvote/shared';

/** Anchors kept per badge: a long meeting publishes a few dozen results at most. */
const MAX_KEPT = 200;

export interface AnchorBox {
  /** Keeps `anchor`; returns the one kept earlier for the same round when its seal differs. */
  keep(anchor: PublishedAnchor): PublishedAnchor | null;
  all(): PublishedAnchor[];
}

function isAnchor(value: unknown): value is PublishedAnchor {
  const v = value as Partial<PublishedAnchor> | null;
  return (
    typeof v?.ballotId === 'string' &&
    typeof v.round === 'number' &&
    typeof v.seal === 'string' &&
    typeof v.head?.seq === 'number' &&
    typeof v.head.hash === 'string'
  );
}

/** One box per badge, like the pending vote. Storage errors cost the keeping, never the vote. */
export function anchorBox(token: string, storage: Storage): AnchorBox {
  const key = `hallvote.anchors.${token}`;
  const read = (): PublishedAnchor[] => {
    try {
      const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter(isAnchor) : [];
    } catch {
      return [];
    }
  };
  return {
    keep(anchor) {
      const kept = read();
      const earlier = kept.find((a) => a.ballotId === anchor.ballotId && a.round === anchor.round);
      if (earlier) return earlier.seal === anchor.seal ? null : earlier;
      try {
        storage.setItem(key, JSON.stringify([...kept, anchor].slice(-MAX_KEPT)));
      } catch {
        // Storage full or denied: the anchor is still shown, just not kept.
      }
      return null;
    },
    all: read,
  };
}
