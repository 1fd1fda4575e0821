// The short code printed on a badge beside its QR code, for a phone that cannot scan: typed at
// PUBLIC_URL/j, it leads to the badge's page. It is made from the badge's token (SHA-256), so it
// needs no storage of its own and changes when the badge is re-issued; knowing it tells nothing of
// the token. Eight characters from 31 that cannot be taken for one another (no 0/O, 1/I/L):
// 31^8 ≈ 8.5 × 10^11 codes, 39.6 bits. Guessing is held back by join-code-limit.ts.
import { createHash } from 'node:crypto';

/** Where the code is typed, under PUBLIC_URL: short enough to type from the badge. */
export const JOIN_PATH = '/j';

/** Digits and capitals without look-alikes: no 0, 1, I, L, O. */
export const JOIN_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const JOIN_CODE_LENGTH = 8;

/** The badge's code, 8 characters (see `formatJoinCode` for how it is printed). */
export function joinCodeOf(token: string): string {
  // 64 bits of the hash, reduced to 8 base-31 digits: 2^64 / 31^8 ≈ 2 × 10^7, so no code is
  // measurably likelier than another.
  let n = createHash('sha256').update(`hallvote join code\n${token}`).digest().readBigUInt64BE(0);
  const base = BigInt(JOIN_CODE_ALPHABET.length);
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i += 1) {
    code += JOIN_CODE_ALPHABET[Number(n % base)];
    n /= base;
  }
  return code;
}

/** Printed in two halves, XXXX-XXXX, easier to read out and to type. */
export function formatJoinCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`;
}

/** What a person typed, as a code: any case, spaces and dashes ignored; null if it cannot be one. */
export function normalizeJoinCode(typed: string): string | null {
  const code = typed.toUpperCase().replace(/[\s\-–.]/g, '');
  if (code.length !== JOIN_CODE_LENGTH) return null;
  for (const c of code) if (!JOIN_CODE_ALPHABET.includes(c)) return null;
  return code;
}
