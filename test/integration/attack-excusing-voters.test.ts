// Attack 2 of issue 12: changing who counts after they voted. Preset national-assembly (more than
// half of all 53 members), 26 yes: rejected. Excusing three members who voted "no" would drop the
// base to 50 and adopt the motion; so would excusing three who have not voted yet. Attendance is
// fixed while a round is open (only a latecomer may become present), and the attendance a result
// used is snapshotted at close and recorded with it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { classificationBallot, motionBallot } from '../support/ballots';
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

describe('attendance is fixed while a round is open', () => {
  test('26 yes of 53 stays rejected: nobody present is excused or marked absent, voter or not', async () => {
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

    // Excusing the three who have not voted yet would drop the base to 50 just the same: 26 of 50
    // is more than half. Presence for a vote is established when it opens, as in a hall.
    const nonVoters = hall.phones.slice(50, 53).map((p) => p.delegateId);
    for (const delegateId of nonVoters)
      for (const status of ['excused', 'absent'] as const)
        expect(await request(hall.chair, 'attendance:mark', { delegateId, status })).toMatchObject({
          ok: false,
          error: 'ATTENDANCE_FROZEN',
        });

    const result = okData(await request(hall.chair, 'ballot:close', { ballotId }));
    expect(result.tally.attendance).toMatchObject({ roster: 53, present: 53, excusedAbsent: 0, eligible: 53 });
    expect(result.tally.subjects[0]!.outcome).toEqual({ type: 'rejected' });
    // The attendance the result used, member by member, is recorded with it.
    expect(result.attendance.present).toHaveLength(53);
    expect(result.attendance.present).toEqual(expect.arrayContaining([...noVoters, ...nonVoters]));
    expect(result.attendance.excused).toEqual([]);
    expect(result.attendance.absent).toEqual([]);

    // After the close, attendance moves again; the closed result keeps its snapshot.
    okData(await request(hall.chair, 'attendance:mark', { delegateId: noVoters[0]!, status: 'excused' }));
    okData(await request(hall.chair, 'attendance:mark', { delegateId: nonVoters[0]!, status: 'absent' }));
    const audit = okData(await request(hall.chair, 'audit:list', {}));
    const closed = audit.find((e) => e.action === 'round.closed' && e.details.ballotId === ballotId);
    expect(closed?.details).toMatchObject({ seal: result.seal, attendance: result.attendance });
  });

  test('an absent member is not excused during an open round (it would leave the base), but a latecomer becomes present and votes', async () => {
    // From the first test: one member excused, one absent, all others present.
    const { ballotId } = okData(await request(hall.chair, 'ballot:create', motionBallot({ allowChange: false })));
    okData(await request(hall.chair, 'ballot:open', { ballotId }));
    const [excused, absent] = [hall.phones[26]!, hall.phones[50]!];
    expect(
      await request(hall.chair, 'attendance:mark', { delegateId: absent.delegateId, status: 'excused' }),
    ).toMatchObject({ ok: false, error: 'ATTENDANCE_FROZEN' });
    expect(
      await request(hall.chair, 'attendance:mark', { delegateId: excused.delegateId, status: 'absent' }),
    ).toMatchObject({ ok: false, error: 'ATTENDANCE_FROZEN' });
    okData(await request(hall.chair, 'attendance:mark', { delegateId: absent.delegateId, status: 'present' }));
    await vote(absent, ballotId, 1, { motion: ['yes'] });
    const result = okData(await request(hall.chair, 'ballot:close', { ballotId }));
    expect(result.tally.attendance).toMatchObject({ roster: 53, present: 52, excusedAbsent: 1, eligible: 52 });
  });
});

describe('a secret round cannot be emptied of non-voters to read one ballot', () => {
  test('after one vote, the 19 others cannot be marked absent; closing stays refused', async () => {
    const small = await startHarness();
    try {
      const hall20 = await hallOf(small, { roster: 20, phones: 20 });
      const { ballotId } = okData(await request(hall20.chair, 'ballot:create', classificationBallot()));
      okData(await request(hall20.chair, 'ballot:open', { ballotId }));
      await vote(hall20.phones[0]!, ballotId, 1, { province: ['not-completed'] });
      for (const p of hall20.phones.slice(1))
        expect(
          await request(hall20.chair, 'attendance:mark', { delegateId: p.delegateId, status: 'absent' }),
        ).toMatchObject({ ok: false, error: 'ATTENDANCE_FROZEN' });
      expect(await request(hall20.chair, 'ballot:close', { ballotId })).toMatchObject({
        ok: false,
        error: 'TOO_FEW_BALLOTS',
      });
    } finally {
      await small.stop();
      small.cleanup();
    }
  });
});
