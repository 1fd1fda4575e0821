// The follow-up vote a published result calls for, in one action: a confidence rating's band
// "may resign, otherwise a vote of no confidence" → a draft vote of no confidence for the
// officials in that band, under the preset the band names. The chair opens it like any draft.
import { HallvoteError, followUpVotes, type BallotDefinition, type ParsedRequest } from '@hallvote/shared';
import type { HallContext } from '../../context';
import type { MeetingState } from '../../hall/meeting-state';
import { storeBallot, subjectOf } from './create-ballot';

export async function createFollowUp(
  ctx: HallContext,
  state: MeetingState,
  p: ParsedRequest<'ballot:create-follow-up'>,
): Promise<{ ballotId: string }> {
  state.ballotOf(p.ballotId);
  const round = state.roundOf(p.ballotId, p.round);
  if (!round) throw new HallvoteError('NOT_FOUND', { what: 'round' });
  // Until it is published a result can still change (paper totals, a cancel); the vote it calls
  // for follows the result the hall has seen.
  if (round.state !== 'published' || !round.result)
    throw new HallvoteError('CONFLICT', { reason: 'follow-up-not-published' });
  const vote = followUpVotes(round.result.tally).find((v) => v.optionId === p.optionId && v.bandId === p.bandId);
  if (!vote) throw new HallvoteError('CONFLICT', { reason: 'follow-up-none' });
  const source = { ballotId: p.ballotId, round: p.round, optionId: p.optionId, bandId: p.bandId };
  for (const entry of state.ballots.values()) {
    const of = entry.row.definition.followUpOf;
    if (
      of?.ballotId === source.ballotId &&
      of.round === source.round &&
      of.bandId === source.bandId &&
      of.optionId === source.optionId
    )
      throw new HallvoteError('CONFLICT', { reason: 'follow-up-exists' });
  }
  const definition: BallotDefinition = {
    title: p.title,
    kind: vote.ballot.kind,
    secret: vote.ballot.secret,
    subjects: vote.ballot.subjects.map(subjectOf),
    options: vote.ballot.options.map((o) => ({ id: o.id, label: o.label, ...(o.abstain ? { abstain: true } : {}) })),
    allowChange: false,
    interimForChair: false,
    rules: { id: vote.rules.id, version: vote.rules.version },
    followUpOf: source,
  };
  return storeBallot(ctx, state, definition, vote.rules);
}
