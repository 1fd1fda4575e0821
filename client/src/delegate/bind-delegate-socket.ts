// The phone's socket listeners, outside React: they write the store and nothing else.
import type { BallotView, DelegateSnapshot, PublishedAnchor } from '@hallvote/shared';
import { bindSnapshots } from '../sync-binding';
import type { AnchorBox } from './anchor-box';
import { keepDrafts, type DraftBox } from './draft-box';
import { preloadSealing } from './seal-vote';
import { delegateStore, freshRound, roundKeyOf, type DelegateState } from './store';
import { settlePendingVote, type DelegateSession } from './vote-actions';

/**
 * How far the server's clock is ahead of this phone's, from a message stamped with it. The message
 * took a moment to arrive, so this is a little low; for a countdown of whole seconds that is fine.
 */
export const clockOffset = (serverTime: number, now: number = Date.now()) => serverTime - now;

/** A different ballot or a new round: what belonged to the old one goes (or comes back after a reload). */
function roundChange(state: DelegateState, ballot: BallotView | null, drafts: DraftBox): Partial<DelegateState> {
  const key = ballot ? roundKeyOf(ballot) : null;
  return state.draftFor === key ? {} : freshRound(ballot, key ? drafts.load(key) : null);
}

/** An anchor received: kept on the phone, and compared with what it kept for the same result. */
function anchorState(anchor: PublishedAnchor | null, anchors: AnchorBox): Partial<DelegateState> {
  return { anchor, anchorConflict: anchor ? anchors.keep(anchor) : null };
}

/** A secret ballot is open: fetch the sealing code now, not when the delegate confirms. */
function readySealing(ballot: BallotView | null): void {
  if (ballot?.state === 'open' && ballot.sealKey) preloadSealing().catch(() => undefined);
}

/**
 * The store as a snapshot says it is (the marks of the same round stay, or come back after a
 * reload; a published result's anchor is kept on the phone).
 */
export function snapshotState(
  state: DelegateState,
  s: DelegateSnapshot,
  drafts: DraftBox,
  anchors: AnchorBox,
): Partial<DelegateState> {
  return {
    clockOffsetMs: clockOffset(s.serverTime),
    meeting: s.meeting,
    me: s.me,
    ballot: s.ballot,
    myVote: s.myVote,
    result: s.result,
    receipts: s.receipts,
    represents: s.represents,
    heldBy: s.heldBy,
    splitAllowed: s.splitAllowed,
    countBy: s.countBy,
    ...anchorState(s.anchor, anchors),
    joinedAfter: s.joinedAfter,
    ...roundChange(state, s.ballot, drafts),
  };
}

export function bindDelegateSocket(session: DelegateSession): void {
  const { socket, drafts, anchors } = session;
  const set = delegateStore.setState;
  keepDrafts(drafts);

  const sequenced = bindSnapshots<DelegateSnapshot>(socket, {
    role: 'delegate',
    getStatus: () => delegateStore.getState().connection,
    setStatus: (connection) => set({ connection }),
    onSnapshot: (s) => {
      set((state) => snapshotState(state, s, drafts, anchors));
      readySealing(s.ballot);
      // Only now do we know whether the server has the vote this phone is holding.
      settlePendingVote(session);
    },
  });

  socket.on(
    'ballot:updated',
    sequenced((e) => {
      set((state) => {
        const sameRound = state.ballot !== null && roundKeyOf(state.ballot) === roundKeyOf(e.ballot);
        return {
          ballot: e.ballot,
          clockOffsetMs: clockOffset(e.serverTime),
          ...(sameRound ? {} : { myVote: null, result: null, receipts: [], anchor: null, anchorConflict: null }),
          ...roundChange(state, e.ballot, drafts),
        };
      });
      readySealing(e.ballot);
    }),
  );

  socket.on(
    'result:published',
    sequenced((e) => {
      set({ result: e.result, receipts: e.receipts, ...anchorState(e.anchor, anchors) });
    }),
  );

  socket.on('session:replaced', () => {
    set({ connection: 'replaced' });
  });

  socket.on('session:revoked', (e) => {
    set({ connection: e.reason });
  });
}
