// A vote id is one vote (issue 19, second attack review): one member's vote, or one holder's split.
// A split's rows share its vote id, and who a split carried is read from that; a holder who sent a
// vote for G1 with id X and then a split for himself and G2 with the same X had both recorded:
// the counts were right, but the export named G1 twice, `verify` failed ("a member votes twice")
// and after a restart the whole meeting was refused (STATE_MISMATCH). Either order, and both at
// once, are now refused CONFLICT vote-id-used; the honest round verifies.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { ChairSnapshot, CreateMeetingResponse, MeetingExport } from '@hallvote/shared';
import { verifyExport } from '../../server/src/features/exports/verify-export';
import { motionBallot } from '../support/ballots';
import { startHarness, type Harness } from '../support/harness';
import { okData, request } from '../support/request';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.stop();
  h.cleanup();
});

async function hall() {
  const meeting: CreateMeetingResponse = await h.createMeeting({
    rulePresetId: 'association',
    rosterCsv: ['name', 'H', 'B', 'G1', 'G2'].join('\n'),
  });
  const chair = (await h.chair(meeting)).socket;
  const [holder, , g1, g2] = (okData(await request(chair, 'sync:request', {})) as ChairSnapshot).delegates.map(
    (d) => d.id,
  ) as [string, string, string, string];
  const tokens = h.tokens(meeting.meetingId);
  const phoneH = (await h.delegate(tokens[0]!)).socket;
  const phoneB = (await h.delegate(tokens[1]!)).socket;
  okData(await request(chair, 'proxy:grant', { grantorId: g1, holderId: holder }));
  okData(await request(chair, 'proxy:grant', { grantorId: g2, holderId: holder }));
  const { ballotId } = okData(await request(chair, 'ballot:create', motionBallot({ allowChange: false })));
  okData(await request(chair, 'ballot:open', { ballotId }));
  const single = (voteId: string, forDelegateId: string) =>
    request(phoneH, 'vote:cast', { ballotId, round: 1, voteId, forDelegateId, marks: { motion: ['no'] } });
  const split = (voteId: string, members: string[]) =>
    request(phoneH, 'vote:cast-split', { ballotId, round: 1, voteId, members, rows: { motion: { yes: 2 } } });
  const finish = async () => {
    okData(await request(phoneB, 'vote:cast', { ballotId, round: 1, voteId: randomUUID(), marks: { motion: ['no'] } }));
    okData(await request(chair, 'ballot:close', { ballotId }));
    const res = await fetch(`${h.url}/api/meetings/${meeting.meetingId}/export.json`, {
      headers: { authorization: `Bearer ${meeting.chairKey}` },
    });
    return (await res.json()) as MeetingExport;
  };
  return { holder, g1, g2, single, split, finish };
}

const VOTE_ID_USED = { ok: false, error: 'CONFLICT', params: { reason: 'vote-id-used' } };

test('a vote for a member, then a split with its id: the split is refused, and the round verifies', async () => {
  const { holder, g1, g2, single, split, finish } = await hall();
  const x = randomUUID();
  okData(await single(x, g1));
  expect(await split(x, [holder, g2])).toEqual(VOTE_ID_USED);
  // The holder's real split, with an id of its own, is taken.
  okData(await split(randomUUID(), [holder, g2]));
  const data = await finish();
  expect(verifyExport(data).ok).toBe(true);
  expect(data.rounds[0]!.namedVotes?.filter((v) => v.delegateId === g1)).toHaveLength(1);
});

test('a split, then a vote for another member with its id: the vote is refused', async () => {
  const { holder, g1, g2, single, split, finish } = await hall();
  const x = randomUUID();
  okData(await split(x, [holder, g2]));
  expect(await single(x, g1)).toEqual(VOTE_ID_USED);
  okData(await single(randomUUID(), g1));
  expect(verifyExport(await finish()).ok).toBe(true);
});

test('both at once with one id: exactly one is taken, and the round verifies', async () => {
  const { holder, g1, g2, single, split, finish } = await hall();
  const x = randomUUID();
  const answers = await Promise.all([single(x, g1), split(x, [holder, g2])]);
  expect(answers.filter((a) => a.ok)).toHaveLength(1);
  expect(answers.filter((a) => !a.ok)).toEqual([VOTE_ID_USED]);
  expect(verifyExport(await finish()).ok).toBe(true);
});

test("after a restart the ids of the stored votes are known again: a split with a vote's id is still refused", async () => {
  const first = await startHarness();
  try {
    const meeting = await first.createMeeting({
      rulePresetId: 'association',
      rosterCsv: ['name', 'H', 'B', 'G1', 'G2'].join('\n'),
    });
    const chair = (await first.chair(meeting)).socket;
    const [holder, , g1, g2] = (okData(await request(chair, 'sync:request', {})) as ChairSnapshot).delegates.map(
      (d) => d.id,
    ) as [string, string, string, string];
    const phone = (await first.delegate(first.tokens(meeting.meetingId)[0]!)).socket;
    await first.delegate(first.tokens(meeting.meetingId)[1]!);
    okData(await request(chair, 'proxy:grant', { grantorId: g1, holderId: holder }));
    okData(await request(chair, 'proxy:grant', { grantorId: g2, holderId: holder }));
    const { ballotId } = okData(await request(chair, 'ballot:create', motionBallot({ allowChange: false })));
    okData(await request(chair, 'ballot:open', { ballotId }));
    const x = randomUUID();
    okData(
      await request(phone, 'vote:cast', {
        ballotId,
        round: 1,
        voteId: x,
        forDelegateId: g1,
        marks: { motion: ['no'] },
      }),
    );
    await first.stop();

    const second = await startHarness(first.dataDir);
    try {
      const again = (await second.delegate(second.tokens(meeting.meetingId)[0]!)).socket;
      const split = { ballotId, round: 1, members: [holder, g2], rows: { motion: { yes: 2 } } };
      expect(await request(again, 'vote:cast-split', { ...split, voteId: x })).toEqual(VOTE_ID_USED);
      okData(await request(again, 'vote:cast-split', { ...split, voteId: randomUUID() }));
    } finally {
      await second.stop();
    }
  } finally {
    first.cleanup();
  }
});
