// What every view does with its connection: take the snapshot as the whole truth, apply numbered
// events only in order, ask for a new snapshot on a gap, and report the connection's state.
import { assertNever, type Snapshot } from '@hallvote/shared';
import { createSequenceGuard } from './sequence';
import type { HallSocket } from './socket';
import { isFinal, type ConnectionStatus } from './ui/connection';

/** Seconds between attempts when a resync request itself gets no answer. */
const RESYNC_RETRY_MS = 2000;

/**
 * After the server closed the connection (a check-in it could not record) or refused a handshake
 * for now (too many attempts), the next try waits: 1 s, then twice as long each time up to 30 s,
 * each with up to half of it taken off at random, so a hall's phones do not come back in step. A
 * snapshot (the server took us in) starts the count again.
 */
export function retryDelayMs(failures: number, random: () => number = Math.random): number {
  const base = Math.min(30_000, 1000 * 2 ** Math.min(failures, 5));
  return Math.round(base * (1 - random() / 2));
}

interface Options<S extends Snapshot> {
  readonly role: S['role'];
  readonly onSnapshot: (snapshot: S) => void;
  readonly getStatus: () => ConnectionStatus;
  readonly setStatus: (status: ConnectionStatus) => void;
}

/** A listener wrapper: `sequenced(fn)` runs `fn` only for the next event of the channel. */
export type Sequenced = <E extends { readonly seq: number }>(apply: (event: E) => void) => (event: E) => void;

export function bindSnapshots<S extends Snapshot>(socket: HallSocket, options: Options<S>): Sequenced {
  const { role, onSnapshot, getStatus, setStatus } = options;
  const isMine = (snapshot: Snapshot): snapshot is S => snapshot.role === role;

  let failures = 0;
  const retryLater = () => {
    setTimeout(() => {
      if (!isFinal(getStatus())) socket.reconnect();
    }, retryDelayMs(failures));
    failures += 1;
  };

  const take = (snapshot: Snapshot) => {
    if (!isMine(snapshot)) return;
    failures = 0;
    guard.reset(snapshot.seq);
    onSnapshot(snapshot);
    setStatus('online');
  };

  const resync = async (): Promise<void> => {
    const reply = await socket.request('sync:request', {});
    if (reply.ok) take(reply.data);
    else
      setTimeout(() => {
        if (getStatus() === 'online') void resync();
      }, RESYNC_RETRY_MS);
  };

  const guard = createSequenceGuard(() => void resync());

  socket.on('snapshot', take);
  socket.onConnection((event) => {
    const status = getStatus();
    // A badge opened elsewhere, re-issued, removed, or a refused credential is final: show it, never fight it.
    const final = isFinal(status);
    switch (event.type) {
      case 'connected':
        // The snapshot follows at once and flips the status to online.
        return;
      case 'disconnected':
        guard.suspend();
        if (final) return;
        setStatus('reconnecting');
        // socket.io only retries by itself when the server did not close the connection; then we
        // do, and not at once: the server may have closed it because it cannot take us in now.
        if (event.byServer) retryLater();
        return;
      case 'refused':
        if (final) return;
        // Too many attempts from here for now: try again later. Any other refusal is final.
        if (event.refusal.error === 'RATE_LIMITED') {
          setStatus(status === 'connecting' ? 'connecting' : 'reconnecting');
          retryLater();
        } else setStatus('refused');
        return;
      case 'unreachable':
        if (!final) setStatus(status === 'connecting' ? 'connecting' : 'reconnecting');
        return;
      default:
        assertNever(event);
    }
  });

  return (apply) => (event) => {
    if (guard.accept(event.seq)) apply(event);
  };
}
