// The hall story (told in test/unit/tally/hall-story.test.ts) through the socket API: 53 on the
// roster, 49 join, a secret classification ballot with 48 good and 1 excellent, closed, published,
// seen by the projector.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CreateMeetingResponse, ProjectorSnapshot, RoundResult } from '@hallvote/shared';
import { classificationBallot } from '../support/ballots';
import { nextEvent, rosterCsv, startHarness, type Harness } from '../support/harness';
import { okData, request, type Client } from '../support/request';

let h: Harness;
let meeting: CreateMeetingResponse;
let chair: Client;
let projector: Client;
const phones: Client[] = [];

beforeAll(async () => {
  h = await startHarness();
  meeting = await h.createMeeting({ rosterCsv: rosterCsv(53) });
  chair = (await h.chair(meeting)).socket;
  projector = (await h.projector(meeting)).socket;
});

afterAll(async () => {
  await h.stop();
  h.cleanup();
});

describe('the hall story', () => {
  test('49 of 53 join by their badges and the projector sees quorum', async () => {
    expect(meeting.delegates).toBe(53);
    const tokens = h.tokens(meeting.meetingId);
    for (const token of tokens.slice(0, 49)) phones.push((await h.delegate(token)).socket);
    const [event] = await nextEvent(projector, 'presence:updated', (e) => e.presence.present === 49);
    expect(event.presence).toMatchObject({ roster: 53, present: 49, eligible: 53 });
    expect(event.presence.quorum).toMatchObject({ met: true, required: 36 });
  });

  test('48 good and 1 excellent: "good" is adopted with 48 of 53, shown only after publishing', async () => {
    const { ballotId } = okData(await request(chair, 'ballot:create', classificationBallot()));
    const opened = okData(await request(chair, 'ballot:open', { ballotId }));
    expect(opened).toMatchObject({ state: 'open', round: 1 });

    const turnoutSeen: number[] = [];
    projector.on('turnout:updated', (e) => turnoutSeen.push(e.turnout.voted));
    let projectorResultsBeforePublish = 0;
    projector.on('result:published', () => projectorResultsBeforePublish++);

    const finalTurnout = nextEvent(projector, 'turnout:updated', (e) => e.turnout.voted === 49);
    const acks = await Promise.all(
      phones.map((phone, i) =>
        request(phone, 'vote:cast', {
          ballotId,
          round: 1,
          voteId: randomUUID(),
          marks: { province: [i === 0 ? 'excellent' : 'good'] },
        }),
      ),
    );
    const receipts = acks.map((a) => okData(a).receipt);
    expect(new Set(receipts).size).toBe(49);

    await finalTurnout;
    // Coalesced: far fewer turnout messages than votes.
    expect(turnoutSeen.length).toBeLessThan(10);

    const closed = okData(await request(chair, 'ballot:close', { ballotId }));
    expect(projectorResultsBeforePublish).toBe(0);
    const subject = closed.tally.subjects[0];
    expect(subject?.outcome).toEqual({ type: 'adopted', optionId: 'good' });
    expect(subject?.majorityBase).toEqual({ name: 'eligible', value: 53 });
    expect(subject?.counts.find((c) => c.optionId === 'good')).toMatchObject({ votes: 48, percent: { text: '90.57' } });
    expect(closed.tally.ballots).toMatchObject({ issued: 49, returned: 49, valid: 49, invalid: 0 });
    expect(closed.seal).toMatch(/^[0-9a-f]{64}$/);

    const published = nextEvent(projector, 'result:published');
    const delegateSees = nextEvent(phones[5]!, 'result:published');
    okData(await request(chair, 'ballot:publish', { ballotId }));
    const [{ result, receipts: published1 }] = await published;
    expect(result.tally.subjects[0]?.outcome).toEqual({ type: 'adopted', optionId: 'good' });
    const [{ receipts: seenByDelegate }] = await delegateSees;
    expect(seenByDelegate).toEqual([...receipts].sort());
    expect(published1).toEqual(seenByDelegate);
  });

  test('a projector that connects now gets the published outcome in its snapshot', async () => {
    const { snapshot } = await h.projector(meeting);
    const s = snapshot as ProjectorSnapshot;
    expect(s.turnout).toMatchObject({ voted: 49, present: 49 });
    expect((s.result as RoundResult).tally.subjects[0]?.outcome).toEqual({ type: 'adopted', optionId: 'good' });
  });
});
