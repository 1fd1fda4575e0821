// Secret ballots sealed on the phone (issue 12): a secret round has its own key pair, phones get
// the public half with the ballot, the server opens sealed marks into the secret table only, and
// the secret half is erased when the round stops taking votes.
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DelegateSnapshot } from '@hallvote/shared';
import { sealMarks } from '@hallvote/shared/sealed-marks';
import { classificationBallot, motionBallot } from '../support/ballots';
import { hallOf, type HallOf } from '../support/hall-of';
import { nextEvent, startHarness, TEST_STORE, type Harness } from '../support/harness';
import { okData, request } from '../support/request';

let h: Harness;
let hall: HallOf;

beforeAll(async () => {
  h = await startHarness();
  hall = await hallOf(h, { roster: 4, phones: 4 });
});

afterAll(async () => {
  await h.stop();
  h.cleanup();
});

describe('sealed secret ballots', () => {
  test('phones seal to the round key; the server counts what they sealed and erases the key at close', async () => {
    const definition = classificationBallot();
    const { ballotId } = okData(await request(hall.chair, 'ballot:create', definition));
    const opened = nextEvent(hall.phones[0]!.socket, 'ballot:updated', (e) => e.ballot.state === 'open');
    okData(await request(hall.chair, 'ballot:open', { ballotId }));
    const [{ ballot }] = await opened;
    expect(ballot.sealKey).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const votes = ['good', 'good', 'excellent'].map((level) => ({
      ballotId,
      round: 1,
      voteId: randomUUID(),
      sealed: sealMarks(definition, { province: [level] }, ballot.sealKey!),
    }));
    const acks = await Promise.all(hall.phones.slice(0, 3).map((p, i) => request(p.socket, 'vote:cast', votes[i]!)));
    for (const ack of acks) expect(okData(ack).marks).toBeNull();
    // A phone that connects now gets the key with the ballot (this one takes over phone 0's badge).
    const again = await h.delegate(hall.phones[0]!.token);
    expect((again.snapshot as DelegateSnapshot).ballot?.sealKey).toBe(ballot.sealKey);
    // A ballot sealed to the key but changed on the way is refused, not counted; sent again intact, it is.
    const last = { ballotId, round: 1, voteId: randomUUID() };
    const sealed = sealMarks(definition, { province: ['completed'] }, ballot.sealKey!);
    const tampered = `${sealed.slice(0, -2)}${sealed.endsWith('AA') ? 'BA' : 'AA'}`;
    expect(await request(hall.phones[3]!.socket, 'vote:cast', { ...last, sealed: tampered })).toMatchObject({
      ok: false,
      error: 'INVALID_VOTE',
    });
    okData(await request(hall.phones[3]!.socket, 'vote:cast', { ...last, sealed }));

    const result = okData(await request(hall.chair, 'ballot:close', { ballotId }));
    const counts = Object.fromEntries(result.tally.subjects[0]!.counts.map((c) => [c.optionId, c.votes]));
    expect(counts).toEqual({ excellent: 1, good: 2, completed: 1, 'not-completed': 0 });
    // The same vote sent again after the close is the same vote, without opening anything.
    expect(okData(await request(again.socket, 'vote:cast', votes[0]!)).receipt).toBe(okData(acks[0]!).receipt);

    // The key's secret half is gone from the file (SQLite; test/store holds both stores to it).
    if (TEST_STORE === 'sqlite') {
      const db = new Database(h.dbFile, { readonly: true });
      const row = db.prepare('SELECT seal_public_key, seal_secret_key FROM rounds WHERE ballot_id = ?').get(ballotId);
      db.close();
      expect(row).toEqual({ seal_public_key: ballot.sealKey, seal_secret_key: null });
    }
    const after = (await h.delegate(hall.phones[2]!.token)).snapshot as DelegateSnapshot;
    expect(after.ballot?.sealKey).toBeNull();
  });

  test('an open (named) ballot has no key and takes no sealed marks; a vote is marks or sealed, not both', async () => {
    const { ballotId } = okData(await request(hall.chair, 'ballot:create', motionBallot()));
    const view = okData(await request(hall.chair, 'ballot:open', { ballotId }));
    expect(view.sealKey).toBeNull();
    const base = { ballotId, round: 1, voteId: randomUUID() };
    expect(await request(hall.phones[1]!.socket, 'vote:cast', { ...base, sealed: 'v1.AAAA' })).toMatchObject({
      ok: false,
      error: 'INVALID_VOTE',
    });
    expect(
      await request(hall.phones[1]!.socket, 'vote:cast', { ...base, marks: { motion: ['yes'] }, sealed: 'v1.AAAA' }),
    ).toMatchObject({ ok: false, error: 'INVALID_PAYLOAD' });
    okData(await request(hall.chair, 'ballot:cancel', { ballotId }));
  });
});
