// A database written before meetings stored their rule preset's version: the store adds the column
// when it opens, and each meeting gets the version its results were tallied under, or else version
// 1, the only version any preset had when such a row was written (never silently the newest). And
// one written before badges stored their join codes: each gets its code when the store opens.
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import type { ChairSnapshot } from '@hallvote/shared';
import { joinCodeOf } from '../../server/src/features/badges/join-code';
import { classificationBallot } from '../support/ballots';
import { TEST_STORE, rosterCsv, startHarness, type Harness } from '../support/harness';
import { okData, request } from '../support/request';

const harnesses: Harness[] = [];
afterAll(() => harnesses.forEach((h) => h.cleanup()));

async function meetingWithClosedRound(h: Harness, rulePresetVersion: number) {
  const meeting = await h.createMeeting({ rosterCsv: rosterCsv(3), rulePresetVersion });
  const chair = (await h.chair(meeting)).socket;
  const phones = await Promise.all(h.tokens(meeting.meetingId).map(async (t) => (await h.delegate(t)).socket));
  const { ballotId } = okData(await request(chair, 'ballot:create', classificationBallot()));
  okData(await request(chair, 'ballot:open', { ballotId }));
  for (const p of phones)
    okData(await request(p, 'vote:cast', { ballotId, round: 1, voteId: randomUUID(), marks: { province: ['good'] } }));
  okData(await request(chair, 'ballot:close', { ballotId }));
  return meeting;
}

// The SQLite file is edited by hand below; the PostgreSQL store runs the same step (pg-schema.ts).
describe.skipIf(TEST_STORE !== 'sqlite')('an older SQLite database', () => {
  test('meetings of an older database get the version their results name, else version 1', async () => {
    const h = await startHarness();
    harnesses.push(h);
    const underV2 = await meetingWithClosedRound(h, 2);
    const underV1 = await meetingWithClosedRound(h, 1);
    const unused = await h.createMeeting({ rosterCsv: rosterCsv(3) });
    await h.stop();

    // The schema as it was: no rule_preset_version column.
    const db = new Database(h.dbFile);
    db.exec('ALTER TABLE meetings DROP COLUMN rule_preset_version');
    db.close();

    const again = await startHarness(h.dataDir);
    harnesses.push(again);
    const version = async (m: typeof unused) =>
      ((await again.chair(m)).snapshot as ChairSnapshot).meeting.rules.version;
    expect(await version(underV2)).toBe(2);
    expect(await version(underV1)).toBe(1);
    expect(await version(unused)).toBe(1);
    await again.stop();

    const read = new Database(h.dbFile, { readonly: true });
    const columns = read.prepare<[], { name: string; notnull: number }>('PRAGMA table_info(meetings)').all();
    read.close();
    expect(columns.find((c) => c.name === 'rule_preset_version')).toMatchObject({ notnull: 1 });
  });

  test('badges written before join codes were stored get theirs: a code typed at /j finds its badge', async () => {
    const h = await startHarness();
    harnesses.push(h);
    const meeting = await h.createMeeting({ rosterCsv: rosterCsv(3) });
    const token = h.tokens(meeting.meetingId)[2]!;
    await h.stop();

    // The schema as it was: no join_code column (nor its index).
    const db = new Database(h.dbFile);
    db.exec('DROP INDEX delegates_join_code; ALTER TABLE delegates DROP COLUMN join_code');
    db.close();

    const again = await startHarness(h.dataDir);
    harnesses.push(again);
    const res = await fetch(`${again.url}/j`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ code: joinCodeOf(token) }).toString(),
    });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/d/${token}?m=${meeting.meetingId}`);
    await again.stop();
  });
});
