// What the hall sees of the rules: the projector shows the turnout share, every further base the
// rule publishes, a confidence rating's bands with their consequences and the legal basis beside
// the numbers it governs, and never an option carried without quorum; the phone shows each
// subject's proposed level and score.
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { BallotView, RoundResult } from '@hallvote/shared';
import { anchorBox } from '../../client/src/delegate/anchor-box';
import { bindDelegateSocket } from '../../client/src/delegate/bind-delegate-socket';
import { DelegateApp } from '../../client/src/delegate/DelegateApp';
import { draftBox } from '../../client/src/delegate/draft-box';
import { pendingVoteBox } from '../../client/src/delegate/pending-vote';
import { delegateStore, initialDelegateState } from '../../client/src/delegate/store';
import { bindProjectorSocket } from '../../client/src/projector/bind-projector-socket';
import { ProjectorApp } from '../../client/src/projector/ProjectorApp';
import { initialProjectorState, projectorStore } from '../../client/src/projector/store';
import { FakeSocket } from './support/fake-socket';
import { classificationBallot, delegateSnapshot, hallStoryResult, projectorSnapshot } from './support/fixtures';
import {
  approvalBallot,
  approvalResult,
  councilPresence,
  noConfidenceBallot,
  noConfidenceResult,
  proposalsBallot,
  ratingBallot,
  ratingResult,
} from './support/rules-fixtures';

beforeEach(() => {
  projectorStore.setState({ ...initialProjectorState(), language: 'en' }, true);
  delegateStore.setState({ ...initialDelegateState(), language: 'en' }, true);
});

afterEach(() => {
  cleanup();
  localStorage.clear();
  projectorStore.setState(initialProjectorState(), true);
  delegateStore.setState(initialDelegateState(), true);
});

function project(ballot: BallotView, result: RoundResult, present = councilPresence()): void {
  const socket = new FakeSocket();
  bindProjectorSocket(socket);
  render(<ProjectorApp />);
  socket.serverEmits('snapshot', projectorSnapshot({ presence: present, ballot, result }));
}

describe('the projector', () => {
  test("a confidence rating: each official's share of low confidence, the band reached, the basis, the turnout", () => {
    project(ratingBallot(), ratingResult());
    expect(screen.getByText('Share of "Low confidence", of ballots returned (47)')).toBeInTheDocument();
    expect(screen.getByText('Resolution 96/2023/QH15, Art. 19: shares of the ballots returned')).toBeInTheDocument();
    const row = screen.getByRole('row', { name: /Phó Chủ tịch UBND \(1\)/ });
    expect(row).toHaveClass('band-reached');
    expect(row).toHaveTextContent('53.19%May resign; otherwise a vote of no confidence at this session or the next');
    expect(screen.getByRole('row', { name: /^Chủ tịch HĐND/ })).not.toHaveClass('band-reached');
    expect(
      screen.getByText('Ballots returned 47 (100.00% of eligible members) · valid 47 · invalid 0'),
    ).toBeInTheDocument();
  });

  test('the vote of no confidence decided: the band reached in words, with the text it comes from', () => {
    project(noConfidenceBallot({ state: 'published' }), noConfidenceResult());
    expect(screen.getByText('Band reached: The nominating body proposes dismissal.')).toBeInTheDocument();
    expect(
      screen.getByText('Resolution 96/2023/QH15: more than half of the ballots "no confidence": dismissal is proposed'),
    ).toBeInTheDocument();
  });

  test('a nominee approved under QĐ 190: shares of valid ballots, and below them of all members convened', () => {
    project(approvalBallot(), approvalResult());
    expect(
      screen.getByText(/^Percentages of valid ballots \(49\) · below: of eligible members \(53\)/),
    ).toBeInTheDocument();
    const agree = screen.getByText('Agree').closest('li') as HTMLElement;
    expect(within(agree).getByText('61.22%', { exact: false })).toBeInTheDocument();
    expect(within(agree).getByText('56.60%')).toHaveClass('further');
    expect(
      screen.getByText(/Decision 190-QĐ\/TW \(Party election rules\), Art. 30: computed on the valid ballots/),
    ).toBeInTheDocument();
  });

  test('without quorum no bar is shown carried, even where an older stored result says so', () => {
    const ballot = classificationBallot({ state: 'published' });
    const stored = hallStoryResult(ballot);
    const old: RoundResult = {
      ...stored,
      tally: {
        ...stored.tally,
        quorum: { ...stored.tally.quorum, met: false },
        subjects: stored.tally.subjects.map((s) => ({ ...s, outcome: { type: 'no-quorum' } })),
      },
    };
    project(ballot, old);
    expect(screen.getByText('No quorum when voting closed: there is no outcome.')).toBeInTheDocument();
    expect(document.querySelector('.bars li.passes')).toBeNull();
  });
});

describe('the phone', () => {
  function vote(ballot: BallotView): void {
    const socket = new FakeSocket();
    const session = {
      socket,
      pendingVotes: pendingVoteBox('t', localStorage),
      drafts: draftBox('t', localStorage),
      anchors: anchorBox('t', localStorage),
      newVoteId: () => '0b5e7d0c-3f9e-4a57-9a35-6c1e2b7d4f10',
    };
    bindDelegateSocket(session);
    render(<DelegateApp session={session} />);
    socket.serverEmits('snapshot', delegateSnapshot({ ballot }));
  }

  test('cards: the proposed level by name and the score beside each subject', () => {
    vote(proposalsBallot({ state: 'open' }));
    expect(screen.getByText('Proposed: Excellent · 92 points')).toBeInTheDocument();
    expect(screen.getByText('Proposed: Good · 75.5 points')).toBeInTheDocument();
    expect(screen.getByText('60 points')).toBeInTheDocument();
  });

  test('the grid: the short form of the level, in Vietnamese too', () => {
    const ballot = proposalsBallot({
      state: 'open',
      subjects: [
        { id: 'u1', label: 'Đơn vị 1', proposedLevel: 'good', score: 78.5 },
        { id: 'u2', label: 'Đơn vị 2' },
        { id: 'u3', label: 'Đơn vị 3' },
        { id: 'u4', label: 'Đơn vị 4', proposedLevel: 'excellent' },
      ],
    });
    delegateStore.setState({ language: 'vi' });
    vote(ballot);
    const row = screen.getByRole('radiogroup', { name: /^Đơn vị 1/ });
    expect(row).toHaveAccessibleName('Đơn vị 1Đề xuất: HTT · 78,5 điểm');
    expect(screen.getByText('Đề xuất: HTXS')).toBeInTheDocument();
  });
});
