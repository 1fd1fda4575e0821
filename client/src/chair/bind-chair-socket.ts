// The console's socket listeners, outside React: they write the store and nothing else.
import type { ChairBallotView, ChairSnapshot, Delegate } from '@hallvote/shared';
import type { HallSocket } from '../socket';
import { bindSnapshots } from '../sync-binding';
import { chairStore } from './store';

function mergeDelegates(
  current: readonly Delegate[],
  changed: readonly Delegate[],
  removedIds: readonly string[],
): readonly Delegate[] {
  const byId = new Map(changed.map((d) => [d.id, d]));
  const removed = new Set(removedIds);
  const kept = current.filter((d) => !removed.has(d.id)).map((d) => byId.get(d.id) ?? d);
  const known = new Set(current.map((d) => d.id));
  return [...kept, ...changed.filter((d) => !known.has(d.id) && !removed.has(d.id))];
}

function upsertBallot(ballots: readonly ChairBallotView[], ballot: ChairBallotView): readonly ChairBallotView[] {
  return ballots.some((b) => b.id === ballot.id)
    ? ballots.map((b) => (b.id === ballot.id ? ballot : b))
    : [...ballots, ballot];
}

/** The open ballot, else the latest one that was opened, else none (the builder). */
function ballotInProgress(ballots: readonly ChairBallotView[]): string | null {
  const open = ballots.find((b) => b.state === 'open');
  if (open) return open.id;
  const opened = ballots
    .filter((b) => b.openedAt !== null)
    .sort((a, b) => (a.openedAt ?? '').localeCompare(b.openedAt ?? ''));
  return opened.at(-1)?.id ?? null;
}

export function bindChairSocket(socket: HallSocket): void {
  const set = chairStore.setState;
  const sequenced = bindSnapshots<ChairSnapshot>(socket, {
    role: 'chair',
    getStatus: () => chairStore.getState().connection,
    setStatus: (connection) => set({ connection }),
    onSnapshot: (s) =>
      set((state) => ({
        meeting: s.meeting,
        presence: s.presence,
        delegates: s.delegates,
        ballots: s.ballots,
        projectorKey: s.projectorKey,
        proxies: s.proxies,
        storage: s.storage,
        plainHttp: s.plainHttp,
        projector: s.projector,
        // A console opened (or reloaded) mid-meeting lands on the ballot in progress.
        ...(state.meeting === null ? { selectedBallotId: ballotInProgress(s.ballots) } : {}),
      })),
  });

  // A meeting the server refused at start-up: the console says what differs, not just "refused".
  socket.onConnection((event) => {
    if (event.type === 'refused' && event.refusal.error === 'STATE_MISMATCH') set({ refusal: event.refusal });
  });

  socket.on(
    'console:roster-updated',
    sequenced((e) =>
      set((state) => ({
        presence: e.presence,
        delegates: e.full ? e.delegates : mergeDelegates(state.delegates, e.delegates, e.removedIds),
      })),
    ),
  );

  socket.on(
    'console:proxies-updated',
    sequenced((e) => set({ proxies: e.proxies, presence: e.presence })),
  );

  socket.on(
    'console:ballot-updated',
    sequenced((e) => set((state) => ({ ballots: upsertBallot(state.ballots, e.ballot) }))),
  );

  socket.on(
    'console:storage-updated',
    sequenced((e) => set({ storage: e.storage })),
  );

  socket.on(
    'console:projector-updated',
    sequenced((e) => set({ projector: e.projector })),
  );
}
