// The chair drives the projector apart from the phones (issue 15): a result published to phones
// can stay off the projector until the chair shows it, and the projector can be blanked or held on
// a slide with the meeting's title.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { CreateMeetingResponse, ProjectorSnapshot } from '@hallvote/shared';
import { classificationBallot } from '../support/ballots';
import { nextEvent, rosterCsv, startHarness, type Harness } from '../support/harness';
import { okData, request, type Client } from '../support/request';

let h: Harness;
let meeting: CreateMeetingResponse;
let chair: Client;
let projector: Client;
let phones: Client[];

beforeEach(async () => {
  h = await startHarness();
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

const projectorView = async () => okData(await request(projector, 'sync:request', {})) as ProjectorSnapshot;

async function closedBallot(): Promise<string> {
  const { ballotId } = okData(await request(chair, 'ballot:create', classificationBallot({ earlyCloseMinimum: 0 })));
  okData(await request(chair, 'ballot:open', { ballotId }));
  for (const phone of phones)
    okData(
      await request(phone, 'vote:cast', { ballotId, round: 1, voteId: randomUUID(), marks: { province: ['good'] } }),
    );
  okData(await request(chair, 'ballot:close', { ballotId }));
  return ballotId;
}

test('published to phones only; shown on the projector when the chair says, and hidden again', async () => {
  const ballotId = await closedBallot();
  let projectorResults = 0;
  projector.on('result:published', () => projectorResults++);
  const phoneHears = nextEvent(phones[0]!, 'result:published');
  okData(await request(chair, 'ballot:publish', { ballotId, showOnProjector: false }));
  await phoneHears;
  expect(projectorResults).toBe(0);
  expect(await projectorView()).toMatchObject({ result: null, screen: { mode: 'live', resultShown: false } });

  const shown = nextEvent(projector, 'projector:updated', (e) => e.result !== null);
  expect(okData(await request(chair, 'projector:show-result', { shown: true }))).toMatchObject({ resultShown: true });
  expect((await shown)[0].result?.ballotId).toBe(ballotId);
  expect((await projectorView()).result?.ballotId).toBe(ballotId);

  const hidden = nextEvent(projector, 'projector:updated', (e) => e.result === null);
  okData(await request(chair, 'projector:show-result', { shown: false }));
  await hidden;
  expect((await projectorView()).result).toBeNull();
});

test('publishing shows the result on the projector by default, as before', async () => {
  const ballotId = await closedBallot();
  const heard = nextEvent(projector, 'result:published');
  okData(await request(chair, 'ballot:publish', { ballotId }));
  await heard;
  expect((await projectorView()).result?.ballotId).toBe(ballotId);
});

test('blank, a slide with the title or a line of text, and back to live; the chair hears each', async () => {
  const chairHears = nextEvent(chair, 'console:projector-updated', (e) => e.projector.mode === 'blank');
  okData(await request(chair, 'projector:set-screen', { mode: 'blank', slideText: '' }));
  await chairHears;
  expect((await projectorView()).screen).toMatchObject({ mode: 'blank' });
  okData(await request(chair, 'projector:set-screen', { mode: 'slide', slideText: 'Nghỉ giải lao 15 phút' }));
  expect((await projectorView()).screen).toMatchObject({ mode: 'slide', slideText: 'Nghỉ giải lao 15 phút' });
  okData(await request(chair, 'projector:set-screen', { mode: 'live', slideText: '' }));
  expect((await projectorView()).screen).toMatchObject({ mode: 'live' });
  // The phones never hear of it.
  const refused = await request(phones[0]!, 'projector:set-screen', { mode: 'blank', slideText: '' });
  expect(refused).toMatchObject({ ok: false, error: 'FORBIDDEN' });
});
