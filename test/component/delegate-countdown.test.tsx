// A phone whose own clock is wrong counts down to the server's deadline: the snapshot and each
// ballot update carry the server's clock, and the countdown runs on it (refreshed once a second, so a
// reading may be a second high).
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { bindDelegateSocket } from '../../client/src/delegate/bind-delegate-socket';
import { DelegateApp } from '../../client/src/delegate/DelegateApp';
import { delegateStore, initialDelegateState } from '../../client/src/delegate/store';
import { FakeSocket } from './support/fake-socket';
import { classificationBallot, delegateSnapshot } from './support/fixtures';

beforeEach(() => delegateStore.setState({ ...initialDelegateState(), language: 'en' }, true));
afterEach(() => {
  cleanup();
  delegateStore.setState(initialDelegateState(), true);
});

function start(): FakeSocket {
  const socket = new FakeSocket();
  const session = {
    socket,
    pendingVotes: { load: () => null, save: () => undefined, clear: () => undefined },
    drafts: { load: () => null, save: () => undefined, clear: () => undefined },
    anchors: { keep: () => null, all: () => [] },
    newVoteId: () => crypto.randomUUID(),
  };
  bindDelegateSocket(session);
  render(<DelegateApp session={session} />);
  return socket;
}

test.each([
  ['90 s slow', 90_000],
  ['5 min fast', -300_000],
])('a phone %s shows the ten minutes the server gives, from the snapshot and from an update', (_, behind) => {
  const socket = start();
  const serverNow = Date.now() + behind;
  const ballot = classificationBallot({ closesAt: new Date(serverNow + 600_000).toISOString() });
  socket.serverEmits('snapshot', delegateSnapshot({ ballot, serverTime: serverNow }));
  expect(screen.getByText(/^Closes in (10:01|10:00|9:59)$/)).toBeInTheDocument();
  const next = classificationBallot({ id: 'b2', closesAt: new Date(serverNow + 120_000).toISOString() });
  socket.serverEmits('ballot:updated', { seq: 6, ballot: next, serverTime: serverNow });
  expect(screen.getByText(/^Closes in (2:01|2:00|1:59)$/)).toBeInTheDocument();
});
