// A meeting on a child server for the browser tests, driven over the chair's socket: create, open,
// close and publish ballots without clicking through the console each time.
import { io as connect } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type BallotDefinition,
  type ChairSnapshot,
  type CreateMeetingResponse,
  type MeetingSettings,
  type RoundResult,
} from '@hallvote/shared';
import type { ChildServer } from '../../support/child-server';
import { rosterCsv, rosterLines } from '../../support/harness';
import { okData, request, type Client } from '../../support/request';

export interface Hall {
  readonly meeting: CreateMeetingResponse;
  readonly chair: Client;
  readonly tokens: readonly string[];
  readonly projectorUrl: string;
  joinUrl(i: number): string;
  /** Members `from`…`to − 1` join over sockets of their own (joining checks them in), for quorum. */
  checkIn(from: number, to: number): Promise<void>;
  /** Creates and opens a ballot; resolves with its id. */
  open(definition: BallotDefinition): Promise<string>;
  /** Delegate `i` votes over a socket of its own. */
  vote(i: number, ballotId: string, marks: Record<string, readonly string[]>): Promise<void>;
  closeAndPublish(ballotId: string, acknowledgement?: string): Promise<RoundResult>;
  snapshot(): Promise<ChairSnapshot>;
  close(): void;
}

function socketFor(url: string, auth: Record<string, unknown>): Promise<Client> {
  return new Promise((resolve, reject) => {
    const s: Client = connect(url, {
      auth: { protocol: PROTOCOL_VERSION, ...auth },
      transports: ['websocket'],
      forceNew: true,
      reconnection: false,
    });
    s.once('snapshot', () => resolve(s));
    s.once('connect_error', reject);
  });
}

export async function openHall(
  server: ChildServer,
  members: number,
  title: string,
  settings?: Partial<MeetingSettings>,
): Promise<Hall> {
  const res = await fetch(`${server.url}/api/meetings`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}` },
    body: JSON.stringify({
      title,
      rulePresetId: 'vn-party-classification',
      roster: rosterLines(rosterCsv(members)),
      ...(settings ? { settings } : {}),
    }),
  });
  const meeting = ((await res.json()) as { data: CreateMeetingResponse }).data;
  const sheet = await fetch(`${server.url}/api/meetings/${meeting.meetingId}/badges`, {
    headers: { authorization: `Bearer ${meeting.chairKey}` },
  });
  const html = await sheet.text();
  const tokens = [...new Set([...html.matchAll(/\/d\/([A-Za-z0-9_-]+)/g)].map((m) => m[1] ?? ''))];
  const chair = await socketFor(server.url, { role: 'chair', meetingId: meeting.meetingId, key: meeting.chairKey });
  const voters = new Map<number, Client>();
  const snapshot = async () => okData(await request(chair, 'sync:request', {})) as ChairSnapshot;
  return {
    meeting,
    chair,
    tokens,
    projectorUrl: `${server.url}/p/${meeting.meetingId}#key=${meeting.projectorKey}`,
    joinUrl: (i) => `${server.url}/d/${tokens[i]}`,
    async checkIn(from, to) {
      for (let i = from; i < to; i += 1)
        if (!voters.has(i)) voters.set(i, await socketFor(server.url, { role: 'delegate', token: tokens[i] }));
    },
    async open(definition) {
      // These tests close secret ballots after a vote or two: the ballots set no early-close
      // minimum (the phone's review screen then warns; the marking screens measured are as usual).
      const lowered = definition.secret ? { ...definition, earlyCloseMinimum: 0 } : definition;
      const { ballotId } = okData(await request(chair, 'ballot:create', lowered));
      okData(await request(chair, 'ballot:open', { ballotId }));
      return ballotId;
    },
    async vote(i, ballotId, marks) {
      const s = voters.get(i) ?? (await socketFor(server.url, { role: 'delegate', token: tokens[i] }));
      voters.set(i, s);
      okData(await request(s, 'vote:cast', { ballotId, round: 1, voteId: crypto.randomUUID(), marks }));
    },
    async closeAndPublish(ballotId, acknowledgement) {
      okData(await request(chair, 'ballot:close', { ballotId }));
      return okData(
        await request(chair, 'ballot:publish', { ballotId, ...(acknowledgement ? { acknowledgement } : {}) }),
      );
    },
    snapshot,
    close() {
      for (const s of voters.values()) s.disconnect();
      chair.disconnect();
    },
  };
}
