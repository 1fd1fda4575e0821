// Whose request this is, for the budgets kept per address (handshake-guard.ts, the join codes'
// join-code-limit.ts): the peer's address, or, when TRUST_PROXY names the load balancer in front
// (HAProxy in docs/cluster.md, which adds X-Forwarded-For), the address that proxy says it forwards.
// Without it every phone behind HAProxy has HAProxy's address, and one guesser spends the whole
// hall's budget: the phones' handshakes are refused with RATE_LIMITED. A header from a peer that is
// not trusted is ignored, so nobody can forge one to dodge a budget. proxy-addr is express's own.
import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

/** The address a per-address budget counts a request against. */
export type AddressOf = (req: IncomingMessage) => string;

/**
 * TRUST_PROXY: comma-separated addresses, CIDR ranges, or proxy-addr's names (`loopback`,
 * `linklocal`, `uniquelocal`). Unset or empty: trust no proxy. Throws on what is none of these.
 */
export function parseTrustProxy(value: string | undefined): readonly string[] | null {
  const entries = (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  try {
    proxyAddr.compile(entries);
  } catch (err) {
    throw new Error(
      `TRUST_PROXY must list addresses, CIDR ranges or loopback/linklocal/uniquelocal: ${(err as Error).message}`,
    );
  }
  return entries;
}

export function addressOf(trust: readonly string[] | null): AddressOf {
  if (!trust) return (req) => req.socket.remoteAddress ?? '';
  const trusted = proxyAddr.compile([...trust]);
  return (req) => proxyAddr(req, trusted);
}
