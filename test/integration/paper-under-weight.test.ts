// Paper ballots where the count is by weight (issue 19, attack review): a paper total is a number
// of ballots, with no weight, so under agm-ordinary a member with 5000 shares entered as "yes 1"
// counted 1 share, and under double-majority their paper weighed nothing. Until paper totals carry
// weights, a round counted by weight (or by heads and weight) takes no paper: marking a paper voter
// and entering paper totals are refused PAPER_NOT_WEIGHTED. A round counted by heads still does.
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

const totals = {
  returned: 1,
  invalid: [],
  subjects: { motion: { counts: { yes: 1, no: 0, 'not-voting': 0 }, empty: 0 } },
};

/** H and B (100 shares each) vote on their phones; P (5000 shares) is present without a phone. */
async function heavyPaperVoter(rulePresetId: string) {
  const meeting = await h.createMeeting({
    rulePresetId,
    rosterCsv: ['name,shares', 'H,100', 'B,100', 'P,5000'].join('\n'),
  });
  const chair = (await h.chair(meeting)).socket;
  const ids = (okData(await request(chair, 'sync:request', {})) as ChairSnapshot).delegates.map((d) => d.id);
  const tokens = h.tokens(meeting.meetingId);
  const phoneH = (await h.delegate(tokens[0]!)).socket;
  okData(await request(chair, 'attendance:mark', { delegateId: ids[2]!, status: 'present' }));
  const { ballotId } = okData(await request(chair, 'ballot:create', motionBallot({ allowChange: false })));
  okData(await request(chair, 'ballot:open', { ballotId }));
  return { chair, phoneH, ballotId, paperVoter: ids[2]! };
}

describe('a round counted by weight takes no paper ballots', () => {
  for (const [preset, countBy] of [
    ['agm-ordinary', 'weight'],
    ['double-majority', 'both'],
  ] as const)
    test(`${preset}: marking a paper voter and entering paper totals are refused PAPER_NOT_WEIGHTED`, async () => {
      const { chair, phoneH, ballotId, paperVoter } = await heavyPaperVoter(preset);
      expect(errorOf(await request(chair, 'paper:mark-voted', { ballotId, delegateId: paperVoter }))).toMatchObject({
        error: 'PAPER_NOT_WEIGHTED',
        params: { countBy },
      });
      expect(errorOf(await request(chair, 'paper:record-totals', { ballotId, round: 1, totals }))).toMatchObject({
        error: 'PAPER_NOT_WEIGHTED',
        params: { countBy },
      });
      okData(
        await request(phoneH, 'vote:cast', { ballotId, round: 1, voteId: randomUUID(), marks: { motion: ['no'] } }),
      );
      // Closed, the round still refuses totals (they would be tallied again into the result).
      okData(await request(chair, 'ballot:close', { ballotId }));
      expect(errorOf(await request(chair, 'paper:record-totals', { ballotId, round: 1, totals })).error).toBe(
        'PAPER_NOT_WEIGHTED',
      );
    });

  test('a round counted by heads still takes paper ballots', async () => {
    const { chair, ballotId, paperVoter } = await heavyPaperVoter('association');
    okData(await request(chair, 'paper:mark-voted', { ballotId, delegateId: paperVoter }));
    expect(okData(await request(chair, 'paper:record-totals', { ballotId, round: 1, totals }))).toBeNull();
  });
});
