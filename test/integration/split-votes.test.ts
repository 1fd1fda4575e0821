// Split ballots, on a real server (issue 19). A secret association ballot (heads): the holder
// seals one split ballot for themself and the members they represent; the box holds one anonymous
// ballot per member. An open association ballot takes a split as the holder's named vote, and
// verify recomputes both rounds from the export. (A secret ballot counted by weight takes no
// split: secret-split-by-weight.test.ts; the secrecy warning: secrecy-latecomer.test.ts.)
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sealSplit } from '@hallvote/shared/sealed-marks';
import {
  type ChairSnapshot,
  type CreateMeetingResponse,
  type DelegateSnapshot,
  type MeetingExport,
  type MyVote,
} from '@hallvote/shared';
import { verifyExport } from '../../server/src/features/exports/verify-export';
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

async function meetingOf(rulePresetId: string, rosterCsv: string) {
  const meeting: CreateMeetingResponse = await h.createMeeting({ rulePresetId, rosterCsv });
  const chair = (await h.chair(meeting)).socket;
  const snap = okData(await request(chair, 'sync:request', {})) as ChairSnapshot;
  return { meeting, chair, ids: snap.delegates.map((d) => d.id), tokens: h.tokens(meeting.meetingId) };
}

async function exportOf(meeting: CreateMeetingResponse): Promise<MeetingExport> {
  const res = await fetch(`${h.url}/api/meetings/${meeting.meetingId}/export.json`, {
    headers: { authorization: `Bearer ${meeting.chairKey}` },
  });
  return (await res.json()) as MeetingExport;
}

describe('a secret association ballot (one member, one vote)', () => {
  test('the holder seals one split for their 3 votes; the box holds one anonymous ballot per member', async () => {
    // H holds the proxies of G1 and G2; B and C vote themselves. (A secret ballot counted by
    // weight takes no split: secret-split-by-weight.test.ts.)
    const { meeting, chair, ids, tokens } = await meetingOf(
      'association',
      ['name', 'H', 'B', 'C', 'G1', 'G2'].join('\n'),
    );
    const [holder, b, , g1, g2] = ids as [string, string, string, string, string];
    const phoneH = (await h.delegate(tokens[0]!)).socket;
    const phoneB = (await h.delegate(tokens[1]!)).socket;
    const phoneC = (await h.delegate(tokens[2]!)).socket;
    okData(await request(chair, 'proxy:grant', { grantorId: g1, holderId: holder }));
    okData(await request(chair, 'proxy:grant', { grantorId: g2, holderId: holder }));
    const { ballotId } = okData(
      await request(chair, 'ballot:create', motionBallot({ secret: true, allowChange: false })),
    );
    // Counted by heads: no weight to give anyone away, no warning.
    okData(await request(chair, 'ballot:open', { ballotId }));

    const snapH = okData(await request(phoneH, 'sync:request', {})) as DelegateSnapshot;
    expect(snapH.splitAllowed).toBe(true);
    expect(snapH.countBy).toBe('heads');
    const sealKey = snapH.ballot!.sealKey!;
    const split = (rows: Record<string, Record<string, number>>, members = [holder, g1, g2]) => ({
      ballotId,
      round: 1,
      voteId: randomUUID(),
      members,
      sealed: sealSplit(snapH.ballot!, rows, sealKey),
    });
    // More than the 3 votes it carries: refused with the numbers.
    expect(errorOf(await request(phoneH, 'vote:cast-split', split({ motion: { yes: 4 } }))).params).toMatchObject({
      problem: { code: 'OVER', total: 3, given: 4 },
    });
    // B represents nobody.
    expect(errorOf(await request(phoneB, 'vote:cast-split', split({ motion: { yes: 2 } }, [b, g1]))).params).toEqual({
      reason: 'nobody',
    });
    const payload = split({ motion: { yes: 2, no: 1 } });
    const votes = okData(await request(phoneH, 'vote:cast-split', payload)) as MyVote[];
    expect(votes.map((v) => v.forDelegateId ?? holder)).toEqual([holder, g1, g2]);
    expect(new Set(votes.map((v) => v.receipt)).size).toBe(3);
    // Re-sent: the same vote, the same receipts.
    expect(okData(await request(phoneH, 'vote:cast-split', payload))).toEqual(votes);
    // A member of the split cannot be voted for again, one by one.
    expect(
      errorOf(
        await request(phoneH, 'vote:cast', {
          ballotId,
          round: 1,
          voteId: randomUUID(),
          marks: { motion: ['no'] },
          forDelegateId: g1,
        }),
      ).error,
    ).toBe('ALREADY_VOTED');
    okData(await request(phoneB, 'vote:cast', { ballotId, round: 1, voteId: randomUUID(), marks: { motion: ['no'] } }));
    // Everyone present has voted (C too): the round may close early.
    okData(
      await request(phoneC, 'vote:cast', {
        ballotId,
        round: 1,
        voteId: randomUUID(),
        marks: { motion: ['not-voting'] },
      }),
    );
    const result = okData(await request(chair, 'ballot:close', { ballotId }));
    expect(result.tally.subjects[0]!.counts.map((o) => [o.optionId, o.votes])).toEqual([
      ['yes', 2],
      ['no', 2],
      ['not-voting', 1],
    ]);
    expect(result.tally.ballots.returned).toBe(5);

    const data = await exportOf(meeting);
    const round = data.rounds[0]!;
    expect(round.namedVotes).toBeNull();
    expect(round.weightedRecords).toBeUndefined();
    expect(round.records).toHaveLength(5);
    expect(verifyExport(data).findings.filter((f) => !f.ok)).toEqual([]);
  });
});

describe('an open association ballot (one member, one vote)', () => {
  test('a grantor who arrives while the round is open is no paper voter in it either: their holder votes for them', async () => {
    const { chair, ids, tokens } = await meetingOf('association', ['name', 'H', 'B', 'G'].join('\n'));
    const [holder, , g] = ids as [string, string, string];
    const phoneH = (await h.delegate(tokens[0]!)).socket;
    await h.delegate(tokens[1]!);
    okData(await request(chair, 'proxy:grant', { grantorId: g, holderId: holder }));
    const { ballotId } = okData(await request(chair, 'ballot:create', motionBallot()));
    okData(await request(chair, 'ballot:open', { ballotId }));
    okData(await request(chair, 'attendance:mark', { delegateId: g, status: 'present' }));
    expect(await request(chair, 'paper:mark-voted', { ballotId, delegateId: g })).toEqual({
      ok: false,
      error: 'PROXY_GRANTED',
      params: { holder: 'H' },
    });
    const forG = { ballotId, round: 1, voteId: randomUUID(), forDelegateId: g, marks: { motion: ['yes'] } };
    expect(okData(await request(phoneH, 'vote:cast', forG))).toMatchObject({ forDelegateId: g });
  });

  test('a holder whose badge is re-issued while the round is open votes for nobody in it, split or not', async () => {
    // trust2's rule holds for a holder: the new badge cannot vote in the round it was re-issued in.
    const { chair, ids, tokens } = await meetingOf('association', ['name', 'H', 'B', 'G'].join('\n'));
    const [holder, , g] = ids as [string, string, string];
    await h.delegate(tokens[0]!);
    await h.delegate(tokens[1]!);
    okData(await request(chair, 'proxy:grant', { grantorId: g, holderId: holder }));
    const { ballotId } = okData(await request(chair, 'ballot:create', motionBallot()));
    okData(await request(chair, 'ballot:open', { ballotId }));
    const { joinUrl } = okData(await request(chair, 'delegate:reissue', { delegateId: holder }));
    const phoneH = (await h.delegate(joinUrl.split('/d/')[1]!)).socket;
    const split = { ballotId, round: 1, voteId: randomUUID(), members: [holder, g], rows: { motion: { yes: 2 } } };
    expect(await request(phoneH, 'vote:cast-split', split)).toEqual({
      ok: false,
      error: 'BADGE_REISSUED',
      params: {},
    });
    const forG = { ballotId, round: 1, voteId: randomUUID(), forDelegateId: g, marks: { motion: ['yes'] } };
    expect(await request(phoneH, 'vote:cast', forG)).toMatchObject({ ok: false, error: 'BADGE_REISSUED' });
  });

  test('a holder of 2 proxies splits their 3 votes; the named vote lists the members it carried', async () => {
    const { meeting, chair, ids, tokens } = await meetingOf('association', ['name', 'H', 'B', 'G1', 'G2'].join('\n'));
    const [holder, , g1, g2] = ids as [string, string, string, string];
    const phoneH = (await h.delegate(tokens[0]!)).socket;
    const phoneB = (await h.delegate(tokens[1]!)).socket;
    okData(await request(chair, 'proxy:grant', { grantorId: g1, holderId: holder }));
    okData(await request(chair, 'proxy:grant', { grantorId: g2, holderId: holder }));
    const { ballotId } = okData(await request(chair, 'ballot:create', motionBallot()));
    okData(await request(chair, 'ballot:open', { ballotId }));
    const cast = (rows: Record<string, Record<string, number>>) =>
      request(phoneH, 'vote:cast-split', { ballotId, round: 1, voteId: randomUUID(), members: [holder, g1, g2], rows });
    // A motion gives every vote: a blank row is not a vote the phone can make.
    expect(errorOf(await cast({ motion: { yes: 2 } })).params).toMatchObject({
      problem: { code: 'UNDER', total: 3, given: 2 },
    });
    okData(await cast({ motion: { yes: 2, no: 1 } }));
    okData(await request(phoneB, 'vote:cast', { ballotId, round: 1, voteId: randomUUID(), marks: { motion: ['no'] } }));
    const result = okData(await request(chair, 'ballot:close', { ballotId }));
    expect(result.tally.subjects[0]!.counts.map((o) => [o.optionId, o.votes])).toEqual([
      ['yes', 2],
      ['no', 2],
      ['not-voting', 0],
    ]);
    const data = await exportOf(meeting);
    const named = data.rounds[0]!.namedVotes!;
    expect(named.find((v) => v.delegateId === holder)).toMatchObject({
      split: { unit: 'heads', total: 3, rows: { motion: { yes: 2, no: 1 } } },
      members: [g1, g2],
    });
    expect(verifyExport(data).findings.filter((f) => !f.ok)).toEqual([]);
    // The split moved to other numbers no longer matches the records.
    const forged = {
      ...data,
      rounds: [
        {
          ...data.rounds[0]!,
          namedVotes: named.map((v) =>
            v.split ? { ...v, split: { ...v.split, rows: { motion: { yes: 3, no: 0 } } } } : v,
          ),
        },
      ],
    };
    expect(verifyExport(forged).ok).toBe(false);
  });

  test('a meeting whose rules split nothing refuses a split', async () => {
    const { chair, ids, tokens } = await meetingOf('double-majority', ['name,weight', 'H,1', 'B,2', 'G,3'].join('\n'));
    const [holder, , g] = ids as [string, string, string];
    const phoneH = (await h.delegate(tokens[0]!)).socket;
    await h.delegate(tokens[1]!);
    okData(await request(chair, 'proxy:grant', { grantorId: g, holderId: holder }));
    const { ballotId } = okData(await request(chair, 'ballot:create', motionBallot()));
    okData(await request(chair, 'ballot:open', { ballotId }));
    const refused = errorOf(
      await request(phoneH, 'vote:cast-split', {
        ballotId,
        round: 1,
        voteId: randomUUID(),
        members: [holder, g],
        rows: { motion: { yes: 4 } },
      }),
    );
    expect(refused).toEqual({ ok: false, error: 'SPLIT_NOT_ALLOWED', params: { reason: 'rules' } });
  });
});
