// The server's half of sealed secret ballots (shared/src/sealed-marks.ts): a key pair per secret
// round, and opening what a phone sealed to it. X25519 is Node's own (about 0.17 ms a ballot,
// against 0.56 ms for tweetnacl's JavaScript); HSalsa20 and XSalsa20-Poly1305 are tweetnacl's,
// which is exactly NaCl's box split in its two steps. What is opened goes only into the secret
// table, through the same checks as marks sent in clear.
import { createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync } from 'node:crypto';
import nacl from 'tweetnacl';
import { HallvoteError, decodeMarks, decodeSplit, type CodedBallot, type Marks } from '@hallvote/shared';

/** DER prefixes that wrap a raw 32-byte X25519 key (RFC 8410). */
const PKCS8_X25519 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_X25519 = Buffer.from('302a300506032b656e032100', 'hex');
/** NaCl's "expand 32-byte k", the HSalsa20 constant of crypto_box_beforenm. */
const SIGMA = new Uint8Array(Buffer.from('expand 32-byte k', 'latin1'));
const KEY = 32;
const NONCE = 24;
/** tweetnacl ships NaCl's low-level functions without types; this is the one used here. */
const { crypto_core_hsalsa20: hsalsa20 } = (
  nacl as unknown as {
    lowlevel: {
      crypto_core_hsalsa20(this: void, out: Uint8Array, input: Uint8Array, k: Uint8Array, c: Uint8Array): number;
    };
  }
).lowlevel;

/** A new X25519 key pair, both halves raw and base64url. */
export function newSealKeyPair(): { publicKey: string; secretKey: string } {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  const pub = publicKey.export({ format: 'jwk' }).x;
  const sec = privateKey.export({ format: 'jwk' }).d;
  if (!pub || !sec) throw new Error('x25519 key export failed');
  return { publicKey: pub, secretKey: sec };
}

/**
 * The marks sealed in `sealed` ("v1." + base64url(sender key ‖ nonce ‖ box)) with the round's
 * secret key; INVALID_VOTE when it does not open or does not decode to a ballot of `ballot`.
 */
export function openSealedMarks(ballot: CodedBallot, sealed: string, secretKey: string): Marks {
  const opened = openSealed(sealed, secretKey);
  const marks = opened ? decodeMarks(ballot, opened) : null;
  if (!marks) throw new HallvoteError('INVALID_VOTE', { reason: 'unsealable' });
  return marks;
}

/** A split ballot's rows sealed the same way (marks-code.ts encodeSplit); INVALID_VOTE as above. */
export function openSealedSplit(
  ballot: CodedBallot,
  sealed: string,
  secretKey: string,
): Record<string, Record<string, number>> {
  const opened = openSealed(sealed, secretKey);
  const rows = opened ? decodeSplit(ballot, opened) : null;
  if (!rows) throw new HallvoteError('INVALID_VOTE', { reason: 'unsealable' });
  return rows;
}

function openSealed(sealed: string, secretKey: string): Uint8Array | null {
  const refuse = (): never => {
    throw new HallvoteError('INVALID_VOTE', { reason: 'unsealable' });
  };
  const bytes = Buffer.from(sealed.slice(3), 'base64url');
  if (!sealed.startsWith('v1.') || bytes.length < KEY + NONCE + nacl.secretbox.overheadLength) refuse();
  let shared: Buffer;
  try {
    shared = diffieHellman({
      privateKey: createPrivateKey({
        key: Buffer.concat([PKCS8_X25519, Buffer.from(secretKey, 'base64url')]),
        format: 'der',
        type: 'pkcs8',
      }),
      publicKey: createPublicKey({
        key: Buffer.concat([SPKI_X25519, bytes.subarray(0, KEY)]),
        format: 'der',
        type: 'spki',
      }),
    });
  } catch {
    // A sender key of small order gives no shared secret: not something a phone makes.
    return refuse();
  }
  const key = new Uint8Array(KEY);
  hsalsa20(key, new Uint8Array(16), new Uint8Array(shared), SIGMA);
  const opened = nacl.secretbox.open(
    new Uint8Array(bytes.subarray(KEY + NONCE)),
    new Uint8Array(bytes.subarray(KEY, KEY + NONCE)),
    key,
  );
  return opened ?? refuse();
}
