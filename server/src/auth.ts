// Credentials: generation and constant-time comparison. Tokens never reach a log line.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 144 random bits, base64url: a delegate token, a chair key or a projector key. */
export function newSecret(): string {
  return randomBytes(18).toString('base64url');
}

/**
 * A random id for rows that are not secrets (meetings, delegates, ballots). Hex, so that it always
 * passes the protocol's id pattern (which refuses a leading - or _).
 */
export function newId(): string {
  return randomBytes(10).toString('hex');
}

/** 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as XXXX-XXXX. */
export function newReceipt(): string {
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  const bytes = randomBytes(8);
  let code = '';
  for (const b of bytes) code += alphabet[b % alphabet.length];
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** A digest for indexing secrets without keeping a lookup table keyed by the secret itself. */
export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/** Compares two secrets in time independent of where they differ (and of their lengths). */
export function sameSecret(presented: string, expected: string): boolean {
  const a = createHash('sha256').update(presented).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}
