// The projector's one store: what the hall may see, and nothing more (the server never sends more).
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type {
  BallotView,
  PresenceSummary,
  ProjectorScreen,
  ProjectorSnapshot,
  PublishedAnchor,
  RoundResult,
  Turnout,
} from '@hallvote/shared';
import { initialLanguage, languageSetter, type Language } from '../i18n';
import type { ConnectionStatus } from '../ui/connection';

export interface ProjectorState {
  readonly language: Language;
  readonly connection: ConnectionStatus;
  readonly meeting: ProjectorSnapshot['meeting'] | null;
  readonly presence: PresenceSummary | null;
  readonly ballot: BallotView | null;
  readonly turnout: Turnout | null;
  readonly result: RoundResult | null;
  /** The published result's seal and the audit head after it: on screen for anyone to copy. */
  readonly anchor: PublishedAnchor | null;
  /** What the chair has the projector show: live, blank, or the title slide. */
  readonly screen: ProjectorScreen;
  /** Which page of a long result is up, when it has more than one. */
  readonly pageInfo: { readonly page: number; readonly pages: number } | null;
}

export function initialProjectorState(): ProjectorState {
  return {
    language: initialLanguage(),
    connection: 'connecting',
    meeting: null,
    presence: null,
    ballot: null,
    turnout: null,
    result: null,
    anchor: null,
    screen: { mode: 'live', slideText: '', resultShown: true },
    pageInfo: null,
  };
}

export const projectorStore = createStore<ProjectorState>()(initialProjectorState);

/** The view's language switch. */
export const setLanguage = languageSetter(projectorStore);

export function useProjector<T>(selector: (state: ProjectorState) => T): T {
  return useStore(projectorStore, selector);
}

/** Whether `thing` belongs to the round on screen now. */
export function ofCurrentRound(
  ballot: BallotView | null,
  thing: { readonly ballotId: string; readonly round: number } | null,
): boolean {
  return ballot !== null && thing !== null && thing.ballotId === ballot.id && thing.round === ballot.round;
}
