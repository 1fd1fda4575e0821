// The chair console: rules in numbers, quorum, the ballot builder refusing what cannot be a ballot,
// confirmations before acting, publishing with a written acknowledgement, refusals said plainly.
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { CLASSIFICATION_LEVELS, type BallotDefinition } from '@hallvote/shared';
import { bindChairSocket } from '../../client/src/chair/bind-chair-socket';
import { ChairApp } from '../../client/src/chair/ChairApp';
import { resetChairStoreAroundEachTest } from './support/chair-store-reset';
import { stubFetch } from './support/fetch-stub';
import { FakeSocket } from './support/fake-socket';
import {
  auditEntries,
  batchBallot,
  batchResult,
  chairBallot,
  chairSnapshot,
  classificationBallot,
  delegates,
  hallStoryResult,
  presence,
} from './support/fixtures';

let socket: FakeSocket;

function start(snapshot = chairSnapshot()): void {
  socket = new FakeSocket();
  bindChairSocket(socket);
  render(<ChairApp session={{ socket, meetingId: 'm1', chairKey: 'chair-key' }} />);
  socket.serverEmits('snapshot', snapshot);
}

const field = (label: string) => screen.getByLabelText(label);
const type = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });

resetChairStoreAroundEachTest();

describe('rules and quorum', () => {
  test('the preset in numbers from the live presence, and a quorate indicator', () => {
    start();
    const panel = within(screen.getByRole('region', { name: 'Rules in numbers' }));
    expect(panel.getByText('Quorum: 2/3 of eligible = 36 of 53')).toBeInTheDocument();
    expect(panel.getByText('Adopted: more than half of eligible members = 27 votes')).toBeInTheDocument();
    expect(screen.getByText('Quorate: 49 present, 36 of 53 needed')).toBeInTheDocument();
  });

  test('not quorate with 30 present; the numbers follow an excused absence', () => {
    start(chairSnapshot({ presence: presence(30), delegates: delegates(53, 30) }));
    expect(screen.getByText('Not quorate: 30 present, 36 of 53 needed')).toBeInTheDocument();
    socket.serverEmits('console:roster-updated', {
      seq: 4,
      presence: presence(30, 53, 8),
      delegates: [],
      removedIds: [],
      full: false,
    });
    // 53 − 8 excused = 45 eligible: 30 of 45 is exactly two thirds.
    expect(screen.getByText('Quorate: 30 present, 30 of 45 needed')).toBeInTheDocument();
    const panel = within(screen.getByRole('region', { name: 'Rules in numbers' }));
    expect(panel.getByText('Adopted: more than half of eligible members = 23 votes')).toBeInTheDocument();
  });
});

test('an empty roster is never shown as quorate (0 of 0)', () => {
  start(chairSnapshot({ delegates: [], presence: presence(0, 0) }));
  expect(screen.getByText('Nobody is on the roster yet: import the roster first.')).toBeInTheDocument();
  expect(screen.queryByText(/^Quorate/)).not.toBeInTheDocument();
});

describe('ballot builder', () => {
  test('refuses an election without candidates, without sending anything', () => {
    start();
    fireEvent.click(screen.getByLabelText('Election: choose as many candidates as there are seats'));
    type('Title', 'Bầu Ban Thường vụ');
    fireEvent.click(screen.getByRole('button', { name: 'Create ballot' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Add at least one candidate, one per line.');
    expect(socket.requests).toEqual([]);
  });

  test('refuses k > n', () => {
    start();
    fireEvent.click(screen.getByLabelText('Election: choose as many candidates as there are seats'));
    type('Title', 'Bầu Ban Thường vụ');
    type('Candidates, one per line', 'Trần Thị Bình\nLê Văn Cường\n');
    type('Seats to fill', '3');
    fireEvent.click(screen.getByRole('button', { name: 'Create ballot' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Cannot elect 3 of 2 candidates.');
    expect(socket.requests).toEqual([]);
  });

  test('refuses a batch with an empty subject list', () => {
    start();
    fireEvent.click(screen.getByLabelText('Batch classification: a list of subjects'));
    type('Title', 'Xếp loại 19 đơn vị');
    type('Subjects, one per line', '  \n \n');
    fireEvent.click(screen.getByRole('button', { name: 'Create ballot' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Add at least one subject, one per line.');
    expect(socket.requests).toEqual([]);
  });

  test('a sound batch is sent as one ballot with the four levels, secret by default', () => {
    start();
    fireEvent.click(screen.getByLabelText('Batch classification: a list of subjects'));
    type('Title', 'Xếp loại chi bộ');
    type('Subjects, one per line', 'Chi bộ 1\nChi bộ 2\n\nChi bộ 3');
    type('Group for the cap rule (optional)', 'chi-bo');
    socket.answer('ballot:create', () => ({ ok: true, data: { ballotId: 'new' } }));
    fireEvent.click(screen.getByRole('button', { name: 'Create ballot' }));
    const expected: BallotDefinition = {
      title: 'Xếp loại chi bộ',
      kind: 'batch',
      secret: true,
      subjects: [
        { id: 's1', label: 'Chi bộ 1', group: 'chi-bo' },
        { id: 's2', label: 'Chi bộ 2', group: 'chi-bo' },
        { id: 's3', label: 'Chi bộ 3', group: 'chi-bo' },
      ],
      options: [...CLASSIFICATION_LEVELS],
      allowChange: false,
      interimForChair: false,
    };
    expect(socket.sent('ballot:create')).toEqual([expected]);
  });
});

describe('running a ballot', () => {
  test('live turnout, and closing asks first with the numbers', () => {
    const ballot = chairBallot(classificationBallot(), {
      turnout: { ballotId: 'b1', round: 1, voted: 37, present: 49, eligible: 53 },
    });
    start(chairSnapshot({ ballots: [ballot] }));
    fireEvent.click(screen.getByRole('button', { name: /Xếp loại Đảng bộ tỉnh năm 2023/ }));
    expect(screen.getByText('37 of 49 present have voted')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Close voting' }));
    expect(
      screen.getByText('Close voting now? 37 of 49 present have voted; no more votes will be accepted.'),
    ).toBeInTheDocument();
    expect(socket.requests).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, close voting' }));
    expect(socket.sent('ballot:close')).toEqual([{ ballotId: 'b1' }]);
  });

  test('a refusal from the server is shown plainly', async () => {
    start(
      chairSnapshot({
        presence: presence(30),
        ballots: [chairBallot(classificationBallot({ state: 'draft', round: 0 }))],
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: /Xếp loại Đảng bộ tỉnh năm 2023/ }));
    socket.answer('ballot:open', () => ({
      ok: false,
      error: 'NO_QUORUM',
      params: { present: 30, required: 36, eligible: 53, fraction: { num: 2, den: 3 }, strict: false },
    }));
    fireEvent.click(screen.getByRole('button', { name: 'Open voting' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not quorate: 30 present; at least 36 of 53 needed (2/3).');
  });

  test('the result with counts and percentages of the named base', () => {
    const view = classificationBallot({ state: 'closed' });
    start(chairSnapshot({ ballots: [chairBallot(view, { result: hallStoryResult(view) })] }));
    fireEvent.click(screen.getByRole('button', { name: /Xếp loại Đảng bộ tỉnh năm 2023/ }));
    const table = within(within(screen.getByRole('region', { name: 'Result' })).getByRole('table'));
    expect(table.getByRole('columnheader', { name: '% of eligible members' })).toBeInTheDocument();
    const good = table.getByRole('row', { name: /Good/ });
    expect(good.textContent).toBe('Good4890.57✓');
    expect(screen.getByText('Adopted: Good')).toBeInTheDocument();
  });

  test('a result with a cap warning needs a written acknowledgement before publishing', () => {
    const view = batchBallot(6, { state: 'closed' });
    const result = batchResult(view);
    expect(result.tally.warnings.length).toBe(1);
    start(chairSnapshot({ ballots: [chairBallot(view, { result })] }));
    fireEvent.click(screen.getByRole('button', { name: /Xếp loại 6 đơn vị/ }));
    expect(screen.getByText(/2 × "Excellent", but at most 0 allowed \(20% of 4 × "Good"\)/)).toBeInTheDocument();

    const publish = screen.getByRole('button', { name: 'Publish the result' });
    expect(publish).toBeDisabled();
    type('Written acknowledgement of the warnings (required to publish)', 'Both units led the province in 2023.');
    expect(publish).toBeEnabled();
    fireEvent.click(publish);
    fireEvent.click(screen.getByRole('button', { name: 'Yes, publish' }));
    expect(socket.sent('ballot:publish')).toEqual([
      { ballotId: 'b2', showOnProjector: true, acknowledgement: 'Both units led the province in 2023.' },
    ]);
  });
});

describe('attendance (the roster import: roster-import.test.tsx)', () => {
  test('manual check-in sends the attendance mark', () => {
    start(chairSnapshot({ presence: presence(48), delegates: delegates(53, 48) }));
    fireEvent.click(screen.getByRole('tab', { name: 'Attendance (48/53)' }));
    const row = within(screen.getByRole('group', { name: 'Attendance: Đại biểu 50' }));
    fireEvent.click(row.getByRole('button', { name: 'Present' }));
    expect(socket.sent('attendance:mark')).toEqual([{ delegateId: 'd50', status: 'present' }]);
  });
});

test('the language switch turns the console into Vietnamese and back', () => {
  start();
  fireEvent.click(screen.getByRole('button', { name: 'Tiếng Việt' }));
  const panel = () => within(screen.getByRole('region', { name: /^(Rules in numbers|Quy định áp dụng)$/ }));
  expect(panel().getByText('Điều kiện tiến hành: 2/3 tổng số = 36 / 53')).toBeInTheDocument();
  expect(panel().getByText('Thông qua: quá nửa số đồng chí được tính = 27 phiếu')).toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Tạo phiếu' })).toBeInTheDocument();
  fireEvent.click(screen.getByRole('button', { name: 'English' }));
  expect(panel().getByText('Quorum: 2/3 of eligible = 36 of 53')).toBeInTheDocument();
});

describe('minutes, exports and the audit log', () => {
  const openBallot = (view = classificationBallot()) => {
    start(
      chairSnapshot({ ballots: [chairBallot(view, view.state === 'closed' ? { result: hallStoryResult(view) } : {})] }),
    );
    fireEvent.click(screen.getByRole('button', { name: /Xếp loại Đảng bộ tỉnh năm 2023/ }));
  };

  test('a closed round links to its minutes in a new tab; an open one does not', () => {
    openBallot(classificationBallot({ state: 'open' }));
    expect(screen.queryByRole('link', { name: /Counting minutes/ })).not.toBeInTheDocument();
    cleanup();

    openBallot(classificationBallot({ state: 'closed' }));
    const link = screen.getByRole('link', { name: 'Counting minutes ↗' });
    expect(link).toHaveAttribute('href', '/chair/m1/minutes/b1/1');
    expect(link).toHaveAttribute('target', '_blank');
    // The key stays out of the link: the new tab reads the one stored in this browser.
    expect(link.getAttribute('href')).not.toContain('chair-key');
  });

  test('after a re-vote, round 1 keeps its minutes while round 2 is open', () => {
    openBallot(classificationBallot({ state: 'open', round: 2 }));
    expect(screen.getAllByRole('link', { name: /Counting minutes/ }).map((a) => a.getAttribute('href'))).toEqual([
      '/chair/m1/minutes/b1/1',
    ]);
    expect(screen.getByRole('link', { name: 'Counting minutes, round 1 ↗' })).toBeInTheDocument();
  });

  test('the minutes link in Vietnamese', () => {
    openBallot(classificationBallot({ state: 'closed' }));
    fireEvent.click(screen.getByRole('button', { name: 'Tiếng Việt' }));
    expect(screen.getByRole('link', { name: 'Biên bản kiểm phiếu ↗' })).toBeInTheDocument();
  });

  test('the attendance CSV is fetched with the chair key and saved', async () => {
    const calls = stubFetch({
      '/api/meetings/m1/attendance.csv': () =>
        new Response('\uFEFFname,position,group,attendance\n', {
          headers: { 'content-disposition': 'attachment; filename="attendance-m1.csv"' },
        }),
    });
    const saved: string[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    URL.createObjectURL = vi.fn(() => 'blob:attendance');
    URL.revokeObjectURL = vi.fn();
    start();
    const panel = within(screen.getByRole('region', { name: 'Export' }));
    await act(async () => {
      fireEvent.click(panel.getByRole('button', { name: 'Attendance (CSV)' }));
    });
    expect(calls).toEqual([{ url: '/api/meetings/m1/attendance.csv', authorization: 'Bearer chair-key' }]);
    expect(saved).toEqual(['attendance-m1.csv']);
    expect(panel.getByRole('status').textContent).toBe('Saved: attendance-m1.csv');
  });

  test('a refused export is said plainly', async () => {
    stubFetch({});
    start();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Whole meeting (JSON)' }));
    });
    expect(screen.getByRole('alert')).toHaveTextContent('The server has no such address.');
  });

  test('the audit log lists entries newest first, with names for ids, and refreshes', async () => {
    socket = new FakeSocket();
    let entries = auditEntries().slice(0, 2);
    socket.answer('audit:list', () => ({ ok: true, data: entries }));
    bindChairSocket(socket);
    render(<ChairApp session={{ socket, meetingId: 'm1', chairKey: 'chair-key' }} />);
    socket.serverEmits('snapshot', chairSnapshot({ ballots: [chairBallot(classificationBallot())] }));

    fireEvent.click(screen.getByRole('tab', { name: 'Audit log' }));
    const table = await screen.findByRole('table');
    const rows = () =>
      within(table)
        .getAllByRole('row')
        .slice(1)
        .map((r) =>
          within(r)
            .getAllByRole('cell')
            .map((c) => c.textContent),
        );
    expect(rows()).toHaveLength(2);
    expect(rows()[0]).toEqual([
      '2',
      expect.any(String),
      'Delegate',
      'Checked inattendance.present',
      'member: Đại biểu 7',
    ]);
    expect(rows()[1]?.[4]).toBe('rule set: vn-party-classification · members: 53');

    entries = auditEntries();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    });
    expect(socket.sent('audit:list')).toHaveLength(2);
    const latest = within(await screen.findByRole('table')).getAllByRole('row')[1] as HTMLElement;
    expect(
      within(latest)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual([
      '3',
      expect.any(String),
      'Chair',
      'Voting openedround.opened',
      'ballot: Xếp loại Đảng bộ tỉnh năm 2023 · round: 1 · issued: 49',
    ]);
  });
});
