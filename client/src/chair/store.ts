// The console's one store: the chair's snapshot kept current by events, plus which tab and ballot
// the chair is looking at. Forms keep their half-typed input in component state.
import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import type {
  ChairBallotView,
  Delegate,
  ErrorBody,
  Meeting,
  PresenceSummary,
  ProjectorScreen,
  Proxy,
  StorageStatus,
} from '@hallvote/shared';
import { initialLanguage, languageSetter, type Language } from '../i18n';
import type { ConnectionStatus } from '../ui/connection';

export type ChairTab = 'ballots' | 'attendance' | 'roster' | 'audit';

export interface ChairState {
  readonly language: Language;
  readonly connection: ConnectionStatus;
  readonly meeting: Meeting | null;
  readonly presence: PresenceSummary | null;
  readonly delegates: readonly Delegate[];
  readonly ballots: readonly ChairBallotView[];
  readonly projectorKey: string | null;
  /** Every proxy recorded, in force or taken back, oldest first. */
  readonly proxies: readonly Proxy[];
  /** Secrecy work of the database waiting for another program (shown until it is done). */
  readonly storage: StorageStatus;
  /** Phones reach the server over plain HTTP (ChairSnapshot.plainHttp). */
  readonly plainHttp: boolean;
  /** Why the server refused this console, when it said (a meeting whose stored state does not match). */
  readonly refusal: ErrorBody | null;
  /** What the projector shows, as the server says it does. */
  readonly projector: ProjectorScreen | null;
  readonly tab: ChairTab;
  /** The ballot shown in detail; null shows the ballot builder. */
  readonly selectedBallotId: string | null;
}

export function initialChairState(): ChairState {
  return {
    language: initialLanguage(),
    connection: 'connecting',
    meeting: null,
    presence: null,
    delegates: [],
    ballots: [],
    projectorKey: null,
    proxies: [],
    storage: { scrubPendingSince: null },
    plainHttp: false,
    refusal: null,
    projector: null,
    tab: 'ballots',
    selectedBallotId: null,
  };
}

export const chairStore = createStore<ChairState>()(initialChairState);

/** The view's language switch. */
export const setLanguage = languageSetter(chairStore);

export function useChair<T>(selector: (state: ChairState) => T): T {
  return useStore(chairStore, selector);
}

export function selectBallot(ballotId: string | null): void {
  chairStore.setState({ selectedBallotId: ballotId, tab: 'ballots' });
}
