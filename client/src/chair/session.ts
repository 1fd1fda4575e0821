import { createContext, useContext } from 'react';
import type { HallSocket } from '../socket';
import { useRequest } from '../ui/use-request';

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

/** `{ run, busy, refusal, dismiss }` for requests over the console's connection (ui/use-request.ts). */
export function useChairRequest(): ReturnType<typeof useRequest> {
  return useRequest(useChairSession().socket);
}
