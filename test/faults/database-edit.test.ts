// Attack 5 of issue 12: an operator edits the database file between two server processes. After a
// published 11 yes / 19 no (rejected), `paper_totals` and `rounds.result` are rewritten to 17 / 13
// (adopted) with the shared tally, the audit log left byte for byte as it was, and the server
// started again. The server checks itself at start-up and refuses to serve that meeting, saying
// what differs, instead of showing the forged result on the projector.
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  PROTOCOL_VERSION,
  RULE_PRESETS,
  tally,
  type BallotDefinition,
  type CreateMeetingResponse,
  type PaperTotals,
  type ProjectorSnapshot,
  type RoundResult,
} from '@hallvote/shared';
import { motionBallot } from '../support/ballots';
import { ChildServer } from '../support/child-server';
import { rosterCsv, rosterLines } from '../support/harness';
import { okData, request, type Client } from '../support/request';

let server: ChildServer;
const sockets: Client[] = [];

function open(auth: Record<string, unknown>): Promise<{ socket: Client; snapshot: unknown }> {
  return new Promise((resolve, reject) => {
    const s: Client = connect(server.url, {
      auth: { protocol: PROTOCOL_VERSION, ...auth },
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    sockets.push(s);
    s.once('snapshot', (snapshot) => resolve({ socket: s, snapshot }));
    s.once('connect_error', reject);
  });
}

const paper = (yes: number, no: number): PaperTotals => ({
  returned: yes + no,
  invalid: [],
  subjects: { motion: { counts: { yes, no }, empty: 0 } },
});

beforeAll(async () => {
  server = await ChildServer.start();
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.stop();
  server?.cleanup();
});

describe('an edit of the database file between two server processes', () => {
  let meeting: CreateMeetingResponse;

  test('11 yes / 19 no, rejected, is published', async () => {
    const res = await fetch(`${server.url}/api/meetings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}` },
      body: JSON.stringify({ title: 'Edited', rulePresetId: 'simple-majority', roster: rosterLines(rosterCsv(30)) }),
    });
    meeting = ((await res.json()) as { data: CreateMeetingResponse }).data;
    const chair = (await open({ role: 'chair', meetingId: meeting.meetingId, key: meeting.chairKey })).socket;
    const db = new Database(server.dbFile, { readonly: true });
    const delegates = db.prepare('SELECT id, token FROM delegates ORDER BY ordinal').all() as {
      id: string;
      token: string;
    }[];
    db.close();
    const phones = [];
    for (const d of delegates.slice(0, 20)) phones.push((await open({ role: 'delegate', token: d.token })).socket);
    const { ballotId } = okData(
      await request(chair, 'ballot:create', motionBallot({ secret: true, allowChange: false })),
    );
    for (const d of delegates.slice(20))
      okData(await request(chair, 'attendance:mark', { delegateId: d.id, status: 'present' }));
    okData(await request(chair, 'ballot:open', { ballotId }));
    for (const [i, phone] of phones.entries())
      okData(
        await request(phone, 'vote:cast', {
          ballotId,
          round: 1,
          voteId: randomUUID(),
          marks: { motion: [i < 7 ? 'yes' : 'no'] },
        }),
      );
    for (const d of delegates.slice(20))
      okData(await request(chair, 'paper:mark-voted', { ballotId, delegateId: d.id }));
    okData(await request(chair, 'paper:record-totals', { ballotId, round: 1, totals: paper(4, 6) }));
    const result = okData(await request(chair, 'ballot:close', { ballotId }));
    expect(result.tally.subjects[0]!.counts.map((c) => c.votes)).toEqual([11, 19, 0]);
    expect(result.tally.subjects[0]!.outcome).toEqual({ type: 'rejected' });
    okData(await request(chair, 'ballot:publish', { ballotId }));
    for (const s of sockets.splice(0)) s.disconnect();
    expect(await server.stop()).toBe(0);
  });

  test('paper_totals and rounds.result rewritten to 17 / 13: the restarted server refuses the meeting and says why', async () => {
    const db = new Database(server.dbFile);
    const auditBefore = JSON.stringify(db.prepare('SELECT * FROM audit ORDER BY seq').all());
    const row = db.prepare('SELECT ballot_id, result FROM rounds').get() as { ballot_id: string; result: string };
    const definition = JSON.parse(
      (db.prepare('SELECT definition FROM ballots WHERE id = ?').get(row.ballot_id) as { definition: string })
        .definition,
    ) as BallotDefinition;
    const stored = JSON.parse(row.result) as RoundResult;
    const records = (db.prepare('SELECT marks FROM secret_ballots').all() as { marks: string }[]).map((r) => ({
      marks: JSON.parse(r.marks) as Record<string, string[]>,
    }));
    const forgedPaper = paper(10, 0);
    const forged = tally({
      rules: RULE_PRESETS['simple-majority'],
      ballot: { kind: definition.kind, subjects: definition.subjects, options: definition.options },
      attendance: stored.tally.attendance,
      issued: stored.tally.ballots.issued,
      records,
      paper: forgedPaper,
      paperVoters: 10,
    });
    expect(forged.subjects[0]!.counts.map((c) => c.votes)).toEqual([17, 13, 0]);
    db.prepare('UPDATE paper_totals SET totals = ?').run(JSON.stringify(forgedPaper));
    db.prepare('UPDATE rounds SET result = ?').run(JSON.stringify({ ...stored, tally: forged }));
    expect(JSON.stringify(db.prepare('SELECT * FROM audit ORDER BY seq').all())).toBe(auditBefore);
    db.close();

    await server.restart();
    const refused = await open({ role: 'projector', meetingId: meeting.meetingId, key: meeting.projectorKey }).then(
      ({ snapshot }) => ({ snapshot: snapshot as ProjectorSnapshot, error: null }),
      (error: Error & { data?: unknown }) => ({ snapshot: null, error }),
    );
    expect(refused.snapshot?.result?.tally.subjects[0]?.counts.map((c) => c.votes) ?? 'refused').toBe('refused');
    // The refusal is a code with parameters (what differs, counted; the round it is in), no sentence.
    expect(refused.error?.message).toBe('STATE_MISMATCH');
    expect(refused.error?.data).toMatchObject({
      ok: false,
      error: 'STATE_MISMATCH',
      params: { rounds: [{ round: 1 }], auditLog: false },
    });
    // The operator who starts the server is told, in the banner, which meeting and what differs.
    expect(server.stdout).toMatch(/refus/i);
    expect(server.stdout).toContain(meeting.meetingId);
    expect(server.stdout).toMatch(/seal/);
  });
});
