import type { PublishedAnchor, RoundResult, SocketRole, StorageStatus } from '@hallvote/shared';
import type { Config } from './config';
import type { Countdowns } from './hall/countdowns';
import type { Hall } from './hall/hall';
import type { MeetingState } from './hall/meeting-state';
import type { Logger } from './logger';
import type { Store } from './store/store';

/** The clock every timestamp comes from; tests may pass their own. */
export interface Clock {
  now(): Date;
}

/**
 * What features announce to a meeting's audiences after a change has committed and been applied
 * to the meeting state. features/sync/broadcaster.ts sends them over socket.io.
 */
export interface Broadcaster {
  /** A ballot's state changed (created, opened, closed, cancelled, tallied again). */
  ballotChanged(state: MeetingState, ballotId: string): void;
  /** A re-vote was prepared or dropped: only the chair sees drafts. */
  draftChanged(state: MeetingState, ballotId: string): void;
  /** The chair changed what the projector shows. */
  projectorChanged(state: MeetingState): void;
  /** A result was published; `anchor` (its seal and the audit head) goes out with it. */
  resultPublished(state: MeetingState, ballotId: string, result: RoundResult, anchor: PublishedAnchor): void;
  /** The whole roster changed (import). */
  rosterReplaced(state: MeetingState, removedIds: readonly string[]): void;
  /** One delegate changed (attendance, connection, details, removal). */
  delegateChanged(state: MeetingState, delegateId: string): void;
  /** A proxy was recorded or taken back: the chair's list and presence. */
  proxiesChanged(state: MeetingState): void;
  /**
   * What these delegates vote for changed (a round opened with their proxies, a proxy was recorded
   * or taken back): their phones get a fresh snapshot.
   */
  delegatesChanged(state: MeetingState, delegateIds: readonly string[]): void;
  /** The database's secrecy work started or stopped waiting for another program (chair only). */
  storageChanged(state: MeetingState, status: StorageStatus): void;
  /** Someone voted (online or on paper) in a ballot's current round. */
  turnoutChanged(state: MeetingState, ballotId: string): void;
  /** The number of the last announcement to `audience`; a snapshot is stamped with it. */
  seq(meetingId: string, audience: SocketRole): number;
}

/** Everything a feature needs, handed in by createApp: no feature reaches for a global. */
export interface HallContext {
  readonly hall: Hall;
  readonly store: Store;
  readonly config: Config;
  readonly log: Logger;
  readonly clock: Clock;
  readonly broadcaster: Broadcaster;
  readonly countdowns: Countdowns;
  /** The store's status now, for the chair's snapshot. */
  readonly storage: () => StorageStatus;
  /** Tells a delegate's phone why its badge stopped working (re-issued, or removed), then closes it. */
  readonly disconnectDelegate: (state: MeetingState, delegateId: string, reason: 'reissued' | 'removed') => void;
}
