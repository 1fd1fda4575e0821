// Paper ballots for delegates without a phone: the chair marks who voted on paper (so they cannot
// also vote online), and the counting committee's totals are merged into the tally. Paper ballots
// are bounded by people: a paper voter is present and has not voted online in the round, and the
// tally checks that the paper returned does not exceed the paper voters marked (a failed
// invariant blocks publishing until the chair acknowledges it in writing). Both run inside
// `exclusive(state, …)`.
import { createHash } from 'node:crypto';
import {
  HallvoteError,
  canonicalJson,
  type BallotDefinition,
  type PaperTotals,
  type RoundResult,
  type Turnout,
} from '@hallvote/shared';
import { auditInput } from '../../audit-input';
import type { HallContext } from '../../context';
import type { MeetingState } from '../../hall/meeting-state';
import { computeRoundResult, outcomesOf } from '../ballots/round-result';
import { turnoutOf } from '../sync/views';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Refuses totals that name a subject or option the ballot does not have. */
function checkTotals(def: BallotDefinition, totals: PaperTotals): void {
  const subjects = new Set(def.subjects.map((s) => s.id));
  const options = new Set(def.options.map((o) => o.id));
  for (const [subjectId, row] of Object.entries(totals.subjects)) {
    if (!subjects.has(subjectId)) throw new HallvoteError('INVALID_VOTE', { reason: 'unknown-subject', id: subjectId });
    for (const optionId of Object.keys(row.counts))
      if (!options.has(optionId)) throw new HallvoteError('INVALID_VOTE', { reason: 'unknown-option', id: optionId });
  }
}

/**
 * A paper total counts ballots, not weight: entered under a count by weight a member's 5000 shares
 * became 1 (or 0 under a double majority). Until paper totals carry weights, such a round takes
 * no paper at all rather than a count that looks right and is not.
 */
function assertPaperCounts(state: MeetingState, ballotId: string): void {
  const countBy = state.ballots.get(ballotId)?.rules.countBy ?? 'heads';
  if (countBy !== 'heads') throw new HallvoteError('PAPER_NOT_WEIGHTED', { countBy });
}

/** The delegate handed in a paper ballot in the open round; returns the new turnout. */
export async function markPaperVoter(
  ctx: HallContext,
  state: MeetingState,
  ballotId: string,
  delegateId: string,
): Promise<Turnout> {
  const round = state.openRoundOf(ballotId);
  const delegate = state.delegateOf(delegateId);
  assertPaperCounts(state, ballotId);
  if (!state.onRoster(ballotId, round.round, delegateId)) throw new HallvoteError('NOT_IN_ROUND');
  if (state.votersOf(ballotId, round.round).has(delegateId))
    throw new HallvoteError('ALREADY_VOTED', {
      channel: state.votersOf(ballotId, round.round).get(delegateId)?.channel ?? 'online',
    });
  if (delegate.attendance !== 'present') throw new HallvoteError('NOT_PRESENT', { attendance: delegate.attendance });
  // A member who gave their vote for this round (and arrived since) votes through their holder
  // only, on paper as online: the round keeps the proxies it opened with.
  const holderId = state.roundProxiesOf(ballotId, round.round).get(delegateId);
  if (holderId !== undefined)
    throw new HallvoteError('PROXY_GRANTED', { holder: state.delegates.get(holderId)?.name ?? '' });
  await ctx.store.markPaperVoter(
    ballotId,
    round.round,
    delegateId,
    auditInput(ctx.clock, state.meeting.id, 'chair', 'vote.paper', { ballotId, round: round.round, delegateId }),
  );
  state.markPaperVoter(ballotId, round.round, delegateId);
  ctx.broadcaster.turnoutChanged(state, ballotId);
  const turnout = turnoutOf(state, ballotId);
  if (!turnout) throw new Error('turnout of an open round');
  return turnout;
}

/**
 * The counting committee's paper totals for a round that is open or closed (not yet published).
 * A closed round is tallied again with them, and the new result returned; an open round, null.
 */
export async function recordPaperTotals(
  ctx: HallContext,
  state: MeetingState,
  ballotId: string,
  roundNumber: number,
  totals: PaperTotals,
): Promise<RoundResult | null> {
  const entry = state.ballots.get(ballotId);
  const round = state.roundOf(ballotId, roundNumber);
  if (!entry || !round) throw new HallvoteError('NOT_FOUND', { what: 'round' });
  if (round.state !== 'open' && round.state !== 'closed')
    throw new HallvoteError('CONFLICT', { reason: 'paper-after-publish' });
  assertPaperCounts(state, ballotId);
  checkTotals(entry.row.definition, totals);
  const audit = auditInput(ctx.clock, state.meeting.id, 'chair', 'paper.totals', {
    ballotId,
    round: roundNumber,
    returned: totals.returned,
    totals: sha256(canonicalJson(totals)),
  });
  const closed = round.state === 'closed' ? round.result : null;
  // A closed round is tallied again with the attendance it was closed with, and the new result is
  // stored in the same transaction as the totals: a crash leaves both or neither.
  const recount = closed
    ? await computeRoundResult(ctx.store, state, ballotId, roundNumber, {
        closedAt: closed.closedAt,
        attendance: closed.attendance,
        earlyClose: closed.earlyClose,
        paper: totals,
      })
    : null;
  const retally = recount
    ? {
        result: recount,
        audit: {
          ...audit,
          action: 'round.retallied',
          details: {
            ballotId,
            round: roundNumber,
            returned: recount.tally.ballots.returned,
            seal: recount.seal,
            outcome: outcomesOf(recount),
            attendance: recount.attendance,
          },
        },
      }
    : null;
  await ctx.store.recordPaperTotals(ballotId, roundNumber, totals, audit, retally);
  state.recordPaperTotals(ballotId, roundNumber, totals);
  if (!recount) return null;
  state.replaceResult(ballotId, roundNumber, recount);
  ctx.broadcaster.ballotChanged(state, ballotId);
  return recount;
}
