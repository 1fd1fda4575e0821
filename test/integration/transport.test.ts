// How the views connect (client/src/socket.ts): a WebSocket first, with no long-polling handshake
// before it, and long-polling where a WebSocket cannot open.
import { once } from 'node:events';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect, type Socket } from 'socket.io-client';
import { afterEach, describe, expect, test } from 'vitest';
import { PROTOCOL_VERSION } from '@hallvote/shared';
import { TRANSPORT_OPTIONS } from '../../client/src/socket';
import { startHarness, type Harness } from '../support/harness';

const opened: { close(): unknown }[] = [];

/** The next `event` on a socket.io client socket. */
const next = (s: Socket, event: string) => new Promise<void>((resolve) => s.once(event, () => resolve()));

afterEach(async () => {
  for (const o of opened.splice(0)) await o.close();
});

function client(url: string, auth: Record<string, unknown> = {}): Socket {
  const s = connect(url, {
    ...TRANSPORT_OPTIONS,
    transports: [...TRANSPORT_OPTIONS.transports],
    reconnection: false,
    forceNew: true,
    auth,
  });
  opened.push({ close: () => s.disconnect() });
  return s;
}

describe('the views connect WebSocket first', () => {
  test('a phone on the real server: the first request is the WebSocket, no polling handshake', async () => {
    const hall: Harness = await startHarness();
    opened.push({ close: () => hall.stop().then(() => hall.cleanup()) });
    const meeting = await hall.createMeeting({ rosterCsv: 'name\nAn\nBình' });
    const requests: string[] = [];
    hall.app.httpServer.prependListener('request', (req: { url?: string }) => {
      if (req.url?.startsWith('/socket.io/')) requests.push(req.url);
    });
    const upgrades: string[] = [];
    hall.app.httpServer.prependListener('upgrade', (req: { url?: string }) => upgrades.push(req.url ?? ''));
    const s = client(hall.url, {
      protocol: PROTOCOL_VERSION,
      role: 'delegate',
      token: hall.tokens(meeting.meetingId)[0],
    });
    await next(s, 'snapshot');
    expect(s.io.engine.transport.name).toBe('websocket');
    expect(requests).toEqual([]);
    expect(upgrades).toHaveLength(1);
    expect(upgrades[0]).toContain('transport=websocket');
  });

  test('where a WebSocket cannot open, long-polling carries the connection', async () => {
    // A server that, like a proxy in the way, accepts long-polling only.
    const http: HttpServer = createServer();
    const io = new Server(http, { transports: ['polling'] });
    io.on('connection', (socket) => socket.emit('hello'));
    http.listen(0, '127.0.0.1');
    await once(http, 'listening');
    opened.push({ close: () => new Promise<void>((resolve) => void io.close(() => resolve())) });
    const s = client(`http://127.0.0.1:${(http.address() as AddressInfo).port}`);
    await next(s, 'hello');
    expect(s.io.engine.transport.name).toBe('polling');
  });
});
