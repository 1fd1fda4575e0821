// Marks made but not yet confirmed live in local storage too, so that a reload, a crash of the
// browser or a phone put away for a minute does not make an older delegate start a batch of 19
// again. They are kept for one round only and dropped once the vote is confirmed (pending-vote.ts
// then holds it) or the round is over.
import type { DelegateState, SavedDraft } from './store';
import { delegateStore, isCurrentRound, roundKeyOf } from './store';

export interface DraftBox {
  /** The saved draft of the round `roundKey`, if that is the round it was saved for. */
  load(roundKey: string): SavedDraft | null;
  save(roundKey: string, draft: SavedDraft): void;
  clear(): void;
}

interface Stored extends SavedDraft {
  readonly roundKey: string;
}

function isStored(value: unknown): value is Stored {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.roundKey === 'string' &&
    typeof v.draft === 'object' &&
    v.draft !== null &&
    Object.values(v.draft).every((row) => Array.isArray(row) && row.every((id) => typeof id === 'string')) &&
    (v.step === 'mark' || v.step === 'review') &&
    (v.electionStyle === 'tick' || v.electionStyle === 'cross')
  );
}

/** One box per badge, like the pending vote. Storage errors only cost the comfort. */
export function draftBox(token: string, storage: Storage): DraftBox {
  const key = `hallvote.draft.${token}`;
  return {
    load(roundKey) {
      try {
        const parsed: unknown = JSON.parse(storage.getItem(key) ?? 'null');
        if (!isStored(parsed) || parsed.roundKey !== roundKey) return null;
        return { draft: parsed.draft, step: parsed.step, electionStyle: parsed.electionStyle };
      } catch {
        return null;
      }
    },
    save(roundKey, draft) {
      try {
        storage.setItem(key, JSON.stringify({ roundKey, ...draft }));
      } catch {
        /* not kept across a reload, still marked */
      }
    },
    clear() {
      try {
        storage.removeItem(key);
      } catch {
        /* nothing kept */
      }
    },
  };
}

/** What should be in the box for this state: the marks of an open round not yet confirmed. */
function keepable(s: DelegateState): { roundKey: string; saved: SavedDraft } | null {
  if (!s.ballot || s.ballot.state !== 'open' || s.pending !== null) return null;
  if (isCurrentRound(s.ballot, s.myVote) && !s.changing) return null;
  const roundKey = roundKeyOf(s.ballot);
  if (s.draftFor !== roundKey) return null;
  const touched = Object.keys(s.draft).length > 0 || s.step === 'review' || s.electionStyle !== 'cross';
  return touched ? { roundKey, saved: { draft: s.draft, step: s.step, electionStyle: s.electionStyle } } : null;
}

/** Keeps the box in step with the store; returns the unsubscribe function. */
export function keepDrafts(box: DraftBox): () => void {
  let last: DelegateState | null = null;
  return delegateStore.subscribe((s) => {
    const same =
      last !== null &&
      last.draft === s.draft &&
      last.step === s.step &&
      last.electionStyle === s.electionStyle &&
      last.ballot === s.ballot &&
      last.pending === s.pending &&
      last.myVote === s.myVote &&
      last.changing === s.changing &&
      last.draftFor === s.draftFor;
    if (same) return;
    last = s;
    // Before the first snapshot nothing is known about the round: leave the box alone.
    if (s.meeting === null) return;
    const keep = keepable(s);
    if (keep) box.save(keep.roundKey, keep.saved);
    else box.clear();
  });
}
