// kill -9 while votes are in flight. A real server in a child process, N phones voting in an
// open secret ballot; at a random moment inside the voting window the server is killed with
// SIGKILL, started again on the same data directory and port, and the phones reconnect and settle
// their held votes as the real phone does. After the last round the server is stopped and the
// database file is read: every acknowledged vote is stored exactly once, nothing else is, and the
// tally at close equals the stored rows.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { BallotDefinition, RoundResult } from '@hallvote/shared';
import { batchBallot, classificationBallot } from '../../support/ballots';
import { rosterCsv } from '../../support/harness';
import type { Client } from '../../support/request';
import { ChildServer } from '../../support/child-server';
import { checkStoredRound, type RoundFigures } from '../support/db-check';
import { badgeTokens, connectRole, createMeetingHttp, must } from '../support/hall-client';
import { connectPhones, type Phone } from '../support/phone';
import { seededRandom, sleep, waitFor, type Random } from '../support/random';

export interface CrashOptions {
  readonly delegates: number;
  readonly kills: number;
  readonly seed: number;
  /** Votes are cast at random moments over this window; the kill falls in its middle half. */
  readonly votingWindowMs: number;
  readonly log?: (line: string) => void;
}

export interface CrashFigures {
  readonly seed: number;
  readonly killsSurvived: number;
  /** Per kill: phones holding an unacknowledged vote, and requests on the wire, when it fell. */
  readonly atKill: readonly { readonly holding: number; readonly onTheWire: number }[];
  readonly rounds: readonly RoundFigures[];
  readonly cleanExit: boolean;
}

/** Random marks a phone could send for this ballot (an unrated batch row stays empty). */
export function randomMarks(def: BallotDefinition, rnd: Random): Record<string, string[]> {
  const options = def.options.map((o) => o.id);
  return Object.fromEntries(
    def.subjects.map((s) => [s.id, def.kind === 'batch' && rnd.chance(0.1) ? [] : [rnd.pick(options)]]),
  );
}

export async function runCrashScenario(o: CrashOptions): Promise<CrashFigures> {
  const log = o.log ?? (() => {});
  const rnd = seededRandom(o.seed);
  const server = await ChildServer.start({ logLevel: 'warn' });
  let chair: Client | null = null;
  let phones: Phone[] = [];
  const rounds: { ballotId: string; result: RoundResult }[] = [];
  const atKill: { holding: number; onTheWire: number }[] = [];
  try {
    const meeting = await createMeetingHttp(server.url, server.adminToken, { rosterCsv: rosterCsv(o.delegates) });
    const tokens = await badgeTokens(server.url, meeting);
    assert.equal(tokens.length, o.delegates, 'one badge per delegate');
    chair = (
      await connectRole(
        server.url,
        { role: 'chair', meetingId: meeting.meetingId, key: meeting.chairKey },
        { reconnection: true },
      )
    ).socket;
    phones = await connectPhones(server.url, tokens);
    log(`crash: ${o.delegates} phones connected (seed ${o.seed})`);

    for (let k = 1; k <= o.kills; k += 1) {
      const def =
        k % 2 === 1
          ? classificationBallot({ title: `Crash round ${k}` })
          : batchBallot(5, { title: `Crash round ${k}` });
      const { ballotId } = (await must(chair, 'ballot:create', def)).data;
      await must(chair, 'ballot:open', { ballotId });
      // Most votes come at random over the window; a quarter of the hall presses "confirm" just
      // before the kill, so that some votes are on the wire, some queued for commit, some committed
      // but not yet acknowledged when the process dies.
      const killAt = o.votingWindowMs * (0.25 + 0.5 * rnd.next());
      const voteAt = phones.map(() => (rnd.chance(0.25) ? killAt - rnd.int(0, 15) : rnd.next() * o.votingWindowMs));
      const timers = phones.map((phone, i) =>
        setTimeout(
          () => phone.cast({ ballotId, round: 1, voteId: randomUUID(), marks: randomMarks(def, rnd) }),
          voteAt[i],
        ),
      );
      await sleep(killAt);
      const holding = phones.filter((p) => p.pending).length;
      const onTheWire = phones.filter((p) => p.inFlight).length;
      await server.kill9();
      atKill.push({ holding, onTheWire });
      log(`crash ${k}: kill -9 with ${holding} votes unacknowledged, ${onTheWire} on the wire`);
      await sleep(rnd.int(50, 1000));
      await server.restart();
      await waitFor(
        () => phones.every((p) => p.votes.some((v) => v.payload.ballotId === ballotId) && !p.pending),
        90_000,
        `every phone to settle its vote in round ${k}`,
      );
      timers.forEach(clearTimeout);
      const result = (await must(chair, 'ballot:close', { ballotId })).data;
      rounds.push({ ballotId, result });
      log(`crash ${k}: closed with ${result.tally.ballots.returned} ballots returned`);
    }

    chair.close();
    phones.forEach((p) => p.close());
    const code = await server.stop();
    const figures = rounds.map((r) => checkStoredRound(server.dbFile, phones, r.ballotId, 1, r.result));
    return { seed: o.seed, killsSurvived: rounds.length, atKill, rounds: figures, cleanExit: code === 0 };
  } finally {
    chair?.close();
    phones.forEach((p) => p.close());
    await server.stop();
    server.cleanup();
  }
}
