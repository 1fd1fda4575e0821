// One way for a part of a view to call the server and show how it went: busy while the call is on
// its way (its buttons wait), then the refusal, kept in sight until a later call succeeds. Built
// on the socket seam (socket.ts), whose requests always answer, NO_ANSWER included.
import { useCallback, useState } from 'react';
import type { AnyReply, Refusal } from '../reply';
import type { RequestEvent, RequestPayload } from '@hallvote/shared';
import type { HallSocket, Reply } from '../socket';

export interface RequestState {
  readonly busy: boolean;
  readonly refusal: Refusal | null;
  /** Forgets the refusal shown (what it was about has changed). */
  readonly dismiss: () => void;
}

/** Tracks any call answering in the reply shape, by socket or HTTP. */
export function useTrackedReplies(): RequestState & {
  readonly track: <R extends AnyReply>(call: Promise<R>) => Promise<R>;
} {
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<Refusal | null>(null);
  const track = useCallback(async <R extends AnyReply>(call: Promise<R>): Promise<R> => {
    setBusy(true);
    const reply = await call;
    const settled: AnyReply = reply;
    setBusy(false);
    setRefusal(settled.ok ? null : settled);
    return reply;
  }, []);
  const dismiss = useCallback(() => setRefusal(null), []);
  return { busy, refusal, dismiss, track };
}

/** `run(event, payload)` sends a request over `socket`, tracked as above; it resolves to the reply. */
export function useRequest(socket: HallSocket): RequestState & {
  readonly run: <E extends RequestEvent>(event: E, payload: RequestPayload<E>) => Promise<Reply<E>>;
} {
  const { track, ...state } = useTrackedReplies();
  const run = useCallback(
    <E extends RequestEvent>(event: E, payload: RequestPayload<E>) => track(socket.request(event, payload)),
    [socket, track],
  );
  return { ...state, run };
}
