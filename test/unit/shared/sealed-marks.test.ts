// Sealed secret ballots (shared/src/sealed-marks.ts, opened by server/src/features/votes/
// open-sealed-marks.ts): what the phone seals the server opens, every sealed ballot of a ballot
// has the same length whatever was marked, and anything else is refused.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CLASSIFICATION_LEVELS, HallvoteError, codedLength, decodeMarks, encodeMarks } from '@hallvote/shared';
import { fromBase64Url, sealMarks, toBase64Url } from '@hallvote/shared/sealed-marks';
import { newSealKeyPair, openSealedMarks } from '../../../server/src/features/votes/open-sealed-marks';

const choice = {
  subjects: [{ id: 'province' }],
  options: [...CLASSIFICATION_LEVELS],
};
const batch = {
  subjects: Array.from({ length: 19 }, (_, i) => ({ id: `unit-${i + 1}` })),
  options: [...CLASSIFICATION_LEVELS],
};
const election = {
  subjects: [{ id: 'e' }],
  options: Array.from({ length: 11 }, (_, i) => ({ id: `c${i}` })),
};

describe('the coded ballot', () => {
  test('round-trips marks; every subject comes back, an unmarked one as an empty row', () => {
    expect(decodeMarks(choice, encodeMarks(choice, { province: ['not-completed'] }))).toEqual({
      province: ['not-completed'],
    });
    expect(decodeMarks(election, encodeMarks(election, { e: ['c10', 'c0', 'c8'] }))).toEqual({
      e: ['c0', 'c8', 'c10'],
    });
    expect(decodeMarks(batch, encodeMarks(batch, { 'unit-3': ['good'] }))?.['unit-1']).toEqual([]);
  });

  test('its length depends on the ballot, never on the marks', () => {
    const rows = fc.array(fc.subarray(CLASSIFICATION_LEVELS.map((o) => o.id)), { minLength: 19, maxLength: 19 });
    fc.assert(
      fc.property(rows, (marked) => {
        const marks = Object.fromEntries(batch.subjects.map((s, i) => [s.id, marked[i] ?? []]));
        expect(encodeMarks(batch, marks)).toHaveLength(codedLength(batch));
        expect(decodeMarks(batch, encodeMarks(batch, marks))).toEqual(marks);
      }),
    );
  });

  test('a subject or option the ballot lacks cannot be coded; a malformed code decodes to null', () => {
    expect(() => encodeMarks(choice, { other: ['good'] })).toThrow();
    expect(() => encodeMarks(choice, { province: ['maybe'] })).toThrow();
    expect(decodeMarks(choice, new Uint8Array([1]))).toBeNull();
    expect(decodeMarks(choice, new Uint8Array([2, 1]))).toBeNull();
    // Bit 5 of a four-option row: no such option.
    expect(decodeMarks(choice, new Uint8Array([1, 0b100000]))).toBeNull();
  });
});

describe('sealing on the phone, opening on the server', () => {
  test('base64url round-trips bytes of every length', () => {
    for (let n = 0; n < 40; n += 1) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
      expect(toBase64Url(bytes)).toBe(Buffer.from(bytes).toString('base64url'));
    }
  });

  test("what the phone seals to the round's key, the round's secret key opens", () => {
    const keys = newSealKeyPair();
    const sealed = sealMarks(choice, { province: ['good'] }, keys.publicKey);
    expect(sealed).toMatch(/^v1\.[A-Za-z0-9_-]+$/);
    expect(openSealedMarks(choice, sealed, keys.secretKey)).toEqual({ province: ['good'] });
  });

  test('two sealings of the same choice differ; choices of one ballot all have one length', () => {
    const keys = newSealKeyPair();
    const one = sealMarks(choice, { province: ['good'] }, keys.publicKey);
    expect(sealMarks(choice, { province: ['good'] }, keys.publicKey)).not.toBe(one);
    const lengths = new Set(
      CLASSIFICATION_LEVELS.map((o) => sealMarks(choice, { province: [o.id] }, keys.publicKey).length),
    );
    expect(lengths.size).toBe(1);
  });

  test('another key, a flipped byte or a cut-off box is refused as INVALID_VOTE', () => {
    const keys = newSealKeyPair();
    const sealed = sealMarks(choice, { province: ['good'] }, keys.publicKey);
    const bytes = Buffer.from(sealed.slice(3), 'base64url');
    const flipped = Buffer.from(bytes);
    flipped[flipped.length - 1]! ^= 1;
    const cases = [
      () => openSealedMarks(choice, sealed, newSealKeyPair().secretKey),
      () => openSealedMarks(choice, `v1.${flipped.toString('base64url')}`, keys.secretKey),
      () => openSealedMarks(choice, `v1.${bytes.subarray(0, 60).toString('base64url')}`, keys.secretKey),
      () => openSealedMarks(batch, sealed, keys.secretKey),
      // A sender key of small order (all zeros) gives X25519 no shared secret.
      () =>
        openSealedMarks(
          choice,
          `v1.${Buffer.concat([Buffer.alloc(32), bytes.subarray(32)]).toString('base64url')}`,
          keys.secretKey,
        ),
    ];
    for (const open of cases) {
      expect(open).toThrow(HallvoteError);
      expect(open).toThrow(expect.objectContaining({ code: 'INVALID_VOTE', params: { reason: 'unsealable' } }));
    }
  });
});
