// Secrecy after a secret ballot, on a real server in a child process (LOG_LEVEL=debug): the
// database file and its WAL (byte by byte, and by the physical order of rows), the log, and every
// export. Nothing may pair a delegate (id, name, token, receipt, vote id) with a choice. The same
// scans run on an open (named) ballot in the same meeting, where they must find the pairs: that
// is what shows they can fail. Each delegate's choice is unique (one option each, 40 options), so
// a choice identifies its voter exactly, the worst case for secrecy.
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { BallotDefinition, ChairSnapshot, CreateMeetingResponse } from '@hallvote/shared';
import type { Client } from '../support/request';
import { ChildServer } from '../support/child-server';
import { badgeTokens, connectRole, createMeetingHttp, must } from './support/hall-client';
import { connectPhones, type Phone } from './support/phone';
import { faultSeed, seededRandom, type Random } from './support/random';
import {
  orderCorrelation,
  pageSizeOf,
  pagesOf,
  pairsInJson,
  pairsInLines,
  pairsInPages,
  type Fingerprint,
  type Identity,
} from './support/secrecy-scan';

const N = 40;
const seed = faultSeed();
const rnd = seededRandom(seed);

let server: ChildServer;
let meeting: CreateMeetingResponse;
let chair: Client;
let phones: Phone[] = [];
const word = (r: Random) => Array.from({ length: 7 }, () => r.pick([...'bcdfghjklmnpqrstvwxz'])).join('');

interface Ballot {
  readonly id: string;
  /** delegate id → the option id and label they chose */
  readonly choice: Map<string, { id: string; label: string }>;
  /** delegate ids in the order they voted */
  readonly voteOrder: string[];
}
let secret: Ballot;
let open: Ballot;
const identities = new Map<string, string[]>();
let rosterOrder: string[] = [];
const files: Record<string, Buffer | string> = {};

/** Runs a ballot where each delegate picks a different option; votes one at a time (one commit each). */
async function runBallot(isSecret: boolean): Promise<Ballot> {
  const prefix = isSecret ? 's' : 'o';
  const options = Array.from({ length: N }, () => ({
    id: `${prefix}${randomUUID().replaceAll('-', '').slice(0, 16)}`,
    label: `Phương án ${word(rnd)}`,
  }));
  const def: BallotDefinition = {
    title: isSecret ? 'Secret' : 'Open',
    kind: 'choice',
    secret: isSecret,
    subjects: [{ id: 'subject', label: 'Subject' }],
    options,
    allowChange: false,
    interimForChair: false,
  };
  const { ballotId } = (await must(chair, 'ballot:create', def)).data;
  await must(chair, 'ballot:open', { ballotId });
  const assigned = rnd.shuffle(options);
  const choice = new Map(phones.map((p, i) => [p.delegateId!, assigned[i]!]));
  const voteOrder: string[] = [];
  for (const phone of rnd.shuffle(phones)) {
    const held = phone.cast({
      ballotId,
      round: 1,
      voteId: randomUUID(),
      marks: { subject: [choice.get(phone.delegateId!)!.id] },
    });
    while (held.fate.state === 'pending') await new Promise((r) => setTimeout(r, 2));
    if (held.fate.state !== 'acked') throw new Error(`vote refused: ${JSON.stringify(held.fate)}`);
    identities.get(phone.delegateId!)!.push(held.payload.voteId, held.fate.receipt);
    voteOrder.push(phone.delegateId!);
  }
  await must(chair, 'ballot:close', { ballotId });
  await must(chair, 'ballot:publish', { ballotId });
  return { id: ballotId, choice, voteOrder };
}

const get = async (path: string) => {
  const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${meeting.chairKey}` } });
  expect(res.status, path).toBe(200);
  return res.text();
};

const readDatabase = (label: string) => {
  for (const suffix of ['', '-wal', '-shm']) {
    const file = `${server.dbFile}${suffix}`;
    files[`${label}${suffix || '.db'}`] = existsSync(file) ? readFileSync(file) : Buffer.alloc(0);
  }
};

beforeAll(async () => {
  server = await ChildServer.start({ logLevel: 'debug' });
  const names = new Set<string>();
  while (names.size < N) names.add(`Đại biểu ${word(rnd)}`);
  const csv = [...names].map((n) => `${n},Ủy viên,A`).join('\n');
  meeting = await createMeetingHttp(server.url, server.adminToken, { rosterCsv: csv });
  const tokens = await badgeTokens(server.url, meeting);
  chair = (await connectRole(server.url, { role: 'chair', meetingId: meeting.meetingId, key: meeting.chairKey }))
    .socket;
  phones = await connectPhones(server.url, tokens);
  const roster = ((await must(chair, 'sync:request', {})).data as ChairSnapshot).delegates;
  rosterOrder = roster.map((d) => d.id);
  phones.forEach((p, i) =>
    identities.set(p.delegateId!, [p.delegateId!, roster.find((d) => d.id === p.delegateId)!.name, tokens[i]!]),
  );
  // The control first, so that the secret ballot is the last thing written.
  open = await runBallot(false);
  secret = await runBallot(true);
  for (const [name, path] of [
    ['export.json', `/api/meetings/${meeting.meetingId}/export.json`],
    ['secret.json', `/api/meetings/${meeting.meetingId}/rounds/${secret.id}/1.json`],
    ['secret.csv', `/api/meetings/${meeting.meetingId}/rounds/${secret.id}/1.csv`],
    ['open.json', `/api/meetings/${meeting.meetingId}/rounds/${open.id}/1.json`],
    ['open.csv', `/api/meetings/${meeting.meetingId}/rounds/${open.id}/1.csv`],
    ['attendance.csv', `/api/meetings/${meeting.meetingId}/attendance.csv`],
    ['attendance.json', `/api/meetings/${meeting.meetingId}/attendance.json`],
  ] as const)
    files[name] = await get(path);
  readDatabase('running');
  // kill -9 leaves the WAL as it is on disk: nothing gets a chance to tidy up.
  await server.kill9();
  readDatabase('killed');
  files.log = server.stdout;
}, 120_000);

afterAll(async () => {
  chair?.close();
  phones.forEach((p) => p.close());
  await server?.stop();
  server?.cleanup();
});

const who = (): Identity[] => [...identities].map(([delegate, needles]) => ({ delegate, needles }));
const choicesOf = (b: Ballot): Fingerprint[] =>
  [...b.choice].map(([owner, c]) => ({ owner, needles: [c.id, c.label] }));
const bytesOf = (label: string) => files[label] as Buffer;
const pages = (label: string) => {
  const db = bytesOf(`${label}.db`);
  const size = pageSizeOf(db);
  return [...pagesOf(db, size, false), ...pagesOf(bytesOf(`${label}-wal`), size, true)];
};
/** How a choice is stored in a ballot row: the marks JSON. */
const storedAs = (b: Ballot) => (owner: string) => `["${b.choice.get(owner)!.id}"]`;

describe.each(['running', 'killed'] as const)('database bytes (%s server)', (label) => {
  test('no page puts a delegate next to a secret choice; the open ballot control does', () => {
    expect(pairsInPages(pages(label), who(), choicesOf(secret), label), `seed ${seed}`).toEqual([]);
    expect(pairsInPages(pages(label), who(), choicesOf(open), label).length).toBeGreaterThanOrEqual(N);
  });

  test('secret rows are not laid out in voting order, and no old copy of one is left; the control is', () => {
    const all = Buffer.concat([bytesOf(`${label}.db`), bytesOf(`${label}-wal`)]);
    const s = orderCorrelation(all, storedAs(secret), secret.voteOrder);
    expect(s.found).toBe(N);
    expect(Math.abs(s.rho ?? 1), `rho ${s.rho}, seed ${seed}`).toBeLessThan(0.7);
    expect(s.copies, 'each secret row is on disk once (no older page versions)').toBe(1);
    const o = orderCorrelation(bytesOf(`${label}.db`), storedAs(open), open.voteOrder);
    expect(Math.abs(o.rho ?? 0), 'the open ballot rows are in insertion order: the scan sees order').toBeGreaterThan(
      0.9,
    );
  });
});

describe('log (LOG_LEVEL=debug)', () => {
  test('no line names a delegate and a choice, and no secret choice is logged at all', () => {
    const log = files.log as string;
    expect(log.split('\n').length).toBeGreaterThan(10);
    expect(log).toContain('round closed');
    expect(pairsInLines(log, who(), choicesOf(secret), 'log')).toEqual([]);
    expect(pairsInLines(log, who(), choicesOf(open), 'log')).toEqual([]);
    for (const c of secret.choice.values()) expect(log).not.toContain(c.id);
  });

  test('control: the line scan finds a pair when a line has one', () => {
    const [delegate, needles] = [...identities][0]!;
    const line = JSON.stringify({ msg: 'vote', delegateId: needles[0], marks: [secret.choice.get(delegate)!.id] });
    expect(pairsInLines(`x\n${line}\ny`, who(), choicesOf(secret), 'log')).toHaveLength(1);
  });
});

describe('exports', () => {
  test.each(['export.json', 'secret.json', 'attendance.json'])('%s pairs nobody with a secret choice', (name) => {
    const json = JSON.parse(files[name] as string) as unknown;
    expect(pairsInJson(json, who(), choicesOf(secret), name)).toEqual([]);
  });

  test('control: the open round and the whole export do pair every delegate with their named vote', () => {
    expect(pairsInJson(JSON.parse(files['open.json'] as string), who(), choicesOf(open), 'open.json')).toHaveLength(N);
    expect(pairsInJson(JSON.parse(files['export.json'] as string), who(), choicesOf(open), 'export.json')).toHaveLength(
      N,
    );
  });

  test('the secret records are in neither voting nor roster order', () => {
    const records = JSON.stringify((JSON.parse(files['secret.json'] as string) as { records: unknown }).records);
    const text = Buffer.from(records);
    for (const order of [secret.voteOrder, rosterOrder]) {
      const r = orderCorrelation(text, storedAs(secret), order);
      expect(r.found).toBe(N);
      expect(Math.abs(r.rho ?? 1), `rho ${r.rho}, seed ${seed}`).toBeLessThan(0.7);
    }
  });

  test.each(['secret.csv', 'attendance.csv', 'open.csv'])(
    '%s has no line naming a delegate and a secret choice',
    (name) => {
      expect(pairsInLines(files[name] as string, who(), choicesOf(secret), name)).toEqual([]);
      expect((files[name] as string).length).toBeGreaterThan(50);
    },
  );
});
