import { ballotDefinitionSchema, ballotIdSchema, ballotPublishSchema } from '@hallvote/shared';
import type { HallContext } from '../../context';
import { exclusive } from '../../hall/exclusive';
import type { MeetingState } from '../../hall/meeting-state';
import { onRequest, type HallSocket } from '../../with-validation';
import { cancelRound, closeRound, openRound, publishRound } from './ballot-lifecycle';
import { createBallot } from './create-ballot';

/** Chair: create a ballot, open, close, publish, cancel, re-vote. */
export function registerBallotHandlers(ctx: HallContext, socket: HallSocket, state: MeetingState): void {
  const chair = ['chair'] as const;
  const { log } = ctx;

  onRequest(socket, log, 'ballot:create', { roles: chair, schema: ballotDefinitionSchema }, (p) =>
    exclusive(state, () => createBallot(ctx, state, p)),
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
