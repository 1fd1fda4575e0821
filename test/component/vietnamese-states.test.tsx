// Every state of the phone, the projector and the admin page in Vietnamese (issue 16): no English
// dictionary string and no English sentence of three words or more, with the refusals the issue
// found in English on the phone ("not checked in", "not connected") said in Vietnamese.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { RULE_PRESETS, type DelegateSnapshot, type ProjectorSnapshot } from '@hallvote/shared';
import { AdminApp } from '../../client/src/admin/AdminApp';
import { loadPresets } from '../../client/src/admin/admin-api';
import { adminStore, initialAdminState } from '../../client/src/admin/store';
import { bindDelegateSocket } from '../../client/src/delegate/bind-delegate-socket';
import { DelegateApp } from '../../client/src/delegate/DelegateApp';
import { anchorBox } from '../../client/src/delegate/anchor-box';
import { draftBox } from '../../client/src/delegate/draft-box';
import { pendingVoteBox } from '../../client/src/delegate/pending-vote';
import { delegateStore, initialDelegateState } from '../../client/src/delegate/store';
import { bindProjectorSocket } from '../../client/src/projector/bind-projector-socket';
import { ProjectorApp } from '../../client/src/projector/ProjectorApp';
import { initialProjectorState, projectorStore } from '../../client/src/projector/store';
import { englishIn } from '../support/english';
import { FakeSocket } from './support/fake-socket';
import {
  batchBallot,
  batchResult,
  classificationBallot,
  delegateSnapshot,
  hallStoryResult,
  projectorSnapshot,
} from './support/fixtures';

let socket: FakeSocket;
const text = () => document.body.textContent ?? '';

beforeEach(() => {
  localStorage.clear();
  delegateStore.setState({ ...initialDelegateState(), language: 'vi' }, true);
  projectorStore.setState({ ...initialProjectorState(), language: 'vi' }, true);
});
afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.unstubAllGlobals();
  delegateStore.setState(initialDelegateState(), true);
  projectorStore.setState(initialProjectorState(), true);
});

function phone(snapshot: DelegateSnapshot): void {
  socket = new FakeSocket();
  const session = {
    socket,
    pendingVotes: pendingVoteBox('t', localStorage),
    drafts: draftBox('t', localStorage),
    anchors: anchorBox('t', localStorage),
    newVoteId: () => 'vote-id',
  };
  bindDelegateSocket(session);
  render(<DelegateApp session={session} />);
  socket.serverEmits('snapshot', snapshot);
}

const published = classificationBallot({ state: 'published', closedAt: '2024-01-10T08:10:00.000Z' });

describe('the phone in Vietnamese, every state', () => {
  test.each<[string, DelegateSnapshot]>([
    ['waiting', delegateSnapshot()],
    ['an open classification', delegateSnapshot({ ballot: classificationBallot() })],
    ['an open batch', delegateSnapshot({ ballot: batchBallot(4) })],
    ['closed', delegateSnapshot({ ballot: classificationBallot({ state: 'closed' }) })],
    ['published', delegateSnapshot({ ballot: published, result: hallStoryResult(published) })],
    ['cancelled', delegateSnapshot({ ballot: classificationBallot({ state: 'cancelled' }) })],
  ])('%s', (_, snapshot) => {
    phone(snapshot);
    expect(englishIn(text())).toEqual([]);
  });

  test('a vote from a member not checked in is refused in Vietnamese, never "You are not checked in"', async () => {
    // An open ballot: a secret one without a seal key is not sent at all (NOT_SEALED, below).
    phone(delegateSnapshot({ ballot: classificationBallot({ secret: false }) }));
    socket.answer('vote:cast', () => ({ ok: false, error: 'NOT_PRESENT', params: { attendance: 'absent' } }));
    fireEvent.click(screen.getByRole('radio', { name: 'Hoàn thành tốt nhiệm vụ' }));
    fireEvent.click(screen.getByRole('button', { name: 'Xem lại phiếu' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Xác nhận bỏ phiếu' }));
    });
    expect(text()).toMatch(/điểm danh|có mặt/);
    expect(text()).not.toMatch(/checked in|ask the chair/i);
    expect(englishIn(text())).toEqual([]);
  });

  test('a secret ballot without its seal key is not sent, and the phone says why in Vietnamese', async () => {
    phone(delegateSnapshot({ ballot: classificationBallot({ sealKey: null }) }));
    fireEvent.click(screen.getByRole('radio', { name: 'Hoàn thành tốt nhiệm vụ' }));
    fireEvent.click(screen.getByRole('button', { name: 'Xem lại phiếu' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Xác nhận bỏ phiếu' }));
    });
    expect(socket.sent('vote:cast')).toEqual([]);
    expect(text()).toMatch(/không kèm khóa niêm phong.*báo người chủ trì/);
    expect(englishIn(text())).toEqual([]);
  });

  test('offline: the phone says so in Vietnamese, never "Not connected to the server"', () => {
    phone(delegateSnapshot({ ballot: classificationBallot() }));
    act(() => socket.connection({ type: 'disconnected', byServer: false }));
    expect(text()).toMatch(/kết nối/);
    expect(text()).not.toMatch(/Not connected|Connection lost/);
    expect(englishIn(text())).toEqual([]);
  });
});

describe('the projector in Vietnamese, every state', () => {
  const batch = batchBallot(5, { state: 'published' });
  test.each<[string, ProjectorSnapshot]>([
    ['waiting', projectorSnapshot()],
    ['open', projectorSnapshot({ ballot: classificationBallot() })],
    ['closed', projectorSnapshot({ ballot: classificationBallot({ state: 'closed' }) })],
    ['published', projectorSnapshot({ ballot: published, result: hallStoryResult(published) })],
    ['a published batch with a warning', projectorSnapshot({ ballot: batch, result: batchResult(batch) })],
  ])('%s', (_, snapshot) => {
    socket = new FakeSocket();
    bindProjectorSocket(socket);
    render(<ProjectorApp />);
    socket.serverEmits('snapshot', snapshot);
    expect(englishIn(text())).toEqual([]);
  });
});

test('the admin page in Vietnamese names every rule preset in Vietnamese', async () => {
  vi.stubGlobal('fetch', async () => Response.json({ ok: true, data: Object.values(RULE_PRESETS) }));
  adminStore.setState({ ...initialAdminState(), language: 'vi', token: 'admin-token' });
  await loadPresets();
  render(<AdminApp />);
  expect(text()).not.toMatch(/Party organisation classification/);
  expect(englishIn(text())).toEqual([]);
});
