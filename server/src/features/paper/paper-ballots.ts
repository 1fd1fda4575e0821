// Paper ballots for delegates without a phone: the chair marks who voted on paper (so they cannot
// also vote online), and the counting committee's totals are merged into the tally. Both run
// inside `exclusive(state, …)`.
import {
  HallvoteError,
  type BallotDefinition,
  type PaperTotals,
  type RoundResult,
  type Turnout,
} from '@hallvote/shared';
import { auditInput } from '../../audit-input';
import type { HallContext } from '../../context';
import type { MeetingState } from '../../hall/meeting-state';
import { computeRoundResult } from '../ballots/round-result';
import { turnoutOf } from '../sync/views';

/** Refuses totals that name a subject or option the ballot does not have. */
function checkTotals(def: BallotDefinition, totals: PaperTotals): void {
  const subjects = new Set(def.subjects.map((s) => s.id));
  const options = new Set(def.options.map((o) => o.id));
  for (const [subjectId, row] of Object.entries(totals.subjects)) {
    if (!subjects.has(subjectId))
      throw new HallvoteError('INVALID_VOTE', `Unknown subject "${subjectId}" in the paper totals.`);
    for (const optionId of Object.keys(row.counts))
      if (!options.has(optionId))
        throw new HallvoteError('INVALID_VOTE', `Unknown option "${optionId}" in the paper totals.`);
  }
}

/** The delegate handed in a paper ballot in the open round; returns the new turnout. */
export async function markPaperVoter(
  ctx: HallContext,
  state: MeetingState,
  ballotId: string,
  delegateId: string,
): Promise<Turnout> {
  const round = state.openRoundOf(ballotId);
  state.delegateOf(delegateId);
  if (state.votersOf(ballotId, round.round).has(delegateId))
    throw new HallvoteError('ALREADY_VOTED', 'This delegate has already voted in this round.');
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
  if (!entry || !round) throw new HallvoteError('NOT_FOUND', 'No such ballot round.');
  if (round.state !== 'open' && round.state !== 'closed')
    throw new HallvoteError('CONFLICT', 'Paper totals can be entered until the result is published.');
  checkTotals(entry.row.definition, totals);
  const audit = auditInput(ctx.clock, state.meeting.id, 'chair', 'paper.totals', {
    ballotId,
    round: roundNumber,
    returned: totals.returned,
  });
  await ctx.store.recordPaperTotals(ballotId, roundNumber, totals, audit);
  state.recordPaperTotals(ballotId, roundNumber, totals);
  if (round.state !== 'closed' || !round.result) return null;
  // Tallied again with the attendance it was closed with; the seal covers online rows only.
  const previous = round.result;
  const recount = await computeRoundResult(
    ctx.store,
    state,
    ballotId,
    roundNumber,
    previous.closedAt,
    previous.tally.attendance,
  );
  await ctx.store.updateResult(ballotId, roundNumber, recount, { ...audit, action: 'round.retallied' });
  state.replaceResult(ballotId, roundNumber, recount);
  ctx.broadcaster.ballotChanged(state, ballotId);
  return recount;
}
