// The phone: idle, an open ballot, a batch with review and confirm, voted, reconnecting, a vote
// that survives a reload, closed, published, a badge replaced or refused, and its language.
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { MyVote, VoteCastPayload } from '@hallvote/shared';
import { bindDelegateSocket } from '../../client/src/delegate/bind-delegate-socket';
import { DelegateApp } from '../../client/src/delegate/DelegateApp';
import { anchorBox } from '../../client/src/delegate/anchor-box';
import { draftBox } from '../../client/src/delegate/draft-box';
import { pendingVoteBox } from '../../client/src/delegate/pending-vote';
import { delegateStore, initialDelegateState } from '../../client/src/delegate/store';
import type { DelegateSession } from '../../client/src/delegate/vote-actions';
import { languageOf } from '../../client/src/i18n';
import { FakeSocket } from './support/fake-socket';
import {
  batchBallot as batchBallotSecret,
  classificationBallot as classificationBallotSecret,
  delegateSnapshot,
  hallStoryResult,
} from './support/fixtures';

// The phone's steps, not its sealing (trust.test.tsx holds that): named ballots, whose marks
// travel as marked, so the payloads below can be read (a secret ballot without a seal key is not sent).
const batchBallotNamed = (...args: Parameters<typeof batchBallotSecret>) => ({
  ...batchBallotSecret(...args),
  secret: false,
});
const classificationBallotNamed = (...args: Parameters<typeof classificationBallotSecret>) => ({
  ...classificationBallotSecret(...args),
  secret: false,
});

const TOKEN = 'badge-token';
const PENDING_KEY = `hallvote.pending-vote.${TOKEN}`;
const VOTE_ID = '0b5e7d0c-3f9e-4a57-9a35-6c1e2b7d4f10';

let socket: FakeSocket;
let session: DelegateSession;

function start(): void {
  socket = new FakeSocket();
  session = {
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

function receiptFor(vote: VoteCastPayload, receipt = 'K7Q2MX'): MyVote {
  return { ballotId: vote.ballotId, round: vote.round, voteId: vote.voteId, receipt, marks: null };
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

describe('delegate phone', () => {
  test('idle: name, meeting and "waiting for the next ballot"', () => {
    start();
    socket.serverEmits('snapshot', delegateSnapshot());
    expect(screen.getByText('Nguyễn Văn An')).toBeInTheDocument();
    expect(screen.getByText('Hội nghị Ban Chấp hành Đảng bộ tỉnh')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Waiting for the next ballot' })).toBeInTheDocument();
  });

  test('an open ballot: one choice, reviewed, confirmed, saved before sending, then recorded with a receipt', async () => {
    start();
    socket.serverEmits('snapshot', delegateSnapshot({ ballot: classificationBallotNamed() }));
    const review = screen.getByRole('button', { name: 'Review my vote' });
    expect(review).toBeDisabled();
    expect(screen.getAllByRole('radio').map((r) => r.textContent)).toEqual([
      'Excellent',
      'Good',
      'Completed',
      'Not completed',
    ]);

    fireEvent.click(screen.getByRole('radio', { name: 'Good' }));
    expect(screen.getByRole('radio', { name: 'Good' })).toHaveAttribute('aria-checked', 'true');
    fireEvent.click(review);
    expect(screen.getByRole('heading', { name: 'Check your vote' })).toBeInTheDocument();

    let storedWhenSent: string | null = null;
    socket.answer('vote:cast', (vote) => {
      storedWhenSent = localStorage.getItem(PENDING_KEY);
      return { ok: true, data: receiptFor(vote) };
    });
    fireEvent.click(screen.getByRole('button', { name: 'Confirm my vote' }));

    expect(socket.sent('vote:cast')).toEqual([
      { ballotId: 'b1', round: 1, voteId: VOTE_ID, marks: { province: ['good'] } },
    ]);
    expect(JSON.parse(storedWhenSent ?? 'null')).toMatchObject({ voteId: VOTE_ID, marks: { province: ['good'] } });
    expect(await screen.findByText('Your vote is recorded')).toBeInTheDocument();
    expect(screen.getByText('K7Q2MX')).toBeInTheDocument();
    expect(localStorage.getItem(PENDING_KEY)).toBeNull();
  });

  test('a batch ballot: one card per subject, progress, review with the unrated one, and the exact payload', async () => {
    start();
    socket.serverEmits('snapshot', delegateSnapshot({ ballot: batchBallotNamed(3) }));
    expect(screen.getByText('0 of 3 rated')).toBeInTheDocument();
    const card = (label: string) => within(screen.getByRole('radiogroup', { name: label }));
    fireEvent.click(card('Đơn vị 1').getByRole('radio', { name: 'Good' }));
    fireEvent.click(card('Đơn vị 2').getByRole('radio', { name: 'Excellent' }));
    expect(screen.getByText('2 of 3 rated')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Review my vote' }));
    const list = within(screen.getByRole('list'));
    expect(list.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Đơn vị 1Good',
      'Đơn vị 2Excellent',
      'Đơn vị 3Not rated: no vote on this one',
    ]);
    expect(screen.getByText('1 not rated: it gets no vote from you.')).toBeInTheDocument();

    // Back to change one, then confirm.
    fireEvent.click(screen.getByRole('button', { name: 'Change' }));
    fireEvent.click(card('Đơn vị 3').getByRole('radio', { name: 'Completed' }));
    fireEvent.click(screen.getByRole('button', { name: 'Review my vote' }));
    socket.answer('vote:cast', (vote) => ({ ok: true, data: receiptFor(vote) }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm my vote' }));

    expect(socket.sent('vote:cast')).toEqual([
      {
        ballotId: 'b2',
        round: 1,
        voteId: VOTE_ID,
        marks: { 'unit-1': ['good'], 'unit-2': ['excellent'], 'unit-3': ['completed'] },
      },
    ]);
    expect(await screen.findByText('Your vote is recorded')).toBeInTheDocument();
  });

  test('no answer: the vote stays saved and the phone says it is sending', async () => {
    start();
    socket.serverEmits('snapshot', delegateSnapshot({ ballot: classificationBallotNamed() }));
    fireEvent.click(screen.getByRole('radio', { name: 'Completed' }));
    fireEvent.click(screen.getByRole('button', { name: 'Review my vote' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm my vote' }));
    expect(await screen.findByRole('button', { name: 'Send again' })).toBeInTheDocument();
    expect(screen.getByText('Sending your vote…')).toBeInTheDocument();
    expect(JSON.parse(localStorage.getItem(PENDING_KEY) ?? 'null')).toMatchObject({ voteId: VOTE_ID });
  });

  test('after a reload the saved vote is re-sent with the same id once the snapshot arrives', async () => {
    const saved: VoteCastPayload = { ballotId: 'b1', round: 1, voteId: VOTE_ID, marks: { province: ['good'] } };
    localStorage.setItem(PENDING_KEY, JSON.stringify(saved));
    start();
    expect(socket.sent('vote:cast')).toEqual([]);
    socket.answer('vote:cast', (vote) => ({ ok: true, data: receiptFor(vote, 'R3CE1PT') }));
    socket.serverEmits('snapshot', delegateSnapshot({ ballot: classificationBallotNamed() }));
    expect(socket.sent('vote:cast')).toEqual([saved]);
    expect(await screen.findByText('R3CE1PT')).toBeInTheDocument();
    expect(localStorage.getItem(PENDING_KEY)).toBeNull();
  });

  test('a saved vote the server already has is cleared, not sent again', () => {
    const saved: VoteCastPayload = { ballotId: 'b1', round: 1, voteId: VOTE_ID, marks: { province: ['good'] } };
    localStorage.setItem(PENDING_KEY, JSON.stringify(saved));
    start();
    socket.serverEmits(
      'snapshot',
      delegateSnapshot({ ballot: classificationBallotNamed(), myVote: receiptFor(saved, 'SAME1') }),
    );
    expect(socket.sent('vote:cast')).toEqual([]);
    expect(localStorage.getItem(PENDING_KEY)).toBeNull();
    expect(screen.getByText('SAME1')).toBeInTheDocument();
  });

  test('reconnecting: a visible banner while the connection is down, gone after the new snapshot', () => {
    start();
    socket.serverEmits('snapshot', delegateSnapshot());
    expect(screen.queryByText('Connection lost. Reconnecting…')).not.toBeInTheDocument();
    socket.connection({ type: 'disconnected', byServer: false });
    expect(screen.getByText('Connection lost. Reconnecting…')).toBeInTheDocument();
    socket.serverEmits('snapshot', delegateSnapshot({ seq: 9 }));
    expect(screen.queryByText('Connection lost. Reconnecting…')).not.toBeInTheDocument();
  });

  test('closed: says so, shows the receipt, and no options', () => {
    start();
    const ballot = classificationBallotNamed({ state: 'closed' });
    socket.serverEmits(
      'snapshot',
      delegateSnapshot({
        ballot,
        myVote: { ballotId: 'b1', round: 1, voteId: VOTE_ID, receipt: 'K7Q2MX', marks: null },
      }),
    );
    expect(screen.getByRole('heading', { name: 'Voting is closed' })).toBeInTheDocument();
    expect(screen.getByText('K7Q2MX')).toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
    expect(screen.queryByText(/Adopted/)).not.toBeInTheDocument();
  });

  test('published: the outcome in words and whether my receipt was counted', () => {
    start();
    const ballot = classificationBallotSecret({ state: 'published' });
    socket.serverEmits(
      'snapshot',
      delegateSnapshot({
        ballot,
        myVote: { ballotId: 'b1', round: 1, voteId: VOTE_ID, receipt: 'K7Q2MX', marks: null },
        result: hallStoryResult(ballot),
        receipts: ['AAAAAA', 'K7Q2MX'],
      }),
    );
    expect(screen.getByText('Adopted: Good')).toBeInTheDocument();
    expect(screen.getByText('Percentages of eligible members (53)')).toBeInTheDocument();
    expect(screen.getByText('90.57%')).toBeInTheDocument();
    expect(
      screen.getByText('Your receipt K7Q2MX is in the published list: your ballot was counted.'),
    ).toBeInTheDocument();
  });

  test('a new ballot replaces the old result; events are applied in order and a gap asks for a snapshot', () => {
    start();
    socket.serverEmits('snapshot', delegateSnapshot({ seq: 5 }));
    socket.serverEmits('ballot:updated', { seq: 6, ballot: classificationBallotNamed(), serverTime: Date.now() });
    expect(screen.getByRole('radio', { name: 'Good' })).toBeInTheDocument();
    expect(socket.sent('sync:request')).toEqual([]);

    socket.answer('sync:request', () => ({
      ok: true,
      data: delegateSnapshot({ seq: 9, ballot: classificationBallotNamed({ state: 'closed' }) }),
    }));
    socket.serverEmits('ballot:updated', {
      seq: 8,
      ballot: classificationBallotNamed({ state: 'cancelled' }),
      serverTime: Date.now(),
    });
    expect(socket.sent('sync:request')).toEqual([{}]);
    // The event after the gap is not applied on its own: the snapshot decides.
    expect(screen.queryByText('This ballot was cancelled by the chair.')).not.toBeInTheDocument();
    return waitFor(() => expect(screen.getByRole('heading', { name: 'Voting is closed' })).toBeInTheDocument());
  });

  test('a badge opened on another phone, and a badge that is not valid', () => {
    start();
    socket.serverEmits('snapshot', delegateSnapshot());
    socket.serverEmits('session:replaced');
    socket.connection({ type: 'disconnected', byServer: true });
    expect(screen.getByRole('heading', { name: 'This badge was opened on another phone' })).toBeInTheDocument();
    expect(socket.reconnects).toBe(0);
    cleanup();

    delegateStore.setState({ ...initialDelegateState(), language: 'en' }, true);
    start();
    socket.connection({
      type: 'refused',
      refusal: { ok: false, error: 'UNAUTHORIZED', params: { credential: 'badge' } },
    });
    expect(screen.getByRole('heading', { name: 'This badge is not valid' })).toBeInTheDocument();
  });

  test('the language switch: English ↔ Vietnamese, options included, and the choice is remembered', () => {
    start();
    socket.serverEmits('snapshot', delegateSnapshot({ ballot: classificationBallotNamed() }));
    expect(screen.getByRole('radio', { name: 'Good' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Tiếng Việt' }));
    expect(screen.getByRole('radio', { name: 'Hoàn thành tốt nhiệm vụ' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Xem lại phiếu' })).toBeInTheDocument();
    expect(localStorage.getItem('hallvote.language')).toBe('vi');
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('button', { name: 'Review my vote' })).toBeInTheDocument();
  });

  test('the phone follows its browser language: vi for any "vi…", English otherwise', () => {
    expect(languageOf('vi-VN')).toBe('vi');
    expect(languageOf('vi')).toBe('vi');
    expect(languageOf('en-GB')).toBe('en');
    expect(languageOf('fr')).toBe('en');
  });
});
