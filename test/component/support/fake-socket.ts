// A stand-in for the server connection: records every request, answers with what a test scripts
// (at once, or when a promise the test holds resolves), and lets a test play server events and
// connection changes. No module mocks.
import { act } from '@testing-library/react';
import type { RequestEvent, RequestPayload, ServerToClientEvents } from '@hallvote/shared';
import type { ConnectionEvent, HallSocket, Reply } from '../../../client/src/socket';

type Answer<E extends RequestEvent> = (payload: RequestPayload<E>) => Reply<E> | Promise<Reply<E>>;

export interface RecordedRequest {
  readonly event: RequestEvent;
  readonly payload: unknown;
}

export class FakeSocket implements HallSocket {
  readonly requests: RecordedRequest[] = [];
  reconnects = 0;
  private readonly listeners = new Map<string, ((payload?: unknown) => void)[]>();
  private readonly connectionListeners: ((event: ConnectionEvent) => void)[] = [];
  private readonly answers = new Map<RequestEvent, (payload: unknown) => unknown>();

  on<E extends keyof ServerToClientEvents>(event: E, listener: ServerToClientEvents[E]): void {
    const list = this.listeners.get(event) ?? [];
    list.push(listener as (payload?: unknown) => void);
    this.listeners.set(event, list);
  }

  onConnection(listener: (event: ConnectionEvent) => void): void {
    this.connectionListeners.push(listener);
  }

  request<E extends RequestEvent>(event: E, payload: RequestPayload<E>): Promise<Reply<E>> {
    this.requests.push({ event, payload });
    const answer = this.answers.get(event);
    const reply = answer
      ? (answer(payload) as Reply<E> | Promise<Reply<E>>)
      : ({ ok: false, error: 'NO_ANSWER', params: { reason: 'offline' } } as const);
    return Promise.resolve(reply);
  }

  reconnect(): void {
    this.reconnects += 1;
  }

  close(): void {}

  /** Scripts the server's answer to `event`. */
  answer<E extends RequestEvent>(event: E, fn: Answer<E>): void {
    this.answers.set(event, fn as (payload: unknown) => unknown);
  }

  /** Payloads of every `event` request so far. */
  sent<E extends RequestEvent>(event: E): RequestPayload<E>[] {
    return this.requests.filter((r) => r.event === event).map((r) => r.payload as RequestPayload<E>);
  }

  /** Plays a server event, inside act() so React renders its effect. */
  serverEmits<E extends keyof ServerToClientEvents>(event: E, ...args: Parameters<ServerToClientEvents[E]>): void {
    act(() => {
      for (const listener of this.listeners.get(event) ?? []) listener(args[0]);
    });
  }

  connection(event: ConnectionEvent): void {
    act(() => {
      for (const listener of this.connectionListeners) listener(event);
    });
  }
}
