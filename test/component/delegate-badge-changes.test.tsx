// The phone when the chair changes its badge (issue 15): re-issued or removed, it says so and
// stops; added after the open ballot, it says it votes from the next one, and then does.
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { anchorBox } from '../../client/src/delegate/anchor-box';
import { bindDelegateSocket } from '../../client/src/delegate/bind-delegate-socket';
import { DelegateApp } from '../../client/src/delegate/DelegateApp';
import { draftBox } from '../../client/src/delegate/draft-box';
import { pendingVoteBox } from '../../client/src/delegate/pending-vote';
import { delegateStore, initialDelegateState } from '../../client/src/delegate/store';
import type { DelegateSession } from '../../client/src/delegate/vote-actions';
import { FakeSocket } from './support/fake-socket';
import { classificationBallot, delegateSnapshot } from './support/fixtures';

let socket: FakeSocket;

function start(): void {
  socket = new FakeSocket();
  const session: DelegateSession = {
    socket,
    pendingVotes: pendingVoteBox('badge', localStorage),
    drafts: draftBox('badge', localStorage),
    anchors: anchorBox('badge', localStorage),
    newVoteId: () => '0b5e7d0c-3f9e-4a57-9a35-6c1e2b7d4f10',
  };
  bindDelegateSocket(session);
  render(<DelegateApp session={session} />);
}

beforeEach(() => {
  localStorage.clear();
  delegateStore.setState({ ...initialDelegateState(), language: 'en' }, true);
});

afterEach(() => {
  cleanup();
  localStorage.clear();
  delegateStore.setState(initialDelegateState(), true);
});

test.each([
  ['reissued', 'This badge has been replaced', 'Scan the QR code of the new badge.'],
  ['removed', 'This badge is no longer on the roster', 'The chair removed this member from the roster.'],
] as const)('%s: the phone says why, and does not reconnect', (reason, title, hint) => {
  start();
  socket.serverEmits('snapshot', delegateSnapshot({ ballot: classificationBallot() }));
  socket.serverEmits('session:revoked', { reason });
  socket.connection({ type: 'disconnected', byServer: true });
  expect(screen.getByRole('alert')).toHaveTextContent(title);
  expect(screen.getByRole('alert')).toHaveTextContent(hint);
  expect(socket.reconnects).toBe(0);
  // A refused handshake afterwards (the old token) does not replace the reason.
  socket.connection({
    type: 'refused',
    refusal: { ok: false, error: 'UNAUTHORIZED', params: { credential: 'badge' } },
  });
  expect(screen.getByRole('alert')).toHaveTextContent(title);
});

test('added after the open ballot: told so instead of a ballot; the next round is theirs', () => {
  start();
  socket.serverEmits(
    'snapshot',
    delegateSnapshot({ ballot: classificationBallot(), joinedAfter: { ballotId: 'b1', round: 1 } }),
  );
  expect(screen.getByRole('heading', { name: 'You joined after this ballot opened' })).toBeInTheDocument();
  expect(screen.queryByRole('radio')).not.toBeInTheDocument();
  socket.serverEmits('ballot:updated', {
    seq: 6,
    ballot: classificationBallot({ id: 'b2', title: 'Ballot 2' }),
    serverTime: Date.now(),
  });
  expect(screen.queryByRole('heading', { name: 'You joined after this ballot opened' })).not.toBeInTheDocument();
  expect(screen.getByRole('radio', { name: 'Good' })).toBeInTheDocument();
});
