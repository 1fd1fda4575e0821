// Join codes typed at /j on three nodes behind HAProxy (issue 15's fallback to the QR code, on issue
// 18's cluster). A code names no meeting, so HAProxy sends it to any node: every node must find every
// badge (in the store) and send the phone to the meeting's address, which HAProxy routes to the node
// that runs it. And the budget of wrong codes is one for the whole cluster, not one per node: wrong
// codes spread over the nodes are refused past the limits README states.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { CreateMeetingResponse, DelegateSnapshot } from '@hallvote/shared';
import { formatJoinCode, joinCodeOf } from '../../server/src/features/badges/join-code';
import { JOIN_GUESSES } from '../../server/src/features/badges/join-code-limit';
import { rosterCsv } from '../support/harness';
import { badgeTokens, connectRole, createMeetingHttp } from '../faults/support/hall-client';
import { ownerOf, startTestCluster, type TestCluster } from './support/cluster-fixture';

let t: TestCluster;
let meeting: CreateMeetingResponse;
let tokens: string[];
let owner: string;

beforeAll(async () => {
  t = await startTestCluster();
  meeting = await createMeetingHttp(t.cluster.url, t.adminToken, { rosterCsv: rosterCsv(6) });
  tokens = await badgeTokens(t.cluster.url, meeting);
  owner = (await ownerOf(t.db, meeting.meetingId))!;
});
afterAll(async () => {
  await t?.stop();
});

interface Answer {
  readonly status: number;
  readonly location: string;
}

/** POST /j at `url` from a loopback address of our choice (the whole of 127.0.0.0/8 is this machine). */
function postCode(url: string, code: string, from = '127.0.0.1'): Promise<Answer> {
  const { hostname, port } = new URL(url);
  const body = new URLSearchParams({ code }).toString();
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: hostname,
        port,
        path: '/j',
        method: 'POST',
        localAddress: from,
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'accept-language': 'en' },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, location: res.headers.location ?? '' }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const nodeUrls = () => t.cluster.nodes.map((n) => n.url);
const codeOf = (token: string) => formatJoinCode(joinCodeOf(token));
/** A code no badge of the meeting has. */
function wrongCode(): string {
  const taken = new Set(tokens.map(joinCodeOf));
  for (const c of ['22222222', '33333333', '44444444']) if (!taken.has(c)) return formatJoinCode(c);
  throw new Error('unreachable');
}

describe('a code typed at any node', () => {
  test('every node, the meeting’s or not, sends the phone to the badge at the meeting’s address', async () => {
    expect(owner).toMatch(/^n[123]$/);
    const token = tokens[1]!;
    for (const [i, url] of nodeUrls().entries()) {
      const res = await postCode(url, codeOf(token));
      expect(res, `node n${i + 1} (the meeting's: ${owner})`).toEqual({
        status: 303,
        location: `/d/${token}?m=${meeting.meetingId}`,
      });
    }
  });

  test('through HAProxy, each try (round robin over the nodes) reaches the badge on the meeting’s node', async () => {
    for (const [i, token] of tokens.slice(0, 3).entries()) {
      const res = await postCode(t.cluster.url, codeOf(token));
      expect(res, `badge ${i}`).toMatchObject({ status: 303 });
      // The phone follows the address: the badge page and its socket, routed by `m` to the owner.
      const target = new URL(res.location, t.cluster.url);
      expect(target.pathname).toBe(`/d/${token}`);
      const m = target.searchParams.get('m')!;
      expect(m).toBe(meeting.meetingId);
      const phone = await connectRole(t.cluster.url, { role: 'delegate', token }, { meetingId: m });
      try {
        const snapshot = phone.snapshot as DelegateSnapshot;
        expect(snapshot.role).toBe('delegate');
        expect(snapshot.me.name).toBe(`Đại biểu ${i + 1}`);
      } finally {
        phone.socket.close();
      }
    }
    // Nobody took the meeting from its node.
    expect(await ownerOf(t.db, meeting.meetingId)).toBe(owner);
  });
});

// These two spend the cluster's budget, in this order: the first 5 wrong codes, the second the rest.
describe('one budget of wrong codes for the whole cluster', () => {
  test('an address: 5 wrong codes spread over the nodes, then even the right code is refused on every node', async () => {
    const from = '127.0.3.1';
    const urls = nodeUrls();
    for (let i = 0; i < JOIN_GUESSES.perAddress.burst; i += 1)
      expect((await postCode(urls[i % urls.length]!, wrongCode(), from)).status, `wrong #${i + 1}`).toBe(404);
    // The meeting's node first: it found the code before codes were looked up in the store.
    const ownerFirst = [...urls.entries()].sort(
      ([a], [b]) => Number(`n${b + 1}` === owner) - Number(`n${a + 1}` === owner),
    );
    for (const [i, url] of ownerFirst)
      expect((await postCode(url, codeOf(tokens[0]!), from)).status, `right code at n${i + 1}`).toBe(429);
  });

  test('the whole cluster: 60 wrong codes spread over nodes and addresses, then a fresh address is refused everywhere', async () => {
    const urls = nodeUrls();
    const { burst } = JOIN_GUESSES.hall;
    const perAddress = JOIN_GUESSES.perAddress.burst;
    // The previous test spent 5; time may have given back a part of one (a token every 2 minutes).
    let accepted = JOIN_GUESSES.perAddress.burst;
    for (let i = 0; i < 3 * burst; i += 1) {
      const from = `127.0.4.${Math.floor(i / perAddress) + 1}`;
      const { status } = await postCode(urls[i % urls.length]!, wrongCode(), from);
      if (status === 429) break;
      expect(status, `wrong #${i + 1} from ${from}`).toBe(404);
      accepted += 1;
    }
    expect(accepted).toBeGreaterThanOrEqual(burst);
    expect(accepted).toBeLessThanOrEqual(burst + 1);
    for (const [i, url] of urls.entries())
      expect((await postCode(url, codeOf(tokens[0]!), `127.0.5.${i + 1}`)).status, `right code at n${i + 1}`).toBe(429);
  });
});
