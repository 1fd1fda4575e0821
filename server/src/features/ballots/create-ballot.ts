// A new ballot, in draft until the chair opens it.
import type { BallotDefinition, ParsedRequest } from '@hallvote/shared';
import { auditInput } from '../../audit-input';
import { newId } from '../../auth';
import type { HallContext } from '../../context';
import type { MeetingState } from '../../hall/meeting-state';

/** Stores the chair's ballot definition and announces the draft; returns its id. */
export async function createBallot(
  ctx: HallContext,
  state: MeetingState,
  p: ParsedRequest<'ballot:create'>,
): Promise<{ ballotId: string }> {
  // Rebuilt field by field so that optional fields are absent, never `undefined`.
  const definition: BallotDefinition = {
    title: p.title,
    kind: p.kind,
    secret: p.secret,
    subjects: p.subjects.map((s) => ({ id: s.id, label: s.label, ...(s.group ? { group: s.group } : {}) })),
    options: p.options.map((o) => ({ id: o.id, label: o.label, ...(o.abstain ? { abstain: true } : {}) })),
    ...(p.seats !== undefined ? { seats: p.seats } : {}),
    allowChange: p.allowChange,
    ...(p.countdownSeconds !== undefined ? { countdownSeconds: p.countdownSeconds } : {}),
    interimForChair: p.interimForChair,
    ...(p.earlyCloseMinimum !== undefined ? { earlyCloseMinimum: p.earlyCloseMinimum } : {}),
  };
  const row = { id: newId(), meetingId: state.meeting.id, definition, createdAt: ctx.clock.now().toISOString() };
  await ctx.store.createBallot(
    row,
    auditInput(ctx.clock, state.meeting.id, 'chair', 'ballot.created', {
      ballotId: row.id,
      kind: definition.kind,
      secret: definition.secret,
      ...(definition.earlyCloseMinimum !== undefined ? { earlyCloseMinimum: definition.earlyCloseMinimum } : {}),
    }),
  );
  state.addBallot(row);
  ctx.broadcaster.ballotChanged(state, row.id);
  return { ballotId: row.id };
}
