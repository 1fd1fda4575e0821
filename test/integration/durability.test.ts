// Durability and secrecy at rest: a new app on the same database file keeps the open ballot and
// every acked vote; the secret ballot's rows carry no delegate and nothing pairs one with a choice.
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import type { DelegateSnapshot } from '@hallvote/shared';
import { classificationBallot } from '../support/ballots';
import { rosterCsv, startHarness, TEST_STORE, type Harness } from '../support/harness';
import { okData, request } from '../support/request';

const cleanups: Harness[] = [];
afterAll(() => cleanups.forEach((h) => h.cleanup()));

describe('restart on the same database', () => {
  test('the open ballot and every acked vote survive; voting goes on', async () => {
    const first = await startHarness();
    cleanups.push(first);
    const meeting = await first.createMeeting({ rosterCsv: rosterCsv(53) });
    const chair = (await first.chair(meeting)).socket;
    const tokens = first.tokens(meeting.meetingId);
    const phones = await Promise.all(tokens.slice(0, 40).map(async (t) => (await first.delegate(t)).socket));
    const { ballotId } = okData(await request(chair, 'ballot:create', classificationBallot()));
    okData(await request(chair, 'ballot:open', { ballotId }));
    const acks = await Promise.all(
      phones
        .slice(0, 30)
        .map((p) =>
          request(p, 'vote:cast', { ballotId, round: 1, voteId: randomUUID(), marks: { province: ['good'] } }),
        ),
    );
    acks.forEach(okData);
    await first.stop();

    const second = await startHarness(first.dataDir);
    const meeting2 = { ...meeting };
    const { snapshot } = await second.delegate(tokens[0]!);
    expect((snapshot as DelegateSnapshot).ballot).toMatchObject({ id: ballotId, state: 'open', round: 1 });
    expect((snapshot as DelegateSnapshot).myVote?.receipt).toBe(okData(acks[0]!).receipt);
    const late = (await second.delegate(tokens[35]!)).socket;
    okData(
      await request(late, 'vote:cast', {
        ballotId,
        round: 1,
        voteId: randomUUID(),
        marks: { province: ['excellent'] },
      }),
    );
    const chair2 = (await second.chair(meeting2)).socket;
    const result = okData(await request(chair2, 'ballot:close', { ballotId }));
    const counts = Object.fromEntries(result.tally.subjects[0]!.counts.map((c) => [c.optionId, c.votes]));
    expect(counts).toMatchObject({ good: 30, excellent: 1 });
    expect(result.tally.ballots.returned).toBe(31);
    await second.stop();
  });
});

// SQLite's file; PostgreSQL's secrecy at rest is scanned by test/store/pg-secrecy.test.ts.
describe.skipIf(TEST_STORE !== 'sqlite')('secrecy at rest', () => {
  test('secret ballots have no delegate column and no row pairs a delegate with a choice', async () => {
    const h = await startHarness();
    cleanups.push(h);
    const meeting = await h.createMeeting({ rosterCsv: rosterCsv(40) });
    const chair = (await h.chair(meeting)).socket;
    const tokens = h.tokens(meeting.meetingId);
    const phones = await Promise.all(tokens.map(async (t) => (await h.delegate(t)).socket));
    const { ballotId } = okData(await request(chair, 'ballot:create', classificationBallot()));
    okData(await request(chair, 'ballot:open', { ballotId }));
    for (const [i, p] of phones.entries())
      okData(
        await request(p, 'vote:cast', {
          ballotId,
          round: 1,
          voteId: randomUUID(),
          marks: { province: [i % 3 ? 'good' : 'completed'] },
        }),
      );
    okData(await request(chair, 'ballot:close', { ballotId }));
    await h.stop();

    const db = new Database(h.dbFile, { readonly: true });
    const columns = (table: string) =>
      (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
    expect(columns('secret_ballots').sort()).toEqual(['ballot_id', 'id', 'marks', 'round', 'weight']);
    // The tables that hold a delegate id never hold a choice, for a secret ballot.
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[]).map(
      (t) => t.name,
    );
    for (const table of tables) {
      const cols = columns(table);
      if (!cols.some((c) => c.includes('delegate'))) continue;
      const rows = db.prepare(`SELECT * FROM ${table}`).all() as Record<string, unknown>[];
      for (const row of rows) expect(JSON.stringify(row), table).not.toMatch(/good|completed|excellent/);
    }
    const secretRows = db.prepare('SELECT marks FROM secret_ballots').all() as { marks: string }[];
    expect(secretRows).toHaveLength(40);
    // Every choice is there, and the table's own order is not the order of voting (the random
    // key decides it); a chance match of this 40-vote pattern is about 1 in 10^10.
    const voteOrder = phones.map((_, i) => (i % 3 ? 'good' : 'completed'));
    const inTableOrder = secretRows.map((r) => (JSON.parse(r.marks) as { province: string[] }).province[0]);
    expect([...inTableOrder].sort()).toEqual([...voteOrder].sort());
    expect(inTableOrder).not.toEqual(voteOrder);
    db.close();
  });
});
