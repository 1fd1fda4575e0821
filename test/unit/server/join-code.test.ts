// The badge's join code and the budget of wrong codes (server/src/features/badges): codes from the
// alphabet without look-alikes, as people type them; the per-address and server-wide buckets, on
// a clock the test moves.
import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  JOIN_CODE_ALPHABET,
  formatJoinCode,
  joinCodeOf,
  normalizeJoinCode,
} from '../../../server/src/features/badges/join-code';
import { JOIN_GUESSES, JoinGuessLimiter, addressKey } from '../../../server/src/features/badges/join-code-limit';

describe('the join code', () => {
  test('8 characters of 31 without look-alikes, the same for a token, another after re-issue', () => {
    expect(JOIN_CODE_ALPHABET).toHaveLength(31);
    expect(JOIN_CODE_ALPHABET).not.toMatch(/[01ILO]/);
    const token = randomBytes(18).toString('base64url');
    const code = joinCodeOf(token);
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(joinCodeOf(token)).toBe(code);
    expect(joinCodeOf(randomBytes(18).toString('base64url'))).not.toBe(code);
    expect(formatJoinCode('K7Q2MXWA')).toBe('K7Q2-MXWA');
  });

  test('every character of the alphabet turns up, in about equal numbers', () => {
    const seen = new Map<string, number>();
    for (let i = 0; i < 4000; i += 1)
      for (const c of joinCodeOf(randomBytes(18).toString('base64url'))) seen.set(c, (seen.get(c) ?? 0) + 1);
    expect(seen.size).toBe(31);
    // 32,000 characters: about 1,032 each; a character under 800 or over 1,300 would be a bias.
    for (const n of seen.values()) expect(n).toBeGreaterThan(800);
    for (const n of seen.values()) expect(n).toBeLessThan(1300);
  });

  test.each([
    ['K7Q2-MXWA', 'K7Q2MXWA'],
    ['k7q2mxwa', 'K7Q2MXWA'],
    [' K7Q2 MXWA ', 'K7Q2MXWA'],
    ['K7Q2–MXWA', 'K7Q2MXWA'],
    ['K7Q2-MXW', null],
    ['K7Q2-MXWAA', null],
    ['K7Q2-MXW0', null],
    ['K7Q2-MXWI', null],
    ['', null],
  ])('typed %j is %j', (typed, code) => {
    expect(normalizeJoinCode(typed)).toBe(code);
  });
});

describe('the budget of wrong codes', () => {
  test('an address: 5 wrong codes, then one a minute; another address is not held back', () => {
    let now = 0;
    const limiter = new JoinGuessLimiter();
    for (let i = 0; i < JOIN_GUESSES.perAddress.burst; i += 1) {
      expect(limiter.take('10.0.0.5', now)).toBe('allowed');
    }
    expect(limiter.take('10.0.0.5', now)).toBe('address-limited');
    expect(limiter.take('10.0.0.6', now)).toBe('allowed');
    now += JOIN_GUESSES.perAddress.refillMs - 1;
    expect(limiter.take('10.0.0.5', now)).toBe('address-limited');
    now += 1;
    expect(limiter.take('10.0.0.5', now)).toBe('allowed');
  });

  test('the whole server: 60 wrong codes from any addresses, then one every two minutes; a clock stepped back refills nothing', () => {
    let now = 1_000_000;
    const limiter = new JoinGuessLimiter();
    for (let i = 0; i < JOIN_GUESSES.hall.burst; i += 1) {
      const address = `10.0.${i}.1`;
      expect(limiter.take(address, now)).toBe('allowed');
    }
    expect(limiter.take('10.9.9.9', now)).toBe('hall-limited');
    now -= 3_600_000;
    expect(limiter.take('10.9.9.9', now)).toBe('hall-limited');
    now += JOIN_GUESSES.hall.refillMs;
    expect(limiter.take('10.9.9.9', now)).toBe('allowed');
  });

  test('a day at the limit is at most 780 wrong codes, whatever the addresses', () => {
    let now = 0;
    const limiter = new JoinGuessLimiter();
    let wrong = 0;
    for (let minute = 0; minute < 24 * 60; minute += 1) {
      now = minute * 60_000;
      // A fresh address for every try: only the server-wide budget holds it back.
      for (let k = 0; k < 100; k += 1) {
        const address = `fd00::${minute}:${k}`;
        if (limiter.take(address, now) !== 'allowed') break;
        wrong += 1;
      }
    }
    expect(wrong).toBeLessThanOrEqual(JOIN_GUESSES.hall.burst + (24 * 3_600_000) / JOIN_GUESSES.hall.refillMs);
    expect(wrong).toBeGreaterThan(770);
  });

  test('a right code gives its guess back: a thousand right codes from one address spend nothing', () => {
    const now = 0;
    const limiter = new JoinGuessLimiter();
    for (let i = 0; i < 1000; i += 1) {
      expect(limiter.take('10.0.0.5', now)).toBe('allowed');
      limiter.giveBack('10.0.0.5');
    }
    for (let i = 0; i < JOIN_GUESSES.perAddress.burst; i += 1) expect(limiter.take('10.0.0.5', now)).toBe('allowed');
    expect(limiter.take('10.0.0.5', now)).toBe('address-limited');
  });

  test('an IPv6 address counts by its /64; an IPv4 address mapped into IPv6 as itself', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:db8:1:2:bbbb::9'));
    expect(addressKey('2001:db8:1:3::1')).not.toBe(addressKey('2001:db8:1:2::1'));
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
  });
});
