import type { HallContext } from '../../context';
import { exclusive } from '../../hall/exclusive';
import type { MeetingState } from '../../hall/meeting-state';
import { onRequest, type HallSocket } from '../../with-validation';
import { setProjectorScreen, showResultOnProjector } from './projector-screen';

/** Chair: what the projector shows, apart from what the phones get. */
export function registerProjectorHandlers(ctx: HallContext, socket: HallSocket, state: MeetingState): void {
  // In the chair's queue: a publish in flight decides first whether the result goes up.
  onRequest(socket, ctx.log, 'projector:set-screen', (p) =>
    exclusive(state, () => Promise.resolve(setProjectorScreen(ctx, state, p))),
  );
  onRequest(socket, ctx.log, 'projector:show-result', (p) =>
    exclusive(state, () => Promise.resolve(showResultOnProjector(ctx, state, p.shown))),
  );
}
