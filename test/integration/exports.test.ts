// Exports, seal, verify, audit chain and paper ballots, on the hall story's first ballot.
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CreateMeetingResponse, MeetingExport, RoundExport } from '@hallvote/shared';
import { verifyExport } from '../../server/src/features/exports/verify-export';
import { classificationBallot } from '../support/ballots';
import { rosterCsv, startHarness, TEST_STORE, type Harness } from '../support/harness';
import { okData, request, type Client } from '../support/request';

let h: Harness;
let meeting: CreateMeetingResponse;
let chair: Client;
let ballotId: string;
let phones: Client[];

const get = (path: string) => fetch(`${h.url}${path}`, { headers: { authorization: `Bearer ${meeting.chairKey}` } });
const exportJson = async () =>
  (await (await get(`/api/meetings/${meeting.meetingId}/export.json`)).json()) as MeetingExport;

beforeAll(async () => {
  h = await startHarness();
  meeting = await h.createMeeting({ rosterCsv: rosterCsv(53) });
  chair = (await h.chair(meeting)).socket;
  const tokens = h.tokens(meeting.meetingId);
  phones = await Promise.all(tokens.slice(0, 48).map(async (t) => (await h.delegate(t)).socket));
  // Delegate 49 has no phone: present by paper attendance, votes on paper.
  const state = h.app.hall.meetings.get(meeting.meetingId)!;
  const paperVoter = [...state.delegates.values()].find((d) => d.token === tokens[48])!;
  okData(await request(chair, 'attendance:mark', { delegateId: paperVoter.id, status: 'present' }));
  ballotId = okData(
    await request(chair, 'ballot:create', classificationBallot({ title: '=HYPERLINK("evil")' })),
  ).ballotId;
  okData(await request(chair, 'ballot:open', { ballotId }));
  okData(await request(chair, 'paper:mark-voted', { ballotId, delegateId: paperVoter.id }));
  await Promise.all(
    phones.map((p) =>
      request(p, 'vote:cast', { ballotId, round: 1, voteId: randomUUID(), marks: { province: ['good'] } }),
    ),
  ).then((acks) => acks.forEach(okData));
  okData(await request(chair, 'ballot:close', { ballotId }));
  const recount = okData(
    await request(chair, 'paper:record-totals', {
      ballotId,
      round: 1,
      totals: { returned: 1, invalid: [], subjects: { province: { counts: { excellent: 1 }, empty: 0 } } },
    }),
  );
  expect(recount?.tally.ballots.returned).toBe(49);
  okData(await request(chair, 'ballot:publish', { ballotId }));
});

afterAll(async () => {
  await h.stop();
  h.cleanup();
});

describe('round export and minutes numbers', () => {
  test('48 good online, 1 excellent on paper: good adopted, 90.57 % of 53, sealed', async () => {
    const r = (await (await get(`/api/meetings/${meeting.meetingId}/rounds/${ballotId}/1.json`)).json()) as RoundExport;
    const t = r.result!.tally;
    expect(t.ballots).toMatchObject({ issued: 49, returned: 49, valid: 49, invalid: 0 });
    expect(t.subjects[0]!.outcome).toEqual({ type: 'adopted', optionId: 'good' });
    expect(t.subjects[0]!.counts.map((c) => [c.optionId, c.votes, c.percent?.text])).toEqual([
      ['excellent', 1, '1.89'],
      ['good', 48, '90.57'],
      ['completed', 0, '0.00'],
      ['not-completed', 0, '0.00'],
    ]);
    expect(r.records).toHaveLength(48);
    expect(r.paperVoters).toBe(1);
    expect(r.receipts).toHaveLength(48);
    expect(r.namedVotes).toBeNull();
    expect(r.result!.seal).toMatch(/^[0-9a-f]{64}$/);
  });

  test('a paper voter cannot also vote online', async () => {
    const state = h.app.hall.meetings.get(meeting.meetingId)!;
    const paperVoter = [...state.delegates.values()][48]!;
    const phone = (await h.delegate(paperVoter.token)).socket;
    okData(await request(chair, 'ballot:revote', { ballotId }));
    okData(await request(chair, 'ballot:open', { ballotId }));
    okData(await request(chair, 'paper:mark-voted', { ballotId, delegateId: paperVoter.id }));
    const ack = await request(phone, 'vote:cast', {
      ballotId,
      round: 2,
      voteId: randomUUID(),
      marks: { province: ['good'] },
    });
    expect(ack).toMatchObject({ ok: false, error: 'ALREADY_VOTED' });
    okData(await request(chair, 'ballot:cancel', { ballotId }));
  });

  test('a cancelled ballot can be voted on again; an open round exports no records, a cancelled one none left', async () => {
    okData(await request(chair, 'ballot:revote', { ballotId }));
    const round = okData(await request(chair, 'ballot:open', { ballotId })).round;
    expect(round).toBe(3);
    okData(
      await request(phones[0]!, 'vote:cast', { ballotId, round, voteId: randomUUID(), marks: { province: ['good'] } }),
    );
    const open = (await (
      await get(`/api/meetings/${meeting.meetingId}/rounds/${ballotId}/${round}.json`)
    ).json()) as RoundExport;
    expect(open.state).toBe('open');
    expect(open.records).toEqual([]);
    expect(open.result).toBeNull();
    okData(await request(chair, 'ballot:cancel', { ballotId }));
    const cancelled = (await (
      await get(`/api/meetings/${meeting.meetingId}/rounds/${ballotId}/${round}.json`)
    ).json()) as RoundExport;
    // Cancelling destroyed the one ballot unseen (attack-secret-unmasking.test.ts).
    expect(cancelled.state).toBe('cancelled');
    expect(cancelled.records).toEqual([]);
    expect(cancelled.destroyed).toBe(1);
  });

  test('CSV: UTF-8 BOM, online and paper apart, formulas neutralised', async () => {
    const res = await get(`/api/meetings/${meeting.meetingId}/rounds/${ballotId}/1.csv`);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    expect(text).toContain('count,Đảng bộ tỉnh 2023,,Good,48,0,48,90.57,eligible 53,adopted');
    expect(text).toContain('count,Đảng bộ tỉnh 2023,,Excellent,0,1,1,1.89,eligible 53,');
    const attendance = new TextDecoder('utf-8', { ignoreBOM: true }).decode(
      new Uint8Array(await (await get(`/api/meetings/${meeting.meetingId}/attendance.csv`)).arrayBuffer()),
    );
    expect(attendance.charCodeAt(0)).toBe(0xfeff);
    expect(attendance).toContain('Đại biểu 1,Đơn vị 1,A,present,phone');
  });

  test('a cell that starts like a formula is neutralised', async () => {
    const { neutralise } = await import('../../server/src/features/exports/csv');
    expect(['=1+1', '+1', '-2', '@SUM(A1)', 'plain', '\tx'].map(neutralise)).toEqual([
      "'=1+1",
      "'+1",
      "'-2",
      "'@SUM(A1)",
      'plain',
      "'\tx",
    ]);
  });
});

describe('verify', () => {
  test('the export as served matches: seals, tallies and the audit chain', async () => {
    const data = await exportJson();
    const report = verifyExport(data);
    expect(report.findings.filter((f) => !f.ok)).toEqual([]);
    expect(report.ok).toBe(true);
    expect(data.audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'meeting.created',
        'attendance.present',
        'ballot.created',
        'round.opened',
        'vote.cast',
        'vote.paper',
        'round.closed',
        'paper.totals',
        'round.retallied',
        'round.published',
        'round.cancelled',
      ]),
    );
  });

  test('a changed vote is detected', async () => {
    const data = await exportJson();
    const r = data.rounds[0] as unknown as { records: Record<string, string[]>[] };
    r.records[0] = { province: ['excellent'] };
    const report = verifyExport(data);
    expect(report.ok).toBe(false);
    expect(report.findings.filter((f) => !f.ok).map((f) => f.where)).toEqual(
      expect.arrayContaining([expect.stringContaining('seal'), expect.stringContaining('tally')]),
    );
  });

  test('a removed ballot is detected', async () => {
    const data = await exportJson();
    (data.rounds[0] as unknown as { records: unknown[] }).records.pop();
    expect(verifyExport(data).findings.find((f) => f.where.endsWith('tally'))?.detail).toContain('returned');
  });

  test('an edited, a removed and a reordered audit entry are each detected', async () => {
    const edited = await exportJson();
    (edited.audit[1] as { details: Record<string, unknown> }).details = { delegateId: 'someone-else' };
    expect(
      verifyExport(edited)
        .findings.filter((f) => !f.ok)
        .map((f) => f.detail)
        .join(),
    ).toContain('edited');

    const removed = await exportJson();
    (removed.audit as unknown[]).splice(3, 1);
    expect(verifyExport(removed).ok).toBe(false);

    const reordered = await exportJson();
    const a = reordered.audit as unknown[];
    [a[4], a[5]] = [a[5], a[4]];
    expect(verifyExport(reordered).findings.filter((f) => !f.ok).length).toBeGreaterThan(0);
  });

  // SQLite's file; both stores' refusals are in test/store/contract.test.ts.
  test.skipIf(TEST_STORE !== 'sqlite')('the database refuses to edit or delete audit entries', () => {
    const db = new Database(h.dbFile);
    expect(() => db.prepare(`UPDATE audit SET action = 'x' WHERE seq = 1`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM audit`).run()).toThrow(/append-only/);
    db.close();
  });

  test('the chair reads the audit log; it holds no secret ballot content', async () => {
    const entries = okData(await request(chair, 'audit:list', {}));
    expect(entries.length).toBeGreaterThan(50);
    const votes = entries.filter((e) => e.action === 'vote.cast' && e.details.round === 1);
    expect(votes).toHaveLength(48);
    // Only a counted result names a level: its outcome, in the close, re-tally and publish entries.
    const results = ['round.closed', 'round.retallied', 'round.published'];
    expect(JSON.stringify(entries.filter((e) => !results.includes(e.action)))).not.toMatch(/"good"|"excellent"/);
  });
});
