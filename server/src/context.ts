import type { Config } from './config';
import type { Logger } from './logger';
import type { Hall } from './hall/hall';
import type { Store } from './store/store';
import type { Broadcaster } from './features/sync/broadcaster';
import type { MeetingState } from './hall/meeting-state';

/** The clock every timestamp comes from; tests may pass their own. */
export interface Clock {
  now(): Date;
}

/** Everything a feature needs, handed in by createApp: no feature reaches for a global. */
export interface HallContext {
  readonly hall: Hall;
  readonly store: Store;
  readonly config: Config;
  readonly log: Logger;
  readonly clock: Clock;
  readonly broadcaster: Broadcaster;
  /** Closes a delegate's phone connection (removed, or badge re-issued). */
  readonly disconnectDelegate: (state: MeetingState, delegateId: string) => void;
}
