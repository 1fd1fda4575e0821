// A latecomer or substitute added while voting has started (issue 15): they join the roster for the
// rounds opened after them; a round already open keeps the roster, base and ballots it opened with,
// across a restart too. Import and replace stay frozen.
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, expect, test } from 'vitest';
import type { ChairSnapshot, CreateMeetingResponse, DelegateSnapshot, MeetingExport } from '@hallvote/shared';
import { verifyExport } from '../../server/src/features/exports/verify-export';
import { classificationBallot } from '../support/ballots';
import { rosterCsv, startHarness, type Harness } from '../support/harness';
import { okData, request, type Client } from '../support/request';

let h: Harness;
let meeting: CreateMeetingResponse;
let chair: Client;
let phones: Client[];

beforeEach(async () => {
  h = await startHarness();
  meeting = await h.createMeeting({ rosterCsv: rosterCsv(3) });
  chair = (await h.chair(meeting)).socket;
  phones = [];
  for (const t of h.tokens(meeting.meetingId)) phones.push((await h.delegate(t)).socket);
});

afterEach(async () => {
  await h.stop();
  h.cleanup();
});

const vote = (phone: Client, ballotId: string, round: number, level = 'good') =>
  request(phone, 'vote:cast', { ballotId, round, voteId: randomUUID(), marks: { province: [level] } });

const chairView = async () => okData(await request(chair, 'sync:request', {})) as ChairSnapshot;

test('added after ballot 1 opened: not in ballot 1 (its base stays 3), votes in ballot 2 (base 4)', async () => {
  const first = okData(await request(chair, 'ballot:create', classificationBallot({ earlyCloseMinimum: 0 }))).ballotId;
  okData(await request(chair, 'ballot:open', { ballotId: first }));
  okData(await vote(phones[0]!, first, 1));

  const added = await request(chair, 'delegate:add', { name: 'Người Đến Muộn', position: 'Ủy viên', group: 'A' });
  const { delegateId } = okData(added);
  const token = h.app.hall.meetings.get(meeting.meetingId)!.delegates.get(delegateId)!.token;
  const { socket: late, snapshot } = await h.delegate(token);
  // The phone is told at once that the open round is not theirs.
  expect((snapshot as DelegateSnapshot).joinedAfter).toEqual({ ballotId: first, round: 1 });
  expect(await vote(late, first, 1)).toMatchObject({ ok: false, error: 'NOT_IN_ROUND' });
  expect(await request(chair, 'paper:mark-voted', { ballotId: first, delegateId })).toMatchObject({
    ok: false,
    error: 'NOT_IN_ROUND',
  });
  const open = (await chairView()).ballots.find((b) => b.id === first)!;
  expect(open.lateIds).toEqual([delegateId]);
  expect(open.turnout).toMatchObject({ voted: 1, present: 3, eligible: 3 });

  const r1 = okData(await request(chair, 'ballot:close', { ballotId: first }));
  expect(r1.tally.attendance).toMatchObject({ roster: 3, present: 3, excusedAbsent: 0 });
  expect(r1.tally.ballots.issued).toBe(3);

  const second = okData(
    await request(chair, 'ballot:create', classificationBallot({ title: 'Ballot 2', earlyCloseMinimum: 0 })),
  ).ballotId;
  okData(await request(chair, 'ballot:open', { ballotId: second }));
  okData(await vote(late, second, 1, 'excellent'));
  const r2 = okData(await request(chair, 'ballot:close', { ballotId: second }));
  expect(r2.tally.attendance).toMatchObject({ roster: 4, present: 4, excusedAbsent: 0 });
  expect(r2.tally.ballots.returned).toBe(1);
  // Ballot 1's stored result is as it was closed.
  const stored = (await chairView()).ballots.find((b) => b.id === first)!;
  expect(stored.result?.tally.attendance.roster).toBe(3);
  expect(stored.lateIds).toEqual([delegateId]);

  // The audit log says which rounds the new member is not part of.
  const audit = okData(await request(chair, 'audit:list', {}));
  expect(audit.find((e) => e.action === 'delegate.added')?.details).toEqual({
    delegateId,
    notInRounds: [{ ballotId: first, round: 1 }],
  });
  // The round export (and so the minutes) names who joined after it opened, and `verify` accepts
  // the meeting: round 1's attendance lists its own roster, the log says the latecomer came later.
  const exported = (await (
    await fetch(`${h.url}/api/meetings/${meeting.meetingId}/export.json`, {
      headers: { authorization: `Bearer ${meeting.chairKey}` },
    })
  ).json()) as MeetingExport;
  expect(exported.rounds.find((r) => r.ballot.id === first)?.lateMembers).toEqual([delegateId]);
  expect(exported.rounds.find((r) => r.ballot.id === second)?.lateMembers).toEqual([]);
  const report = verifyExport(exported);
  expect(report.findings.filter((f) => !f.ok)).toEqual([]);

  // A member of round 1's roster passed off as a latecomer (to hide them from its attendance) is caught.
  const early = exported.delegates.find((d) => d.id !== delegateId)!.id;
  const forged = structuredClone(exported);
  const forgedRound = forged.rounds.find((r) => r.ballot.id === first)!;
  Object.assign(forgedRound, { lateMembers: [delegateId, early] });
  expect(verifyExport(forged).ok).toBe(false);
});

test('an open round keeps its roster across a restart', async () => {
  const first = okData(await request(chair, 'ballot:create', classificationBallot({ earlyCloseMinimum: 0 }))).ballotId;
  okData(await request(chair, 'ballot:open', { ballotId: first }));
  const { delegateId } = okData(
    await request(chair, 'delegate:add', { name: 'Người Thay Thế', position: '', group: '' }),
  );
  await h.stop();
  h = await startHarness(h.dataDir);
  chair = (await h.chair(meeting)).socket;
  const token = h.app.hall.meetings.get(meeting.meetingId)!.delegates.get(delegateId)!.token;
  const late = (await h.delegate(token)).socket;
  expect(await vote(late, first, 1)).toMatchObject({ ok: false, error: 'NOT_IN_ROUND' });
  const r1 = okData(await request(chair, 'ballot:close', { ballotId: first }));
  expect(r1.tally.attendance.roster).toBe(3);
});

test('import and replace stay frozen once voting has started; removal too', async () => {
  const first = okData(await request(chair, 'ballot:create', classificationBallot({ earlyCloseMinimum: 0 }))).ballotId;
  okData(await request(chair, 'ballot:open', { ballotId: first }));
  const [someone] = (await chairView()).delegates;
  for (const [event, payload] of [
    ['roster:import', { lines: [{ line: 1, name: 'A', position: 'B', group: '' }], mode: 'append' }],
    ['roster:import', { lines: [{ line: 1, name: 'A', position: 'B', group: '' }], mode: 'replace' }],
    ['delegate:remove', { delegateId: someone!.id }],
  ] as const)
    expect(await request(chair, event, payload as never), event).toMatchObject({ ok: false, error: 'VOTING_STARTED' });
});

test('a secret round is not closed "early" for want of a latecomer’s vote: they cannot vote in it', async () => {
  // The default early-close minimum (10) is far above 3: only a close with everyone voted passes.
  const first = okData(await request(chair, 'ballot:create', classificationBallot())).ballotId;
  okData(await request(chair, 'ballot:open', { ballotId: first }));
  const { delegateId } = okData(
    await request(chair, 'delegate:add', { name: 'Người Đến Muộn', position: '', group: '' }),
  );
  await h.delegate(h.app.hall.meetings.get(meeting.meetingId)!.delegates.get(delegateId)!.token);
  for (const phone of phones) okData(await vote(phone, first, 1));
  const closed = okData(await request(chair, 'ballot:close', { ballotId: first }));
  expect(closed.earlyClose).toBeNull();
  expect(closed.attendance.present).not.toContain(delegateId);
});
