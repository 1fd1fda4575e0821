// A confirmed vote lives in local storage until the server acknowledges it, so that neither a
// dropped connection nor a reload nor a flat battery between confirm and ack can lose it.
import type { VoteCastPayload } from '@hallvote/shared';

export interface PendingVoteBox {
  load(): VoteCastPayload | null;
  save(vote: VoteCastPayload): void;
  clear(): void;
}

function isVote(value: unknown): value is VoteCastPayload {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.ballotId === 'string' &&
    typeof v.round === 'number' &&
    typeof v.voteId === 'string' &&
    // Marks in clear (an open ballot), or sealed to the round's key (a secret one).
    ((typeof v.marks === 'object' && v.marks !== null) || typeof v.sealed === 'string')
  );
}

/** One box per badge, so two badges tried on one phone never mix their votes. */
export function pendingVoteBox(token: string, storage: Storage): PendingVoteBox {
  const key = `hallvote.pending-vote.${token}`;
  return {
    load() {
      try {
        const raw = storage.getItem(key);
        const parsed: unknown = raw ? JSON.parse(raw) : null;
        return isVote(parsed) ? parsed : null;
      } catch {
        return null;
      }
    },
    save(vote) {
      // If this throws (storage full or blocked) the vote is still sent; it just cannot survive a
      // reload, which is no worse than a phone without storage.
      try {
        storage.setItem(key, JSON.stringify(vote));
      } catch {
        /* see above */
      }
    },
    clear() {
      try {
        storage.removeItem(key);
      } catch {
        /* nothing to clear */
      }
    },
  };
}

/**
 * A version 4 UUID. crypto.randomUUID exists only in secure contexts (HTTPS or localhost), and a
 * hall LAN is often plain HTTP; getRandomValues works everywhere.
 */
export function newVoteId(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
