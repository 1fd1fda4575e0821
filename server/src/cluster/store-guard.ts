// The store as the features see it on every node: a write the database could not take, or that a
// newer owner fenced, becomes the typed, retryable STORE_UNAVAILABLE (the phone keeps its vote and
// sends it again), and a write that leaves this node's picture of the meeting in doubt (fenced, or
// a commit whose outcome is unknown) has the meeting dropped and loaded again from the database.
// A Proxy, so that every store method, present and future, goes through the same door.
import { HallvoteError } from '@hallvote/shared';
import { StaleEpochError, StoreUnavailableError, type Store } from '../store/store';

/** The meeting a store call is about: every write carries it (its audit input, or the vote). */
function meetingOf(args: readonly unknown[]): string | null {
  for (const arg of args) {
    const id = (arg as { meetingId?: unknown } | null)?.meetingId;
    if (typeof arg === 'object' && typeof id === 'string') return id;
  }
  return null;
}

export function guardStore(store: Store, onDoubt: (meetingId: string, reason: string) => void): Store {
  const translate = (error: unknown, args: readonly unknown[]): never => {
    if (error instanceof StaleEpochError) {
      onDoubt(error.meetingId, 'fenced by a newer owner');
      throw new HallvoteError('STORE_UNAVAILABLE', { reason: 'moved' });
    }
    if (error instanceof StoreUnavailableError) {
      const meetingId = meetingOf(args);
      if (error.outcomeUnknown && meetingId) onDoubt(meetingId, 'commit outcome unknown');
      throw new HallvoteError('STORE_UNAVAILABLE', { reason: 'unreachable' });
    }
    throw error;
  };
  return new Proxy(store, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = (value as (...a: unknown[]) => unknown).apply(target, args);
        return result instanceof Promise ? result.catch((error: unknown) => translate(error, args)) : result;
      };
    },
  });
}
