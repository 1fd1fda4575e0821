// The early-close minimum counts the box whose counts appear at close: online ballots only. A
// reviewer read one delegate's secret choice three ways on the build before this: the chair marked
// the 19 others as paper voters after the target voted online, so "everyone present has voted" held
// and the close was not even early; 9 paper voters and 1 online ballot passed the minimum of 10;
// and a 10-second countdown closed a secret round with one ballot in it. A secret round is counted
// only with its minimum of online ballots, or with every member present having voted online.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { DEFAULT_EARLY_CLOSE_MINIMUM, type ChairBallotView, type RoundExport } from '@hallvote/shared';
import { classificationBallot } from '../support/ballots';
import { hallOf, vote, type HallOf } from '../support/hall-of';
import { nextEvent, rosterCsv, startHarness, type Harness } from '../support/harness';
import { okData, request, type Client } from '../support/request';

let h: Harness;
let hall: HallOf;
/** A chair socket per test: the chair's rate limit (30 at once) is per socket, and a test marks 19. */
let chair: Client;

beforeAll(async () => {
  h = await startHarness();
  hall = await hallOf(h, { roster: 20, phones: 20 });
});

beforeEach(async () => {
  chair = (await h.chair(hall.meeting)).socket;
});

afterAll(async () => {
  await h.stop();
  h.cleanup();
});

async function openSecret(overrides: Parameters<typeof classificationBallot>[0] = {}): Promise<string> {
  const { ballotId } = okData(await request(chair, 'ballot:create', classificationBallot(overrides)));
  okData(await request(chair, 'ballot:open', { ballotId }));
  return ballotId;
}

const markPaper = async (ballotId: string, from: number, to: number) => {
  for (const p of hall.phones.slice(from, to))
    okData(await request(chair, 'paper:mark-voted', { ballotId, delegateId: p.delegateId }));
};

describe('paper voters do not count toward the early-close minimum', () => {
  test('one online ballot and 19 paper voters: "everyone has voted", yet the close is refused', async () => {
    const ballotId = await openSecret();
    await vote(hall.phones[0]!, ballotId, 1, { province: ['not-completed'] });
    await markPaper(ballotId, 1, 20);
    const refused = await request(chair, 'ballot:close', { ballotId });
    expect(refused).toMatchObject({
      ok: false,
      error: 'TOO_FEW_BALLOTS',
      params: { returned: 1, minimum: DEFAULT_EARLY_CLOSE_MINIMUM, ended: false },
    });
    okData(await request(chair, 'ballot:cancel', { ballotId }));
  });

  test('9 paper voters and 1 online ballot do not make the minimum of 10; 10 online ballots do', async () => {
    const ballotId = await openSecret();
    await markPaper(ballotId, 1, 10);
    await vote(hall.phones[0]!, ballotId, 1, { province: ['excellent'] });
    expect(await request(chair, 'ballot:close', { ballotId })).toMatchObject({
      ok: false,
      error: 'TOO_FEW_BALLOTS',
    });
    for (const phone of hall.phones.slice(10, 19)) await vote(phone, ballotId, 1, { province: ['good'] });
    const result = okData(await request(chair, 'ballot:close', { ballotId }));
    // Early: one member present has not voted. `returned` counts the online box.
    expect(result.earlyClose).toEqual({
      returned: DEFAULT_EARLY_CLOSE_MINIMUM,
      present: 20,
      minimum: DEFAULT_EARLY_CLOSE_MINIMUM,
      ruleMinimum: DEFAULT_EARLY_CLOSE_MINIMUM,
    });
  });

  test('everyone present voted online: not early, whatever the minimum', async () => {
    const ballotId = await openSecret({ earlyCloseMinimum: 50 });
    for (const phone of hall.phones) await vote(phone, ballotId, 1, { province: ['good'] });
    const result = okData(await request(chair, 'ballot:close', { ballotId }));
    expect(result.earlyClose).toBeNull();
    expect(result.tally.ballots.returned).toBe(20);
  });
});

describe('a countdown that ends short of the minimum does not count the round', () => {
  test('after 10 s with one ballot in, the round stays uncounted; the chair is told, cannot close it, and cancels it unseen', async () => {
    const ballotId = await openSecret({ countdownSeconds: 10 });
    await vote(hall.phones[0]!, ballotId, 1, { province: ['not-completed'] });
    const [{ ballot }] = await nextEvent(
      chair,
      'console:ballot-updated',
      (e) => e.ballot.id === ballotId && e.ballot.uncounted !== null,
      15_000,
    );
    expect(ballot).toMatchObject({ state: 'open', result: null });
    expect(ballot.uncounted).toEqual({ online: 1, present: 20, minimum: DEFAULT_EARLY_CLOSE_MINIMUM });
    // The box is shut: no more ballots, online or on paper.
    const late = await request(hall.phones[1]!.socket, 'vote:cast', {
      ballotId,
      round: 1,
      voteId: crypto.randomUUID(),
      marks: { province: ['good'] },
    });
    // The phone is told why in words: the round is open, but its countdown has ended.
    expect(late).toEqual({ ok: false, error: 'BALLOT_NOT_OPEN', params: { state: 'open', countdownEnded: true } });
    expect(await request(chair, 'paper:mark-voted', { ballotId, delegateId: hall.phones[2]!.delegateId })).toEqual({
      ok: false,
      error: 'BALLOT_NOT_OPEN',
      params: { state: 'open', countdownEnded: true },
    });
    // The chair is told it cannot be counted (ended), not to wait for more votes.
    expect(await request(chair, 'ballot:close', { ballotId })).toEqual({
      ok: false,
      error: 'TOO_FEW_BALLOTS',
      params: { returned: 1, minimum: DEFAULT_EARLY_CLOSE_MINIMUM, present: 20, ended: true },
    });
    const snapshot = okData(await request(chair, 'sync:request', {}));
    const view = snapshot.role === 'chair' ? snapshot.ballots.find((b: ChairBallotView) => b.id === ballotId) : null;
    expect(view?.uncounted).toEqual({ online: 1, present: 20, minimum: DEFAULT_EARLY_CLOSE_MINIMUM });

    okData(await request(chair, 'ballot:cancel', { ballotId }));
    const exported = (await (
      await fetch(`${h.url}/api/meetings/${hall.meeting.meetingId}/rounds/${ballotId}/1.json`, {
        headers: { authorization: `Bearer ${hall.meeting.chairKey}` },
      })
    ).json()) as RoundExport;
    expect(exported).toMatchObject({ state: 'cancelled', result: null, records: [] });
    // A re-vote starts afresh.
    okData(await request(chair, 'ballot:revote', { ballotId }));
    expect(okData(await request(chair, 'ballot:open', { ballotId }))).toMatchObject({ state: 'open', round: 2 });
    okData(await request(chair, 'ballot:cancel', { ballotId }));
  }, 30_000);
});

test('a deadline that passed during a restart with too few ballots leaves the round open and uncounted', async () => {
  let now = new Date('2026-11-25T09:00:00Z');
  const clock = { now: () => now };
  const first = await startHarness(undefined, { clock });
  try {
    const meeting = await first.createMeeting({ rosterCsv: rosterCsv(12) });
    const chair = (await first.chair(meeting)).socket;
    const phones = [];
    for (const t of first.tokens(meeting.meetingId)) phones.push((await first.delegate(t)).socket);
    const { ballotId } = okData(await request(chair, 'ballot:create', classificationBallot({ countdownSeconds: 60 })));
    okData(await request(chair, 'ballot:open', { ballotId }));
    for (const phone of phones.slice(0, 3))
      okData(
        await request(phone, 'vote:cast', {
          ballotId,
          round: 1,
          voteId: crypto.randomUUID(),
          marks: { province: ['good'] },
        }),
      );
    await first.stop();

    now = new Date('2026-11-25T09:02:00Z');
    const second = await startHarness(first.dataDir, { clock });
    try {
      const { socket, snapshot } = await second.chair(meeting);
      const seen =
        snapshot.role === 'chair' && snapshot.ballots.find((b) => b.id === ballotId)?.uncounted
          ? snapshot.ballots.find((b) => b.id === ballotId)!
          : (await nextEvent(socket, 'console:ballot-updated', (e) => e.ballot.uncounted !== null))[0].ballot;
      expect(seen).toMatchObject({ id: ballotId, state: 'open', uncounted: { online: 3, present: 12, minimum: 10 } });
      // A vote after the deadline is refused, whatever the timers are doing.
      const phone = (await second.delegate(second.tokens(meeting.meetingId)[5]!)).socket;
      expect(
        await request(phone, 'vote:cast', {
          ballotId,
          round: 1,
          voteId: crypto.randomUUID(),
          marks: { province: ['good'] },
        }),
      ).toMatchObject({ ok: false, error: 'BALLOT_NOT_OPEN' });
      okData(await request(socket, 'ballot:cancel', { ballotId }));
    } finally {
      await second.stop();
    }
  } finally {
    first.cleanup();
  }
});
