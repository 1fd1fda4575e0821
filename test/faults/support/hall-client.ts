// Talking to a server that may be in another process: HTTP helpers that use only public routes,
// and socket requests answered the way the real client answers them (the server's ack, or
// NO_ANSWER when none came).
import { io as connect } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type Ack,
  type CreateMeetingResponse,
  type RequestAck,
  type RequestEvent,
  type RequestPayload,
  type Snapshot,
} from '@hallvote/shared';
import { rosterLines } from '../../support/harness';
import { NoAck, request, type Client } from '../../support/request';
import { waitFor } from './random';

export interface NoAnswer {
  readonly ok: false;
  readonly error: 'NO_ANSWER';
  readonly params: { readonly reason: string };
}
export type Reply<E extends RequestEvent> = RequestAck<E> | NoAnswer;

/** Creates a meeting over HTTP; `rosterCsv` is read into roster lines as the admin page reads a file. */
export async function createMeetingHttp(
  url: string,
  adminToken: string,
  { rosterCsv: text, ...body }: { title?: string; rulePresetId?: string; rosterCsv?: string },
): Promise<CreateMeetingResponse> {
  const res = await fetch(`${url}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({
      title: 'Faults',
      rulePresetId: 'vn-party-classification',
      ...body,
      ...(text === undefined ? {} : { roster: rosterLines(text) }),
    }),
  });
  const json = (await res.json()) as Ack<CreateMeetingResponse>;
  if (!json.ok) throw new Error(`createMeeting failed: ${JSON.stringify(json)}`);
  return json.data;
}

/** Delegate tokens in roster order, read the way a chair gets them: from the printed badge sheet. */
export async function badgeTokens(url: string, meeting: CreateMeetingResponse): Promise<string[]> {
  const res = await fetch(`${url}/api/meetings/${meeting.meetingId}/badges`, {
    headers: { authorization: `Bearer ${meeting.chairKey}` },
  });
  if (!res.ok) throw new Error(`badge sheet: HTTP ${res.status}`);
  const html = await res.text();
  return [...html.matchAll(/<p class="url">[^<]*\/d\/([A-Za-z0-9_-]+)<\/p>/g)].map((m) => m[1] ?? '');
}

export interface ConnectOptions {
  readonly reconnection?: boolean;
  /** Sent as `?m=`, as the real client does (a load balancer routes by it). */
  readonly meetingId?: string;
  readonly reconnectionDelayMax?: number;
}

/** Opens a socket with these credentials and resolves with its first snapshot. */
export function connectRole(
  url: string,
  auth: Record<string, unknown>,
  options: ConnectOptions = {},
): Promise<{ socket: Client; snapshot: Snapshot }> {
  return new Promise((resolve, reject) => {
    const socket: Client = connect(url, {
      auth: { protocol: PROTOCOL_VERSION, ...auth },
      transports: ['websocket'],
      reconnection: options.reconnection ?? false,
      forceNew: true,
      ...(options.meetingId ? { query: { m: options.meetingId } } : {}),
      ...(options.reconnectionDelayMax ? { reconnectionDelayMax: options.reconnectionDelayMax } : {}),
    });
    const refused = (err: Error) => {
      socket.close();
      reject(err);
    };
    socket.once('connect_error', refused);
    socket.once('snapshot', (snapshot) => {
      // From here on a connection error is socket.io's business (it reconnects, if allowed to).
      socket.off('connect_error', refused);
      resolve({ socket, snapshot });
    });
  });
}

/** The handshake refusal code for these credentials, or 'CONNECTED' if the server let them in. */
export function handshakeResult(url: string, auth: Record<string, unknown>): Promise<string> {
  return new Promise((resolve) => {
    const socket: Client = connect(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
    socket.once('connect', () => {
      socket.close();
      resolve('CONNECTED');
    });
    socket.once('connect_error', (err: Error & { data?: { error?: string } }) => {
      socket.close();
      resolve(err.data?.error ?? `ERROR ${err.message}`);
    });
  });
}

/** As the real client does: refuses offline, and waits at most `timeoutMs` for the ack. */
export async function ask<E extends RequestEvent>(
  socket: Client,
  event: E,
  payload: RequestPayload<E>,
  timeoutMs = 20_000,
): Promise<Reply<E>> {
  if (!socket.connected) return { ok: false, error: 'NO_ANSWER', params: { reason: 'offline' } };
  try {
    return await request(socket, event, payload, timeoutMs);
  } catch (error) {
    if (error instanceof NoAck) return { ok: false, error: 'NO_ANSWER', params: { reason: error.message } };
    throw error;
  }
}

/** A chair request that must succeed; waits for the connection first (the server may be restarting). */
export async function must<E extends RequestEvent>(
  socket: Client,
  event: E,
  payload: RequestPayload<E>,
): Promise<RequestAck<E> & { ok: true }> {
  await waitFor(() => socket.connected, 30_000, `the ${event} socket to connect`);
  const reply = await ask(socket, event, payload);
  if (!reply.ok) throw new Error(`${event} failed: ${reply.error} ${JSON.stringify(reply.params)}`);
  return reply;
}

/** As `ask`, but waits out RATE_LIMITED (for tests whose subject is not the rate limit). */
export async function askPatiently<E extends RequestEvent>(
  socket: Client,
  event: E,
  payload: RequestPayload<E>,
): Promise<Reply<E>> {
  for (;;) {
    const reply = await ask(socket, event, payload);
    if (reply.ok || reply.error !== 'RATE_LIMITED') return reply;
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}
