import { voteCastSchema } from '@hallvote/shared';
import type { HallContext } from '../../context';
import type { MeetingState } from '../../hall/meeting-state';
import { tokenBucket } from '../../rate-limit';
import { onRequest, type HallSocket } from '../../with-validation';
import { castVote } from './cast-vote';

/** Delegate: cast a vote. The ack is sent only after the vote is committed to disk. */
export function registerVoteHandlers(ctx: HallContext, socket: HallSocket, state: MeetingState): void {
  const delegateId = socket.data.delegateId;
  if (!delegateId) return;
  onRequest(
    socket,
    ctx.log,
    'vote:cast',
    { roles: ['delegate'], schema: voteCastSchema, allow: tokenBucket(2, 10) },
    (p) => castVote(ctx, state, delegateId, p),
  );
}
