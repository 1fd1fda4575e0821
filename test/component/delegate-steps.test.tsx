// The phone for keyboards, screen readers and reloads: focus follows each step, arrow keys move
// within an option group, names match what is shown, a new ballot is announced, marks survive a
// reload until confirmed or the round ends, and the offline screen says its piece once.
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { MyVote, VoteCastPayload } from '@hallvote/shared';
import { bindDelegateSocket } from '../../client/src/delegate/bind-delegate-socket';
import { DelegateApp } from '../../client/src/delegate/DelegateApp';
import { anchorBox } from '../../client/src/delegate/anchor-box';
import { draftBox } from '../../client/src/delegate/draft-box';
import { pendingVoteBox } from '../../client/src/delegate/pending-vote';
import { delegateStore, initialDelegateState } from '../../client/src/delegate/store';
import type { DelegateSession } from '../../client/src/delegate/vote-actions';
import { FakeSocket } from './support/fake-socket';
import { classificationBallot as classificationBallotSecret, delegateSnapshot } from './support/fixtures';

// The phone's steps, not its sealing (trust.test.tsx holds that): named ballots, whose marks
// travel as marked, so the payloads below can be read (a secret ballot without a seal key is not sent).
const classificationBallotNamed = (...args: Parameters<typeof classificationBallotSecret>) => ({
  ...classificationBallotSecret(...args),
  secret: false,
});

const TOKEN = 'badge-token';
const VOTE_ID = '0b5e7d0c-3f9e-4a57-9a35-6c1e2b7d4f10';

let socket: FakeSocket;

/** Opens the phone page as main.tsx does: a fresh socket, the store rebuilt from the phone's storage. */
function start(): void {
  socket = new FakeSocket();
  const session: DelegateSession = {
    socket,
    pendingVotes: pendingVoteBox(TOKEN, localStorage),
    drafts: draftBox(TOKEN, localStorage),
    anchors: anchorBox(TOKEN, localStorage),
    newVoteId: () => VOTE_ID,
  };
  delegateStore.setState({ pending: session.pendingVotes.load() });
  bindDelegateSocket(session);
  render(<DelegateApp session={session} />);
}

/** A page reload: the page and its store are gone, the phone's storage stays. */
function reload(): void {
  cleanup();
  delegateStore.setState({ ...initialDelegateState(), language: 'en' }, true);
  start();
}

const receipt = (vote: VoteCastPayload): MyVote => ({
  ballotId: vote.ballotId,
  round: vote.round,
  voteId: vote.voteId,
  receipt: 'K7Q2MX',
  marks: null,
});

beforeEach(() => {
  localStorage.clear();
  delegateStore.setState({ ...initialDelegateState(), language: 'en' }, true);
});

afterEach(() => {
  cleanup();
  localStorage.clear();
  vi.restoreAllMocks();
  delegateStore.setState(initialDelegateState(), true);
});

describe('focus follows the steps', () => {
  test('a newly opened ballot, the review and the recorded vote each take focus to their heading', async () => {
    start();
    socket.serverEmits('snapshot', delegateSnapshot());
    socket.serverEmits('ballot:updated', { seq: 6, ballot: classificationBallotNamed(), serverTime: Date.now() });
    expect(document.activeElement).toBe(
      screen.getByRole('heading', { level: 1, name: 'Xếp loại Đảng bộ tỉnh năm 2023' }),
    );

    fireEvent.click(screen.getByRole('radio', { name: 'Good' }));
    fireEvent.click(screen.getByRole('button', { name: 'Review my vote' }));
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Check your vote' }));

    socket.answer('vote:cast', (vote) => ({ ok: true, data: receipt(vote) }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm my vote' }));
    const recorded = await screen.findByRole('heading', { name: /Your vote is recorded/ });
    expect(document.activeElement).toBe(recorded);
  });
});

describe('arrow keys in an option group', () => {
  test('one tab stop per group; arrows move and choose, wrapping at the ends; Home and End', () => {
    start();
    socket.serverEmits('snapshot', delegateSnapshot({ ballot: classificationBallotNamed() }));
    const radios = screen.getAllByRole('radio');
    expect(radios.map((r) => r.tabIndex)).toEqual([0, -1, -1, -1]);

    fireEvent.click(screen.getByRole('radio', { name: 'Good' }));
    expect(screen.getAllByRole('radio').map((r) => r.tabIndex)).toEqual([-1, 0, -1, -1]);
    screen.getByRole('radio', { name: 'Good' }).focus();
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Completed' }));
    expect(screen.getByRole('radio', { name: 'Completed' })).toHaveAttribute('aria-checked', 'true');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(screen.getByRole('radio', { name: 'Excellent' })).toHaveAttribute('aria-checked', 'true');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Not completed' }));
    fireEvent.keyDown(document.activeElement!, { key: 'Home' });
    expect(document.activeElement).toBe(screen.getByRole('radio', { name: 'Excellent' }));
  });
});

describe('names and announcements', () => {
  test("every button's accessible name is its visible text (the language switch included)", () => {
    start();
    socket.serverEmits('snapshot', delegateSnapshot({ ballot: classificationBallotNamed() }));
    for (const button of screen.getAllByRole('button')) {
      const label = button.getAttribute('aria-label');
      if (label !== null) expect(label).toBe(button.textContent);
    }
    const switcher = screen.getByRole('button', { name: 'Tiếng Việt' });
    expect(switcher).toHaveTextContent('Tiếng Việt');
    fireEvent.click(switcher);
    expect(screen.getByRole('button', { name: 'English' })).toHaveTextContent('English');
  });

  test('a newly opened ballot is announced politely and the phone vibrates where it can', () => {
    const vibrate = vi.fn(() => true);
    Object.defineProperty(navigator, 'vibrate', { value: vibrate, configurable: true });
    start();
    socket.serverEmits('snapshot', delegateSnapshot());
    const live = document.querySelector('[aria-live="polite"].announcer');
    expect(live).not.toBeNull();
    expect(live?.textContent).toBe('');
    socket.serverEmits('ballot:updated', { seq: 6, ballot: classificationBallotNamed(), serverTime: Date.now() });
    expect(live?.textContent).toBe('New ballot: Xếp loại Đảng bộ tỉnh năm 2023');
    expect(vibrate).toHaveBeenCalledTimes(1);
    // The same round again (a countdown set, say) is no new ballot.
    socket.serverEmits('ballot:updated', {
      seq: 7,
      ballot: classificationBallotNamed({ closesAt: '2030-01-01T00:00:00Z' }),
      serverTime: Date.now(),
    });
    expect(vibrate).toHaveBeenCalledTimes(1);
  });

  test('offline after confirming: the phone says once that the vote is saved and will be sent', async () => {
    start();
    socket.serverEmits('snapshot', delegateSnapshot({ ballot: classificationBallotNamed() }));
    fireEvent.click(screen.getByRole('radio', { name: 'Good' }));
    fireEvent.click(screen.getByRole('button', { name: 'Review my vote' }));
    socket.connection({ type: 'disconnected', byServer: false });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm my vote' }));
    await screen.findByText('Sending your vote…');
    expect(screen.getAllByText(/saved on this phone/)).toHaveLength(1);
    expect(screen.queryByText('No answer from the server (is this device offline?).')).toBeNull();
  });

  test('no repeated title: a subject labelled like its ballot is not named twice', () => {
    start();
    const ballot = classificationBallotNamed({
      subjects: [{ id: 'province', label: 'Xếp loại Đảng bộ tỉnh năm 2023' }],
    });
    socket.serverEmits('snapshot', delegateSnapshot({ ballot }));
    expect(screen.getAllByText('Xếp loại Đảng bộ tỉnh năm 2023')).toHaveLength(1);
    expect(screen.getByRole('radiogroup', { name: 'Xếp loại Đảng bộ tỉnh năm 2023' })).toBeInTheDocument();
  });
});

describe('marks survive a reload', () => {
  test('until confirmed: after a reload the marks and the step are back; after the ack they are gone', async () => {
    start();
    socket.serverEmits('snapshot', delegateSnapshot({ ballot: classificationBallotNamed() }));
    fireEvent.click(screen.getByRole('radio', { name: 'Completed' }));
    reload();
    socket.serverEmits('snapshot', delegateSnapshot({ ballot: classificationBallotNamed() }));
    expect(screen.getByRole('radio', { name: 'Completed' })).toHaveAttribute('aria-checked', 'true');

    fireEvent.click(screen.getByRole('button', { name: 'Review my vote' }));
    socket.answer('vote:cast', (vote) => ({ ok: true, data: receipt(vote) }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm my vote' }));
    await screen.findByText('Your vote is recorded');
    expect(Object.keys(localStorage).filter((k) => k.includes('draft'))).toEqual([]);
  });

  test('until the round ends: marks of a closed round, or of another round, are not brought back', () => {
    start();
    socket.serverEmits('snapshot', delegateSnapshot({ ballot: classificationBallotNamed() }));
    fireEvent.click(screen.getByRole('radio', { name: 'Completed' }));
    reload();
    socket.serverEmits('snapshot', delegateSnapshot({ ballot: classificationBallotNamed({ round: 2 }) }));
    expect(screen.getByRole('radio', { name: 'Completed' })).toHaveAttribute('aria-checked', 'false');
    expect(Object.keys(localStorage).filter((k) => k.includes('draft'))).toEqual([]);

    fireEvent.click(screen.getByRole('radio', { name: 'Good' }));
    socket.serverEmits('ballot:updated', {
      seq: 6,
      ballot: classificationBallotNamed({ round: 2, state: 'closed' }),
      serverTime: Date.now(),
    });
    expect(Object.keys(localStorage).filter((k) => k.includes('draft'))).toEqual([]);
  });
});
