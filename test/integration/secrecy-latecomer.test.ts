// The secrecy warning covers latecomers (issue 19, attack review): the warning at opening looked
// at the members present only, so X (57 shares, a weight nobody else has), absent when the secret
// ballot opened, could arrive, be issued a ballot and vote, and the box showed yes = 57. The
// warning now weighs every member of the round's roster who could be issued a ballot in it. The
// second review: a member present whose weight only an absent member shares, and a holder voting
// for a grantor of the same weight, were not named; the warning also weighs those here now, and a
// weight counts as identifying when one person casts all its ballots.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ChairSnapshot } from '@hallvote/shared';
import { motionBallot } from '../support/ballots';
import { startHarness, type Harness } from '../support/harness';
import { okData, request } from '../support/request';

let h: Harness;
const errorOf = (ack: unknown) => ack as { ok: false; error: string; params?: Record<string, unknown> };

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.stop();
  h.cleanup();
});

describe('a secret ballot counted by shares', () => {
  test('an absent member whose weight nobody else has is named before opening; arriving, they vote', async () => {
    const roster = ['name,shares', 'H,100', 'B,100', 'C,100', 'X,57'];
    const meeting = await h.createMeeting({ rulePresetId: 'agm-ordinary', rosterCsv: roster.join('\n') });
    const chair = (await h.chair(meeting)).socket;
    const ids = (okData(await request(chair, 'sync:request', {})) as ChairSnapshot).delegates.map((d) => d.id);
    const tokens = h.tokens(meeting.meetingId);
    for (const t of tokens.slice(0, 3)) await h.delegate(t);
    const { ballotId } = okData(
      await request(chair, 'ballot:create', motionBallot({ secret: true, allowChange: false })),
    );
    // X is absent: the chair is warned all the same, naming X and the 57 shares.
    expect(errorOf(await request(chair, 'ballot:open', { ballotId }))).toMatchObject({
      error: 'SECRECY_AT_RISK',
      params: { members: [{ name: 'X', weight: 57 }] },
    });
    okData(await request(chair, 'ballot:open', { ballotId, acceptSecrecyRisk: true }));
    // Accepted: X arrives and votes, as any latecomer does.
    const phoneX = (await h.delegate(tokens[3]!)).socket;
    okData(
      await request(phoneX, 'vote:cast', { ballotId, round: 1, voteId: randomUUID(), marks: { motion: ['yes'] } }),
    );
    expect(ids).toHaveLength(4);
  });

  test('present with a weight only an absent member shares: named, for the absent member may never come', async () => {
    // Second attack review: X and Y hold 57 each, Y never arrives; the box showed yes = 57.
    const roster = ['name,shares', 'H,100', 'B,100', 'C,100', 'X,57', 'Y,57'];
    const meeting = await h.createMeeting({ rulePresetId: 'agm-ordinary', rosterCsv: roster.join('\n') });
    const chair = (await h.chair(meeting)).socket;
    for (const t of h.tokens(meeting.meetingId).slice(0, 4)) await h.delegate(t);
    const { ballotId } = okData(
      await request(chair, 'ballot:create', motionBallot({ secret: true, allowChange: false })),
    );
    expect(errorOf(await request(chair, 'ballot:open', { ballotId }))).toMatchObject({
      error: 'SECRECY_AT_RISK',
      params: { members: [{ name: 'X', weight: 57 }] },
    });
  });

  test('a holder and the grantor they vote for share a weight nobody else has: both ballots are the holder’s, named', async () => {
    // Second attack review: H (57) holds G's proxy (57); the box held two ballots of 57, both H's.
    const roster = ['name,shares', 'H,57', 'B,100', 'C,100', 'D,100', 'G,57'];
    const meeting = await h.createMeeting({ rulePresetId: 'agm-ordinary', rosterCsv: roster.join('\n') });
    const chair = (await h.chair(meeting)).socket;
    const ids = (okData(await request(chair, 'sync:request', {})) as ChairSnapshot).delegates.map((d) => d.id);
    for (const t of h.tokens(meeting.meetingId).slice(0, 4)) await h.delegate(t);
    okData(await request(chair, 'proxy:grant', { grantorId: ids[4]!, holderId: ids[0]! }));
    const { ballotId } = okData(
      await request(chair, 'ballot:create', motionBallot({ secret: true, allowChange: false })),
    );
    expect(errorOf(await request(chair, 'ballot:open', { ballotId }))).toMatchObject({
      error: 'SECRECY_AT_RISK',
      params: {
        members: expect.arrayContaining([
          { name: 'H', weight: 57 },
          { name: 'G', weight: 57 },
        ]) as unknown,
      },
    });
  });

  test('weights that repeat among those here open without a warning', async () => {
    const roster = ['name,shares', 'H,100', 'B,100', 'C,57', 'D,57'];
    const meeting = await h.createMeeting({ rulePresetId: 'agm-ordinary', rosterCsv: roster.join('\n') });
    const chair = (await h.chair(meeting)).socket;
    for (const t of h.tokens(meeting.meetingId)) await h.delegate(t);
    const { ballotId } = okData(
      await request(chair, 'ballot:create', motionBallot({ secret: true, allowChange: false })),
    );
    okData(await request(chair, 'ballot:open', { ballotId }));
  });
});
