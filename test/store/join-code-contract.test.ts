// Join codes in the store, held to both stores: a badge is found by its code in any meeting (so any
// node of a cluster finds it), follows its token through a re-issue and goes with its member; the
// budget of wrong codes keeps README's numbers, is taken before a code is looked up and given back
// by a right one, and two guesses at once never both spend the last token. On PostgreSQL, several
// stores on one database (a cluster's nodes) find the same badges and spend one budget; a database
// written before the code was stored gets it when the store opens.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { joinCodeOf } from '../../server/src/features/badges/join-code';
import { JOIN_GUESSES } from '../../server/src/features/badges/join-code-limit';
import type { GuessVerdict } from '../../server/src/features/badges/join-code-limit';
import { openPgStore } from '../../server/src/store/pg-store';
import type { Store } from '../../server/src/store/store';
import { asAdmin, freshDatabase } from '../support/postgres';
import { STORE_KINDS, type TestDb } from './support/databases';
import { audit, delegates, meetingRecord } from './support/fixture';

const T0 = Date.UTC(2031, 2, 4, 5, 0, 0);
const addressOf = (i: number) => `10.0.${Math.floor(i / JOIN_GUESSES.perAddress.burst)}.1`;

describe.each(STORE_KINDS)('$name store', (kind) => {
  let db: TestDb;
  let store: Store;
  beforeEach(async () => {
    db = await kind.create();
    store = await db.open();
  });
  afterEach(async () => {
    await store.close().catch(() => undefined);
    await db.dispose();
  });

  test('badgesOfJoinCode: every badge of every meeting by its code; a re-issue moves it, a removal ends it', async () => {
    const a = meetingRecord();
    const b = meetingRecord();
    const rosterA = delegates(a.id, 3);
    const rosterB = delegates(b.id, 2, 10);
    await store.createMeeting(a, rosterA, audit(a.id, 'meeting.created'));
    await store.createMeeting(b, rosterB, audit(b.id, 'meeting.created'));
    for (const d of [...rosterA, ...rosterB])
      expect(await store.badgesOfJoinCode(joinCodeOf(d.token))).toEqual([
        { meetingId: d.meetingId, delegateId: d.id, token: d.token },
      ]);
    expect(await store.badgesOfJoinCode('22222222')).toEqual([]);

    const [first, second, third] = rosterA as [(typeof rosterA)[0], (typeof rosterA)[0], (typeof rosterA)[0]];
    const reissued = `${first.token}-reissued`;
    await store.updateDelegate(first.id, { token: reissued }, audit(a.id, 'delegate.reissued'));
    expect(await store.badgesOfJoinCode(joinCodeOf(first.token))).toEqual([]);
    expect(await store.badgesOfJoinCode(joinCodeOf(reissued))).toEqual([
      { meetingId: a.id, delegateId: first.id, token: reissued },
    ]);
    // An edit that leaves the token keeps the code.
    await store.updateDelegate(second.id, { name: 'Renamed' }, audit(a.id, 'delegate.updated'));
    expect(await store.badgesOfJoinCode(joinCodeOf(second.token))).toHaveLength(1);
    await store.removeDelegate(third.id, audit(a.id, 'delegate.removed'));
    expect(await store.badgesOfJoinCode(joinCodeOf(third.token))).toEqual([]);
    const added = delegates(b.id, 1, 20);
    await store.addDelegates(added, audit(b.id, 'delegate.added'));
    expect(await store.badgesOfJoinCode(joinCodeOf(added[0]!.token))).toHaveLength(1);
    const replaced = delegates(b.id, 1, 30);
    await store.replaceRoster(b.id, replaced, audit(b.id, 'roster.replaced'));
    expect(await store.badgesOfJoinCode(joinCodeOf(rosterB[0]!.token))).toEqual([]);

    await store.close();
    store = await db.open();
    expect(await store.badgesOfJoinCode(joinCodeOf(reissued))).toHaveLength(1);
    expect(await store.badgesOfJoinCode(joinCodeOf(replaced[0]!.token))).toHaveLength(1);
  });

  test('takeJoinGuess: 5 per address then one a minute, another address not held back', async () => {
    const { burst, refillMs } = JOIN_GUESSES.perAddress;
    for (let i = 0; i < burst; i += 1) expect(await store.takeJoinGuess('10.0.0.5', T0)).toBe('allowed');
    expect(await store.takeJoinGuess('10.0.0.5', T0)).toBe('address-limited');
    expect(await store.takeJoinGuess('10.0.0.6', T0)).toBe('allowed');
    expect(await store.takeJoinGuess('10.0.0.5', T0 + refillMs - 1)).toBe('address-limited');
    expect(await store.takeJoinGuess('10.0.0.5', T0 + refillMs)).toBe('allowed');
    expect(await store.takeJoinGuess('10.0.0.5', T0 + refillMs)).toBe('address-limited');
  });

  test('takeJoinGuess: 60 for the whole server, then one every two minutes; a right code gives its guess back', async () => {
    const { burst, refillMs } = JOIN_GUESSES.hall;
    for (let i = 0; i < burst; i += 1) expect(await store.takeJoinGuess(addressOf(i), T0), `#${i + 1}`).toBe('allowed');
    expect(await store.takeJoinGuess('10.9.9.9', T0)).toBe('hall-limited');
    expect(await store.takeJoinGuess('10.9.9.9', T0 + refillMs - 1)).toBe('hall-limited');
    expect(await store.takeJoinGuess('10.9.9.9', T0 + refillMs)).toBe('allowed');
    // That one was a right code: given back, it can be spent again.
    await store.returnJoinGuess('10.9.9.9');
    expect(await store.takeJoinGuess('10.9.9.8', T0 + refillMs)).toBe('allowed');
    expect(await store.takeJoinGuess('10.9.9.7', T0 + refillMs)).toBe('hall-limited');
  });

  test('takeJoinGuess: 150 guesses at once from 30 addresses, and exactly 60 are taken', async () => {
    const verdicts = await Promise.all(
      Array.from({ length: 150 }, (_, i) => store.takeJoinGuess(addressOf(i), T0 + 1)),
    );
    expect(verdicts.filter((v) => v === 'allowed')).toHaveLength(JOIN_GUESSES.hall.burst);
  });
});

describe('PostgreSQL: several stores on one database, as a cluster’s nodes', () => {
  const open: Store[] = [];
  afterEach(async () => {
    for (const s of open.splice(0)) await s.close().catch(() => undefined);
  });

  test('a badge written by one store is found by the others; they spend one budget, even all at once', async () => {
    const db = await freshDatabase();
    for (let i = 0; i < 3; i += 1) open.push(await openPgStore(db.url, { poolSize: 3 }));
    const [n1, n2, n3] = open as [Store, Store, Store];
    const meeting = meetingRecord();
    const roster = delegates(meeting.id, 2);
    await n1.createMeeting(meeting, roster, audit(meeting.id, 'meeting.created'));
    for (const node of [n2, n3])
      expect(await node.badgesOfJoinCode(joinCodeOf(roster[1]!.token))).toEqual([
        { meetingId: meeting.id, delegateId: roster[1]!.id, token: roster[1]!.token },
      ]);

    // One address, its 5 guesses spread over the nodes.
    for (let i = 0; i < JOIN_GUESSES.perAddress.burst; i += 1)
      expect(await open[i % 3]!.takeJoinGuess('10.8.0.1', T0)).toBe('allowed');
    for (const node of open) expect(await node.takeJoinGuess('10.8.0.1', T0)).toBe('address-limited');

    // 150 guesses at once over the three nodes: the hall budget's 55 left, and not one more.
    const verdicts: GuessVerdict[] = await Promise.all(
      Array.from({ length: 150 }, (_, i) => open[i % 3]!.takeJoinGuess(addressOf(i), T0 + 1)),
    );
    expect(verdicts.filter((v) => v === 'allowed')).toHaveLength(JOIN_GUESSES.hall.burst - 5);
    for (const node of open) expect(await node.takeJoinGuess('10.8.9.9', T0 + 2)).toBe('hall-limited');
  });

  test('a database written before join codes were stored: opening the store fills and indexes them', async () => {
    const db = await freshDatabase();
    const first = await openPgStore(db.url, { poolSize: 2 });
    const meeting = meetingRecord();
    const roster = delegates(meeting.id, 3);
    await first.createMeeting(meeting, roster, audit(meeting.id, 'meeting.created'));
    await first.close();
    await asAdmin(db, (c) => c.query('DROP TABLE join_guesses; ALTER TABLE delegates DROP COLUMN join_code'));

    const store = await openPgStore(db.adminUrl, { poolSize: 2 });
    open.push(store);
    for (const d of roster) expect(await store.badgesOfJoinCode(joinCodeOf(d.token))).toHaveLength(1);
    expect(await store.takeJoinGuess('10.7.0.1', T0)).toBe('allowed');
  });
});
