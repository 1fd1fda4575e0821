import { createContext, useContext } from 'react';
import type { HallSocket } from '../socket';

export interface ChairSession {
  readonly socket: HallSocket;
  readonly meetingId: string;
  /** Sent as a Bearer token for the badge sheet; never shown. */
  readonly chairKey: string;
}

export const ChairSessionContext = createContext<ChairSession | null>(null);

export function useChairSession(): ChairSession {
  const session = useContext(ChairSessionContext);
  if (!session) throw new Error('ChairApp provides the session');
  return session;
}
