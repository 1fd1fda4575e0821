// No split in a secret ballot counted by weight (issue 19, attack review): a holder's split is
// stored as parts whose weights add up to what the holder carries (250 and 150 of their 400), and
// parts that no member holds are the holder's for whoever reads the box or the export. So in a
// secret round counted by weight (a double majority splits nothing anyway) the split is refused,
// SPLIT_NOT_ALLOWED 'secret-weight', the phone does not offer it, and the holder votes member by
// member: every ballot in the box then weighs what one member holds. An open ballot still splits.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sealMarks, sealSplit } from '@hallvote/shared/sealed-marks';
import {
  type ChairSnapshot,
  type CreateMeetingResponse,
  type DelegateSnapshot,
  type MeetingExport,
} from '@hallvote/shared';
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

/** H (100) holds the proxies of G1 and G2 (300 each); B, C (100 each) and D (300) vote themselves. */
async function sharesMeeting(secret: boolean) {
  const meeting: CreateMeetingResponse = await h.createMeeting({
    rulePresetId: 'agm-ordinary',
    rosterCsv: ['name,shares', 'H,100', 'B,100', 'C,100', 'D,300', 'G1,300', 'G2,300'].join('\n'),
  });
  const chair = (await h.chair(meeting)).socket;
  const ids = (okData(await request(chair, 'sync:request', {})) as ChairSnapshot).delegates.map((d) => d.id);
  const [holder, , , , g1, g2] = ids as [string, string, string, string, string, string];
  const tokens = h.tokens(meeting.meetingId);
  const phones = [];
  for (const t of tokens.slice(0, 4)) phones.push((await h.delegate(t)).socket);
  okData(await request(chair, 'proxy:grant', { grantorId: g1, holderId: holder }));
  okData(await request(chair, 'proxy:grant', { grantorId: g2, holderId: holder }));
  const { ballotId } = okData(await request(chair, 'ballot:create', motionBallot({ secret, allowChange: false })));
  // No weight is one person's ballots only: D and H's two grantors hold 300, H, B and C 100 (G1 and
  // G2 alone would be: both their ballots are H's, and the opening would name them).
  okData(await request(chair, 'ballot:open', { ballotId }));
  const [phoneH, phoneB, phoneC, phoneD] = phones as [
    (typeof phones)[0],
    (typeof phones)[0],
    (typeof phones)[0],
    (typeof phones)[0],
  ];
  const snapH = okData(await request(phoneH, 'sync:request', {})) as DelegateSnapshot;
  return { meeting, chair, ballotId, holder, g1, g2, phoneH, phoneB, phoneC, phoneD, snapH };
}

async function exportOf(meeting: CreateMeetingResponse): Promise<MeetingExport> {
  const res = await fetch(`${h.url}/api/meetings/${meeting.meetingId}/export.json`, {
    headers: { authorization: `Bearer ${meeting.chairKey}` },
  });
  return (await res.json()) as MeetingExport;
}

describe('a secret ballot counted by shares', () => {
  test('a split is refused (secret-weight) and not offered; the holder votes member by member', async () => {
    const { meeting, chair, ballotId, holder, g1, g2, phoneH, phoneB, phoneC, phoneD, snapH } =
      await sharesMeeting(true);
    expect(snapH.splitAllowed).toBe(false);
    const ballot = snapH.ballot!;
    const sealKey = ballot.sealKey!;
    const refused = await request(phoneH, 'vote:cast-split', {
      ballotId,
      round: 1,
      voteId: randomUUID(),
      members: [holder, g1, g2],
      sealed: sealSplit(ballot, { motion: { yes: 400, no: 300 } }, sealKey),
    });
    expect(refused).toEqual({ ok: false, error: 'SPLIT_NOT_ALLOWED', params: { reason: 'secret-weight' } });
    const sealed = (option: string, forDelegateId?: string) => ({
      ballotId,
      round: 1,
      voteId: randomUUID(),
      ...(forDelegateId ? { forDelegateId } : {}),
      sealed: sealMarks(ballot, { motion: [option] }, sealKey),
    });
    okData(await request(phoneH, 'vote:cast', sealed('yes')));
    okData(await request(phoneH, 'vote:cast', sealed('yes', g1)));
    okData(await request(phoneH, 'vote:cast', sealed('no', g2)));
    okData(await request(phoneB, 'vote:cast', sealed('no')));
    okData(await request(phoneC, 'vote:cast', sealed('not-voting')));
    okData(await request(phoneD, 'vote:cast', sealed('no')));
    const result = okData(await request(chair, 'ballot:close', { ballotId }));
    expect(result.tally.subjects[0]!.counts.map((o) => [o.optionId, o.votes])).toEqual([
      ['yes', 400],
      ['no', 700],
      ['not-voting', 100],
    ]);
    const data = await exportOf(meeting);
    // Every ballot in the box weighs what one member holds.
    expect(data.rounds[0]!.weightedRecords?.map((r) => r.weight).sort((x, y) => x - y)).toEqual([
      100, 100, 100, 300, 300, 300,
    ]);
    expect(verifyExport(data).findings.filter((f) => !f.ok)).toEqual([]);
  });
});

describe('an open ballot counted by shares', () => {
  test('still takes a split, as the holder named vote', async () => {
    const { chair, ballotId, holder, g1, g2, phoneH, snapH } = await sharesMeeting(false);
    expect(snapH.splitAllowed).toBe(true);
    okData(
      await request(phoneH, 'vote:cast-split', {
        ballotId,
        round: 1,
        voteId: randomUUID(),
        members: [holder, g1, g2],
        rows: { motion: { yes: 400, no: 300 } },
      }),
    );
    const result = okData(await request(chair, 'ballot:close', { ballotId }));
    expect(result.tally.subjects[0]!.counts.map((o) => [o.optionId, o.votes])).toEqual([
      ['yes', 400],
      ['no', 300],
      ['not-voting', 0],
    ]);
  });
});
