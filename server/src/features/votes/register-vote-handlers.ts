import type { HallContext } from '../../context';
import type { MeetingState } from '../../hall/meeting-state';
import { onRequest, type HallSocket } from '../../with-validation';
import { castSplit } from './cast-split';
import { castVote } from './cast-vote';

/** Delegate: cast a vote. The ack is sent only after the vote is committed to disk. */
export function registerVoteHandlers(ctx: HallContext, socket: HallSocket, state: MeetingState): void {
  onRequest(socket, ctx.log, 'vote:cast', (p, delegate) => castVote(ctx, state, delegate.delegateId, p));
  onRequest(socket, ctx.log, 'vote:cast-split', (p, delegate) => castSplit(ctx, state, delegate.delegateId, p));
}
