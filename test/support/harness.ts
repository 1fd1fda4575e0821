// A real server from createApp on port 0 with a temporary database, and real socket.io clients.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { io as connect } from 'socket.io-client';
import {
  PROTOCOL_VERSION,
  type ChairSnapshot,
  reviewRosterText,
  type CreateMeetingRequest,
  type CreateMeetingResponse,
  type RosterLine,
  type ServerToClientEvents,
  type Snapshot,
} from '@hallvote/shared';
import { createApp, type App } from '../../server/src/app';
import { chairSnapshot } from '../../server/src/features/sync/views';
import type { Config } from '../../server/src/config';
import type { Clock } from '../../server/src/context';
import { createLogger, type Logger } from '../../server/src/logger';
import { openPgStore } from '../../server/src/store/pg-store';
import { openSqliteStore } from '../../server/src/store/sqlite-store';
import type { Store } from '../../server/src/store/store';
import { freshDatabase } from './postgres';
import type { Client } from './request';

/** As strong as an ADMIN_TOKEN must be (server/src/config.ts), though the harness does not read the environment. */
export const ADMIN_TOKEN = 'test-admin-token-7Qm2Xv9KpL4RzW8N';

/**
 * The store the harness builds: SQLite, or PostgreSQL when HALLVOTE_TEST_STORE=pg (the
 * integration-pg project: the integration suite again, on a cluster from test/support/postgres-setup.ts).
 */
export const TEST_STORE: 'sqlite' | 'pg' = process.env.HALLVOTE_TEST_STORE === 'pg' ? 'pg' : 'sqlite';

/** The data directory's store; on PostgreSQL a database of its own, named in the directory, so a second harness on it finds it. */
async function openTestStore(dataDir: string): Promise<Store> {
  if (TEST_STORE === 'sqlite') return openSqliteStore(join(dataDir, 'hallvote.sqlite'));
  const named = join(dataDir, 'database-url');
  if (!existsSync(named)) writeFileSync(named, (await freshDatabase()).url);
  return openPgStore(readFileSync(named, 'utf8'), { poolSize: 4 });
}

export interface Harness {
  readonly app: App;
  /** The store the app was given (before any `wrapStore`). */
  readonly store: Store;
  readonly url: string;
  readonly dataDir: string;
  /** The SQLite file (when TEST_STORE is sqlite). */
  readonly dbFile: string;
  /** Closes every client made through it, then the app. Keeps the data dir (see `cleanup`). */
  stop(): Promise<void>;
  cleanup(): void;
  /** Creates a meeting; `rosterCsv` is read into roster lines as the admin page reads a file. */
  createMeeting(
    body: Partial<Omit<CreateMeetingRequest, 'roster'>> & { rosterCsv?: string },
  ): Promise<CreateMeetingResponse>;
  chair(meeting: CreateMeetingResponse): Promise<{ socket: Client; snapshot: Snapshot }>;
  projector(meeting: CreateMeetingResponse): Promise<{ socket: Client; snapshot: Snapshot }>;
  delegate(token: string): Promise<{ socket: Client; snapshot: Snapshot }>;
  /** Tokens of every delegate of a meeting, in roster order (read from the server's state). */
  tokens(meetingId: string): string[];
  /**
   * The chair's snapshot of a meeting as `sync:request` would answer it (seq 0), read in process:
   * for tests that compare the state before and after, without spending the chair's request rate.
   */
  chairView(meetingId: string): ChairSnapshot;
}

export function testConfig(dataDir: string): Config {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl: null,
    nodeId: null,
    redisUrl: null,
    publicUrl: 'http://hall.test:3000',
    adminToken: ADMIN_TOKEN,
    adminTokenFromEnv: true,
    tls: null,
    clientDir: join(dataDir, 'no-client'),
    logLevel: 'silent',
    trustProxy: null,
  };
}

export interface HarnessOptions {
  readonly clock?: Clock;
  readonly log?: Logger;
  /** Puts something between the app and its store (a fault to inject). */
  readonly wrapStore?: (store: Store) => Store;
}

/** Starts a server; pass `dataDir` to start a second instance on the same database. */
export async function startHarness(
  dataDir = mkdtempSync(join(tmpdir(), 'hallvote-test-')),
  options: HarnessOptions = {},
): Promise<Harness> {
  const dbFile = join(dataDir, 'hallvote.sqlite');
  const config = testConfig(dataDir);
  const store = await openTestStore(dataDir);
  const app = await createApp({
    store: options.wrapStore ? options.wrapStore(store) : store,
    config,
    log: options.log ?? createLogger('silent'),
    ...(options.clock ? { clock: options.clock } : {}),
  });
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
  const clients: Client[] = [];

  const open = (auth: Record<string, unknown>) =>
    new Promise<{ socket: Client; snapshot: Snapshot }>((resolve, reject) => {
      const socket: Client = connect(url, {
        auth: { protocol: PROTOCOL_VERSION, ...auth },
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
      });
      clients.push(socket);
      socket.once('snapshot', (snapshot) => resolve({ socket, snapshot }));
      socket.once('connect_error', (err) => reject(err));
    });

  return {
    app,
    store,
    url,
    dataDir,
    dbFile,
    async stop() {
      for (const c of clients) c.disconnect();
      await app.close();
    },
    cleanup() {
      rmSync(dataDir, { recursive: true, force: true });
    },
    async createMeeting({ rosterCsv: text, ...body }) {
      const res = await fetch(`${url}/api/meetings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
        body: JSON.stringify({
          title: 'Test meeting',
          rulePresetId: 'vn-party-classification',
          ...body,
          ...(text === undefined ? {} : { roster: rosterLines(text) }),
        }),
      });
      const json = (await res.json()) as { ok: boolean; data: CreateMeetingResponse };
      if (!json.ok) throw new Error(`createMeeting failed: ${JSON.stringify(json)}`);
      return json.data;
    },
    chair: (m) => open({ role: 'chair', meetingId: m.meetingId, key: m.chairKey }),
    projector: (m) => open({ role: 'projector', meetingId: m.meetingId, key: m.projectorKey }),
    delegate: (token) => open({ role: 'delegate', token }),
    chairView(meetingId) {
      const state = app.hall.meetings.get(meetingId);
      if (!state) throw new Error(`no meeting ${meetingId}`);
      return chairSnapshot(state, 0, { plainHttp: true, storage: { scrubPendingSince: null } });
    },
    tokens(meetingId) {
      const state = app.hall.meetings.get(meetingId);
      return state ? [...state.delegates.values()].sort((a, b) => a.ordinal - b.ordinal).map((d) => d.token) : [];
    },
  };
}

/** A roster CSV of `n` members: "Member 1", "Unit 1", group A/B. */
export function rosterCsv(n: number): string {
  const lines = ['name,position,group'];
  for (let i = 1; i <= n; i += 1) lines.push(`Đại biểu ${i},Đơn vị ${i},${i % 2 ? 'A' : 'B'}`);
  return lines.join('\n');
}

/**
 * Roster text read into the lines a roster import sends, as the chair's browser reads a file with
 * the automatic column guess (shared/src/roster). For rosters a test means to be valid: a problem throws.
 */
export function rosterLines(text: string): RosterLine[] {
  const review = reviewRosterText(text);
  if (review.problems.length > 0) throw new Error(`rosterLines: ${JSON.stringify(review.problems)}`);
  return [...review.lines];
}

/** Resolves with the next `event` the socket receives that satisfies `match`. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: Client,
  event: E,
  match: (...args: Parameters<ServerToClientEvents[E]>) => boolean = () => true,
  timeoutMs = 5000,
): Promise<Parameters<ServerToClientEvents[E]>> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${String(event)} within ${timeoutMs} ms`)), timeoutMs);
    const listener = (...args: unknown[]) => {
      const typed = args as Parameters<ServerToClientEvents[E]>;
      if (!match(...typed)) return;
      clearTimeout(timer);
      (socket.off as (e: string, l: unknown) => void)(event, listener);
      resolve(typed);
    };
    (socket.on as (e: string, l: unknown) => void)(event, listener);
  });
}
