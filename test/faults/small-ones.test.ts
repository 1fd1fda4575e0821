// The small ones: a badge token in an odd spelling of its path must not reach the log; a guessable
// ADMIN_TOKEN is refused at start; members removed by a roster replace lose their phones' connection
// at once; and ids chosen by clients that are also Object.prototype's names ("constructor") are
// refused or counted like any other id, never an INTERNAL error.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request as httpRequest } from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CLASSIFICATION_LEVELS, type BallotDefinition } from '@hallvote/shared';
import { ChildServer } from '../support/child-server';
import { rosterCsv, rosterLines, startHarness, type Harness } from '../support/harness';
import { okData, request, type Client } from '../support/request';
import { badgeTokens, createMeetingHttp } from './support/hall-client';
import { sleep, waitFor } from './support/random';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** GET with the path sent exactly as written (fetch would normalise it). */
function rawGet(url: string, path: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ hostname, port, path, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

test('a badge token never reaches the log, however its path is spelt', async () => {
  const server = await ChildServer.start({ logLevel: 'info' });
  try {
    const meeting = await createMeetingHttp(server.url, server.adminToken, { rosterCsv: rosterCsv(2) });
    const [token] = await badgeTokens(server.url, meeting);
    const spellings = [
      `/d/${token}`,
      `/D/${token}`,
      `/d//${token}`,
      `//d/${token}`,
      `/%64/${token}`,
      `/d/%2F${token}`,
      `/./d/${token}`,
      `/x/../d/${token}`,
      `/d/${token}/`,
      `/d/${token}?x=1`,
      `/D%2f${token}`,
      `/assets/${token}`,
    ];
    for (const path of spellings) await rawGet(server.url, path);
    await sleep(200);
    const leaked = server.stdout.split('\n').filter((line) => line.includes(token!));
    expect(leaked).toEqual([]);
  } finally {
    await server.stop();
    server.cleanup();
  }
});

test('ADMIN_TOKEN=hall2025 is refused at start with a message that says why', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hallvote-weak-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: '0',
      DATA_DIR: dataDir,
      ADMIN_TOKEN: 'hall2025',
      LOG_LEVEL: 'silent',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
  child.stderr.setEncoding('utf8').on('data', (c: string) => (out += c));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(null);
    }, 20_000);
    child.once('exit', (c) => {
      clearTimeout(timer);
      resolve(c);
    });
    // A server that started anyway prints its banner: that is the failure.
    child.stdout.on('data', () => {
      if (out.includes('hallvote is running')) child.kill('SIGKILL');
    });
  });
  rmSync(dataDir, { recursive: true, force: true });
  expect(out).not.toContain('hallvote is running');
  expect(code).not.toBe(0);
  expect(out).toMatch(/ADMIN_TOKEN/);
  expect(out).toMatch(/128 bits/);
});

describe('in-process', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    await h.stop();
    h.cleanup();
  });

  test('members removed by a roster replace are disconnected at once and hear nothing more', async () => {
    const meeting = await h.createMeeting({ rosterCsv: rosterCsv(4) });
    const chair = (await h.chair(meeting)).socket;
    const phones: Client[] = [];
    for (const token of h.tokens(meeting.meetingId)) phones.push((await h.delegate(token)).socket);
    const heard: string[] = [];
    phones.forEach((p) => p.onAny((event: string) => heard.push(event)));
    okData(await request(chair, 'roster:import', { lines: rosterLines(rosterCsv(5)), mode: 'replace' }));
    await waitFor(() => phones.every((p) => !p.connected), 2000, 'every removed phone disconnected').catch(
      () => undefined,
    );
    expect(phones.filter((p) => p.connected).length, 'removed phones still connected').toBe(0);
    for (const token of h.tokens(meeting.meetingId).slice(0, 4)) await h.delegate(token);
    const { ballotId } = okData(
      await request(chair, 'ballot:create', {
        title: 'After the replace',
        kind: 'choice',
        secret: true,
        subjects: [{ id: 'province', label: 'P' }],
        options: [...CLASSIFICATION_LEVELS],
      }),
    );
    okData(await request(chair, 'ballot:open', { ballotId }));
    await sleep(300);
    expect(
      heard.filter((e) => e === 'ballot:updated'),
      'ballots heard by removed phones',
    ).toEqual([]);
  });

  test("ids named like Object.prototype's properties: a valid vote is stored, an invalid one is INVALID_VOTE, never INTERNAL", async () => {
    const meeting = await h.createMeeting({ rosterCsv: rosterCsv(3) });
    const chair = (await h.chair(meeting)).socket;
    const phones: Client[] = [];
    for (const token of h.tokens(meeting.meetingId)) phones.push((await h.delegate(token)).socket);
    const prototypeNames = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf'];
    const def: BallotDefinition = {
      title: 'Prototype names',
      kind: 'batch',
      secret: true,
      subjects: [...prototypeNames, 'unit'].map((id) => ({ id, label: id })),
      options: [...CLASSIFICATION_LEVELS],
      allowChange: false,
      interimForChair: false,
      earlyCloseMinimum: 0,
    };
    const { ballotId } = okData(await request(chair, 'ballot:create', def));
    okData(await request(chair, 'ballot:open', { ballotId }));
    const cast = (phone: Client, marks: Record<string, string[]>) =>
      request(phone, 'vote:cast', { ballotId, round: 1, voteId: randomUUID(), marks });
    // Rows left out are empty rows of a batch: a valid ballot.
    const answers = [
      await cast(phones[0]!, { unit: ['good'] }),
      await cast(phones[1]!, { constructor: ['toString'] }),
      await cast(phones[1]!, { unit: ['constructor'] }),
      await cast(phones[1]!, { constructor: ['good'], toString: ['excellent'] }),
    ];
    expect(answers.map((a) => (a.ok ? 'ok' : a.error))).toEqual(['ok', 'INVALID_VOTE', 'INVALID_VOTE', 'ok']);
    const closed = await request(chair, 'ballot:close', { ballotId });
    expect(closed.ok ? closed.data.tally.ballots.valid : closed.error).toBe(2);
    const paper = await request(chair, 'paper:record-totals', {
      ballotId,
      round: 1,
      totals: { returned: 1, invalid: [], subjects: { constructor: { counts: { good: 1 }, empty: 0 } } },
    });
    expect(paper.ok ? 'ok' : paper.error).toBe('ok');
    const wrong = await request(chair, 'paper:record-totals', {
      ballotId,
      round: 1,
      totals: { returned: 1, invalid: [], subjects: { unit: { counts: { constructor: 1 }, empty: 0 } } },
    });
    expect(wrong.ok ? 'ok' : wrong.error).toBe('INVALID_VOTE');
  });
});
