// The phone's layouts: a batch as a grid (short column headers with a legend, progress, one tap per
// row) and its read-only review with unrated rows marked; small batches as cards; an election with
// its "2 of 3 chosen" count, marked by ticking or by crossing out, sending the same marks either way.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { BallotView, MyVote } from '@hallvote/shared';
import { bindDelegateSocket } from '../../client/src/delegate/bind-delegate-socket';
import { DelegateApp } from '../../client/src/delegate/DelegateApp';
import { anchorBox } from '../../client/src/delegate/anchor-box';
import { draftBox } from '../../client/src/delegate/draft-box';
import { shortLabels } from '../../client/src/delegate/option-labels';
import { pendingVoteBox } from '../../client/src/delegate/pending-vote';
import { delegateStore, initialDelegateState } from '../../client/src/delegate/store';
import { FakeSocket } from './support/fake-socket';
import {
  batchBallot as batchBallotSecret,
  classificationBallot as classificationBallotSecret,
  delegateSnapshot,
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

const VOTE_ID = '0b5e7d0c-3f9e-4a57-9a35-6c1e2b7d4f10';
let socket: FakeSocket;

function start(ballot: BallotView): void {
  socket = new FakeSocket();
  bindDelegateSocket({
    socket,
    pendingVotes: pendingVoteBox('t', localStorage),
    drafts: draftBox('t', localStorage),
    anchors: anchorBox('t', localStorage),
    newVoteId: () => VOTE_ID,
  });
  render(
    <DelegateApp
      session={{
        socket,
        pendingVotes: pendingVoteBox('t', localStorage),
        drafts: draftBox('t', localStorage),
        anchors: anchorBox('t', localStorage),
        newVoteId: () => VOTE_ID,
      }}
    />,
  );
  socket.answer('vote:cast', (vote): { ok: true; data: MyVote } => ({
    ok: true,
    data: { ballotId: vote.ballotId, round: vote.round, voteId: vote.voteId, receipt: 'R1', marks: null },
  }));
  socket.serverEmits('snapshot', delegateSnapshot({ ballot }));
}

function election(n: number, seats: number): BallotView {
  return classificationBallotNamed({
    id: 'e1',
    title: 'Bầu Ban Thường vụ',
    kind: 'election',
    seats,
    subjects: [{ id: 'election', label: 'Bầu Ban Thường vụ' }],
    options: Array.from({ length: n }, (_, i) => ({ id: `c${i + 1}`, label: `Ứng viên ${i + 1}` })),
  });
}

async function confirm(): Promise<unknown> {
  fireEvent.click(screen.getByRole('button', { name: 'Review my vote' }));
  fireEvent.click(screen.getByRole('button', { name: 'Confirm my vote' }));
  await screen.findByText('Your vote is recorded');
  return socket.sent('vote:cast')[0]?.marks;
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

describe('a batch as a grid', () => {
  test('short column headers with their legend, progress, one tap per row', () => {
    start(batchBallotNamed(6));
    expect(screen.getByLabelText('Columns').textContent).toBe('Exc.ExcellentGoodGoodComp.CompletedNotNot completed');
    const row = within(screen.getByRole('radiogroup', { name: 'Đơn vị 4' }));
    expect(row.getAllByRole('radio').map((r) => r.getAttribute('aria-label'))).toEqual([
      'Excellent',
      'Good',
      'Completed',
      'Not completed',
    ]);
    expect(screen.getByText('0 of 6 rated')).toBeInTheDocument();
    fireEvent.click(row.getByRole('radio', { name: 'Good' }));
    fireEvent.click(row.getByRole('radio', { name: 'Completed' }));
    expect(row.getByRole('radio', { name: 'Completed' })).toHaveAttribute('aria-checked', 'true');
    expect(row.getByRole('radio', { name: 'Good' })).toHaveAttribute('aria-checked', 'false');
    expect(screen.getByText('1 of 6 rated')).toBeInTheDocument();
  });

  test('the review shows the grid read-only, unrated rows marked, and sends every row', async () => {
    start(batchBallotNamed(5));
    for (const i of [1, 2, 4]) {
      fireEvent.click(
        within(screen.getByRole('radiogroup', { name: `Đơn vị ${i}` })).getByRole('radio', { name: 'Good' }),
      );
    }
    fireEvent.click(screen.getByRole('button', { name: 'Review my vote' }));
    expect(screen.queryByRole('radio')).toBeNull();
    const rows = within(screen.getByRole('list')).getAllByRole('listitem');
    expect(rows.map((r) => r.classList.contains('unrated'))).toEqual([false, false, true, false, true]);
    expect(rows[2]).toHaveTextContent('Đơn vị 3Not rated: no vote on this one');
    expect(rows[0]).toHaveTextContent('Đơn vị 1: Good');
    expect(screen.getByText(/2 not rated: they get no vote from you\./)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Confirm my vote' }));
    await screen.findByText('Your vote is recorded');
    expect(socket.sent('vote:cast')[0]?.marks).toEqual({
      'unit-1': ['good'],
      'unit-2': ['good'],
      'unit-3': [],
      'unit-4': ['good'],
      'unit-5': [],
    });
  });

  test('three subjects or fewer stay cards', () => {
    start(batchBallotNamed(3));
    expect(screen.queryByLabelText('Columns')).toBeNull();
    expect(
      within(screen.getByRole('radiogroup', { name: 'Đơn vị 1' })).getByRole('radio', { name: 'Good' }),
    ).toHaveTextContent('Good');
  });

  test('short labels: known levels, initials for others, numbers when initials collide', () => {
    const full = (o: { label: string }) => o.label;
    expect(shortLabels([{ id: 'good', label: 'Good' }], { good: 'HTT' }, full)).toEqual(['HTT']);
    expect(
      shortLabels(
        [
          { id: 'a', label: 'Tín nhiệm cao' },
          { id: 'b', label: 'Tín nhiệm' },
          { id: 'c', label: 'Tín nhiệm thấp' },
        ],
        {},
        full,
      ),
    ).toEqual(['TNC', 'TN', 'TNT']);
    expect(
      shortLabels(
        [
          { id: 'a', label: 'Tán thành' },
          { id: 'b', label: 'Tạm thời' },
        ],
        {},
        full,
      ),
    ).toEqual(['1', '2']);
  });
});

describe('an election', () => {
  test('crossing out (the default): every name starts kept, the count says how many to cross out', async () => {
    start(election(5, 3));
    expect(screen.getByText('5 of 3 chosen')).toBeInTheDocument();
    expect(screen.getByText('Cross out 2 more names.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Review my vote' })).toBeDisabled();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Ứng viên 2' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Ứng viên 5' }));
    expect(screen.getByRole('checkbox', { name: /Ứng viên 2/ })).toHaveAttribute('aria-checked', 'false');
    expect(screen.getByRole('checkbox', { name: /Ứng viên 2/ })).toHaveClass('struck');
    expect(screen.getByText('3 of 3 chosen')).toBeInTheDocument();
    expect(await confirm()).toEqual({ election: ['c1', 'c3', 'c4'] });
  });

  test('ticking the same names sends the same marks; once k are ticked the others wait', async () => {
    start(election(5, 3));
    fireEvent.click(screen.getByRole('button', { name: 'Tick whom I elect' }));
    expect(screen.getByText('0 of 3 chosen')).toBeInTheDocument();
    for (const n of [4, 1, 3]) fireEvent.click(screen.getByRole('checkbox', { name: `Ứng viên ${n}` }));
    expect(screen.getByText('3 of 3 chosen')).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Ứng viên 2' })).toBeDisabled();
    expect(await confirm()).toEqual({ election: ['c4', 'c1', 'c3'] });
  });

  test('switching the presentation keeps the names chosen; crossing every name out is a blank ballot', async () => {
    start(election(4, 2));
    fireEvent.click(screen.getByRole('button', { name: 'Tick whom I elect' }));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Ứng viên 2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Cross out whom I do not elect' }));
    expect(screen.getByText('1 of 2 chosen')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Ứng viên 2' }));
    expect(screen.getByText('0 of 2 chosen')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Review my vote' }));
    expect(screen.getByText('No candidate chosen (a blank ballot)')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Confirm my vote' }));
    await screen.findByText('Your vote is recorded');
    expect(socket.sent('vote:cast')[0]?.marks).toEqual({ election: [] });
  });
});
