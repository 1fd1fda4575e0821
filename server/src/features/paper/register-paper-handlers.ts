// Paper ballots for delegates without a phone: the chair marks who voted on paper (so they cannot
// also vote online), and the counting committee's totals are merged into the tally.
import {
  HallvoteError,
  paperMarkSchema,
  paperTotalsSchema,
  roundKey,
  type BallotDefinition,
  type PaperTotals,
} from '@hallvote/shared';
import { auditInput } from '../../audit-input';
import type { HallContext } from '../../context';
import { exclusive } from '../../meetings/exclusive';
import type { MeetingState } from '../../meetings/meeting-state';
import { onRequest, type HallSocket } from '../../with-validation';
import { openRoundOf } from '../ballots/ballot-lifecycle';
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

export function registerPaperHandlers(ctx: HallContext, socket: HallSocket, state: MeetingState): void {
  const chair = ['chair'] as const;

  onRequest(socket, ctx.log, 'paper:mark-voted', { roles: chair, schema: paperMarkSchema }, (p) =>
    exclusive(state, async () => {
      const round = openRoundOf(state, p.ballotId);
      const delegate = state.delegates.get(p.delegateId);
      if (!delegate) throw new HallvoteError('NOT_FOUND', 'No such delegate in this meeting.');
      if (state.votersOf(p.ballotId, round.round).has(p.delegateId))
        throw new HallvoteError('ALREADY_VOTED', 'This delegate has already voted in this round.');
      await ctx.store.markPaperVoter(
        p.ballotId,
        round.round,
        p.delegateId,
        auditInput(ctx.clock, state.meeting.id, 'chair', 'vote.paper', {
          ballotId: p.ballotId,
          round: round.round,
          delegateId: p.delegateId,
        }),
      );
      state
        .votersOf(p.ballotId, round.round)
        .set(p.delegateId, { voteId: 'paper', receipt: '', marks: null, channel: 'paper' });
      state.issuedOf(p.ballotId, round.round).add(p.delegateId);
      ctx.broadcaster.turnoutChanged(state, p.ballotId);
      const turnout = turnoutOf(state, p.ballotId);
      if (!turnout) throw new Error('turnout of an open round');
      return turnout;
    }),
  );

  onRequest(socket, ctx.log, 'paper:record-totals', { roles: chair, schema: paperTotalsSchema }, (p) =>
    exclusive(state, async () => {
      const entry = state.ballots.get(p.ballotId);
      const round = entry?.rounds.find((r) => r.round === p.round);
      if (!entry || !round) throw new HallvoteError('NOT_FOUND', 'No such ballot round.');
      if (round.state !== 'open' && round.state !== 'closed')
        throw new HallvoteError('CONFLICT', 'Paper totals can be entered until the result is published.');
      const totals: PaperTotals = p.totals;
      checkTotals(entry.row.definition, totals);
      const audit = auditInput(ctx.clock, state.meeting.id, 'chair', 'paper.totals', {
        ballotId: p.ballotId,
        round: p.round,
        returned: totals.returned,
      });
      await ctx.store.recordPaperTotals(p.ballotId, p.round, totals, audit);
      state.paper.set(roundKey(p.ballotId, p.round), totals);
      if (round.state !== 'closed' || !round.result) return null;
      // Tallied again with the attendance it was closed with; the seal covers online rows only.
      const previous = round.result;
      const recount = await computeRoundResult(
        ctx.store,
        state,
        p.ballotId,
        p.round,
        previous.closedAt,
        previous.tally.attendance,
      );
      await ctx.store.updateResult(p.ballotId, p.round, recount, { ...audit, action: 'round.retallied' });
      const index = entry.rounds.indexOf(round);
      entry.rounds[index] = { ...round, result: recount };
      ctx.broadcaster.ballotChanged(state, p.ballotId);
      return recount;
    }),
  );
}
