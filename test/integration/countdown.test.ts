// A countdown closes the ballot by itself, also when its deadline passed while the server was down.
import { afterAll, expect, test } from 'vitest';
import { classificationBallot } from '../support/ballots';
import { nextEvent, rosterCsv, startHarness, type Harness } from '../support/harness';
import { okData, request } from '../support/request';

const harnesses: Harness[] = [];
afterAll(() => harnesses.forEach((h) => h.cleanup()));

test('a deadline that passed during a restart closes the round at start-up', async () => {
  let now = new Date('2026-11-25T09:00:00Z');
  const clock = { now: () => now };
  const first = await startHarness(undefined, { clock });
  harnesses.push(first);
  const meeting = await first.createMeeting({ rosterCsv: rosterCsv(3) });
  const chair = (await first.chair(meeting)).socket;
  for (const t of first.tokens(meeting.meetingId)) await first.delegate(t);
  // No minimum: with no ballots in, a secret round short of its minimum is left uncounted instead
  // (early-close-online.test.ts).
  const { ballotId } = okData(
    await request(chair, 'ballot:create', classificationBallot({ countdownSeconds: 60, earlyCloseMinimum: 0 })),
  );
  const opened = okData(await request(chair, 'ballot:open', { ballotId }));
  expect(opened.closesAt).toBe('2026-11-25T09:01:00.000Z');
  await first.stop();

  now = new Date('2026-11-25T09:02:00Z');
  const second = await startHarness(first.dataDir, { clock });
  // The close may land before or after the projector connects: take whichever shows it.
  const { socket, snapshot } = await second.projector(meeting);
  const ballot =
    snapshot.role === 'projector' && snapshot.ballot?.state === 'closed'
      ? snapshot.ballot
      : (await nextEvent(socket, 'ballot:updated', (e) => e.ballot.state === 'closed'))[0].ballot;
  expect(ballot).toMatchObject({ id: ballotId, state: 'closed', closedAt: '2026-11-25T09:02:00.000Z' });
  await second.stop();
});
