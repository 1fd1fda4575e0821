// The attendance tab for a hall (issue 15): a group or everyone checked in with one request, a name
// found without its diacritics, and, while a ballot is open, attendance fixed (only a latecomer
// becomes present).
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { bindChairSocket } from '../../client/src/chair/bind-chair-socket';
import { ChairApp } from '../../client/src/chair/ChairApp';
import { resetChairStoreAroundEachTest } from './support/chair-store-reset';
import { FakeSocket } from './support/fake-socket';
import { chairBallot, chairSnapshot, classificationBallot, delegates, presence } from './support/fixtures';

let socket: FakeSocket;

function start(snapshot = chairSnapshot()): void {
  socket = new FakeSocket();
  bindChairSocket(socket);
  render(<ChairApp session={{ socket, meetingId: 'm1', chairKey: 'chair-key' }} />);
  socket.serverEmits('snapshot', snapshot);
  fireEvent.click(screen.getByRole('tab', { name: /^Attendance/ }));
}

const row = (name: string) => within(screen.getByRole('group', { name: `Attendance: ${name}` }));
const openBallot = () => chairBallot(classificationBallot({ state: 'open' }));

resetChairStoreAroundEachTest();

describe('checking in several at once', () => {
  test('a group: one request naming the group, after a confirmation with the number', async () => {
    // 53 members, 40 present: 13 absent, 7 of them in group A (odd positions 41, 43, … 53).
    start(chairSnapshot({ presence: presence(40), delegates: delegates(53, 40) }));
    fireEvent.change(screen.getByLabelText('Group'), { target: { value: 'A' } });
    fireEvent.click(screen.getByRole('button', { name: 'Mark the 7 absent members of A present' }));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('Mark 7 absent member(s) present?');
    socket.answer('attendance:mark-present', () => ({ ok: true, data: { marked: 7, presence: presence(47) } }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Yes, mark present' }));
    });
    expect(socket.sent('attendance:mark-present')).toEqual([{ group: 'A' }]);
    expect(socket.sent('attendance:mark')).toEqual([]);
    expect(screen.getByText('7 members marked present.')).toHaveAttribute('role', 'status');
  });

  test('everyone: group null; nothing to do when nobody is absent', async () => {
    start(chairSnapshot({ presence: presence(50), delegates: delegates(53, 50) }));
    socket.answer('attendance:mark-present', () => ({ ok: true, data: { marked: 3, presence: presence(53) } }));
    fireEvent.click(screen.getByRole('button', { name: 'Mark all 3 absent members present' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Yes, mark present' }));
    });
    expect(socket.sent('attendance:mark-present')).toEqual([{ group: null }]);
    socket.serverEmits('console:roster-updated', {
      seq: 4,
      presence: presence(53),
      delegates: delegates(53, 53),
      removedIds: [],
      full: true,
    });
    expect(screen.getByText('Nobody here is absent.')).toBeInTheDocument();
  });
});

test('a name is found without its diacritics or case', () => {
  const roster = delegates(3, 3).map((d, i) => ({
    ...d,
    name: ['Nguyễn Văn An', 'Trần Thị Bình', 'Đỗ Đức Cường'][i]!,
  }));
  start(chairSnapshot({ presence: presence(3, 3), delegates: roster }));
  fireEvent.change(screen.getByPlaceholderText('Find a name'), { target: { value: 'do duc' } });
  expect(screen.getByRole('group', { name: 'Attendance: Đỗ Đức Cường' })).toBeInTheDocument();
  expect(screen.queryByRole('group', { name: 'Attendance: Nguyễn Văn An' })).not.toBeInTheDocument();
});

describe('while a ballot is open, attendance is fixed', () => {
  test('absent and excused cannot be chosen for a member of its roster; the console says why', () => {
    start(chairSnapshot({ ballots: [openBallot()] }));
    expect(row('Đại biểu 1').getByRole('button', { name: 'Absent' })).toBeDisabled();
    expect(row('Đại biểu 1').getByRole('button', { name: 'Excused' })).toBeDisabled();
    expect(screen.getByText(/^A ballot is open: attendance is fixed until it closes/)).toBeInTheDocument();
    fireEvent.click(row('Đại biểu 1').getByRole('button', { name: 'Absent' }));
    expect(socket.sent('attendance:mark')).toEqual([]);
  });

  test('a latecomer can still be marked present; a member added after the round opened can be marked absent', () => {
    const ballot = chairBallot(classificationBallot({ state: 'open' }), { lateIds: ['d53'] });
    start(chairSnapshot({ presence: presence(40), delegates: delegates(53, 40), ballots: [ballot] }));
    fireEvent.click(row('Đại biểu 41').getByRole('button', { name: 'Present' }));
    expect(socket.sent('attendance:mark')).toEqual([{ delegateId: 'd41', status: 'present' }]);
    expect(row('Đại biểu 53').getByRole('button', { name: 'Excused' })).toBeEnabled();
  });

  test('a refusal is said plainly', async () => {
    start(chairSnapshot({ ballots: [chairBallot(classificationBallot({ state: 'published' }))] }));
    socket.answer('attendance:mark', () => ({
      ok: false,
      error: 'ATTENDANCE_FROZEN',
      params: { delegateId: 'd1', status: 'absent' },
    }));
    await act(async () => {
      fireEvent.click(row('Đại biểu 1').getByRole('button', { name: 'Absent' }));
    });
    expect(screen.getByRole('alert')).toHaveTextContent('cannot be marked absent until it closes');
  });

  test('with no ballot open, one click is enough', () => {
    start(chairSnapshot({ ballots: [chairBallot(classificationBallot({ state: 'published' }))] }));
    fireEvent.click(row('Đại biểu 1').getByRole('button', { name: 'Absent' }));
    expect(socket.sent('attendance:mark')).toEqual([{ delegateId: 'd1', status: 'absent' }]);
  });
});

test('a member who voted on paper in the open round is marked so', () => {
  start(chairSnapshot({ ballots: [chairBallot(classificationBallot(), { voterIds: ['d2'], paperVoterIds: ['d2'] })] }));
  const rowOf = (name: string) => screen.getByRole('group', { name: `Attendance: ${name}` }).closest('tr');
  expect(rowOf('Đại biểu 2')).toHaveTextContent('voted on paper');
  expect(rowOf('Đại biểu 3')).not.toHaveTextContent('voted on paper');
});
