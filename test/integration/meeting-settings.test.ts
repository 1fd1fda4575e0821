// A meeting's settings (issue 16: form of address, time zone, the minutes' header): given when the
// meeting is created, each part left out taken from the defaults, refused when malformed, sent to
// every role, exported, and kept across a restart; a database written before settings existed
// reads its meetings with the defaults.
import Database from 'better-sqlite3';
import { afterAll, describe, expect, test } from 'vitest';
import {
  DEFAULT_MEETING_SETTINGS,
  type ChairSnapshot,
  type DelegateSnapshot,
  type MeetingExport,
  type MeetingSettings,
  type ProjectorSnapshot,
} from '@hallvote/shared';
import { ADMIN_TOKEN, TEST_STORE, rosterCsv, startHarness, type Harness } from '../support/harness';

const harnesses: Harness[] = [];
afterAll(() => harnesses.forEach((h) => h.cleanup()));

const COUNCIL: MeetingSettings = {
  address: 'dai-bieu',
  timeZone: 'Asia/Bangkok',
  header: {
    issuer: ['HĐND TỈNH BẮC NINH', 'KỲ HỌP THỨ 7'],
    national: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
    place: 'Bắc Ninh',
  },
};

async function started(dataDir?: string): Promise<Harness> {
  const h = await startHarness(dataDir);
  harnesses.push(h);
  return h;
}

async function settingsSeenBy(h: Harness, m: Awaited<ReturnType<Harness['createMeeting']>>) {
  const chair = (await h.chair(m)).snapshot as ChairSnapshot;
  const projector = (await h.projector(m)).snapshot as ProjectorSnapshot;
  const [token] = h.tokens(m.meetingId);
  const phone = (await h.delegate(token!)).snapshot as DelegateSnapshot;
  return { chair: chair.meeting.settings, projector: projector.meeting.settings, phone: phone.meeting.settings };
}

describe('meeting settings', () => {
  test('every role sees the settings the meeting was created with; the export and a restart keep them', async () => {
    const h = await started();
    const m = await h.createMeeting({ rosterCsv: rosterCsv(2), settings: COUNCIL });
    expect(await settingsSeenBy(h, m)).toEqual({ chair: COUNCIL, projector: COUNCIL, phone: COUNCIL });
    const res = await fetch(`${h.url}/api/meetings/${m.meetingId}/export.json`, {
      headers: { authorization: `Bearer ${m.chairKey}` },
    });
    expect(((await res.json()) as MeetingExport).meeting.settings).toEqual(COUNCIL);
    await h.stop();

    const again = await started(h.dataDir);
    expect((await settingsSeenBy(again, m)).chair).toEqual(COUNCIL);
    await again.stop();
  });

  test('each part left out takes its default: "đồng chí", Asia/Ho_Chi_Minh, the Party header', async () => {
    const h = await started();
    const none = await h.createMeeting({ rosterCsv: rosterCsv(1) });
    const zoneOnly = await h.createMeeting({ rosterCsv: rosterCsv(1), settings: { timeZone: 'Asia/Tokyo' } });
    expect((await settingsSeenBy(h, none)).chair).toEqual(DEFAULT_MEETING_SETTINGS);
    expect((await settingsSeenBy(h, zoneOnly)).chair).toEqual({ ...DEFAULT_MEETING_SETTINGS, timeZone: 'Asia/Tokyo' });
    await h.stop();
  });

  test.each([
    ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }],
    ['an unknown form of address', { address: 'ban' }],
    ['a field it does not know', { language: 'vi' }],
    ['too many header lines', { header: { issuer: ['A', 'B', 'C', 'D'], national: [], place: '' } }],
  ])('%s is refused with INVALID_PAYLOAD, and no meeting is made', async (_, settings) => {
    const h = await started();
    const res = await fetch(`${h.url}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: JSON.stringify({ title: 'T', rulePresetId: 'simple-majority', settings }),
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ ok: false, error: 'INVALID_PAYLOAD' });
    expect(h.app.hall.meetings.size).toBe(0);
    await h.stop();
  });
});

// The SQLite file is edited by hand below; the PostgreSQL store runs the same step (pg-schema.ts,
// test/store/pg-migration.test.ts).
describe.skipIf(TEST_STORE !== 'sqlite')('an older SQLite database', () => {
  test('gains the settings column; its meetings read with the defaults', async () => {
    const h = await started();
    const m = await h.createMeeting({ rosterCsv: rosterCsv(1), settings: COUNCIL });
    await h.stop();
    const db = new Database(h.dbFile);
    db.exec('ALTER TABLE meetings DROP COLUMN settings');
    db.close();

    const again = await started(h.dataDir);
    expect((await settingsSeenBy(again, m)).chair).toEqual(DEFAULT_MEETING_SETTINGS);
    await again.stop();
  });
});
