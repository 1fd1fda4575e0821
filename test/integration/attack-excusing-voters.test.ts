// Attack 2 of issue 12: changing who counts after they voted. Preset national-assembly (more than
// half of all 53 members), 26 yes: rejected. Excusing three members who voted "no" would drop the
// base to 50 and adopt the motion. Attendance is frozen for whoever has voted in the open round,
// and the attendance a result used is snapshotted at close and recorded with it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { motionBallot } from '../support/ballots';
import { hallOf, vote, type HallOf } from '../support/hall-of';
import { startHarness, type Harness } from '../support/harness';
import { okData, request } from '../support/request';

let h: Harness;
let hall: HallOf;

beforeAll(async () => {
  h = await startHarness();
  hall = await hallOf(h, { rulePresetId: 'national-assembly', roster: 53, phones: 53 });
});

afterAll(async () => {
  await h.stop();
  h.cleanup();
});

describe('attendance is frozen for whoever has voted in the open round', () => {
  test('26 yes of 53 stays rejected: voters cannot be excused or marked absent; a non-voter can', async () => {
    const { ballotId } = okData(await request(hall.chair, 'ballot:create', motionBallot({ allowChange: false })));
    okData(await request(hall.chair, 'ballot:open', { ballotId }));
    // 26 yes, 24 no; the last three have not voted.
    for (const [i, phone] of hall.phones.slice(0, 50).entries())
      await vote(phone, ballotId, 1, { motion: [i < 26 ? 'yes' : 'no'] });

    const noVoters = hall.phones.slice(26, 29).map((p) => p.delegateId);
    for (const delegateId of noVoters) {
      const excused = await request(hall.chair, 'attendance:mark', { delegateId, status: 'excused' });
      expect(excused).toMatchObject({ ok: false, error: 'ATTENDANCE_FROZEN' });
    }
    expect(await request(hall.chair, 'attendance:mark', { delegateId: noVoters[0]!, status: 'absent' })).toMatchObject({
      ok: false,
      error: 'ATTENDANCE_FROZEN',
    });

    // Someone who has not voted may still be excused (they left the hall): 26 of 52 is not more than half.
    const leaver = hall.phones[52]!.delegateId;
    const presence = okData(await request(hall.chair, 'attendance:mark', { delegateId: leaver, status: 'excused' }));
    expect(presence.eligible).toBe(52);

    const result = okData(await request(hall.chair, 'ballot:close', { ballotId }));
    expect(result.tally.attendance).toMatchObject({ roster: 53, present: 52, excusedAbsent: 1, eligible: 52 });
    expect(result.tally.subjects[0]!.outcome).toEqual({ type: 'rejected' });
    // The attendance the result used, member by member, is recorded with it.
    expect(result.attendance.excused).toEqual([leaver]);
    expect(result.attendance.present).toHaveLength(52);
    expect(result.attendance.present).toEqual(expect.arrayContaining(noVoters));
    expect(result.attendance.absent).toEqual([]);

    // After the close, attendance moves again; the closed result keeps its snapshot.
    okData(await request(hall.chair, 'attendance:mark', { delegateId: noVoters[0]!, status: 'excused' }));
    const audit = okData(await request(hall.chair, 'audit:list', {}));
    const closed = audit.find((e) => e.action === 'round.closed' && e.details.ballotId === ballotId);
    expect(closed?.details).toMatchObject({ seal: result.seal, attendance: result.attendance });
  });
});
