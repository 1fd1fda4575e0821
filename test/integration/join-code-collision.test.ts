// Two badges whose tokens give one join code (one chance in 1.7 million for a roster of 1,000):
// the code cannot tell them apart, so /j refuses it for both rather than open one member's badge
// for the other; their QR codes still work, and re-issuing either gives it another code. The
// collision is forced: the first two tokens the server sees are given the same code.
import type { CreateMeetingResponse, DelegateSnapshot } from '@hallvote/shared';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { rosterCsv, startHarness, type Harness } from '../support/harness';
import { okData, request, type Client } from '../support/request';

const SHARED = 'K7Q2MXWA';

vi.mock('../../server/src/features/badges/join-code', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../server/src/features/badges/join-code')>();
  // Deterministic per token, as the real code is: the first two tokens seen share SHARED.
  const seen = new Map<string, string>();
  return {
    ...real,
    joinCodeOf(token: string): string {
      const known = seen.get(token);
      if (known !== undefined) return known;
      const code = seen.size < 2 ? SHARED : real.joinCodeOf(token);
      seen.set(token, code);
      return code;
    },
  };
});

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
  const { joinCodeOf } = await import('../../server/src/features/badges/join-code');
  const sharing = h.tokens(meeting.meetingId).filter((t) => joinCodeOf(t) === SHARED);
  expect(sharing).toHaveLength(2);
  expect(await postCode(SHARED)).toMatchObject({ status: 404 });
  // Both badges still open by their QR codes.
  for (const token of sharing) expect((await h.delegate(token)).snapshot).toMatchObject({ role: 'delegate' });

  const { snapshot } = await h.delegate(sharing[0]!);
  const member = (snapshot as DelegateSnapshot).me.id;
  const { joinUrl } = okData(await request(chair, 'delegate:reissue', { delegateId: member }));
  const reissued = joinUrl.split('/d/')[1]!;
  const own = joinCodeOf(reissued);
  expect(own).not.toBe(SHARED);
  expect(await postCode(own)).toMatchObject({ status: 303, location: `/d/${reissued}` });
  // The shared code now belongs to one badge only: the one not re-issued.
  expect(await postCode(SHARED)).toMatchObject({ status: 303, location: `/d/${sharing[1]}` });
});
