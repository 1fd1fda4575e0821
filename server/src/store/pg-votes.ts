// Votes of one group transaction, written together: the checks of every vote against the rows as
// they stand under the meeting's head lock, then one statement per table for the whole run of
// votes. A refusal (ALREADY_VOTED, BALLOT_NOT_OPEN) is decided before anything is written, so it
// is an outcome of that vote and never aborts the others. The votes are decided in the order they
// were cast, exactly as one at a time would decide them; a delegate who votes twice in one batch
// meets their own first vote. Secret ballots go into the round's own table, shuffled (pg-scrub.ts).
import { HallvoteError } from '@hallvote/shared';
import { insertSecretBallots, type SecretRow } from './pg-scrub';
import { PG, run } from './pg-statements';
import { appendAudit, type PgTx } from './pg-writes';
import { channelOf, roundStateOf } from './refusal-fields';
import type { AuditInput, CastOutcome, CastSplit, CastVote } from './store';

export interface VoteRequest {
  readonly vote: CastVote;
  readonly audit: AuditInput;
}

export type VoteOutcome =
  { readonly ok: true; readonly value: CastOutcome } | { readonly ok: false; readonly error: HallvoteError };

interface Row {
  readonly ballotId: string;
  readonly round: number;
  readonly delegateId: string;
  voteId: string;
  readonly receipt: string;
  votedAt: string;
  readonly channel: 'online' | 'paper';
  readonly castBy: string | null;
  /** Went into a split ballot: final (cast-vote.ts). */
  readonly inSplit: boolean;
  /** Stored before this batch (changed by UPDATE) or new in it (INSERT). */
  readonly before: boolean;
}

const keyOf = (ballotId: string, round: number, delegateId = '') => `${ballotId}\u0000${round}\u0000${delegateId}`;

/** Decides and writes a run of votes; one outcome per request, in order. */
export async function castVotes(tx: PgTx, requests: readonly VoteRequest[]): Promise<VoteOutcome[]> {
  const votes = requests.map((r) => r.vote);
  const context = await run(
    tx.client,
    PG.voteContext,
    votes.map((v) => v.ballotId),
    votes.map((v) => v.round),
    votes.map((v) => v.delegateId),
  );
  // What each vote finds, as it stood before the batch; two votes of one delegate share a row.
  const stateOf = new Map<string, string | null>();
  const rows = new Map<string, Row>();
  votes.forEach((v, i) => {
    const found = context.rows[i];
    stateOf.set(keyOf(v.ballotId, v.round), found?.state ?? null);
    if (found?.vote_id != null && found.receipt != null && found.channel != null)
      rows.set(keyOf(v.ballotId, v.round, v.delegateId), {
        ballotId: v.ballotId,
        round: v.round,
        delegateId: v.delegateId,
        voteId: found.vote_id,
        receipt: found.receipt,
        votedAt: '',
        channel: found.channel,
        castBy: null,
        inSplit: found.in_split,
        before: true,
      });
  });
  const changed = new Set<string>();
  const openMarks = new Map<string, { row: Row; marks: string; weight: number | null }>();
  const secretMarks = new Map<string, { ballotId: string; round: number; ballots: SecretRow[] }>();

  const outcomes = requests.map(({ vote, audit }): VoteOutcome => {
    const key = keyOf(vote.ballotId, vote.round, vote.delegateId);
    const earlier = rows.get(key);
    if (earlier && earlier.voteId === vote.voteId)
      return { ok: true, value: { kind: 'duplicate', receipt: earlier.receipt } };
    const state = stateOf.get(keyOf(vote.ballotId, vote.round)) ?? null;
    if (state !== 'open')
      return { ok: false, error: new HallvoteError('BALLOT_NOT_OPEN', { state: roundStateOf(state) }) };
    const marks = JSON.stringify(vote.marks);
    if (earlier) {
      if (vote.secret || !vote.allowChange || earlier.channel === 'paper')
        return {
          ok: false,
          error: new HallvoteError('ALREADY_VOTED', { channel: earlier.channel }),
        };
      // A split is final (cast-vote.ts): refused here too, even if memory were wrong.
      if (earlier.inSplit)
        return { ok: false, error: new HallvoteError('ALREADY_VOTED', { channel: 'online', split: true }) };
      earlier.voteId = vote.voteId;
      earlier.votedAt = audit.at;
      if (earlier.before) changed.add(key);
      openMarks.set(key, { row: earlier, marks, weight: vote.weight });
      appendAudit(tx, { ...audit, action: 'vote.changed' });
      return { ok: true, value: { kind: 'changed', receipt: earlier.receipt } };
    }
    const row: Row = {
      ballotId: vote.ballotId,
      round: vote.round,
      delegateId: vote.delegateId,
      voteId: vote.voteId,
      receipt: vote.receipt,
      votedAt: audit.at,
      channel: 'online',
      castBy: vote.castBy,
      inSplit: false,
      before: false,
    };
    rows.set(key, row);
    if (vote.secret) {
      const roundKey = keyOf(vote.ballotId, vote.round);
      const box = secretMarks.get(roundKey) ?? { ballotId: vote.ballotId, round: vote.round, ballots: [] };
      box.ballots.push({ marks, weight: vote.weight });
      secretMarks.set(roundKey, box);
    } else openMarks.set(key, { row, marks, weight: vote.weight });
    appendAudit(tx, audit);
    return { ok: true, value: { kind: 'stored', receipt: vote.receipt } };
  });

  await writeRows(
    tx,
    [...rows.values()].filter((r) => !r.before),
    [...changed].map((k) => rows.get(k)!),
  );
  if (openMarks.size > 0) {
    const o = [...openMarks.values()];
    await run(
      tx.client,
      PG.upsertOpenVotes,
      o.map((x) => x.row.ballotId),
      o.map((x) => x.row.round),
      o.map((x) => x.row.delegateId),
      o.map((x) => x.marks),
      o.map((x) => x.weight),
      o.map(() => null),
    );
  }
  for (const box of secretMarks.values()) await insertSecretBallots(tx.client, box.ballotId, box.round, box.ballots);
  return outcomes;
}

/**
 * A proxy holder's split ballot, as one write: a participation row per member under the same vote
 * id, and its ballots (sqlite-writes.ts castSplit). A re-sent vote id is found on the holder's row.
 */
export async function castSplit(tx: PgTx, split: CastSplit, audit: AuditInput): Promise<CastOutcome> {
  const ids = split.members.map((m) => m.delegateId);
  const context = await run(
    tx.client,
    PG.voteContext,
    ids.map(() => split.ballotId),
    ids.map(() => split.round),
    ids,
  );
  const holder = context.rows[ids.indexOf(split.holderId)];
  if (holder?.vote_id === split.voteId && holder.receipt !== null)
    return { kind: 'duplicate', receipt: holder.receipt };
  const state = context.rows[0]?.state;
  if (state !== 'open') throw new HallvoteError('BALLOT_NOT_OPEN', { state: roundStateOf(state) });
  const earlier = context.rows.find((r) => r.vote_id !== null);
  if (earlier) throw new HallvoteError('ALREADY_VOTED', { channel: channelOf(earlier.channel ?? undefined) });
  await writeRows(
    tx,
    split.members.map((m) => ({
      ballotId: split.ballotId,
      round: split.round,
      delegateId: m.delegateId,
      voteId: split.voteId,
      receipt: m.receipt,
      votedAt: audit.at,
      channel: 'online',
      castBy: m.delegateId === split.holderId ? null : split.holderId,
      inSplit: true,
      before: false,
    })),
    [],
  );
  if (split.secret)
    await insertSecretBallots(
      tx.client,
      split.ballotId,
      split.round,
      split.records.map((r) => ({ marks: JSON.stringify(r.marks), weight: r.weight })),
    );
  else
    await run(
      tx.client,
      PG.upsertOpenVotes,
      [split.ballotId],
      [split.round],
      [split.holderId],
      ['{}'],
      [null],
      [JSON.stringify(split.split)],
    );
  appendAudit(tx, audit);
  return { kind: 'stored', receipt: split.members.find((m) => m.delegateId === split.holderId)?.receipt ?? '' };
}

/** Participation rows: the new ones inserted (and issued a ballot), the changed ones updated. */
async function writeRows(tx: PgTx, fresh: readonly Row[], changed: readonly Row[]): Promise<void> {
  if (fresh.length > 0) {
    const { rows } = await run(
      tx.client,
      PG.insertParticipation,
      fresh.map((r) => r.ballotId),
      fresh.map((r) => r.round),
      fresh.map((r) => r.delegateId),
      fresh.map((r) => r.voteId),
      fresh.map((r) => r.receipt),
      fresh.map((r) => r.votedAt),
      fresh.map((r) => r.castBy),
    );
    // Under the head lock nobody else writes this meeting's votes; a row the key refused means
    // that promise was broken, and the batch is retried vote by vote (which then reads it).
    const inserted = rows[0]?.inserted ?? 0;
    if (inserted !== fresh.length)
      throw new Error(`${fresh.length - inserted} vote(s) found already stored while writing`);
  }
  if (changed.length > 0)
    await run(
      tx.client,
      PG.changeParticipation,
      changed.map((r) => r.ballotId),
      changed.map((r) => r.round),
      changed.map((r) => r.delegateId),
      changed.map((r) => r.voteId),
      changed.map((r) => r.votedAt),
    );
}
