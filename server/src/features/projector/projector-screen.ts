// The chair drives the projector apart from the phones: the live view, a blank screen or a slide
// with the meeting's title, and whether the current ballot's published result is up there. Display
// only: nothing here is stored or audited (a result on the projector is public on every phone
// already), so a restart brings the live view back.
import type { ParsedRequest, ProjectorScreen } from '@hallvote/shared';
import type { HallContext } from '../../context';
import type { MeetingState } from '../../hall/meeting-state';

export function setProjectorScreen(
  ctx: HallContext,
  state: MeetingState,
  p: ParsedRequest<'projector:set-screen'>,
): ProjectorScreen {
  state.setProjector({ ...state.projector, mode: p.mode, slideText: p.mode === 'slide' ? p.slideText : '' });
  ctx.broadcaster.projectorChanged(state);
  return state.projector;
}

/** Shows the current ballot's result on the projector once published (or now, if it is), or takes it off. */
export function showResultOnProjector(ctx: HallContext, state: MeetingState, shown: boolean): ProjectorScreen {
  state.setProjector({ ...state.projector, resultShown: shown });
  ctx.broadcaster.projectorChanged(state);
  return state.projector;
}
