// Keeps the phone's screen on while a ballot is open, where the browser allows it (it needs a
// secure context and a visible page). Any failure is ignored: the screen lock is a comfort.
import { isFinal } from '../ui/connection';
import { delegateStore, type DelegateState } from './store';

interface WakeLockSentinelLike {
  release(): Promise<void>;
}

interface WakeLockLike {
  request(type: 'screen'): Promise<WakeLockSentinelLike>;
}

const wantsLock = (s: DelegateState) => s.ballot?.state === 'open' && !isFinal(s.connection);

export function bindWakeLock(): void {
  const wakeLock = (navigator as Navigator & { wakeLock?: WakeLockLike }).wakeLock;
  if (!wakeLock) return;
  let sentinel: WakeLockSentinelLike | null = null;
  let requesting = false;

  const sync = () => {
    const want = wantsLock(delegateStore.getState()) && document.visibilityState === 'visible';
    if (want && !sentinel && !requesting) {
      requesting = true;
      wakeLock
        .request('screen')
        .then((s) => {
          sentinel = s;
          if (!wantsLock(delegateStore.getState())) void release();
        })
        .catch(() => undefined)
        .finally(() => {
          requesting = false;
        });
    } else if (!want && sentinel) {
      void release();
    }
  };

  const release = async () => {
    const s = sentinel;
    sentinel = null;
    await s?.release().catch(() => undefined);
  };

  delegateStore.subscribe(sync);
  // The browser drops the lock when the page is hidden; take it again when it comes back.
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') sentinel = null;
    sync();
  });
  sync();
}
