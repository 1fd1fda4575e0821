// The phone's one store: what the server said (snapshot and events), the marks being made, and the
// vote on its way. Written by bind-delegate-socket.ts and vote-actions.ts, read by components.
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import {
  roundKey,
  type BallotView,
  type DelegateSnapshot,
  type Marks,
  type MyVote,
  type PublishedAnchor,
  type RepresentedMember,
  type RoundResult,
  type VoteCastPayload,
} from '@hallvote/shared';
import { initialLanguage, languageSetter, type Language } from '../i18n';
import type { ConnectionStatus } from '../ui/connection';
import type { Refusal } from '../reply';

export type ElectionStyle = 'tick' | 'cross';

/** What is kept of an unconfirmed ballot across a reload (see draft-box.ts). */
export interface SavedDraft {
  readonly draft: Marks;
  readonly step: 'mark' | 'review';
  readonly electionStyle: ElectionStyle;
}

export interface DelegateState {
  readonly language: Language;
  readonly connection: ConnectionStatus;
  /** The server's clock minus this phone's (ms), from the last snapshot or ballot update. */
  readonly clockOffsetMs: number;
  readonly meeting: DelegateSnapshot['meeting'] | null;
  readonly me: DelegateSnapshot['me'] | null;
  readonly ballot: BallotView | null;
  readonly myVote: MyVote | null;
  readonly result: RoundResult | null;
  readonly receipts: readonly string[];
  /** The published result's seal and audit head, kept on the phone too (anchor-box.ts). */
  readonly anchor: PublishedAnchor | null;
  /** What this phone kept for the same result at its publication, when the seal differs now. */
  readonly anchorConflict: PublishedAnchor | null;
  /** The round this member was added after: they do not vote in it (DelegateSnapshot.joinedAfter). */
  readonly joinedAfter: DelegateSnapshot['joinedAfter'];
  /** Marks made on this phone, not yet sent; they belong to the round named by `draftFor`. */
  readonly draft: Marks;
  readonly draftFor: string | null;
  readonly step: 'mark' | 'review';
  /**
   * How an election is marked on this phone, chosen per ballot: ticking whom one elects, or, as on
   * paper, crossing out whom one does not (every name starts kept). The draft always holds the
   * names chosen, so the server receives the same marks either way.
   */
  readonly electionStyle: ElectionStyle;
  /** An open ballot that allows it: the delegate chose to change a recorded vote. */
  readonly changing: boolean;
  /** Confirmed, saved on the phone, not yet acknowledged by the server. */
  readonly pending: VoteCastPayload | null;
  readonly sending: boolean;
  readonly refusal: Refusal | null;
  /** The members whose votes this phone casts as their proxy holder (DelegateSnapshot.represents). */
  readonly represents: readonly RepresentedMember[];
  /** This delegate gave their vote for the current round to this holder. */
  readonly heldBy: DelegateSnapshot['heldBy'];
  readonly splitAllowed: boolean;
  readonly countBy: DelegateSnapshot['countBy'];
  /** The represented member whose ballot is being marked now; null: the delegate's own. */
  readonly votingFor: string | null;
  /** The holder is distributing their votes on one split ballot. */
  readonly splitting: boolean;
}

export function initialDelegateState(): DelegateState {
  return {
    language: initialLanguage(),
    connection: 'connecting',
    clockOffsetMs: 0,
    meeting: null,
    me: null,
    ballot: null,
    myVote: null,
    result: null,
    receipts: [],
    anchor: null,
    anchorConflict: null,
    joinedAfter: null,
    draft: {},
    draftFor: null,
    step: 'mark',
    electionStyle: 'cross',
    changing: false,
    pending: null,
    sending: false,
    refusal: null,
    represents: [],
    heldBy: null,
    splitAllowed: false,
    countBy: 'heads',
    votingFor: null,
    splitting: false,
  };
}

export const delegateStore = createStore<DelegateState>()(initialDelegateState);

/** The view's language switch. */
export const setLanguage = languageSetter(delegateStore);

export function useDelegate<T>(selector: (state: DelegateState) => T): T {
  return useStore(delegateStore, selector);
}

export const roundKeyOf = (ballot: { readonly id: string; readonly round: number }) =>
  roundKey(ballot.id, ballot.round);

/** Whether `thing` belongs to the round the phone shows now. */
export function isCurrentRound(
  ballot: BallotView | null,
  thing: { readonly ballotId: string; readonly round: number } | null,
): boolean {
  return ballot !== null && thing !== null && thing.ballotId === ballot.id && thing.round === ballot.round;
}

/**
 * The part of the state that belongs to one ballot round, cleared when another round starts, or
 * brought back from the phone's storage when the page was reloaded in the middle of marking.
 */
export function freshRound(ballot: BallotView | null, saved: SavedDraft | null = null): Partial<DelegateState> {
  const restore = ballot?.state === 'open' ? saved : null;
  return {
    draft: restore?.draft ?? {},
    draftFor: ballot ? roundKeyOf(ballot) : null,
    step: restore?.step ?? 'mark',
    electionStyle: restore?.electionStyle ?? 'cross',
    changing: false,
    refusal: null,
    votingFor: null,
    splitting: false,
  };
}
