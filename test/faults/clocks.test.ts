// Clocks that jump. The machine's clock stepped back 120 s (an NTP correction, a wrong manual
// setting undone): rate limits and timers must not care, and after a restart the ballot everybody
// looks at is the open one, not the one with the latest wall-clock time. And a phone whose own
// clock is wrong still counts down to the server's deadline.
import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { DelegateSnapshot } from '@hallvote/shared';
import { classificationBallot } from '../support/ballots';
import { ChildServer } from '../support/child-server';
import { rosterCsv, startHarness, type Harness } from '../support/harness';
import { okData, request } from '../support/request';
import { connectHall } from '../../client/src/socket';
import { bindDelegateSocket } from '../../client/src/delegate/bind-delegate-socket';
import { delegateStore } from '../../client/src/delegate/store';
import { formatRemaining } from '../../client/src/ui/use-now';
import { badgeTokens, connectRole, createMeetingHttp, must } from './support/hall-client';
import { waitFor } from './support/random';

/** The process clock, shifted by `offset` ms: installed before the server exists, so everything sees it. */
const realNow = Date.now.bind(Date);
let offset = 0;
const shiftedNow = () => realNow() + offset;

describe('the server machine clock steps back 120 s', () => {
  let h: Harness;
  const harnesses: Harness[] = [];
  const clock = { now: () => new Date(shiftedNow()) };

  beforeAll(() => {
    Date.now = shiftedNow;
  });
  beforeEach(() => {
    offset = 0;
  });

  afterAll(async () => {
    Date.now = realNow;
    offset = 0;
    for (const x of harnesses) {
      await x.stop().catch(() => undefined);
      x.cleanup();
    }
  });

  test('votes and a close on connected sockets are not rate limited by the step', async () => {
    h = await startHarness(undefined, { clock });
    harnesses.push(h);
    const meeting = await h.createMeeting({ rosterCsv: rosterCsv(3) });
    const chair = (await h.chair(meeting)).socket;
    const phones = [];
    for (const token of h.tokens(meeting.meetingId)) phones.push((await h.delegate(token)).socket);
    const { ballotId } = okData(await request(chair, 'ballot:create', classificationBallot()));
    okData(await request(chair, 'ballot:open', { ballotId }));
    offset = -120_000;
    for (const phone of phones) {
      const ack = await request(phone, 'vote:cast', {
        ballotId,
        round: 1,
        voteId: randomUUID(),
        marks: { province: ['good'] },
      });
      expect(ack).toMatchObject({ ok: true });
    }
    expect(await request(chair, 'ballot:close', { ballotId })).toMatchObject({ ok: true });
    offset = 0;
  });

  test('after the step and a restart, phones and projector show the open ballot, not the latest by the clock', async () => {
    h = await startHarness(undefined, { clock });
    harnesses.push(h);
    const meeting = await h.createMeeting({ rosterCsv: rosterCsv(3) });
    const chair = (await h.chair(meeting)).socket;
    for (const token of h.tokens(meeting.meetingId)) await h.delegate(token);
    const first = okData(
      await request(chair, 'ballot:create', classificationBallot({ title: 'First', earlyCloseMinimum: 0 })),
    ).ballotId;
    okData(await request(chair, 'ballot:open', { ballotId: first }));
    okData(await request(chair, 'ballot:close', { ballotId: first }));
    okData(await request(chair, 'ballot:publish', { ballotId: first }));
    offset = -120_000;
    // A chair connection made after the step, so that this test is about the restart alone.
    const later = (await h.chair(meeting)).socket;
    const second = okData(await request(later, 'ballot:create', classificationBallot({ title: 'Second' }))).ballotId;
    okData(await request(later, 'ballot:open', { ballotId: second }));
    const token = h.tokens(meeting.meetingId)[0]!;
    await h.stop();
    h = await startHarness(h.dataDir, { clock });
    harnesses.push(h);
    const phone = (await h.delegate(token)).snapshot as DelegateSnapshot;
    const projector = (await h.projector(meeting)).snapshot;
    expect(phone.ballot).toMatchObject({ id: second, state: 'open' });
    expect(projector.role === 'projector' && projector.ballot).toMatchObject({ id: second, state: 'open' });
    offset = 0;
  });
});

describe('a phone whose clock is 90 s fast', () => {
  let server: ChildServer;
  const globals = globalThis as { location?: unknown };

  afterEach(async () => {
    Date.now = realNow;
    offset = 0;
    delete globals.location;
    await server?.stop();
    server?.cleanup();
  });

  test("counts down to the server's deadline, not its own", async () => {
    server = await ChildServer.start();
    const meeting = await createMeetingHttp(server.url, server.adminToken, { rosterCsv: rosterCsv(3) });
    const tokens = await badgeTokens(server.url, meeting);
    for (const t of tokens.slice(1)) await connectRole(server.url, { role: 'delegate', token: t });
    const chair = (
      await connectRole(server.url, { role: 'chair', meetingId: meeting.meetingId, key: meeting.chairKey })
    ).socket;
    const { ballotId } = (await must(chair, 'ballot:create', classificationBallot({ countdownSeconds: 600 }))).data;
    await must(chair, 'ballot:open', { ballotId });
    // The phone's code, in this process, with this process's clock 90 s ahead of the server's.
    offset = 90_000;
    Date.now = shiftedNow;
    const { host } = new URL(server.url);
    globals.location = {
      protocol: 'http:',
      host,
      hostname: '127.0.0.1',
      port: host.split(':')[1],
      href: `${server.url}/`,
    };
    const socket = connectHall({ role: 'delegate', token: tokens[0]! });
    bindDelegateSocket({
      socket,
      pendingVotes: { load: () => null, save: () => undefined, clear: () => undefined },
      drafts: { load: () => null, save: () => undefined, clear: () => undefined },
      anchors: { keep: () => null, all: () => [] },
      newVoteId: randomUUID,
    });
    await waitFor(() => delegateStore.getState().ballot?.id === ballotId, 10_000, 'the ballot on the phone');
    const state = delegateStore.getState() as { ballot: { closesAt: string | null }; clockOffsetMs?: number };
    const shown = formatRemaining(state.ballot.closesAt!, Date.now() + (state.clockOffsetMs ?? 0));
    socket.close();
    chair.close();
    expect(['10:00', '9:59', '9:58']).toContain(shown);
  });
});
