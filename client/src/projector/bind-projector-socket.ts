// The projector's socket listeners, outside React: they write the store and nothing else.
import type { ProjectorSnapshot } from '@hallvote/shared';
import type { HallSocket } from '../socket';
import { bindSnapshots } from '../sync-binding';
import { ofCurrentRound, projectorStore } from './store';

export function bindProjectorSocket(socket: HallSocket): void {
  const set = projectorStore.setState;
  const sequenced = bindSnapshots<ProjectorSnapshot>(socket, {
    role: 'projector',
    getStatus: () => projectorStore.getState().connection,
    setStatus: (connection) => set({ connection }),
    onSnapshot: (s) =>
      set({
        meeting: s.meeting,
        presence: s.presence,
        ballot: s.ballot,
        turnout: s.turnout,
        result: s.result,
        anchor: s.anchor,
        screen: s.screen,
      }),
  });

  socket.on(
    'ballot:updated',
    sequenced((e) =>
      set((state) => {
        const same = ofCurrentRound(
          e.ballot,
          state.ballot ? { ballotId: state.ballot.id, round: state.ballot.round } : null,
        );
        return { ballot: e.ballot, ...(same ? {} : { turnout: null, result: null, anchor: null }) };
      }),
    ),
  );
  socket.on(
    'result:published',
    sequenced((e) => set({ result: e.result, anchor: e.anchor })),
  );
  // The chair blanked the screen, held it on a slide, or showed or hid the result.
  socket.on(
    'projector:updated',
    sequenced((e) => set({ screen: e.screen, result: e.result, anchor: e.anchor })),
  );
  socket.on(
    'presence:updated',
    sequenced((e) => set({ presence: e.presence })),
  );
  socket.on(
    'turnout:updated',
    sequenced((e) => set({ turnout: e.turnout })),
  );
}
