import type { HallContext } from '../../context';
import { exclusive } from '../../hall/exclusive';
import type { MeetingState } from '../../hall/meeting-state';
import { onRequest, type HallSocket } from '../../with-validation';
import { cancelRound, closeRound, openRound, prepareRevote, publishRound } from './ballot-lifecycle';
import { createBallot } from './create-ballot';
import { createFollowUp } from './follow-up';

/** Chair: create a ballot (or the follow-up vote a result calls for), open, close, publish, cancel, prepare a re-vote. */
export function registerBallotHandlers(ctx: HallContext, socket: HallSocket, state: MeetingState): void {
  const { log } = ctx;

  onRequest(socket, log, 'ballot:create', (p) => exclusive(state, () => createBallot(ctx, state, p)));
  onRequest(socket, log, 'ballot:create-follow-up', (p) => exclusive(state, () => createFollowUp(ctx, state, p)));
  onRequest(socket, log, 'ballot:open', (p) =>
    exclusive(state, () => openRound(ctx, state, p.ballotId, p.acceptSecrecyRisk)),
  );
  onRequest(socket, log, 'ballot:revote', (p) => exclusive(state, () => prepareRevote(ctx, state, p.ballotId)));
  onRequest(socket, log, 'ballot:close', (p) => exclusive(state, () => closeRound(ctx, state, p.ballotId)));
  onRequest(socket, log, 'ballot:publish', (p) =>
    exclusive(state, () => publishRound(ctx, state, p.ballotId, p.acknowledgement, p.showOnProjector)),
  );
  onRequest(socket, log, 'ballot:cancel', (p) => exclusive(state, () => cancelRound(ctx, state, p.ballotId)));
}
