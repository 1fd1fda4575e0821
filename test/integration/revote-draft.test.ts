// A re-vote is prepared as a draft round that the chair opens (issue 15): nothing reaches the phones
// or the projector, and no countdown runs, until then. A prepared re-vote can be dropped again.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { ChairSnapshot, CreateMeetingResponse } from '@hallvote/shared';
import { classificationBallot } from '../support/ballots';
import { nextEvent, rosterCsv, startHarness, type Harness } from '../support/harness';
import { okData, request, type Client } from '../support/request';

let h: Harness;
let meeting: CreateMeetingResponse;
let chair: Client;
let projector: Client;
let phones: Client[];
let now: Date;

beforeEach(async () => {
  now = new Date('2026-11-25T09:00:00Z');
  h = await startHarness(undefined, { clock: { now: () => now } });
  meeting = await h.createMeeting({ rosterCsv: rosterCsv(3) });
  chair = (await h.chair(meeting)).socket;
  projector = (await h.projector(meeting)).socket;
  phones = [];
  for (const t of h.tokens(meeting.meetingId)) phones.push((await h.delegate(t)).socket);
});

afterEach(async () => {
  await h.stop();
  h.cleanup();
});

const chairBallot = async (ballotId: string) =>
  (okData(await request(chair, 'sync:request', {})) as ChairSnapshot).ballots.find((b) => b.id === ballotId)!;

async function closedBallot(): Promise<string> {
  const { ballotId } = okData(
    await request(chair, 'ballot:create', classificationBallot({ countdownSeconds: 60, earlyCloseMinimum: 0 })),
  );
  okData(await request(chair, 'ballot:open', { ballotId }));
  okData(
    await request(phones[0]!, 'vote:cast', { ballotId, round: 1, voteId: randomUUID(), marks: { province: ['good'] } }),
  );
  const closedHeard = [projector, phones[1]!].map((s) =>
    nextEvent(s, 'ballot:updated', (e) => e.ballot.state === 'closed'),
  );
  okData(await request(chair, 'ballot:close', { ballotId }));
  await Promise.all(closedHeard);
  return ballotId;
}

test('re-vote prepares round 2 as a draft: phones and projector still see round 1; open starts it', async () => {
  const ballotId = await closedBallot();
  const heard: string[] = [];
  for (const s of [projector, phones[1]!])
    s.on('ballot:updated', (e) => heard.push(`${e.ballot.state}#${e.ballot.round}`));

  const prepared = okData(await request(chair, 'ballot:revote', { ballotId }));
  expect(prepared).toMatchObject({ state: 'closed', round: 1 });
  expect(await chairBallot(ballotId)).toMatchObject({ state: 'closed', round: 1, draftRound: 2 });
  expect(
    await request(phones[1]!, 'vote:cast', {
      ballotId,
      round: 2,
      voteId: randomUUID(),
      marks: { province: ['good'] },
    }),
  ).toMatchObject({ ok: false, error: 'BALLOT_NOT_OPEN' });
  // A second re-vote on a prepared one changes nothing.
  expect(await request(chair, 'ballot:revote', { ballotId })).toMatchObject({ ok: false, error: 'CONFLICT' });

  // Five minutes later the chair opens it: the countdown starts now, not when it was prepared.
  now = new Date('2026-11-25T09:05:00Z');
  const opened = okData(await request(chair, 'ballot:open', { ballotId }));
  expect(opened).toMatchObject({ state: 'open', round: 2, closesAt: '2026-11-25T09:06:00.000Z' });
  expect(await chairBallot(ballotId)).toMatchObject({ state: 'open', round: 2, draftRound: null });
  await new Promise((r) => setTimeout(r, 100));
  expect(heard).toEqual(['open#2', 'open#2']);
  okData(
    await request(phones[1]!, 'vote:cast', { ballotId, round: 2, voteId: randomUUID(), marks: { province: ['good'] } }),
  );
});

test('a prepared re-vote survives a restart, and cancel drops it', async () => {
  const ballotId = await closedBallot();
  okData(await request(chair, 'ballot:revote', { ballotId }));
  await h.stop();
  h = await startHarness(h.dataDir, { clock: { now: () => now } });
  chair = (await h.chair(meeting)).socket;
  expect(await chairBallot(ballotId)).toMatchObject({ state: 'closed', round: 1, draftRound: 2 });
  okData(await request(chair, 'ballot:cancel', { ballotId }));
  // Dropping the draft leaves round 1 as it was (closed, not cancelled).
  expect(await chairBallot(ballotId)).toMatchObject({ state: 'closed', round: 1, draftRound: null });
  expect(await request(chair, 'ballot:open', { ballotId })).toMatchObject({ ok: false, error: 'CONFLICT' });
  const actions = okData(await request(chair, 'audit:list', {})).map((e) => e.action);
  expect(actions.slice(-2)).toEqual(['round.drafted', 'round.draft-dropped']);
});
