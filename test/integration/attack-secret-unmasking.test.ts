// Attack 3 of issue 12: learning a secret vote by cancelling or closing at the right moment. The
// chair watches audit:list until one delegate's vote.cast appears, then cancels (the cancelled
// round's export carried that one ballot) or closes (the result said "1 excellent"), then starts a
// re-vote as if nothing happened. A secret round now gives nothing away before it is counted:
// cancelling destroys its ballots unseen, closing is a commitment that reaches the minutes, and an
// early close needs a minimum number of returned ballots.
import { readFileSync, existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_EARLY_CLOSE_MINIMUM, type MeetingExport, type RoundExport } from '@hallvote/shared';
import { classificationBallot } from '../support/ballots';
import { hallOf, vote, type HallOf } from '../support/hall-of';
import { startHarness, TEST_STORE, type Harness } from '../support/harness';
import { okData, request } from '../support/request';

let h: Harness;
let hall: HallOf;

const get = async <T>(path: string) =>
  (await (
    await fetch(`${h.url}/api/meetings/${hall.meeting.meetingId}/${path}`, {
      headers: { authorization: `Bearer ${hall.meeting.chairKey}` },
    })
  ).json()) as T;

beforeAll(async () => {
  h = await startHarness();
  hall = await hallOf(h, { roster: 20, phones: 20 });
});

afterAll(async () => {
  await h.stop();
  h.cleanup();
});

/** Every byte of the database and its WAL, as text. */
function databaseBytes(): string {
  const files = [h.dbFile, `${h.dbFile}-wal`].filter((f) => existsSync(f));
  return files.map((f) => readFileSync(f).toString('latin1')).join('\n');
}

describe('a secret round gives nothing away before it is counted', () => {
  let ballotId = '';

  test('cancelling after one vote destroys it unseen: no record exported, only a count audited', async () => {
    ballotId = okData(await request(hall.chair, 'ballot:create', classificationBallot())).ballotId;
    okData(await request(hall.chair, 'ballot:open', { ballotId }));
    await vote(hall.phones[0]!, ballotId, 1, { province: ['not-completed'] });
    const audit = okData(await request(hall.chair, 'audit:list', {}));
    expect(audit.filter((e) => e.action === 'vote.cast' && e.details.ballotId === ballotId)).toHaveLength(1);
    // Before the close the chair sees a turnout, never a count of choices.
    const open = await get<RoundExport>(`rounds/${ballotId}/1.json`);
    expect(open.records).toEqual([]);
    expect(open.result).toBeNull();

    okData(await request(hall.chair, 'ballot:cancel', { ballotId }));
    const cancelled = await get<RoundExport>(`rounds/${ballotId}/1.json`);
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.records).toEqual([]);
    expect(cancelled.result).toBeNull();
    const entries = okData(await request(hall.chair, 'audit:list', {}));
    const entry = entries.find((e) => e.action === 'round.cancelled' && e.details.ballotId === ballotId);
    expect(entry?.details).toEqual({ ballotId, round: 1, destroyed: 1 });

    // The files themselves (SQLite; test/store/trust-contract.test.ts holds both stores to it).
    if (TEST_STORE === 'sqlite') {
      const db = new Database(h.dbFile, { readonly: true });
      const left = db.prepare('SELECT count(*) AS n FROM secret_ballots WHERE ballot_id = ?').get(ballotId) as {
        n: number;
      };
      db.close();
      expect(left.n).toBe(0);
      // Overwritten, not merely unlinked: the marks are nowhere in the files. The store's thread
      // empties the WAL right after the cancel's commit is answered, so on a busy machine this can
      // lag the answer by a moment: wait for it, boundedly.
      await expect
        .poll(() => databaseBytes().includes('["not-completed"]'), { timeout: 5_000, interval: 100 })
        .toBe(false);
    }
  });

  test('closing early with one ballot in the box is refused; with the minimum, the close is marked early', async () => {
    okData(await request(hall.chair, 'ballot:revote', { ballotId }));
    const round = okData(await request(hall.chair, 'ballot:open', { ballotId })).round;
    await vote(hall.phones[1]!, ballotId, round, { province: ['excellent'] });
    const refused = await request(hall.chair, 'ballot:close', { ballotId });
    expect(refused).toMatchObject({
      ok: false,
      error: 'TOO_FEW_BALLOTS',
      params: { returned: 1, minimum: DEFAULT_EARLY_CLOSE_MINIMUM },
    });
    const chairView = okData(await request(hall.chair, 'sync:request', {}));
    expect(JSON.stringify(chairView)).not.toMatch(/"excellent","votes"|"votes":1/);

    for (const phone of hall.phones.slice(2, DEFAULT_EARLY_CLOSE_MINIMUM + 1))
      await vote(phone, ballotId, round, { province: ['good'] });
    const result = okData(await request(hall.chair, 'ballot:close', { ballotId }));
    expect(result.tally.ballots.returned).toBe(DEFAULT_EARLY_CLOSE_MINIMUM);
    expect(result.earlyClose).toEqual({
      returned: DEFAULT_EARLY_CLOSE_MINIMUM,
      present: 20,
      minimum: DEFAULT_EARLY_CLOSE_MINIMUM,
      ruleMinimum: DEFAULT_EARLY_CLOSE_MINIMUM,
    });
  });

  test('closing is a commitment: a closed round cannot be cancelled, and a re-vote keeps it in the minutes', async () => {
    expect(await request(hall.chair, 'ballot:cancel', { ballotId })).toMatchObject({ ok: false, error: 'CONFLICT' });
    okData(await request(hall.chair, 'ballot:revote', { ballotId }));
    const next = okData(await request(hall.chair, 'ballot:open', { ballotId })).round;
    expect(next).toBe(3);
    const data = await get<MeetingExport>('export.json');
    const closed = data.rounds.find((r) => r.ballot.id === ballotId && r.round === 2)!;
    expect(closed.state).toBe('closed');
    expect(closed.result?.tally.ballots.returned).toBe(DEFAULT_EARLY_CLOSE_MINIMUM);
    expect(closed.records).toHaveLength(DEFAULT_EARLY_CLOSE_MINIMUM);
    okData(await request(hall.chair, 'ballot:cancel', { ballotId }));
  });

  test('a small body lowers the minimum on its ballot; phones, chair and minutes see the lowered number', async () => {
    const small = okData(
      await request(
        hall.chair,
        'ballot:create',
        classificationBallot({ title: 'Cell of three', earlyCloseMinimum: 2 }),
      ),
    ).ballotId;
    const opened = okData(await request(hall.chair, 'ballot:open', { ballotId: small }));
    expect(opened.earlyCloseMinimum).toBe(2);
    await vote(hall.phones[0]!, small, 1, { province: ['good'] });
    expect(await request(hall.chair, 'ballot:close', { ballotId: small })).toMatchObject({
      ok: false,
      error: 'TOO_FEW_BALLOTS',
    });
    await vote(hall.phones[1]!, small, 1, { province: ['good'] });
    const result = okData(await request(hall.chair, 'ballot:close', { ballotId: small }));
    expect(result.earlyClose).toMatchObject({ returned: 2, minimum: 2, ruleMinimum: DEFAULT_EARLY_CLOSE_MINIMUM });
  });
});
