// How the chair's console calls the server, by socket or HTTP: a part of the console waits (its
// buttons disabled) while its request is on its way, shows a refusal plainly, and forgets it at the
// next success. These pin down what client/src/ui/use-request.ts gives every part of the console.
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { bindChairSocket } from '../../client/src/chair/bind-chair-socket';
import { ChairApp } from '../../client/src/chair/ChairApp';
import type { RequestEvent } from '@hallvote/shared';
import type { Reply } from '../../client/src/socket';
import { resetChairStoreAroundEachTest } from './support/chair-store-reset';
import { FakeSocket } from './support/fake-socket';
import { stubFetch } from './support/fetch-stub';
import { chairBallot, chairSnapshot, classificationBallot, delegates, presence } from './support/fixtures';

let socket: FakeSocket;

function start(snapshot = chairSnapshot()): void {
  socket = new FakeSocket();
  bindChairSocket(socket);
  render(<ChairApp session={{ socket, meetingId: 'm1', chairKey: 'chair-key' }} />);
  socket.serverEmits('snapshot', snapshot);
}

/** Scripts `event` to be answered only when the test says so. */
function holdAnswer<E extends RequestEvent>(event: E): (reply: Reply<E>) => Promise<void> {
  let release: (reply: Reply<E>) => void = () => {};
  socket.answer(event, () => new Promise<Reply<E>>((resolve) => (release = resolve)));
  return (reply) =>
    act(async () => {
      release(reply);
    });
}

const noQuorum = {
  ok: false,
  error: 'NO_QUORUM',
  params: { present: 30, required: 36, eligible: 53, fraction: { num: 2, den: 3 }, strict: false },
} as const;

resetChairStoreAroundEachTest();

describe('a ballot action', () => {
  test('waits for its answer, shows the refusal, and forgets it when the next try succeeds', async () => {
    const draft = classificationBallot({ state: 'draft', round: 0 });
    start(chairSnapshot({ presence: presence(30), ballots: [chairBallot(draft)] }));
    fireEvent.click(screen.getByRole('button', { name: /Xếp loại Đảng bộ tỉnh năm 2023/ }));
    const open = screen.getByRole('button', { name: 'Open voting' });

    const refuse = holdAnswer('ballot:open');
    fireEvent.click(open);
    expect(open).toBeDisabled();
    await refuse(noQuorum);
    expect(open).toBeEnabled();
    expect(screen.getByRole('alert')).toHaveTextContent('30 present; at least 36 of 53 needed');

    const accept = holdAnswer('ballot:open');
    fireEvent.click(open);
    expect(open).toBeDisabled();
    // The refusal stays in sight until the answer to the new try arrives.
    expect(screen.getByRole('alert')).toBeInTheDocument();
    await accept({ ok: true, data: classificationBallot() });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(socket.sent('ballot:open')).toEqual([{ ballotId: 'b1' }, { ballotId: 'b1' }]);
  });
});

describe('attendance', () => {
  test("only the member's own buttons wait; one refusal note for the panel, cleared by the next success", async () => {
    start(chairSnapshot({ presence: presence(48), delegates: delegates(53, 48) }));
    fireEvent.click(screen.getByRole('tab', { name: 'Attendance (48/53)' }));
    const row = (name: string) => within(screen.getByRole('group', { name: `Attendance: ${name}` }));

    const refuse = holdAnswer('attendance:mark');
    fireEvent.click(row('Đại biểu 50').getByRole('button', { name: 'Present' }));
    expect(row('Đại biểu 50').getByRole('button', { name: 'Excused' })).toBeDisabled();
    expect(row('Đại biểu 51').getByRole('button', { name: 'Excused' })).toBeEnabled();
    await refuse({ ok: false, error: 'ATTENDANCE_FROZEN', params: { delegateId: 'd50', status: 'excused' } });
    expect(row('Đại biểu 50').getByRole('button', { name: 'Excused' })).toBeEnabled();
    expect(screen.getByRole('alert')).toHaveTextContent('cannot be marked excused until it closes');

    const accept = holdAnswer('attendance:mark');
    fireEvent.click(row('Đại biểu 51').getByRole('button', { name: 'Present' }));
    await accept({ ok: true, data: presence(49) });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});

describe('the ballot builder', () => {
  test('waits while creating, shows a refusal, replaces it by its own problems, and opens what it created', async () => {
    start(chairSnapshot({ ballots: [chairBallot(classificationBallot({ state: 'draft', round: 0 }))] }));
    fireEvent.click(screen.getByRole('button', { name: '+ New ballot' }));
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Biểu quyết nghị quyết' } });
    const create = screen.getByRole('button', { name: 'Create ballot' });

    const refuse = holdAnswer('ballot:create');
    fireEvent.click(create);
    expect(create).toBeDisabled();
    await refuse({ ok: false, error: 'RATE_LIMITED', params: {} });
    expect(create).toBeEnabled();
    expect(screen.getByRole('alert')).toHaveTextContent('The ballot was not created:');
    expect(screen.getByRole('alert')).toHaveTextContent('Too many requests: wait a moment and try again.');

    // A problem found before sending takes the place of the server's refusal.
    fireEvent.change(screen.getByLabelText('Title'), { target: { value: ' ' } });
    fireEvent.click(create);
    expect(screen.getAllByRole('alert')).toHaveLength(1);
    expect(screen.getByRole('alert')).not.toHaveTextContent('Too many requests');

    fireEvent.change(screen.getByLabelText('Title'), { target: { value: 'Biểu quyết nghị quyết' } });
    const accept = holdAnswer('ballot:create');
    fireEvent.click(create);
    await accept({ ok: true, data: { ballotId: 'b1' } });
    expect(screen.getByRole('heading', { level: 2, name: 'Xếp loại Đảng bộ tỉnh năm 2023' })).toBeInTheDocument();
    expect(socket.sent('ballot:create')).toHaveLength(2);
  });
});

describe('the roster import', () => {
  test('waits while storing, and a refused store is forgotten once a store succeeds', async () => {
    start(chairSnapshot({ delegates: [], presence: presence(0, 0) }));
    fireEvent.click(screen.getByRole('tab', { name: 'Roster' }));
    const csv = 'name,position\nAn,Bí thư\nBình,Phó bí thư';
    fireEvent.change(screen.getByLabelText('Paste from Excel or Google Sheets, or type CSV'), {
      target: { value: csv },
    });
    expect(screen.getByText('2 members read without problems.')).toBeInTheDocument();

    const store = screen.getByRole('button', { name: 'Store the roster' });
    const refuse = holdAnswer('roster:import');
    fireEvent.click(store);
    expect(store).toBeDisabled();
    await refuse({ ok: false, error: 'VOTING_STARTED', params: {} });
    expect(screen.getByRole('alert')).toHaveTextContent('Voting has started: the roster can no longer be replaced');
    expect(store).toBeEnabled();

    const accept = holdAnswer('roster:import');
    fireEvent.click(store);
    await accept({ ok: true, data: { stored: 2 } });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByText('Stored: 2 members. Print new badges.')).toBeInTheDocument();
    expect(socket.sent('roster:import').map((p) => p.lines.length)).toEqual([2, 2]);
  });
});

describe('the exports', () => {
  test('a refused download is said plainly until a download succeeds', async () => {
    let tries = 0;
    stubFetch({
      '/api/meetings/m1/attendance.csv': () =>
        (tries += 1) === 1
          ? Response.json({ ok: false, error: 'INTERNAL', params: {} }, { status: 500 })
          : new Response('\uFEFFname\n', {
              headers: { 'content-disposition': 'attachment; filename="attendance-m1.csv"' },
            }),
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    URL.createObjectURL = vi.fn(() => 'blob:attendance');
    URL.revokeObjectURL = vi.fn();
    start();
    const panel = within(screen.getByRole('region', { name: 'Export' }));
    const save = panel.getByRole('button', { name: 'Attendance (CSV)' });
    await act(async () => {
      fireEvent.click(save);
    });
    expect(panel.getByRole('alert')).toHaveTextContent('Something went wrong on the server. Nothing was changed.');
    expect(panel.queryByRole('status')).not.toBeInTheDocument();
    await act(async () => {
      fireEvent.click(save);
    });
    expect(panel.queryByRole('alert')).not.toBeInTheDocument();
    expect(panel.getByRole('status')).toHaveTextContent('Saved: attendance-m1.csv');
  });
});
