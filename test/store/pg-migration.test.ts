// PostgreSQL: a schema written before meetings stored their rule preset's version. Opened by the
// schema's owner, the store adds the column and gives each meeting the version its results were
// tallied under, else 1 (as the SQLite store does: test/integration/store-migration.test.ts);
// opened by a role that cannot alter the table, it refuses to start and names the statement.
import { afterAll, expect, test } from 'vitest';
import { DEFAULT_MEETING_SETTINGS, type RoundResult } from '@hallvote/shared';
import { openPgStore } from '../../server/src/store/pg-store';
import { asAdmin, freshDatabase } from '../support/postgres';
import { audit, meetingRecord, meetingWithRound, secretBallot } from './support/fixture';

const opened: { close(): Promise<void> }[] = [];
afterAll(async () => {
  for (const s of opened) await s.close();
});

test('an older schema gains rule_preset_version: the version the results name, else 1', async () => {
  const db = await freshDatabase();
  const store = await openPgStore(db.url, { poolSize: 2 });
  const { meeting: tallied, ballot } = await meetingWithRound(store, 3, secretBallot);
  const result = {
    ballotId: ballot.id,
    round: 1,
    seal: 'seal',
    closedAt: '2024-01-10T08:10:00.000Z',
    acknowledgement: null,
    tally: { rules: { id: 'vn-party-classification', version: 2 } },
  } as unknown as RoundResult;
  await store.closeRound(ballot.id, 1, result.closedAt, result, audit(tallied.id, 'round.closed'));
  const unused = meetingRecord();
  await store.createMeeting(unused, [], audit(unused.id, 'meeting.created'));
  await store.close();
  await asAdmin(db, (c) => c.query('ALTER TABLE meetings DROP COLUMN rule_preset_version'));

  await expect(openPgStore(db.url, { poolSize: 2 })).rejects.toThrow(
    /ALTER TABLE meetings ADD COLUMN rule_preset_version/,
  );

  const owner = await openPgStore(db.adminUrl, { poolSize: 2 });
  opened.push(owner);
  const versions = Object.fromEntries((await owner.loadAll()).map((m) => [m.meeting.id, m.meeting.rulePresetVersion]));
  expect(versions).toEqual({ [tallied.id]: 2, [unused.id]: 1 });
});

test('an older schema gains meetings.settings: its meetings read with the defaults', async () => {
  const db = await freshDatabase();
  const store = await openPgStore(db.url, { poolSize: 2 });
  const older = meetingRecord();
  await store.createMeeting(older, [], audit(older.id, 'meeting.created'));
  await store.close();
  await asAdmin(db, (c) => c.query('ALTER TABLE meetings DROP COLUMN settings'));

  await expect(openPgStore(db.url, { poolSize: 2 })).rejects.toThrow(/ALTER TABLE meetings ADD COLUMN settings/);

  const owner = await openPgStore(db.adminUrl, { poolSize: 2 });
  opened.push(owner);
  const [loaded] = await owner.loadAll();
  expect(loaded?.meeting).toEqual({ ...older, settings: DEFAULT_MEETING_SETTINGS });
});
