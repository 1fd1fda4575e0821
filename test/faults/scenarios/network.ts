// Flaky hall Wi-Fi. Phones vote in an open secret ballot while many of them lose their connection
// at random moments (the phone's transport closes, the server closes it, or the page goes to the
// background) and come back after a random outage. Some are still away when the chair closes the
// ballot: their held vote is then refused with a typed error when they return, unless the server
// had already stored it (the snapshot then says so). Every vote is counted exactly once.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { RoundResult } from '@hallvote/shared';
import { classificationBallot } from '../../support/ballots';
import { rosterCsv, startHarness } from '../../support/harness';
import { okData, request } from '../../support/request';
import { checkStoredRound, type RoundFigures } from '../support/db-check';
import { connectPhones, type DropKind, type Phone } from '../support/phone';
import { seededRandom, sleep, waitFor } from '../support/random';
import { randomMarks } from './crash';

export interface NetworkOptions {
  readonly delegates: number;
  readonly seed: number;
  readonly votingWindowMs: number;
  /** Outage length range, in ms. */
  readonly outageMs: readonly [number, number];
  /** Share of phones that drop once during the ballot. */
  readonly dropShare: number;
  /** Share of phones still away when the ballot closes. */
  readonly lateShare: number;
  readonly log?: (line: string) => void;
}

export interface NetworkFigures extends RoundFigures {
  readonly seed: number;
  readonly drops: Readonly<Record<DropKind | 'late', number>>;
  /** Late phones whose vote was stored but whose ack was lost: acknowledged by the snapshot after the close. */
  readonly lateStored: number;
  /** Late phones whose vote never reached the server: refused with BALLOT_NOT_OPEN. */
  readonly lateRefused: number;
}

const KINDS: readonly DropKind[] = ['client-engine', 'server-engine', 'disconnect'];

export async function runNetworkScenario(o: NetworkOptions): Promise<NetworkFigures> {
  const log = o.log ?? (() => {});
  const rnd = seededRandom(o.seed);
  const h = await startHarness();
  let phones: Phone[] = [];
  const timers: ReturnType<typeof setTimeout>[] = [];
  try {
    const meeting = await h.createMeeting({ rosterCsv: rosterCsv(o.delegates) });
    const chair = (await h.chair(meeting)).socket;
    const closeServerSide = (socketId: string) => h.app.io.sockets.sockets.get(socketId)?.conn.close();
    phones = await connectPhones(h.url, h.tokens(meeting.meetingId), { closeServerSide });
    const def = classificationBallot({ title: 'Network' });
    const { ballotId } = okData(await request(chair, 'ballot:create', def));
    okData(await request(chair, 'ballot:open', { ballotId }));

    const drops: Record<DropKind | 'late', number> = { 'client-engine': 0, 'server-engine': 0, disconnect: 0, late: 0 };
    const late = new Set<Phone>();
    const [minOut, maxOut] = o.outageMs;
    const at = (ms: number, fn: () => void) => timers.push(setTimeout(fn, ms));
    for (const phone of phones) {
      const voteAt = rnd.next() * o.votingWindowMs;
      const cast = () => phone.cast({ ballotId, round: 1, voteId: randomUUID(), marks: randomMarks(def, rnd) });
      if (rnd.chance(o.lateShare)) {
        // Away until after the close: leaves a few ms after confirming (the vote may be lost, or
        // stored with its ack lost, or acknowledged), or before confirming (held on the phone only).
        late.add(phone);
        drops.late += 1;
        if (rnd.chance(0.5)) {
          at(voteAt, cast);
          at(voteAt + rnd.int(0, 6), () => phone.socket.disconnect());
        } else {
          at(voteAt / 2, () => phone.socket.disconnect());
          at(voteAt, cast);
        }
        continue;
      }
      at(voteAt, cast);
      if (!rnd.chance(o.dropShare)) continue;
      const kind = rnd.pick(KINDS);
      drops[kind] += 1;
      const outage = rnd.int(minOut, maxOut);
      // A third drop right after their vote left, the rest at any moment of the ballot.
      const dropAt = rnd.chance(1 / 3) ? voteAt : rnd.next() * o.votingWindowMs;
      at(dropAt, () => {
        if (phone.socket.connected) phone.drop(kind, outage);
      });
    }
    log(`network: ${phones.length} phones, drops ${JSON.stringify(drops)} (seed ${o.seed})`);

    const present = phones.filter((p) => !late.has(p));
    await waitFor(
      () => present.every((p) => p.votes.length > 0 && !p.pending),
      o.votingWindowMs + maxOut * 3 + 60_000,
      'every phone that stayed to settle its vote',
    );
    const result: RoundResult = okData(await request(chair, 'ballot:close', { ballotId }));
    log(`network: closed with ${result.tally.ballots.returned} returned; ${late.size} phones come back now`);
    await sleep(100);
    for (const phone of late) phone.socket.connect();
    await waitFor(() => [...late].every((p) => p.votes.length > 0 && !p.pending), 60_000, 'the late phones to settle');

    let lateStored = 0;
    let lateRefused = 0;
    for (const phone of late) {
      const fate = phone.votes[0]?.fate;
      if (fate?.state === 'acked') {
        if (fate.via === 'snapshot') lateStored += 1;
      } else {
        assert.equal(fate?.state === 'failed' && fate.error, 'BALLOT_NOT_OPEN', 'a late vote is refused as "closed"');
        lateRefused += 1;
      }
    }
    chair.close();
    phones.forEach((p) => p.close());
    await h.stop();
    const figures = checkStoredRound(h.dbFile, phones, ballotId, 1, result);
    return { ...figures, seed: o.seed, drops, lateStored, lateRefused };
  } finally {
    timers.forEach(clearTimeout);
    phones.forEach((p) => p.close());
    await h.stop().catch(() => {});
    h.cleanup();
  }
}
