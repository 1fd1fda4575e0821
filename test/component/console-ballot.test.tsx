// A ballot in the hall (issue 15): who has not voted yet (participation only, for a secret ballot
// too) and the "voted on paper" mark, the paper totals form, a re-vote prepared as a draft, and
// publishing to the phones without the projector.
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { bindChairSocket } from '../../client/src/chair/bind-chair-socket';
import { ChairApp } from '../../client/src/chair/ChairApp';
import type { ChairBallotView } from '@hallvote/shared';
import { resetChairStoreAroundEachTest } from './support/chair-store-reset';
import { FakeSocket } from './support/fake-socket';
import {
  batchBallot,
  chairBallot,
  chairSnapshot,
  classificationBallot,
  delegates,
  hallStoryResult,
  presence,
} from './support/fixtures';

let socket: FakeSocket;

function start(ballot: ChairBallotView, present = 5): void {
  socket = new FakeSocket();
  bindChairSocket(socket);
  render(<ChairApp session={{ socket, meetingId: 'm1', chairKey: 'chair-key' }} />);
  socket.serverEmits(
    'snapshot',
    chairSnapshot({ presence: presence(present, 6), delegates: delegates(6, present), ballots: [ballot] }),
  );
  fireEvent.click(screen.getByRole('button', { name: new RegExp(ballot.title) }));
}

const notVoted = () => within(screen.getByRole('region', { name: /^Not voted yet/ }));

resetChairStoreAroundEachTest();

describe('who has not voted yet', () => {
  test('a secret ballot: the present members who have not voted, never a choice; the list empties as they vote', () => {
    const ballot = chairBallot(classificationBallot(), { voterIds: ['d1', 'd2'] });
    start(ballot);
    expect(screen.getByRole('heading', { name: 'Not voted yet: 3' })).toBeInTheDocument();
    expect(
      notVoted().getByText('Who has voted, never how: a secret ballot shows participation only.'),
    ).toBeInTheDocument();
    const names = () =>
      notVoted()
        .getAllByRole('listitem')
        .map((li) => li.querySelector('strong')?.textContent);
    expect(names()).toEqual(['Đại biểu 3', 'Đại biểu 4', 'Đại biểu 5']);
    socket.serverEmits('console:ballot-updated', { seq: 4, ballot: { ...ballot, voterIds: ['d1', 'd2', 'd4'] } });
    expect(names()).toEqual(['Đại biểu 3', 'Đại biểu 5']);
    socket.serverEmits('console:ballot-updated', {
      seq: 5,
      ballot: { ...ballot, voterIds: ['d1', 'd2', 'd3', 'd4', 'd5'] },
    });
    expect(screen.getByRole('heading', { name: 'Not voted yet: 0' })).toBeInTheDocument();
    expect(notVoted().getByText('Everyone present has voted.')).toBeInTheDocument();
  });

  test('a grantor whose proxy the round holds, arrived since, is offered no paper mark (the server refuses it)', () => {
    start(chairBallot(classificationBallot(), { voterIds: [], roundProxies: [{ grantorId: 'd4', holderId: 'd1' }] }));
    const row = (name: string) => within(notVoted().getByText(name).closest('li')!);
    expect(row('Đại biểu 4').queryByRole('button', { name: 'Voted on paper' })).not.toBeInTheDocument();
    expect(row('Đại biểu 3').getByRole('button', { name: 'Voted on paper' })).toBeInTheDocument();
  });

  test('"voted on paper" asks first, then marks that member; a member added late is named apart', () => {
    start(chairBallot(classificationBallot(), { voterIds: [], lateIds: ['d6'] }), 6);
    expect(screen.getByRole('heading', { name: 'Not voted yet: 5' })).toBeInTheDocument();
    expect(notVoted().getByText('Added after this round opened, not voting in it: Đại biểu 6.')).toBeInTheDocument();
    const row = notVoted().getByText('Đại biểu 4').closest('li')!;
    fireEvent.click(within(row).getByRole('button', { name: 'Voted on paper' }));
    expect(socket.sent('paper:mark-voted')).toEqual([]);
    expect(within(row).getByRole('alertdialog')).toHaveTextContent('Record that Đại biểu 4 handed in a paper ballot?');
    fireEvent.click(within(row).getByRole('button', { name: 'Yes, voted on paper' }));
    expect(socket.sent('paper:mark-voted')).toEqual([{ ballotId: 'b1', delegateId: 'd4' }]);
  });
});

describe('paper totals', () => {
  test('a batch: every subject and option, empty rows and invalid reasons are sent as numbers', async () => {
    const ballot = chairBallot(batchBallot(2, { state: 'closed' }), { paperVoterIds: ['d1', 'd2'] });
    start(ballot);
    const form = within(screen.getByText('Paper ballots: the counting committee’s totals').closest('details')!);
    fireEvent.change(form.getByLabelText('Paper ballots returned'), { target: { value: '2' } });
    fireEvent.change(form.getByLabelText('Đơn vị 1: Good'), { target: { value: '2' } });
    fireEvent.change(form.getByLabelText('Đơn vị 2: Excellent'), { target: { value: '1' } });
    fireEvent.change(form.getByLabelText('Đơn vị 2: No mark (empty row)'), { target: { value: '1' } });
    fireEvent.click(form.getByRole('button', { name: 'Add a reason' }));
    fireEvent.change(form.getByLabelText('Number'), { target: { value: '1' } });
    await act(async () => {
      fireEvent.click(form.getByRole('button', { name: 'Save the paper totals' }));
    });
    expect(form.getByRole('alert')).toHaveTextContent('Each invalid count needs a reason.');
    expect(socket.sent('paper:record-totals')).toEqual([]);

    fireEvent.change(form.getByLabelText('Reason'), { target: { value: 'Gạch cả bốn mức' } });
    fireEvent.change(form.getByLabelText('Paper ballots returned'), { target: { value: '3' } });
    socket.answer('paper:record-totals', () => ({ ok: true, data: null }));
    await act(async () => {
      fireEvent.click(form.getByRole('button', { name: 'Save the paper totals' }));
    });
    const zero = { excellent: 0, good: 0, completed: 0, 'not-completed': 0 };
    expect(socket.sent('paper:record-totals')).toEqual([
      {
        ballotId: 'b2',
        round: 1,
        totals: {
          returned: 3,
          invalid: [{ reason: 'Gạch cả bốn mức', count: 1 }],
          subjects: {
            'unit-1': { counts: { ...zero, good: 2 }, empty: 0 },
            'unit-2': { counts: { ...zero, excellent: 1 }, empty: 1 },
          },
        },
      },
    ]);
    expect(form.getByRole('status')).toHaveTextContent('Paper totals saved.');
  });

  test('a number that is not one is named; a refusal of the server is shown', async () => {
    start(chairBallot(classificationBallot()));
    const form = within(screen.getByText('Paper ballots: the counting committee’s totals').closest('details')!);
    fireEvent.change(form.getByLabelText('Paper ballots returned'), { target: { value: '-1' } });
    await act(async () => {
      fireEvent.click(form.getByRole('button', { name: 'Save the paper totals' }));
    });
    expect(form.getByRole('alert')).toHaveTextContent('"Paper ballots returned" must be a whole number, 0 or more.');
    fireEvent.change(form.getByLabelText('Paper ballots returned'), { target: { value: '4' } });
    socket.answer('paper:record-totals', () => ({
      ok: false,
      error: 'CONFLICT',
      params: { reason: 'paper-after-publish' },
    }));
    await act(async () => {
      fireEvent.click(form.getByRole('button', { name: 'Save the paper totals' }));
    });
    expect(form.getByRole('alert')).toHaveTextContent('The paper totals were not saved:');
    expect(form.getByRole('alert')).toHaveTextContent('Paper totals can be entered until the result is published.');
  });
});

describe('a re-vote', () => {
  test('is prepared after a confirmation, then opened or dropped by the chair', async () => {
    const published = classificationBallot({ state: 'published' });
    start(chairBallot(published, { result: hallStoryResult(published) }));
    socket.answer('ballot:revote', () => ({ ok: true, data: published }));
    fireEvent.click(screen.getByRole('button', { name: 'Re-vote (new round)' }));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('Prepare round 2? It opens only when you open it');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Yes, prepare round 2' }));
    });
    expect(socket.sent('ballot:revote')).toEqual([{ ballotId: 'b1' }]);
    expect(socket.sent('ballot:open')).toEqual([]);

    socket.serverEmits('console:ballot-updated', {
      seq: 4,
      ballot: chairBallot(published, { result: hallStoryResult(published), draftRound: 2 }),
    });
    expect(screen.getByText(/Round 2 is prepared and not open yet/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Re-vote (new round)' })).not.toBeInTheDocument();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Open voting, round 2' }));
    });
    expect(socket.sent('ballot:open')).toEqual([{ ballotId: 'b1' }]);
    fireEvent.click(screen.getByRole('button', { name: 'Drop the new round' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, drop it' }));
    expect(socket.sent('ballot:cancel')).toEqual([{ ballotId: 'b1' }]);
  });
});

test('publishing to the phones only, when "also show it on the projector" is unticked', () => {
  const closed = classificationBallot({ state: 'closed' });
  start(chairBallot(closed, { result: hallStoryResult(closed) }));
  const tick = screen.getByLabelText('Also show it on the projector now');
  expect(tick).toBeChecked();
  fireEvent.click(tick);
  fireEvent.click(screen.getByRole('button', { name: 'Publish the result' }));
  fireEvent.click(screen.getByRole('button', { name: 'Yes, publish' }));
  expect(socket.sent('ballot:publish')).toEqual([{ ballotId: 'b1', showOnProjector: false }]);
});

test('an open ballot with its paper totals renders without two children under one key', () => {
  // The actions and the paper totals are both reset per round by their key; one key for both made
  // React warn and left which of the two it kept unspecified.
  const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  try {
    start(chairBallot(classificationBallot()));
    expect(screen.getByRole('region', { name: /^Not voted yet/ })).toBeInTheDocument();
    const keyWarnings = errors.mock.calls.filter((call) => call.map(String).join(' ').includes('same key'));
    expect(keyWarnings).toEqual([]);
  } finally {
    errors.mockRestore();
  }
});
