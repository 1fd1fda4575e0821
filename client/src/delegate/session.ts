import { createContext, useContext } from 'react';
import type { DelegateSession } from './vote-actions';

export const SessionContext = createContext<DelegateSession | null>(null);

export function useSession(): DelegateSession {
  const session = useContext(SessionContext);
  if (!session) throw new Error('DelegateApp provides the session');
  return session;
}
