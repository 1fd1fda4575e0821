// Votes: one per delegate per round, a re-sent UUID is the same vote, reconnects see their vote,
// open ballots can change, closed ballots refuse, quorum guards opening.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { CreateMeetingResponse, DelegateSnapshot } from '@hallvote/shared';
import { classificationBallot, motionBallot } from '../support/ballots';
import { rosterCsv, startHarness, type Harness } from '../support/harness';
import { okData, request, type Client } from '../support/request';

let h: Harness;
let meeting: CreateMeetingResponse;
let chair: Client;

beforeEach(async () => {
  h = await startHarness();
  meeting = await h.createMeeting({ rosterCsv: rosterCsv(53) });
  chair = (await h.chair(meeting)).socket;
});

afterEach(async () => {
  await h.stop();
  h.cleanup();
});

/** Connects the first `n` delegates; returns their sockets and tokens. */
async function join(n: number): Promise<{ phones: Client[]; tokens: string[] }> {
  const tokens = h.tokens(meeting.meetingId).slice(0, n);
  const phones: Client[] = [];
  for (const t of tokens) phones.push((await h.delegate(t)).socket);
  return { phones, tokens };
}

// These tests close secret rounds after a vote or two: their ballots set no early-close minimum
// (attack-secret-unmasking.test.ts holds the minimum itself).
async function openBallot(definition = classificationBallot({ earlyCloseMinimum: 0 })): Promise<string> {
  const { ballotId } = okData(await request(chair, 'ballot:create', definition));
  okData(await request(chair, 'ballot:open', { ballotId }));
  return ballotId;
}

describe('quorum guards opening', () => {
  test('35 present of 53 (36 needed): refused with the numbers; 36: opens', async () => {
    await join(35);
    const { ballotId } = okData(await request(chair, 'ballot:create', classificationBallot()));
    const refused = await request(chair, 'ballot:open', { ballotId });
    expect(refused).toEqual({
      ok: false,
      error: 'NO_QUORUM',
      params: { present: 35, required: 36, eligible: 53, fraction: { num: 2, den: 3 }, strict: false },
    });
    const extra = h.tokens(meeting.meetingId)[40]!;
    await h.delegate(extra);
    expect(okData(await request(chair, 'ballot:open', { ballotId }))).toMatchObject({ state: 'open', round: 1 });
  });

  test('members who leave after the ballot opened still count as present until it closes', async () => {
    const { phones } = await join(40);
    const ballotId = await openBallot();
    okData(
      await request(phones[0]!, 'vote:cast', {
        ballotId,
        round: 1,
        voteId: randomUUID(),
        marks: { province: ['good'] },
      }),
    );
    const delegates = [...h.app.hall.meetings.get(meeting.meetingId)!.delegates.values()].filter(
      (d) => d.attendance === 'present',
    );
    // Ten who have not voted leave: presence is established when the round opens, so the chair
    // marks them absent only after the close (else the quorum and the base would move mid-round).
    for (const d of delegates.slice(10, 20))
      expect(await request(chair, 'attendance:mark', { delegateId: d.id, status: 'absent' })).toMatchObject({
        ok: false,
        error: 'ATTENDANCE_FROZEN',
      });
    const result = okData(await request(chair, 'ballot:close', { ballotId }));
    expect(result.tally.quorum).toMatchObject({ met: true, present: 40, required: 36 });
    for (const d of delegates.slice(10, 20))
      okData(await request(chair, 'attendance:mark', { delegateId: d.id, status: 'absent' }));
    const { ballotId: next } = okData(await request(chair, 'ballot:create', classificationBallot()));
    expect(await request(chair, 'ballot:open', { ballotId: next })).toMatchObject({ ok: false, error: 'NO_QUORUM' });
  });
});

describe('one vote per delegate per round', () => {
  test('a second vote with a new UUID is refused; the first stands', async () => {
    const { phones } = await join(40);
    const ballotId = await openBallot();
    const phone = phones[0]!;
    const first = okData(
      await request(phone, 'vote:cast', { ballotId, round: 1, voteId: randomUUID(), marks: { province: ['good'] } }),
    );
    const second = await request(phone, 'vote:cast', {
      ballotId,
      round: 1,
      voteId: randomUUID(),
      marks: { province: ['excellent'] },
    });
    expect(second).toMatchObject({ ok: false, error: 'ALREADY_VOTED' });
    const result = okData(await request(chair, 'ballot:close', { ballotId }));
    const counts = Object.fromEntries(result.tally.subjects[0]!.counts.map((c) => [c.optionId, c.votes]));
    expect(counts).toMatchObject({ good: 1, excellent: 0 });
    expect(first.receipt).toMatch(/^[A-Z0-9]{4}-[A-Z0-9]{4}$/);
  });

  test('a re-sent UUID is the same vote: same receipt, counted once, even after close', async () => {
    const { phones } = await join(40);
    const ballotId = await openBallot();
    const vote = { ballotId, round: 1, voteId: randomUUID(), marks: { province: ['good'] } };
    const [a, b] = await Promise.all([request(phones[0]!, 'vote:cast', vote), request(phones[0]!, 'vote:cast', vote)]);
    const again = okData(await request(phones[0]!, 'vote:cast', vote));
    expect(okData(a).receipt).toBe(again.receipt);
    expect(okData(b).receipt).toBe(again.receipt);
    const result = okData(await request(chair, 'ballot:close', { ballotId }));
    expect(result.tally.ballots.returned).toBe(1);
    const afterClose = okData(await request(phones[0]!, 'vote:cast', vote));
    expect(afterClose.receipt).toBe(again.receipt);
  });

  test('reconnecting mid-ballot: the snapshot says "already voted"', async () => {
    const { phones, tokens } = await join(40);
    const ballotId = await openBallot();
    const voteId = randomUUID();
    const ack = okData(
      await request(phones[3]!, 'vote:cast', { ballotId, round: 1, voteId, marks: { province: ['good'] } }),
    );
    phones[3]!.disconnect();
    const { snapshot } = await h.delegate(tokens[3]!);
    const s = snapshot as DelegateSnapshot;
    expect(s.ballot).toMatchObject({ id: ballotId, state: 'open' });
    // Secret ballot: the phone is told it voted, never what it chose.
    expect(s.myVote).toEqual({ ballotId, round: 1, voteId, receipt: ack.receipt, marks: null });
    expect(s.result).toBeNull();
  });

  test('an open ballot that allows it takes a changed vote; the count follows', async () => {
    const { phones } = await join(40);
    const ballotId = await openBallot(motionBallot());
    const p = phones[0]!;
    const first = okData(
      await request(p, 'vote:cast', { ballotId, round: 1, voteId: randomUUID(), marks: { motion: ['yes'] } }),
    );
    const changed = okData(
      await request(p, 'vote:cast', { ballotId, round: 1, voteId: randomUUID(), marks: { motion: ['no'] } }),
    );
    expect(changed.receipt).toBe(first.receipt);
    expect(changed.marks).toEqual({ motion: ['no'] });
    const result = okData(await request(chair, 'ballot:close', { ballotId }));
    const counts = Object.fromEntries(result.tally.subjects[0]!.counts.map((c) => [c.optionId, c.votes]));
    expect(counts).toEqual({ yes: 0, no: 1, 'not-voting': 0 });
  });

  test('a vote on a closed ballot is refused and changes nothing', async () => {
    const { phones } = await join(40);
    const ballotId = await openBallot();
    const before = okData(await request(chair, 'ballot:close', { ballotId }));
    const refused = await request(phones[1]!, 'vote:cast', {
      ballotId,
      round: 1,
      voteId: randomUUID(),
      marks: { province: ['good'] },
    });
    expect(refused).toMatchObject({ ok: false, error: 'BALLOT_NOT_OPEN' });
    expect(before.tally.ballots.returned).toBe(0);
    const stored = h.app.hall.meetings.get(meeting.meetingId)!;
    expect(stored.votersOf(ballotId, 1).size).toBe(0);
  });

  test('marks that do not fit the ballot are refused', async () => {
    const { phones } = await join(40);
    const ballotId = await openBallot();
    const cases = [{ province: ['good', 'excellent'] }, { province: ['nonsense'] }, { other: ['good'] }, {}];
    for (const marks of cases) {
      const ack = await request(phones[0]!, 'vote:cast', { ballotId, round: 1, voteId: randomUUID(), marks });
      expect(ack, JSON.stringify(marks)).toMatchObject({ ok: false, error: 'INVALID_VOTE' });
    }
  });

  test('a re-vote, once opened, is round 2 and keeps round 1', async () => {
    const { phones } = await join(40);
    const ballotId = await openBallot();
    okData(
      await request(phones[0]!, 'vote:cast', {
        ballotId,
        round: 1,
        voteId: randomUUID(),
        marks: { province: ['good'] },
      }),
    );
    const r1 = okData(await request(chair, 'ballot:close', { ballotId }));
    expect(okData(await request(chair, 'ballot:revote', { ballotId }))).toMatchObject({ state: 'closed', round: 1 });
    expect(okData(await request(chair, 'ballot:open', { ballotId }))).toMatchObject({ state: 'open', round: 2 });
    okData(
      await request(phones[0]!, 'vote:cast', {
        ballotId,
        round: 2,
        voteId: randomUUID(),
        marks: { province: ['excellent'] },
      }),
    );
    const r2 = okData(await request(chair, 'ballot:close', { ballotId }));
    expect(r1.round).toBe(1);
    expect(r2.round).toBe(2);
    expect(r2.tally.subjects[0]!.counts.find((c) => c.optionId === 'excellent')?.votes).toBe(1);
    expect(r1.seal).not.toBe(r2.seal);
  });
});

describe('publishing', () => {
  test('paper totals that break an invariant need a written acknowledgement too', async () => {
    const { phones } = await join(40);
    const ballotId = await openBallot();
    okData(
      await request(phones[0]!, 'vote:cast', {
        ballotId,
        round: 1,
        voteId: randomUUID(),
        marks: { province: ['good'] },
      }),
    );
    okData(await request(chair, 'ballot:close', { ballotId }));
    // 1 paper ballot returned but 3 declared invalid: returned ≠ valid + invalid.
    const recount = okData(
      await request(chair, 'paper:record-totals', {
        ballotId,
        round: 1,
        totals: { returned: 1, invalid: [{ reason: 'torn', count: 3 }], subjects: {} },
      }),
    );
    expect(recount?.tally.invariants.find((i) => i.name === 'returned=valid+invalid')?.ok).toBe(false);
    expect(recount?.tally.warnings).toEqual([]);
    expect(await request(chair, 'ballot:publish', { ballotId })).toMatchObject({ ok: false, error: 'ACK_REQUIRED' });
    okData(
      await request(chair, 'ballot:publish', {
        ballotId,
        acknowledgement: 'The committee recounted; the paper sheet is corrected in the minutes.',
      }),
    );
  });

  test('cap warnings need a written acknowledgement', async () => {
    const { phones } = await join(49);
    const subjects = Array.from({ length: 19 }, (_, i) => ({
      id: `u${i + 1}`,
      label: `Unit ${i + 1}`,
      group: 'units',
    }));
    const { ballotId } = okData(
      await request(chair, 'ballot:create', {
        ...classificationBallot({ earlyCloseMinimum: 0 }),
        kind: 'batch',
        title: '19 sub-units',
        subjects,
      }),
    );
    okData(await request(chair, 'ballot:open', { ballotId }));
    // Units 1-4 excellent, 5-18 good, 19 completed, by every voter.
    const level = (i: number) => (i < 4 ? 'excellent' : i < 18 ? 'good' : 'completed');
    const marks = Object.fromEntries(subjects.map((s, i) => [s.id, [level(i)]]));
    await Promise.all(phones.map((p) => request(p, 'vote:cast', { ballotId, round: 1, voteId: randomUUID(), marks })));
    const closed = okData(await request(chair, 'ballot:close', { ballotId }));
    expect(closed.tally.warnings).toEqual([
      expect.objectContaining({ group: 'units', topCount: 4, referenceCount: 14, allowed: 2 }),
    ]);
    const refused = await request(chair, 'ballot:publish', { ballotId, acknowledgement: '   ' });
    expect(refused).toMatchObject({ ok: false, error: 'ACK_REQUIRED' });
    const published = okData(
      await request(chair, 'ballot:publish', { ballotId, acknowledgement: 'Đã xem xét; giữ nguyên kết quả.' }),
    );
    expect(published.acknowledgement?.reason).toBe('Đã xem xét; giữ nguyên kết quả.');
    // The warning never changed an outcome.
    expect(
      published.tally.subjects.filter((s) => s.outcome.type === 'adopted' && s.outcome.optionId === 'excellent'),
    ).toHaveLength(4);
  });
});
