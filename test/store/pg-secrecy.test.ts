// Secrecy at rest on PostgreSQL, after a secret ballot: the rows' transaction ids (xmin) and
// physical order (ctid), the database's files, the WAL and the server log. Nothing may pair a
// delegate (id, name, token, receipt, vote id) with a secret choice. Every delegate's choice is
// unique (its own option), the worst case, and each vote is its own transaction. The controls
// show each scan finding pairs where they exist: the open (named) ballot's rows, and the secret
// round itself while it is open (xmin and WAL), the exposure docs/postgres-store.md describes.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest';
import { secretTableName } from '../../server/src/store/pg-scrub';
import { openPgStore, type PgStore } from '../../server/src/store/pg-store';
import type { BallotRecordRow, CastVote, DelegateRecord } from '../../server/src/store/store';
import { motionBallot } from '../support/ballots';
import { freshDatabase, type TestDatabase } from '../support/postgres';
import {
  orderCorrelation,
  pairsInPages,
  spearman,
  type Fingerprint,
  type Identity,
} from '../faults/support/secrecy-scan';
import { audit, ballotRow, castAudit, delegates, meetingRecord, resultOf, roundRecord, vote } from './support/fixture';

const N = 40;
let db: TestDatabase;
let store: PgStore;
let admin: pg.Client;
let roster: DelegateRecord[];
const votesOf = new Map<string, CastVote[]>();
let secret: BallotRecordRow;
let open: BallotRecordRow;
let dataDir: string;
let dbOid: number;
const before: { xminPairs: number; wal: Buffer[] } = { xminPairs: 0, wal: [] };

const option = () => `o${randomUUID().replaceAll('-', '')}`;
const choiceOf = (v: CastVote) => v.marks.subject![0]!;

/** One vote at a time, each its own transaction, in a shuffled order; returns the votes in that order. */
async function runBallot(ballot: BallotRecordRow): Promise<CastVote[]> {
  await store.createBallot(ballot, audit(ballot.meetingId, 'ballot.created'));
  await store.openRound(
    roundRecord(ballot.id),
    roster.map((d) => d.id),
    audit(ballot.meetingId, 'round.opened'),
    [],
  );
  const order = [...roster].sort(() => Math.random() - 0.5);
  const votes = order.map((d) => vote(ballot, d.id, { subject: [option()] }));
  for (const v of votes) await store.castVote(v, castAudit(v));
  votesOf.set(ballot.id, votes);
  return votes;
}

const filesIn = (dir: string) =>
  readdirSync(dir, { withFileTypes: true })
    .filter((f) => f.isFile())
    .map((f) => readFileSync(join(dir, f.name)));
const walFiles = () => filesIn(join(dataDir, 'pg_wal'));
const pages = (files: readonly Buffer[], size = 8192) =>
  files.flatMap((f) =>
    Array.from({ length: Math.ceil(f.length / size) }, (_, i) => f.subarray(i * size, (i + 1) * size)),
  );

const who = (): Identity[] =>
  roster.map((d) => {
    const own = [...votesOf.values()].flat().filter((v) => v.delegateId === d.id);
    return { delegate: d.id, needles: [d.id, d.name, d.token, ...own.flatMap((v) => [v.voteId, v.receipt])] };
  });
const choices = (b: BallotRecordRow): Fingerprint[] =>
  votesOf.get(b.id)!.map((v) => ({ owner: v.delegateId, needles: [choiceOf(v)] }));

async function secretRows(): Promise<{ xmin: string; id: string; marks: string }[]> {
  const table = `ballot_box.${secretTableName(secret.id, 1)}`;
  return (
    await admin.query<{ xmin: string; id: string; marks: string }>(
      `SELECT xmin::text, id, marks FROM ${table} ORDER BY ctid`,
    )
  ).rows;
}

async function participationXmin(): Promise<Map<string, string>> {
  const { rows } = await admin.query<{ xmin: string; delegate_id: string }>(
    'SELECT xmin::text, delegate_id FROM participation WHERE ballot_id = $1',
    [secret.id],
  );
  return new Map(rows.map((r) => [r.xmin, r.delegate_id]));
}

beforeAll(async () => {
  db = await freshDatabase();
  store = await openPgStore(db.url);
  admin = new pg.Client({ connectionString: db.adminUrl });
  await admin.connect();
  dataDir = join(inject('postgres').dir, 'data');
  dbOid = (await admin.query<{ oid: number }>('SELECT oid FROM pg_database WHERE datname = $1', [db.name])).rows[0]!
    .oid;
  const meeting = meetingRecord();
  roster = delegates(meeting.id, N);
  await store.createMeeting(meeting, roster, audit(meeting.id, 'meeting.created'));
  // The control first, so that the secret ballot is the last thing written.
  open = ballotRow(meeting.id, motionBallot({ title: 'Open', allowChange: false }));
  await runBallot(open);
  await store.closeRound(open.id, 1, 'closed', resultOf(open.id, 1), audit(meeting.id, 'round.closed'));
  secret = ballotRow(meeting.id, motionBallot({ title: 'Secret', secret: true, allowChange: false }));
  await runBallot(secret);
  // While the round is open: what its xmin and the WAL show.
  const xmins = await participationXmin();
  const byChoice = new Map(votesOf.get(secret.id)!.map((v) => [JSON.stringify(v.marks), v.delegateId]));
  before.xminPairs = (await secretRows()).filter((r) => xmins.get(r.xmin) === byChoice.get(r.marks)).length;
  before.wal = walFiles();
  await store.closeRound(secret.id, 1, 'closed', resultOf(secret.id, 1), audit(meeting.id, 'round.closed'));
  // The close is answered at its commit; the old WAL goes right after.
  await store.walDropped();
}, 60_000);

afterAll(async () => {
  await admin?.end();
  await store?.close();
});

describe('transaction ids and row order', () => {
  test('control: while the round is open, xmin pairs every voter with their secret choice', () => {
    expect(before.xminPairs).toBe(N);
  });

  test('after the close the secret rows share one xmin that no participation row has', async () => {
    const rows = await secretRows();
    expect(rows).toHaveLength(N);
    const xmins = new Set(rows.map((r) => r.xmin));
    expect(xmins.size).toBe(1);
    const participation = await participationXmin();
    expect(participation.size).toBe(N);
    expect([...xmins].filter((x) => participation.has(x))).toEqual([]);
  });

  test('after the close the secret rows lie in key order, not in voting order', async () => {
    const rows = await secretRows();
    expect(rows.map((r) => r.id)).toEqual(rows.map((r) => r.id).sort());
    const position = new Map(rows.map((r, i) => [r.marks, i]));
    const voteOrder = votesOf.get(secret.id)!.map((v) => position.get(JSON.stringify(v.marks))!);
    const rho = spearman(
      voteOrder,
      voteOrder.map((_, i) => i),
    );
    expect(Math.abs(rho)).toBeLessThan(0.7);
  });
});

describe('files', () => {
  const database = () => filesIn(join(dataDir, 'base', String(dbOid)));

  test("no page of the database's files puts a delegate next to a secret choice; the open ballot's pages do", () => {
    expect(pairsInPages(pages(database()), who(), choices(secret), 'base')).toEqual([]);
    expect(pairsInPages(pages(database()), who(), choices(open), 'base').length).toBeGreaterThanOrEqual(N);
  });

  test('each secret row is on disk once: no copy of the table the round voted into is left', () => {
    const all = Buffer.concat(database());
    const stored = (owner: string) =>
      JSON.stringify({ subject: [choiceOf(votesOf.get(secret.id)!.find((v) => v.delegateId === owner)!)] });
    const order = votesOf.get(secret.id)!.map((v) => v.delegateId);
    const found = orderCorrelation(all, stored, order);
    expect(found.found).toBe(N);
    expect(found.copies).toBe(1);
  });

  test('control: before the close the WAL pairs voters with their secret choices', () => {
    expect(pairsInPages(before.wal, who(), choices(secret), 'wal', 512).length).toBeGreaterThanOrEqual(N);
  });

  test('after the close no secret choice is left in the WAL', () => {
    const wal = Buffer.concat(walFiles());
    expect(choices(secret).filter((c) => wal.includes(c.needles[0]!))).toEqual([]);
  });

  test('the server log names no choice', () => {
    const log = readFileSync(join(inject('postgres').dir, 'postgres.log'), 'utf8');
    for (const b of [secret, open]) expect(choices(b).filter((c) => log.includes(c.needles[0]!))).toEqual([]);
  });
});
