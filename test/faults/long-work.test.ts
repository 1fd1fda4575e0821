// Long work leaves the event loop: the badge sheet of a 20,000-member roster, and the close of a
// secret round of 10,000 ballots × 50 sub-units (read, counted, sealed, scrubbed). The server is in
// this process, so the event-loop delay measured here is the server's.
import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { RoundResult } from '@hallvote/shared';
import { batchBallot } from '../support/ballots';
import { rosterCsv, startHarness, type Harness } from '../support/harness';
import { okData, request } from '../support/request';
import { sleep } from './support/random';

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.stop();
  h.cleanup();
});

/** Runs `work` while sampling the event loop; returns its result and the worst delay in ms. */
async function withLoopDelay<T>(work: () => Promise<T>): Promise<{ value: T; maxMs: number; p99Ms: number }> {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  try {
    const value = await work();
    return { value, maxMs: delay.max / 1e6, p99Ms: delay.percentile(99) / 1e6 };
  } finally {
    delay.disable();
  }
}

test('the badge sheet of 20,000 members: the chair keeps being answered while it is made', async () => {
  const meeting = await h.createMeeting({ rosterCsv: rosterCsv(20_000) });
  const chair = (await h.chair(meeting)).socket;
  const download = new AbortController();
  const sheet = fetch(`${h.url}/api/meetings/${meeting.meetingId}/badges`, {
    headers: { authorization: `Bearer ${meeting.chairKey}` },
    signal: download.signal,
  }).then((res) => res.text());
  sheet.catch(() => undefined);
  const answers: number[] = [];
  const { maxMs } = await withLoopDelay(async () => {
    const until = performance.now() + 3000;
    while (performance.now() < until) {
      const started = performance.now();
      await request(chair, 'sync:request', {});
      answers.push(performance.now() - started);
      await sleep(100);
    }
  });
  download.abort();
  // On a shared 2-core machine the loop also waits for a core now and then; what must not happen is
  // the loop held by the sheet itself (it was, for the whole sheet: 10 s and more).
  expect(Math.max(...answers), 'slowest chair answer while the sheet is made (ms)').toBeLessThan(1000);
  expect(maxMs, 'longest event-loop stall, ms (of a 3 s window)').toBeLessThan(750);
});

test('closing a secret round of 10,000 ballots × 50 sub-units keeps the loop responsive', async () => {
  const meeting = await h.createMeeting({ rosterCsv: rosterCsv(3) });
  const chair = (await h.chair(meeting)).socket;
  const state = h.app.hall.meetings.get(meeting.meetingId)!;
  for (const d of state.delegates.values())
    okData(await request(chair, 'attendance:mark', { delegateId: d.id, status: 'present' }));
  // Its ballots are put in the box below, not by phones: no early-close minimum to wait for.
  const ballot = batchBallot(50, { earlyCloseMinimum: 0 });
  const { ballotId } = okData(await request(chair, 'ballot:create', ballot));
  okData(await request(chair, 'ballot:open', { ballotId }));
  // The ballot box of a 10,000-member congress, filled directly: what is measured is the close.
  const levels = ballot.options.map((o) => o.id);
  const db = new Database(h.dbFile);
  const insert = db.prepare('INSERT INTO secret_ballots (id, ballot_id, round, marks) VALUES (?, ?, 1, ?)');
  db.transaction(() => {
    for (let i = 0; i < 10_000; i += 1) {
      const marks = Object.fromEntries(ballot.subjects.map((s, j) => [s.id, [levels[(i + j) % levels.length]!]]));
      insert.run(randomBytes(16).toString('hex'), ballotId, JSON.stringify(marks));
    }
  })();
  db.close();
  const started = performance.now();
  const { value, maxMs, p99Ms } = await withLoopDelay(() => request(chair, 'ballot:close', { ballotId }, 60_000));
  const closeMs = performance.now() - started;
  const result: RoundResult = okData(value);
  expect(result.tally.ballots.returned).toBe(10_000);
  // The old close held the loop for all of it (1 s alone, more under load). Now the loop only waits
  // for a core, which on a loaded 2-core machine can take a while; so the bound is relative.
  expect(
    maxMs,
    `longest event-loop stall during the close, ms (p99 ${p99Ms.toFixed(1)} ms, close ${closeMs.toFixed(0)} ms)`,
  ).toBeLessThan(Math.max(100, closeMs / 4));
});
