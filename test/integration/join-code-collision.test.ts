// Two badges whose tokens give one join code (one chance in 1.7 million for a roster of 1,000):
// the code cannot tell them apart, so /j refuses it for both rather than open one member's badge
// for the other; their QR codes still work, and re-issuing either gives it another code. The
// collision is forced where /j looks codes up: two badges are given one code in the database.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { CreateMeetingResponse, DelegateSnapshot } from '@hallvote/shared';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { joinCodeOf } from '../../server/src/features/badges/join-code';
import { TEST_STORE, rosterCsv, startHarness, type Harness } from '../support/harness';
import { okData, request, type Client } from '../support/request';

const SHARED = 'K7Q2MXWA';

/** Gives these badges the code SHARED in the database, as if their tokens had given it. */
async function shareCode(tokens: readonly string[]): Promise<void> {
  if (TEST_STORE === 'sqlite') {
    const db = new Database(h.dbFile);
    try {
      db.pragma('busy_timeout = 5000');
      const share = db.prepare('UPDATE delegates SET join_code = ? WHERE token = ?');
      for (const token of tokens) share.run(SHARED, token);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: readFileSync(join(h.dataDir, 'database-url'), 'utf8') });
  await client.connect();
  try {
    for (const token of tokens)
      await client.query('UPDATE delegates SET join_code = $1 WHERE token = $2', [SHARED, token]);
  } finally {
    await client.end();
  }
}

let h: Harness;
let meeting: CreateMeetingResponse;
let chair: Client;

beforeEach(async () => {
  h = await startHarness();
  meeting = await h.createMeeting({ title: 'Hội nghị', rosterCsv: rosterCsv(3) });
  chair = (await h.chair(meeting)).socket;
});

afterEach(async () => {
  await h.stop();
  h.cleanup();
});

async function postCode(code: string): Promise<{ status: number; location: string | null }> {
  const res = await fetch(`${h.url}/j`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
    body: new URLSearchParams({ code }).toString(),
  });
  await res.text();
  return { status: res.status, location: res.headers.get('location') };
}

test('a code two badges share opens neither; re-issuing one gives it its own code and frees the other', async () => {
  const sharing = h.tokens(meeting.meetingId).slice(0, 2);
  await shareCode(sharing);
  expect(await postCode(SHARED)).toMatchObject({ status: 404 });
  // Both badges still open by their QR codes.
  for (const token of sharing) expect((await h.delegate(token)).snapshot).toMatchObject({ role: 'delegate' });

  const { snapshot } = await h.delegate(sharing[0]!);
  const member = (snapshot as DelegateSnapshot).me.id;
  const { joinUrl } = okData(await request(chair, 'delegate:reissue', { delegateId: member }));
  const reissued = joinUrl.split('/d/')[1]!;
  const own = joinCodeOf(reissued);
  expect(own).not.toBe(SHARED);
  expect(await postCode(own)).toMatchObject({ status: 303, location: `/d/${reissued}?m=${meeting.meetingId}` });
  // The shared code now belongs to one badge only: the one not re-issued.
  expect(await postCode(SHARED)).toMatchObject({ status: 303, location: `/d/${sharing[1]}?m=${meeting.meetingId}` });
});
