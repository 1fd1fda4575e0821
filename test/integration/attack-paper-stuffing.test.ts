// Attack 1 of issue 12: paper ballots that no person handed in. 30 present, 20 vote online (8 yes,
// 12 no: rejected); the chair enters "returned 10, yes 10" without marking anyone as a paper voter.
// Paper ballots are bounded by people: a paper voter is present and has not voted online, and the
// paper returned never exceeds the paper voters marked, or the result carries a failed invariant
// that blocks publishing until the chair writes why, and that the export and `verify` show.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { MeetingExport, PaperTotals } from '@hallvote/shared';
import { verifyExport } from '../../server/src/features/exports/verify-export';
import { motionBallot } from '../support/ballots';
import { hallOf, vote, type HallOf } from '../support/hall-of';
import { startHarness, type Harness } from '../support/harness';
import { okData, request, type Client } from '../support/request';

let h: Harness;
let hall: HallOf;

const yesPaper = (returned: number, yes: number): PaperTotals => ({
  returned,
  invalid: [],
  subjects: { motion: { counts: { yes }, empty: 0 } },
});

beforeAll(async () => {
  h = await startHarness();
  hall = await hallOf(h, { rulePresetId: 'simple-majority', roster: 30, phones: 20, byChair: 10 });
});

// A fresh chair connection per test: each has its own rate bucket (30 actions at once).
let chair: Client;
beforeEach(async () => {
  chair = (await h.chair(hall.meeting)).socket;
});

afterAll(async () => {
  await h.stop();
  h.cleanup();
});

async function motionWithOnlineVotes(yes: number, no: number): Promise<string> {
  const { ballotId } = okData(await request(chair, 'ballot:create', motionBallot({ allowChange: false })));
  okData(await request(chair, 'ballot:open', { ballotId }));
  for (const [i, phone] of hall.phones.slice(0, yes + no).entries())
    await vote(phone, ballotId, 1, { motion: [i < yes ? 'yes' : 'no'] });
  return ballotId;
}

describe('paper ballots are bounded by people', () => {
  test('paper totals without paper voters fail an invariant; publishing needs a written acknowledgement', async () => {
    const ballotId = await motionWithOnlineVotes(8, 12);
    const closed = okData(await request(chair, 'ballot:close', { ballotId }));
    expect(closed.tally.subjects[0]!.outcome).toEqual({ type: 'rejected' });
    const stuffed = okData(
      await request(chair, 'paper:record-totals', { ballotId, round: 1, totals: yesPaper(10, 10) }),
    );
    const bound = stuffed!.tally.invariants.find((i) => i.name === 'paper-returned<=paper-voters');
    expect(bound).toMatchObject({ ok: false });
    expect(bound?.detail).toContain('10');

    const refused = await request(chair, 'ballot:publish', { ballotId });
    expect(refused).toMatchObject({ ok: false, error: 'ACK_REQUIRED' });
    const reason = 'Counting committee to recount the paper box';
    okData(await request(chair, 'ballot:publish', { ballotId, acknowledgement: reason }));

    const res = await fetch(`${h.url}/api/meetings/${hall.meeting.meetingId}/export.json`, {
      headers: { authorization: `Bearer ${hall.meeting.chairKey}` },
    });
    const data = (await res.json()) as MeetingExport;
    const round = data.rounds.find((r) => r.ballot.id === ballotId)!;
    expect(round.paperVoters).toBe(0);
    expect(round.result?.acknowledgement?.reason).toBe(reason);
    // verify says the export is consistent, and says what was acknowledged instead of "match" alone.
    const report = verifyExport(data);
    const flagged = report.findings.filter((f) => f.level === 'warning').map((f) => f.detail);
    expect(flagged.join('\n')).toMatch(/paper ballots returned 10 > paper voters 0/);
  });

  test('paper:mark-voted refuses an absent and an excused delegate', async () => {
    const { ballotId } = okData(await request(chair, 'ballot:create', motionBallot({ allowChange: false })));
    // Marked before the round opens: while it is open, attendance only grows (a latecomer).
    const [absent, excused] = hall.byChair;
    okData(await request(chair, 'attendance:mark', { delegateId: absent!, status: 'absent' }));
    okData(await request(chair, 'attendance:mark', { delegateId: excused!, status: 'excused' }));
    okData(await request(chair, 'ballot:open', { ballotId }));
    for (const delegateId of [absent!, excused!])
      expect(await request(chair, 'paper:mark-voted', { ballotId, delegateId })).toMatchObject({
        ok: false,
        error: 'NOT_PRESENT',
      });
    // A phone voter cannot hand in paper as well.
    await vote(hall.phones[0]!, ballotId, 1, { motion: ['no'] });
    expect(
      await request(chair, 'paper:mark-voted', { ballotId, delegateId: hall.phones[0]!.delegateId }),
    ).toMatchObject({ ok: false, error: 'ALREADY_VOTED' });
    okData(await request(chair, 'ballot:cancel', { ballotId }));
    for (const delegateId of [absent!, excused!])
      okData(await request(chair, 'attendance:mark', { delegateId, status: 'present' }));
  });

  test('paper returned within the paper voters marked: every check holds, published without a word', async () => {
    const ballotId = await motionWithOnlineVotes(8, 12);
    for (const delegateId of hall.byChair.slice(0, 4))
      okData(await request(chair, 'paper:mark-voted', { ballotId, delegateId }));
    okData(await request(chair, 'paper:record-totals', { ballotId, round: 1, totals: yesPaper(4, 4) }));
    const result = okData(await request(chair, 'ballot:close', { ballotId }));
    expect(result.tally.invariants.every((i) => i.ok)).toBe(true);
    expect(result.tally.ballots.returned).toBe(24);
    okData(await request(chair, 'ballot:publish', { ballotId }));
  });
});
