import { ballotDefinitionSchema, ballotIdSchema, ballotPublishSchema, type BallotDefinition } from '@hallvote/shared';
import { newId } from '../../auth';
import { auditInput } from '../../audit-input';
import type { HallContext } from '../../context';
import { exclusive } from '../../hall/exclusive';
import type { MeetingState } from '../../hall/meeting-state';
import { onRequest, type HallSocket } from '../../with-validation';
import { cancelRound, closeRound, openRound, publishRound } from './ballot-lifecycle';

/** Chair: create a ballot, open, close, publish, cancel, re-vote. */
export function registerBallotHandlers(ctx: HallContext, socket: HallSocket, state: MeetingState): void {
  const chair = ['chair'] as const;
  const { log } = ctx;

  onRequest(socket, log, 'ballot:create', { roles: chair, schema: ballotDefinitionSchema }, (p) =>
    exclusive(state, async () => {
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
      };
      const row = { id: newId(), meetingId: state.meeting.id, definition, createdAt: ctx.clock.now().toISOString() };
      await ctx.store.createBallot(
        row,
        auditInput(ctx.clock, state.meeting.id, 'chair', 'ballot.created', {
          ballotId: row.id,
          kind: definition.kind,
          secret: definition.secret,
        }),
      );
      state.ballots.set(row.id, { row, rounds: [] });
      ctx.broadcaster.ballotChanged(state, row.id);
      return { ballotId: row.id };
    }),
  );

  onRequest(socket, log, 'ballot:open', { roles: chair, schema: ballotIdSchema }, (p) =>
    exclusive(state, () => openRound(ctx, state, p.ballotId, false)),
  );
  onRequest(socket, log, 'ballot:revote', { roles: chair, schema: ballotIdSchema }, (p) =>
    exclusive(state, () => openRound(ctx, state, p.ballotId, true)),
  );
  onRequest(socket, log, 'ballot:close', { roles: chair, schema: ballotIdSchema }, (p) =>
    exclusive(state, () => closeRound(ctx, state, p.ballotId)),
  );
  onRequest(socket, log, 'ballot:publish', { roles: chair, schema: ballotPublishSchema }, (p) =>
    exclusive(state, () => publishRound(ctx, state, p.ballotId, p.acknowledgement)),
  );
  onRequest(socket, log, 'ballot:cancel', { roles: chair, schema: ballotIdSchema }, (p) =>
    exclusive(state, () => cancelRound(ctx, state, p.ballotId)),
  );
}
