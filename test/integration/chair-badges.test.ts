// The chair prints every badge and may re-issue one, and a badge is a bearer token: a chair can
// vote in an absent member's name, and software cannot tell who holds a phone. A reviewer did it:
// 24 yes of 53, then three absent members re-issued, marked present and voting "yes" through the
// new badges; `verify` said nothing. What the app does about it is transparency, and one bar: a
// badge re-issued while a round is open cannot vote in that round (the member may vote on paper),
// and every ballot cast from a badge the chair checked in or re-issued is listed per round, by
// name (who, never what), in the minutes and as a `verify` warning for the counting committee.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { MeetingExport } from '@hallvote/shared';
import { verifyExport } from '../../server/src/features/exports/verify-export';
import { classificationBallot, motionBallot } from '../support/ballots';
import { hallOf, vote, type HallOf } from '../support/hall-of';
import { startHarness, type Harness } from '../support/harness';
import { okData, request } from '../support/request';

let h: Harness;
let hall: HallOf;

beforeAll(async () => {
  h = await startHarness();
  hall = await hallOf(h, { rulePresetId: 'national-assembly', roster: 53, phones: 30 });
});

afterAll(async () => {
  await h.stop();
  h.cleanup();
});

const exported = async () =>
  (await (
    await fetch(`${h.url}/api/meetings/${hall.meeting.meetingId}/export.json`, {
      headers: { authorization: `Bearer ${hall.meeting.chairKey}` },
    })
  ).json()) as MeetingExport;

/** The re-issued badge of `delegateId`, connected. */
async function reissued(delegateId: string) {
  const { joinUrl } = okData(await request(hall.chair, 'delegate:reissue', { delegateId }));
  const token = joinUrl.split('/d/')[1]!;
  return { socket: (await h.delegate(token)).socket, delegateId, token };
}

describe('a badge re-issued during an open round', () => {
  test('cannot vote in that round (BADGE_REISSUED); the member may vote on paper', async () => {
    const { ballotId } = okData(
      await request(hall.chair, 'ballot:create', motionBallot({ secret: true, allowChange: false })),
    );
    okData(await request(hall.chair, 'ballot:open', { ballotId }));
    for (const [i, p] of hall.phones.entries()) await vote(p, ballotId, 1, { motion: [i < 24 ? 'yes' : 'no'] });
    const absent = hall.delegateIds.slice(30, 33);
    for (const delegateId of absent) {
      okData(await request(hall.chair, 'attendance:mark', { delegateId, status: 'present' }));
      const phone = await reissued(delegateId);
      const refused = await request(phone.socket, 'vote:cast', {
        ballotId,
        round: 1,
        voteId: randomUUID(),
        marks: { motion: ['yes'] },
      });
      expect(refused).toMatchObject({ ok: false, error: 'BADGE_REISSUED' });
    }
    // A member whose badge was lost during the vote hands in paper instead.
    okData(await request(hall.chair, 'paper:mark-voted', { ballotId, delegateId: absent[0]! }));
    const result = okData(await request(hall.chair, 'ballot:close', { ballotId }));
    expect(result.tally.ballots.returned).toBe(30);
    expect(result.tally.subjects[0]!.outcome).toEqual({ type: 'rejected' });
  });

  test('verify lists the ballots cast with badges the chair checked in or re-issued, by name only', async () => {
    // Re-issued before the round opens, and one member checked in by hand whose phone then joins.
    const absent = hall.delegateIds.slice(30, 33);
    const phones = [];
    for (const delegateId of absent) phones.push(await reissued(delegateId));
    const byHand = hall.delegateIds[33]!;
    okData(await request(hall.chair, 'attendance:mark', { delegateId: byHand, status: 'present' }));
    const handToken = h.tokens(hall.meeting.meetingId)[33]!;
    phones.push({ socket: (await h.delegate(handToken)).socket, delegateId: byHand, token: handToken });
    const { ballotId } = okData(
      await request(hall.chair, 'ballot:create', classificationBallot({ earlyCloseMinimum: 0 })),
    );
    okData(await request(hall.chair, 'ballot:open', { ballotId }));
    for (const p of phones) await vote(p, ballotId, 1, { province: ['excellent'] });
    await vote(hall.phones[0]!, ballotId, 1, { province: ['good'] });
    okData(await request(hall.chair, 'ballot:close', { ballotId }));

    const data = await exported();
    const report = verifyExport(data);
    expect(report.ok).toBe(true);
    const names = new Map(data.delegates.map((d) => [d.id, d.name]));
    const listed = report.findings.filter((f) => f.level === 'warning' && f.detail.includes('checked in or re-issued'));
    // Round 1 of the first ballot had none online (the barred badges could not vote).
    expect(listed).toHaveLength(1);
    expect(listed[0]!.where).toContain('Xếp loại');
    expect(listed[0]!.detail).toContain('4 ballot(s)');
    const listedNames = listed[0]!.detail.split('hall): ')[1]!.split('; ');
    expect(listedNames.sort()).toEqual(
      [...absent.map((id) => `${names.get(id)!} (reissued)`), `${names.get(byHand)!} (checked-in)`].sort(),
    );
    // Who, never what.
    expect(listed[0]!.detail).not.toMatch(/excellent|good/i);
  });
});

test('the bar survives a restart: it is replayed from the audit log', async () => {
  const first = await startHarness();
  try {
    const small = await hallOf(first, { roster: 12, phones: 11 });
    const { ballotId } = okData(
      await request(small.chair, 'ballot:create', classificationBallot({ earlyCloseMinimum: 0 })),
    );
    okData(await request(small.chair, 'ballot:open', { ballotId }));
    const late = small.delegateIds[11]!;
    okData(await request(small.chair, 'attendance:mark', { delegateId: late, status: 'present' }));
    const { joinUrl } = okData(await request(small.chair, 'delegate:reissue', { delegateId: late }));
    await first.stop();

    const second = await startHarness(first.dataDir);
    try {
      const { socket } = await second.delegate(joinUrl.split('/d/')[1]!);
      const cast = { ballotId, round: 1, voteId: randomUUID(), marks: { province: ['good'] } };
      expect(await request(socket, 'vote:cast', cast)).toMatchObject({ ok: false, error: 'BADGE_REISSUED' });
      // Another member's badge, not re-issued, still votes.
      const other = (await second.delegate(second.tokens(small.meeting.meetingId)[0]!)).socket;
      okData(await request(other, 'vote:cast', { ...cast, voteId: randomUUID() }));
    } finally {
      await second.stop();
    }
  } finally {
    first.cleanup();
  }
});
