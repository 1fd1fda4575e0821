// What the database file says after the faults, read with better-sqlite3 read-only, compared
// with what each phone was told. Plain assertions (node:assert), so `npm run chaos` can use them.
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import type { RoundResult } from '@hallvote/shared';
import type { HeldVote, Phone } from './phone';

export interface RoundFigures {
  readonly cast: number;
  readonly acked: number;
  /** Acked only through the snapshot after a reconnect: committed, but the ack was lost. */
  readonly ackedViaSnapshot: number;
  readonly failed: number;
  /** Sent more than once (same voteId). */
  readonly resent: number;
  readonly stored: number;
  /** Acked but not stored: must be 0. */
  readonly lost: number;
}

/** Every phone's vote in this round, if it cast one. */
export function votesIn(phones: readonly Phone[], ballotId: string, round: number): { phone: Phone; vote: HeldVote }[] {
  return phones.flatMap((phone) => {
    const vote = phone.votes.find((v) => v.payload.ballotId === ballotId && v.payload.round === round);
    return vote ? [{ phone, vote }] : [];
  });
}

const choiceKey = (marks: Readonly<Record<string, readonly string[]>>) =>
  JSON.stringify(
    Object.keys(marks)
      .sort()
      .map((k) => [k, [...(marks[k] ?? [])].sort()]),
  );

function histogram(keys: readonly string[]): Record<string, number> {
  const h: Record<string, number> = {};
  for (const k of keys) h[k] = (h[k] ?? 0) + 1;
  return h;
}

/**
 * Checks one round: every acked vote stored exactly once under its delegate and voteId, no failed
 * vote stored, no stored vote that no phone was told about, the anonymous rows (secret ballots)
 * as many as the participation rows and holding exactly the choices the acked phones made, and
 * the tally at close equal to the stored rows.
 */
export function checkStoredRound(
  dbFile: string,
  phones: readonly Phone[],
  ballotId: string,
  round: number,
  result: RoundResult | null,
): RoundFigures {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const rows = db
      .prepare<[string, number], { delegate_id: string; vote_id: string; receipt: string; channel: string }>(
        'SELECT delegate_id, vote_id, receipt, channel FROM participation WHERE ballot_id = ? AND round = ?',
      )
      .all(ballotId, round);
    const byDelegate = new Map<string, typeof rows>();
    for (const r of rows) byDelegate.set(r.delegate_id, [...(byDelegate.get(r.delegate_id) ?? []), r]);
    for (const [delegateId, mine] of byDelegate)
      assert.equal(mine.length, 1, `delegate ${delegateId} has ${mine.length} participation rows`);

    const votes = votesIn(phones, ballotId, round);
    let lost = 0;
    const ackedChoices: string[] = [];
    for (const { phone, vote } of votes) {
      assert.ok(phone.delegateId, 'a phone that voted knows its delegate id');
      const row = byDelegate.get(phone.delegateId)?.[0];
      switch (vote.fate.state) {
        case 'pending':
          assert.fail(`vote ${vote.payload.voteId} was neither acknowledged nor refused`);
          break;
        case 'acked':
          if (!row || row.vote_id !== vote.payload.voteId) lost += 1;
          else assert.equal(row.receipt, vote.fate.receipt, 'the receipt the phone holds is the stored one');
          ackedChoices.push(choiceKey(vote.payload.marks ?? {}));
          break;
        case 'failed':
          assert.notEqual(row?.vote_id, vote.payload.voteId, `a refused vote (${vote.fate.error}) was stored`);
          break;
      }
    }
    assert.equal(lost, 0, `${lost} acknowledged vote(s) are missing from the database`);
    const acked = votes.filter((v) => v.vote.fate.state === 'acked').length;
    const online = rows.filter((r) => r.channel === 'online').length;
    assert.equal(online, acked, 'every stored vote is one a phone was told about, and no more');

    const secret = db
      .prepare<[string, number], { marks: string }>(
        'SELECT marks FROM secret_ballots WHERE ballot_id = ? AND round = ?',
      )
      .all(ballotId, round);
    if (secret.length > 0 || result?.tally) {
      assert.equal(secret.length, online, 'anonymous ballots = participation rows');
      assert.deepEqual(
        histogram(secret.map((s) => choiceKey(JSON.parse(s.marks) as Record<string, string[]>))),
        histogram(ackedChoices),
        'the stored ballots hold exactly the choices of the acknowledged votes',
      );
    }
    if (result) {
      assert.equal(result.tally.ballots.returned, online, 'ballots returned at close = stored rows');
      for (const subject of result.tally.subjects) {
        for (const c of subject.counts) {
          const stored = secret.filter((s) =>
            (JSON.parse(s.marks) as Record<string, string[]>)[subject.subjectId]?.includes(c.optionId),
          ).length;
          assert.equal(c.votes, stored, `tally of ${subject.subjectId}/${c.optionId} = stored rows`);
        }
      }
    }
    return {
      cast: votes.length,
      acked,
      ackedViaSnapshot: votes.filter((v) => v.vote.fate.state === 'acked' && v.vote.fate.via === 'snapshot').length,
      failed: votes.filter((v) => v.vote.fate.state === 'failed').length,
      resent: votes.filter((v) => v.vote.sends > 1).length,
      stored: online,
      lost,
    };
  } finally {
    db.close();
  }
}
