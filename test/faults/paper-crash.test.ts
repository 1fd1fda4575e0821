// Attack 6 of issue 12: a crash between two commits. Paper totals entered after the close were
// committed first and the re-tally second; a server that died in between came back with a stored
// result that ignored the stored paper totals, and published it without a warning. Now the
// totals, the re-tally and the stored result commit in one transaction.
//
// The crash is injected at the store: from the moment the paper totals are committed, the server
// is "dead" and nothing it asks the store afterwards reaches the disk. A second server then opens
// the same database file.
import { afterAll, describe, expect, test } from 'vitest';
import type { ChairSnapshot } from '@hallvote/shared';
import type { Store } from '../../server/src/store/store';
import { motionBallot } from '../support/ballots';
import { hallOf, vote } from '../support/hall-of';
import { startHarness, type Harness } from '../support/harness';
import { okData, request } from '../support/request';

const harnesses: Harness[] = [];
afterAll(() => harnesses.forEach((h) => h.cleanup()));

/** The store until `method` has committed once; after that every write hangs forever, unwritten. */
function dieAfter(method: keyof Store): (store: Store) => Store {
  return (store) => {
    let dead = false;
    return new Proxy(store, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (typeof value !== 'function') return value;
        const fn = value as (...args: unknown[]) => Promise<unknown>;
        if (prop === 'close' || prop === 'loadAll' || String(prop).startsWith('read')) return fn.bind(target);
        return (...args: unknown[]) => {
          if (dead) return new Promise(() => undefined);
          const done = fn.apply(target, args);
          if (prop !== method) return done;
          return done.then((value) => {
            dead = true;
            return value;
          });
        };
      },
    });
  };
}

describe('a crash after the paper totals are committed', () => {
  test('the restarted server has a result that counts the stored paper totals', async () => {
    const first = await startHarness(undefined, { wrapStore: dieAfter('recordPaperTotals') });
    harnesses.push(first);
    const hall = await hallOf(first, { rulePresetId: 'simple-majority', roster: 10, phones: 8, byChair: 2 });
    const { ballotId } = okData(await request(hall.chair, 'ballot:create', motionBallot({ allowChange: false })));
    okData(await request(hall.chair, 'ballot:open', { ballotId }));
    for (const [i, phone] of hall.phones.entries()) await vote(phone, ballotId, 1, { motion: [i < 3 ? 'yes' : 'no'] });
    for (const delegateId of hall.byChair)
      okData(await request(hall.chair, 'paper:mark-voted', { ballotId, delegateId }));
    const closed = okData(await request(hall.chair, 'ballot:close', { ballotId }));
    expect(closed.tally.ballots.returned).toBe(8);
    // The server dies somewhere in here; whether the chair hears back does not matter.
    await request(
      hall.chair,
      'paper:record-totals',
      {
        ballotId,
        round: 1,
        totals: { returned: 2, invalid: [], subjects: { motion: { counts: { yes: 2 }, empty: 0 } } },
      },
      2000,
    ).catch(() => null);
    await first.stop();

    const second = await startHarness(first.dataDir);
    harnesses.push(second);
    const { snapshot } = await second.chair(hall.meeting);
    const ballot = (snapshot as ChairSnapshot).ballots.find((b) => b.id === ballotId)!;
    expect(ballot.state).toBe('closed');
    expect(ballot.result?.tally.ballots.returned).toBe(10);
    expect(ballot.result?.tally.subjects[0]!.counts.map((c) => c.votes)).toEqual([5, 5, 0]);
    await second.stop();
  });
});
