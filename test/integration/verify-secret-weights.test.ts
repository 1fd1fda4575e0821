// verify, in a secret round counted by weight (second attack review): the records' weights were
// checked only by their sum, so weight could move between ballots in the box (an operator editing
// the rows while the round was open: two yes ballots of 100 and 100 became 160 and 40, or, changing
// the tally, 560 yes against 40 no) and verify said ok. A secret round counted by weight takes no
// split, so every record must weigh what one voter holds: the records' weights are the voters'.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { MeetingExport } from '@hallvote/shared';
import { sealMarks } from '@hallvote/shared/sealed-marks';
import { verifyExport } from '../../server/src/features/exports/verify-export';
import { motionBallot } from '../support/ballots';
import { startHarness, type Harness } from '../support/harness';
import { okData, request } from '../support/request';
import { forgeSeal } from '../support/reseal';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.stop();
  h.cleanup();
});

test('weight moved between two yes ballots, sum and tally unchanged, resealed and rechained: reported', async () => {
  const meeting = await h.createMeeting({
    rulePresetId: 'agm-ordinary',
    rosterCsv: ['name,shares', ...['A', 'B', 'C', 'D', 'E', 'F'].map((n) => `${n},100`)].join('\n'),
  });
  const chair = (await h.chair(meeting)).socket;
  const phones = [];
  for (const t of h.tokens(meeting.meetingId)) phones.push((await h.delegate(t)).socket);
  const { ballotId } = okData(
    await request(chair, 'ballot:create', motionBallot({ secret: true, allowChange: false })),
  );
  okData(await request(chair, 'ballot:open', { ballotId }));
  const snap = okData(await request(phones[0]!, 'sync:request', {}));
  const ballot = snap.role === 'delegate' ? snap.ballot! : null;
  for (const [i, p] of phones.entries())
    okData(
      await request(p, 'vote:cast', {
        ballotId,
        round: 1,
        voteId: randomUUID(),
        sealed: sealMarks(ballot!, { motion: [i < 2 ? 'yes' : 'no'] }, ballot!.sealKey!),
      }),
    );
  okData(await request(chair, 'ballot:close', { ballotId }));
  const res = await fetch(`${h.url}/api/meetings/${meeting.meetingId}/export.json`, {
    headers: { authorization: `Bearer ${meeting.chairKey}` },
  });
  const clean = (await res.json()) as MeetingExport;
  expect(verifyExport(clean).findings.filter((f) => !f.ok)).toEqual([]);

  const data = structuredClone(clean);
  const r = data.rounds[0]!;
  const yes = r.weightedRecords!.filter((x) => x.marks.motion?.[0] === 'yes');
  expect(yes.map((x) => x.weight)).toEqual([100, 100]);
  const moved = [160, 40];
  (r as { weightedRecords: unknown }).weightedRecords = r.weightedRecords!.map((x) =>
    x.marks.motion?.[0] === 'yes' ? { ...x, weight: moved.shift()! } : x,
  );
  forgeSeal(data, r);
  const failed = verifyExport(data).findings.filter((f) => !f.ok);
  expect(failed.map((f) => f.detail).join('\n')).toMatch(
    /records weighing 40, 100, 100, 100, 100, 160 for voters holding 100/,
  );
});
