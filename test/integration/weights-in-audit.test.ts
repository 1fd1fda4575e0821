// Weights in the audit chain (issue 19, attack review): a member's weight was in the export's
// roster only, so a forger could move shares from one member to another (H 100 and G 300 swapped)
// and, in a secret round whose stored ballots carry their own weights, verify found nothing. The
// audit entries of the roster (the meeting's creation, an import, a member added or edited) now
// record every weight other than 1, and verify replays them against the exported roster.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ChairSnapshot, MeetingExport } from '@hallvote/shared';
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

describe('verify and the members weights', () => {
  test('weights moved between members in the export are reported, the roster edits replayed from the log', async () => {
    const meeting = await h.createMeeting({
      rulePresetId: 'agm-ordinary',
      rosterCsv: ['name,shares', 'H,100', 'B,100', 'C,300', 'G,300'].join('\n'),
    });
    const chair = (await h.chair(meeting)).socket;
    // Edited before voting starts, and one added: both in the log.
    const ids = (okData(await request(chair, 'sync:request', {})) as ChairSnapshot).delegates.map((d) => d.id);
    okData(await request(chair, 'delegate:update', { delegateId: ids[1]!, weight: '200' }));
    okData(await request(chair, 'delegate:add', { name: 'D', position: '', group: '', weight: '200' }));
    const tokens = h.tokens(meeting.meetingId);
    const phones = [];
    for (const t of tokens) phones.push((await h.delegate(t)).socket);
    const { ballotId } = okData(
      await request(chair, 'ballot:create', motionBallot({ secret: true, allowChange: false })),
    );
    okData(await request(chair, 'ballot:open', { ballotId, acceptSecrecyRisk: true }));
    for (const p of phones)
      okData(await request(p, 'vote:cast', { ballotId, round: 1, voteId: randomUUID(), marks: { motion: ['yes'] } }));
    okData(await request(chair, 'ballot:close', { ballotId }));
    const res = await fetch(`${h.url}/api/meetings/${meeting.meetingId}/export.json`, {
      headers: { authorization: `Bearer ${meeting.chairKey}` },
    });
    const data = (await res.json()) as MeetingExport;
    expect(verifyExport(data).findings.filter((f) => !f.ok)).toEqual([]);
    const weightOf = (name: string) => data.delegates.find((d) => d.name === name)!.weight;
    expect([weightOf('B'), weightOf('D')]).toEqual([200, 200]);

    // H and G swap their shares: the box, the tally and the seal are unchanged.
    const [hId, gId] = [ids[0]!, ids[3]!];
    const forged: MeetingExport = {
      ...data,
      delegates: data.delegates.map((d) =>
        d.id === hId ? { ...d, weight: 300 } : d.id === gId ? { ...d, weight: 100 } : d,
      ),
    };
    const failed = verifyExport(forged).findings.filter((f) => !f.ok);
    expect(failed.map((f) => `${f.where}: ${f.detail}`).join('\n')).toMatch(/weight/);
  });
});
