// The request helper of the tests and the bench (test/support/request.ts), against a bare socket.io
// server that answers one event, never answers another, and hangs up on a third: a lost ack fails
// in about the time asked for, naming the event, instead of at the test runner's timeout.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { NoAck, request, type Client } from '../support/request';

let server: Server;
let client: Client;

beforeAll(async () => {
  const http = createServer();
  server = new Server(http);
  server.on('connection', (socket) => {
    socket.on('ballot:open', (_payload: unknown, ack: (reply: unknown) => void) => ack({ ok: true, data: 'opened' }));
    socket.on('ballot:close', () => socket.disconnect(true));
    // 'vote:cast' has no listener: its ack never comes.
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  client = connect(url, { transports: ['websocket'], reconnection: false, forceNew: true });
  await new Promise((resolve) => client.once('connect', () => resolve(null)));
});

afterAll(async () => {
  client.disconnect();
  await server.close();
});

async function timed(run: () => Promise<unknown>): Promise<{ ms: number; outcome: unknown }> {
  const started = performance.now();
  const outcome = await run().catch((error: unknown) => error);
  return { ms: performance.now() - started, outcome };
}

test('an ack resolves the request with what the server answered', async () => {
  expect(await request(client, 'ballot:open', { ballotId: 'b' })).toEqual({ ok: true, data: 'opened' });
});

test('no ack: the request fails after its timeout, naming the event', async () => {
  const vote = { ballotId: 'b', round: 1, voteId: 'v', marks: {} };
  const { ms, outcome } = await timed(() => request(client, 'vote:cast', vote, 300));
  expect(outcome).toBeInstanceOf(NoAck);
  expect((outcome as NoAck).message).toMatch(/^no ack to vote:cast within 300 ms$/);
  expect(ms).toBeGreaterThanOrEqual(290);
  expect(ms).toBeLessThan(2_000);
});

test('the connection drops while waiting: the request fails at once, not at its timeout', async () => {
  const { ms, outcome } = await timed(() => request(client, 'ballot:close', { ballotId: 'b' }, 10_000));
  expect(outcome).toBeInstanceOf(NoAck);
  expect((outcome as NoAck).message).toMatch(/^no ack to ballot:close: socket has been disconnected$/);
  expect(ms).toBeLessThan(2_000);
});
