// Who has not voted yet, for the chair (issue 15): participation in a secret round is shown too,
// never a choice; paper voters are told apart.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { ChairSnapshot, CreateMeetingResponse } from '@hallvote/shared';
import { classificationBallot } from '../support/ballots';
import { nextEvent, rosterCsv, startHarness, type Harness } from '../support/harness';
import { okData, request, type Client } from '../support/request';

let h: Harness;
let meeting: CreateMeetingResponse;
let chair: Client;

beforeEach(async () => {
  h = await startHarness();
  meeting = await h.createMeeting({ rosterCsv: rosterCsv(3) });
  chair = (await h.chair(meeting)).socket;
});

afterEach(async () => {
  await h.stop();
  h.cleanup();
});

test('a secret round: the chair sees who voted (online and on paper) and never what', async () => {
  const phones: Client[] = [];
  for (const t of h.tokens(meeting.meetingId).slice(0, 2)) phones.push((await h.delegate(t)).socket);
  const snapshot = okData(await request(chair, 'sync:request', {})) as ChairSnapshot;
  const [d1, , d3] = snapshot.delegates;
  okData(await request(chair, 'attendance:mark', { delegateId: d3!.id, status: 'present' }));
  const { ballotId } = okData(await request(chair, 'ballot:create', classificationBallot({ earlyCloseMinimum: 0 })));
  okData(await request(chair, 'ballot:open', { ballotId }));

  const heard = nextEvent(chair, 'console:ballot-updated', (e) => e.ballot.voterIds.length === 2);
  okData(
    await request(phones[0]!, 'vote:cast', { ballotId, round: 1, voteId: randomUUID(), marks: { province: ['good'] } }),
  );
  okData(await request(chair, 'paper:mark-voted', { ballotId, delegateId: d3!.id }));
  const [{ ballot }] = await heard;
  expect([...ballot.voterIds].sort()).toEqual([d1!.id, d3!.id].sort());
  expect(ballot.paperVoterIds).toEqual([d3!.id]);
  // Participation only: no running result, no marks anywhere in the chair's view.
  expect(ballot.result).toBeNull();
  expect(JSON.stringify(ballot)).not.toContain('marks');
});
