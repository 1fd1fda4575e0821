// The chain anchored outside the database (issue 12): at publish, the seal and the audit chain's
// head go to every phone and the projector, a phone that reconnects gets them again, the round's
// export carries them for the minutes, and the close and publish entries of the audit log carry
// the seal, the outcome and the attendance snapshot.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DelegateSnapshot, ProjectorSnapshot, RoundExport } from '@hallvote/shared';
import { classificationBallot } from '../support/ballots';
import { hallOf, vote, type HallOf } from '../support/hall-of';
import { nextEvent, startHarness, type Harness } from '../support/harness';
import { okData, request } from '../support/request';

let h: Harness;
let hall: HallOf;

beforeAll(async () => {
  h = await startHarness();
  hall = await hallOf(h, { roster: 12, phones: 12 });
});

afterAll(async () => {
  await h.stop();
  h.cleanup();
});

describe('the seal and the audit head leave the database at publish', () => {
  test('phones and projector receive them; a reconnecting phone and the export carry them', async () => {
    const projector = (await h.projector(hall.meeting)).socket;
    const { ballotId } = okData(await request(hall.chair, 'ballot:create', classificationBallot()));
    okData(await request(hall.chair, 'ballot:open', { ballotId }));
    for (const [i, phone] of hall.phones.entries())
      await vote(phone, ballotId, 1, { province: [i === 0 ? 'excellent' : 'good'] });
    const closed = okData(await request(hall.chair, 'ballot:close', { ballotId }));

    const onPhone = nextEvent(hall.phones[0]!.socket, 'result:published');
    const onProjector = nextEvent(projector, 'result:published');
    okData(await request(hall.chair, 'ballot:publish', { ballotId }));
    const [phoneEvent] = await onPhone;
    const [projectorEvent] = await onProjector;

    const audit = okData(await request(hall.chair, 'audit:list', {}));
    const last = audit.at(-1)!;
    expect(last.action).toBe('round.published');
    const anchor = { ballotId, round: 1, seal: closed.seal, head: { seq: last.seq, hash: last.hash } };
    expect(phoneEvent.anchor).toEqual(anchor);
    expect(projectorEvent.anchor).toEqual(anchor);

    const again = (await h.delegate(hall.phones[1]!.token)).snapshot as DelegateSnapshot;
    expect(again.anchor).toEqual(anchor);
    const screen = (await h.projector(hall.meeting)).snapshot as ProjectorSnapshot;
    expect(screen.anchor).toEqual(anchor);
    const res = await fetch(`${h.url}/api/meetings/${hall.meeting.meetingId}/rounds/${ballotId}/1.json`, {
      headers: { authorization: `Bearer ${hall.meeting.chairKey}` },
    });
    expect(((await res.json()) as RoundExport).anchor).toEqual(anchor);

    const closedEntry = audit.find((e) => e.action === 'round.closed' && e.details.ballotId === ballotId)!;
    for (const entry of [closedEntry, last])
      expect(entry.details).toMatchObject({
        seal: closed.seal,
        outcome: [{ subjectId: 'province', outcome: { type: 'adopted', optionId: 'good' } }],
        attendance: closed.attendance,
      });
  });
});
