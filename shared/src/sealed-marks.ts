// A secret ballot sealed on the phone to the open round's public key, so that a listener on the
// hall network (plain HTTP, or a TLS proxy it controls) reads who voted but never what. It is
// NaCl's box (X25519, XSalsa20-Poly1305, tweetnacl) with a key pair made for this one ballot: the
// server's round key opens it, and nothing about the sender is in it. The plaintext is the coded
// ballot (marks-code.ts), whose length is fixed by the ballot.
//
// Imported by the phone only when a secret ballot is open (a lazy chunk), and by tests; the server
// opens sealed ballots with Node's own X25519 (server/src/features/votes/open-sealed-marks.ts).
// Not re-exported from index.ts, so that no bundle carries tweetnacl by accident.
import nacl from 'tweetnacl';
import type { Marks } from './marks';
import { encodeMarks, encodeSplit, type CodedBallot } from './marks-code';

/** The prefix of every sealed ballot of this format. */
export const SEALED_PREFIX = 'v1.';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** base64url without padding, as keys and sealed ballots travel (no Buffer, no btoa: any runtime). */
export function toBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 4) / 3));
    for (let c = 0; c < chars; c += 1) out += ALPHABET[(n >> (18 - 6 * c)) & 63];
  }
  return out;
}

/** The bytes of a base64url text; an error for a character outside the alphabet. */
export function fromBase64Url(text: string): Uint8Array {
  const out = new Uint8Array(Math.floor((text.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let at = 0;
  for (const ch of text) {
    const v = ALPHABET.indexOf(ch);
    if (v < 0) throw new Error('not base64url');
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[at++] = (value >> bits) & 0xff;
    }
  }
  return out.subarray(0, at);
}

/**
 * Seals `marks` of `ballot` to the round's public key (`sealKey` of the ballot view, base64url):
 * "v1." + base64url(ephemeral public key ‖ nonce ‖ box).
 */
export function sealMarks(ballot: CodedBallot, marks: Marks, sealKey: string): string {
  return sealBytes(encodeMarks(ballot, marks), sealKey);
}

/** A proxy holder's split ballot rows, sealed the same way (marks-code.ts encodeSplit). */
export function sealSplit(
  ballot: CodedBallot,
  rows: Readonly<Record<string, Readonly<Record<string, number>>>>,
  sealKey: string,
): string {
  return sealBytes(encodeSplit(ballot, rows), sealKey);
}

function sealBytes(plain: Uint8Array, sealKey: string): string {
  const roundKey = fromBase64Url(sealKey);
  if (roundKey.length !== nacl.box.publicKeyLength) throw new Error('not a round key');
  const mine = nacl.box.keyPair();
  const nonce = nacl.randomBytes(nacl.box.nonceLength);
  const box = nacl.box(plain, nonce, roundKey, mine.secretKey);
  const out = new Uint8Array(mine.publicKey.length + nonce.length + box.length);
  out.set(mine.publicKey, 0);
  out.set(nonce, mine.publicKey.length);
  out.set(box, mine.publicKey.length + nonce.length);
  return SEALED_PREFIX + toBase64Url(out);
}
