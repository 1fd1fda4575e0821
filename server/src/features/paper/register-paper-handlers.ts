import type { HallContext } from '../../context';
import { exclusive } from '../../hall/exclusive';
import type { MeetingState } from '../../hall/meeting-state';
import { onRequest, type HallSocket } from '../../with-validation';
import { markPaperVoter, recordPaperTotals } from './paper-ballots';

/** Chair: who voted on paper, and the counting committee's paper totals. */
export function registerPaperHandlers(ctx: HallContext, socket: HallSocket, state: MeetingState): void {
  onRequest(socket, ctx.log, 'paper:mark-voted', (p) =>
    exclusive(state, () => markPaperVoter(ctx, state, p.ballotId, p.delegateId)),
  );
  onRequest(socket, ctx.log, 'paper:record-totals', (p) =>
    exclusive(state, () => recordPaperTotals(ctx, state, p.ballotId, p.round, p.totals)),
  );
}
