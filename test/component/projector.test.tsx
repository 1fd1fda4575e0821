// The projector: quorum, live turnout without results, closed, the published outcome with bars or
// the subjects' table and the warnings.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { bindProjectorSocket } from '../../client/src/projector/bind-projector-socket';
import { ProjectorApp } from '../../client/src/projector/ProjectorApp';
import { initialProjectorState, projectorStore } from '../../client/src/projector/store';
import { FakeSocket } from './support/fake-socket';
import {
  batchBallot,
  batchResult,
  classificationBallot,
  hallStoryResult,
  presence,
  projectorSnapshot,
} from './support/fixtures';

let socket: FakeSocket;

function start(snapshot = projectorSnapshot()): void {
  socket = new FakeSocket();
  bindProjectorSocket(socket);
  render(<ProjectorApp />);
  socket.serverEmits('snapshot', snapshot);
}

beforeEach(() => {
  projectorStore.setState({ ...initialProjectorState(), language: 'en' }, true);
});

afterEach(() => {
  cleanup();
  localStorage.clear();
  projectorStore.setState(initialProjectorState(), true);
});

describe('projector', () => {
  test('no quorum: present of eligible, "Not quorate" and what is needed', () => {
    start(projectorSnapshot({ presence: presence(30) }));
    const quorum = screen.getByRole('status');
    expect(quorum).toHaveTextContent('30 / 53');
    expect(quorum).toHaveTextContent('Not quorate');
    expect(quorum).toHaveTextContent('36 of 53 needed');
    expect(screen.getByText('Waiting for the next ballot')).toBeInTheDocument();
  });

  test('quorum follows presence updates', () => {
    start(projectorSnapshot({ presence: presence(35) }));
    expect(screen.getByRole('status')).toHaveTextContent('Not quorate');
    socket.serverEmits('presence:updated', { seq: 3, presence: presence(36) });
    expect(screen.getByRole('status')).toHaveTextContent('Quorate');
    expect(screen.getByRole('status')).not.toHaveTextContent('Not quorate');
  });

  test('an open ballot shows the title and live turnout, and no result', () => {
    start(projectorSnapshot({ ballot: classificationBallot() }));
    socket.serverEmits('turnout:updated', {
      seq: 3,
      turnout: { ballotId: 'b1', round: 1, voted: 37, present: 49, eligible: 53 },
    });
    expect(screen.getByRole('heading', { name: 'Xếp loại Đảng bộ tỉnh năm 2023' })).toBeInTheDocument();
    expect(screen.getByText('37')).toBeInTheDocument();
    expect(screen.getByText('of 49 present have voted')).toBeInTheDocument();
    expect(screen.queryByText(/Adopted/)).not.toBeInTheDocument();
    expect(screen.queryByText(/Percentages of/)).not.toBeInTheDocument();
  });

  test('closed but not published: turnout and a notice, still no result', () => {
    start(projectorSnapshot({ ballot: classificationBallot({ state: 'closed' }) }));
    expect(screen.getByText('Voting is closed. The result is shown when the chair publishes it.')).toBeInTheDocument();
    expect(screen.queryByText(/Adopted/)).not.toBeInTheDocument();
  });

  test('published: the outcome in words, counts and percentages of the named base', () => {
    start(projectorSnapshot({ ballot: classificationBallot({ state: 'closed' }) }));
    const ballot = classificationBallot({ state: 'published' });
    const result = hallStoryResult(ballot);
    const anchor = { ballotId: ballot.id, round: 1, seal: result.seal, head: { seq: 9, hash: 'b'.repeat(64) } };
    socket.serverEmits('result:published', { seq: 3, result, receipts: [], anchor });
    socket.serverEmits('ballot:updated', { seq: 4, ballot, serverTime: Date.now() });
    expect(screen.getByText('Adopted: Good')).toBeInTheDocument();
    const bars = within(screen.getByRole('list'));
    const good = bars.getAllByRole('listitem').find((li) => li.textContent?.startsWith('Good'));
    expect(good?.textContent).toBe('Good4890.57%');
    expect(screen.getByText('Percentages of eligible members (53)')).toBeInTheDocument();
    expect(screen.getByText('needed: 27', { exact: false })).toBeInTheDocument();
  });

  test('a published batch: a table of subjects with their level, and the cap warning', () => {
    const ballot = batchBallot(6, { state: 'published' });
    start(projectorSnapshot({ ballot, result: batchResult(ballot) }));
    const rows = screen.getAllByRole('row').map((r) => r.textContent);
    expect(rows).toContain('Đơn vị 1Excellent');
    expect(rows).toContain('Đơn vị 6Good');
    expect(screen.getByText(/2 × "Excellent", but at most 0 allowed/)).toBeInTheDocument();
  });

  test('a result of an older round is never shown for a new one', () => {
    const published = classificationBallot({ state: 'published' });
    start(projectorSnapshot({ ballot: published, result: hallStoryResult(published) }));
    expect(screen.getByText('Adopted: Good')).toBeInTheDocument();
    socket.serverEmits('ballot:updated', {
      seq: 3,
      ballot: classificationBallot({ round: 2, state: 'open' }),
      serverTime: Date.now(),
    });
    expect(screen.queryByText('Adopted: Good')).not.toBeInTheDocument();
    expect(screen.getByText('Round 2', { exact: false })).toBeInTheDocument();
  });

  test('the language switch turns the screen into Vietnamese, and the choice is remembered', () => {
    start();
    fireEvent.click(screen.getByRole('button', { name: 'Tiếng Việt' }));
    expect(screen.getByText('Đang chờ phiếu biểu quyết tiếp theo')).toBeInTheDocument();
    expect(localStorage.getItem('hallvote.language')).toBe('vi');
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByText('Waiting for the next ballot')).toBeInTheDocument();
  });
});
