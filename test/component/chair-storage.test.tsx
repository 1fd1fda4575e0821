// The chair is never left unaware that a secret round's scrub is waiting for another program to let
// go of the database files: a notice while it waits, from the snapshot or the announcement, gone
// when it is done.
import { cleanup, render, screen } from '@testing-library/react';
import { expect, test } from 'vitest';
import { bindChairSocket } from '../../client/src/chair/bind-chair-socket';
import { ChairApp } from '../../client/src/chair/ChairApp';
import { resetChairStoreAroundEachTest } from './support/chair-store-reset';
import { FakeSocket } from './support/fake-socket';
import { chairSnapshot } from './support/fixtures';

resetChairStoreAroundEachTest();

function start(snapshot = chairSnapshot()): FakeSocket {
  const socket = new FakeSocket();
  bindChairSocket(socket);
  render(<ChairApp session={{ socket, meetingId: 'm1', chairKey: 'chair-key' }} />);
  socket.serverEmits('snapshot', snapshot);
  return socket;
}

const notice = () => screen.queryByRole('alert');

test('a scrub waiting since the snapshot is shown with its time, and goes when it is done', () => {
  const socket = start(chairSnapshot({ storage: { scrubPendingSince: '2031-03-04T05:06:07.000Z' } }));
  expect(notice()).toHaveTextContent(/another program has been reading the database files/);
  expect(notice()).toHaveTextContent(/2031/);
  socket.serverEmits('console:storage-updated', { seq: 4, storage: { scrubPendingSince: null } });
  expect(notice()).not.toBeInTheDocument();
  cleanup();
});

test('announced while the console is open', () => {
  const socket = start();
  expect(notice()).not.toBeInTheDocument();
  socket.serverEmits('console:storage-updated', { seq: 4, storage: { scrubPendingSince: '2031-03-04T05:06:07.000Z' } });
  expect(notice()).toBeInTheDocument();
});
