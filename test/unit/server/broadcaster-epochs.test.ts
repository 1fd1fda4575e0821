// Sequence numbers across owners: a node that takes a meeting over numbers its announcements from
// epoch × 2^32, so a client never sees a number go backwards when its meeting moves.
import { Server } from 'socket.io';
import { expect, test } from 'vitest';
import { EPOCH_STRIDE, SocketBroadcaster, type HallServer } from '../../../server/src/features/sync/broadcaster';
import type { MeetingState } from '../../../server/src/hall/meeting-state';

test('numbers start above every earlier owner: epoch × 2^32, per audience, and forget() clears them', () => {
  const io: HallServer = new Server();
  const b = new SocketBroadcaster(
    io,
    () => Promise.resolve(null),
    () => Date.now(),
  );
  expect(b.seq('m', 'delegate')).toBe(0);
  b.startEpoch({ meeting: { id: 'm' } } as MeetingState, 3);
  expect(b.seq('m', 'delegate')).toBe(3 * EPOCH_STRIDE);
  expect(b.seq('m', 'chair')).toBe(3 * EPOCH_STRIDE);
  // An owner at epoch 3 that sent 2^32 - 1 events is still below the next owner's first.
  expect(3 * EPOCH_STRIDE + (EPOCH_STRIDE - 1)).toBeLessThan(4 * EPOCH_STRIDE);
  b.forget('m');
  expect(b.seq('m', 'projector')).toBe(0);
  b.stop();
});
