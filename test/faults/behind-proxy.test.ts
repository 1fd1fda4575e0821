// Behind a proxy (HAProxy in docs/cluster.md), every phone reaches the server from the proxy's
// address. Budgets kept per address (refused handshakes: handshake-guard.ts; wrong join codes:
// join-code-limit.ts) must count the phone the proxy names in X-Forwarded-For when TRUST_PROXY names
// the proxy, or one guesser spends the whole hall's budget; and from a peer not trusted the header
// must change nothing, or a guesser could forge it to get a fresh budget with every request.
import { afterEach, expect, test } from 'vitest';
import { PROTOCOL_VERSION, type CreateMeetingResponse } from '@hallvote/shared';
import { ChildServer } from '../support/child-server';
import { rosterCsv } from '../support/harness';
import { badgeTokens, createMeetingHttp } from './support/hall-client';
import { RawSocket } from './support/raw-socket';

const GUESSER = '203.0.113.7';
const PHONE = '198.51.100.9';

let server: ChildServer | null = null;
const raws: RawSocket[] = [];

afterEach(async () => {
  raws.splice(0).forEach((r) => r.close());
  await server?.stop();
  server?.cleanup();
  server = null;
});

async function hall(env: Record<string, string>): Promise<{ meeting: CreateMeetingResponse; tokens: string[] }> {
  server = await ChildServer.start({ env });
  const meeting = await createMeetingHttp(server.url, server.adminToken, { rosterCsv: rosterCsv(3) });
  return { meeting, tokens: await badgeTokens(server.url, meeting) };
}

/**
 * A handshake sent as if forwarded for `from`: 'connected', the refusal's code, or 'closed' (a
 * connection refused as RATE_LIMITED is closed at once, and its answer may not get out first).
 */
async function handshake(from: string, token: string): Promise<string> {
  const raw = await RawSocket.open(server!.url, { 'x-forwarded-for': from });
  raws.push(raw);
  raw.handshake({ protocol: PROTOCOL_VERSION, role: 'delegate', token });
  const answered = (m: string) => m.startsWith('40') || m.startsWith('44');
  while (!raw.received.some(answered) && !raw.closed) await new Promise((r) => setTimeout(r, 10));
  raw.close();
  const answer = raw.received.find(answered);
  if (answer === undefined) return 'closed';
  if (answer.startsWith('40')) return 'connected';
  return (JSON.parse(answer.slice(2)) as { message: string }).message;
}

/**
 * Guesses badge tokens until they are no longer looked at (bounded): how many it took. Each guess
 * claims to be forwarded for `from(i)`.
 */
async function spendHandshakeBudget(from: (guess: number) => string): Promise<number> {
  for (let guesses = 1; guesses <= 400; guesses += 1)
    if ((await handshake(from(guesses), `guess-${guesses}-${'z'.repeat(20)}`)) !== 'UNAUTHORIZED') return guesses;
  throw new Error('the handshake budget was never spent');
}

/** A typed join code "from" `from`: the page's HTTP status. */
async function joinCode(from: string, code: string): Promise<number> {
  const res = await fetch(`${server!.url}/j`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': from },
    body: new URLSearchParams({ code }).toString(),
    redirect: 'manual',
  });
  await res.arrayBuffer();
  return res.status;
}

test("TRUST_PROXY=loopback: a guesser behind the proxy spends its own budget, not the other phones'", async () => {
  const { tokens } = await hall({ TRUST_PROXY: 'loopback' });
  // 100 refused handshakes an address, refilled at 5 a second: the guesser is stopped...
  expect(await spendHandshakeBudget(() => GUESSER)).toBeGreaterThan(50);
  // ...and a phone behind the same proxy is not (on the old server it shared the proxy's budget).
  expect(await handshake(PHONE, tokens[1]!), 'another phone behind the same proxy joins').toBe('connected');

  // Join codes: five wrong codes an address, then the page says to wait; another phone may still type.
  const statuses = [];
  for (let i = 0; i < 6; i += 1) statuses.push(await joinCode(GUESSER, `AAAA-AAA${i + 2}`));
  expect(statuses).toEqual([404, 404, 404, 404, 404, 429]);
  expect(await joinCode(PHONE, 'AAAA-AAAZ')).toBe(404);
});

test('without TRUST_PROXY the header is ignored: a new forged address with every guess buys no fresh budget', async () => {
  await hall({});
  expect(await spendHandshakeBudget((i) => `203.0.113.${i % 250}`)).toBeLessThanOrEqual(250);
  const statuses = [];
  for (let i = 0; i < 6; i += 1) statuses.push(await joinCode(`198.51.100.${i}`, `AAAA-AAA${i + 2}`));
  expect(statuses).toEqual([404, 404, 404, 404, 404, 429]);
});
