// The counting minutes of a round, drawn up from its JSON export: every number with its base,
// online and paper apart and together, the seal, the checks, the acknowledgement, the signature
// lines and the receipts annex, in either language; plus print and the downloads.
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, test, vi } from 'vitest';
import { DEFAULT_MEETING_SETTINGS, type MeetingExport, type RoundExport } from '@hallvote/shared';
import { MinutesPage } from '../../client/src/chair/minutes/MinutesPage';
import { resetChairStoreAroundEachTest } from './support/chair-store-reset';
import { stubFetch, type FetchCall } from './support/fetch-stub';
import { RULES, batchBallot, batchExport, hallStoryExport, roundExport } from './support/fixtures';

const MEETING_TITLE = 'Hội nghị Ban Chấp hành Đảng bộ tỉnh';
const ROUND_URL = (ballotId: string) => `/api/meetings/m1/rounds/${ballotId}/1.json`;

function meetingExport(round: RoundExport): MeetingExport {
  return {
    format: 'hallvote-export',
    version: 1,
    exportedAt: '2024-01-10T08:20:00.000Z',
    meeting: {
      id: 'm1',
      title: MEETING_TITLE,
      rules: RULES,
      createdAt: '2024-01-10T07:00:00.000Z',
      settings: DEFAULT_MEETING_SETTINGS,
    },
    delegates: [],
    rounds: [round],
    audit: [],
  };
}

function serve(round: RoundExport): FetchCall[] {
  return stubFetch({ [ROUND_URL(round.ballot.id)]: round, '/api/meetings/m1/export.json': meetingExport(round) });
}

async function open(round: RoundExport): Promise<void> {
  render(<MinutesPage meetingId="m1" chairKey="chair-key" ballotId={round.ballot.id} round={round.round} />);
  await screen.findByRole('heading', { level: 1 });
}

/** The data cells of a row, by the row's heading (option, subject or figure). */
function cells(table: HTMLElement, rowName: string | RegExp): (string | null)[] {
  const row = within(table).getByRole('rowheader', { name: rowName }).closest('tr') as HTMLElement;
  return within(row)
    .getAllByRole('cell')
    .map((c) => c.textContent);
}

resetChairStoreAroundEachTest();

describe("the hall story's minutes (48 good online, 1 excellent on paper)", () => {
  test('fetches the round and the meeting with the chair key as a Bearer token', async () => {
    const calls = serve(hallStoryExport());
    await open(hallStoryExport());
    expect(calls).toEqual(
      expect.arrayContaining([
        { url: '/api/meetings/m1/rounds/b1/1.json', authorization: 'Bearer chair-key' },
        { url: '/api/meetings/m1/export.json', authorization: 'Bearer chair-key' },
      ]),
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Counting minutes' })).toBeInTheDocument();
    expect(screen.getByText(MEETING_TITLE)).toBeInTheDocument();
    expect(screen.getByText('Xếp loại Đảng bộ tỉnh năm 2023 (Classification)')).toBeInTheDocument();
    expect(
      screen.getByText('Party organisation classification (Regulation 366-QĐ/TW) (vn-party-classification, version 2)'),
    ).toBeInTheDocument();
  });

  test('per option: online, paper, together, and the percentage of the named base', async () => {
    serve(hallStoryExport());
    await open(hallStoryExport());
    const table = screen.getByRole('table', { name: 'Đảng bộ tỉnh 2023' });
    expect(within(table).getByRole('columnheader', { name: '% of eligible members (53)' })).toBeInTheDocument();
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Option', 'Online', 'Paper', 'Total', '% of eligible members (53)', 'Carries']);
    expect(cells(table, 'Good')).toEqual(['48', '0', '48', '90.57', '✓']);
    expect(cells(table, 'Excellent')).toEqual(['0', '1', '1', '1.89', '']);
    expect(cells(table, 'Completed')).toEqual(['0', '0', '0', '0.00', '']);
    expect(screen.getByText('Adopted: Good')).toBeInTheDocument();
    expect(
      screen.getByText('To carry: more than half of eligible members (53), that is at least 27 votes.'),
    ).toBeInTheDocument();
  });

  test('attendance, quorum and ballots, with the paper ballot apart', async () => {
    serve(hallStoryExport());
    await open(hallStoryExport());
    expect(screen.getByText('Quorate: 49 present, at least 36 needed (2/3 of 53).')).toBeInTheDocument();
    const attendance = screen.getByRole('heading', { name: 'Attendance and quorum' }).parentElement as HTMLElement;
    const figures = within(attendance).getByRole('table');
    expect(cells(figures, 'Members convened (roster)')).toEqual(['53']);
    expect(cells(figures, 'Present when voting closed')).toEqual(['49']);
    expect(cells(figures, 'Eligible base (roster − excused absent)')).toEqual(['53']);
    expect(cells(figures, 'Members who voted on paper')).toEqual(['1']);

    const ballots = screen.getByRole('table', { name: 'Ballots' });
    expect(cells(ballots, 'Ballots issued')).toEqual(['', '', '49']);
    expect(cells(ballots, 'Ballots returned')).toEqual(['48', '1', '49']);
    expect(cells(ballots, 'Valid ballots')).toEqual(['48', '1', '49']);
    expect(cells(ballots, 'Invalid ballots')).toEqual(['0', '0', '0']);
    expect(screen.getByText('No ballot was invalid.')).toBeInTheDocument();
  });

  test('the checks, the seal in full, the signature lines and the receipts annex', async () => {
    const exported = hallStoryExport();
    serve(exported);
    await open(exported);
    const checks = screen.getByRole('table', { name: 'Checks' });
    expect(cells(checks, 'Ballots issued ≥ ballots returned')).toEqual(['49 ≥ 49', '✓ holds']);
    expect(cells(checks, 'Returned = valid + invalid')).toEqual(['49 = 49 + 0', '✓ holds']);
    expect(cells(checks, 'Ballots returned ≤ members present')).toEqual(['49 ≤ 49', '✓ holds']);

    const seal = exported.result?.seal ?? '';
    expect(seal).toMatch(/^[0-9a-f]{64}$/);
    expect(screen.getByText(seal).tagName).toBe('CODE');

    expect(screen.getByRole('heading', { name: 'The counting committee' })).toBeInTheDocument();
    for (const role of ['Head', 'Chair of the meeting']) {
      const box = within(screen.getByRole('group', { name: role }));
      expect(box.getByText('Signature:')).toBeInTheDocument();
      expect(box.getByText('Full name:')).toBeInTheDocument();
    }
    expect(screen.getAllByRole('group', { name: 'Member' })).toHaveLength(2);

    const annex = screen.getByRole('heading', { name: 'Annex: receipt codes counted' }).parentElement as HTMLElement;
    const codes = within(annex)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(codes).toEqual(exported.receipts);
    expect(codes).toHaveLength(48);
  });

  test('the language switch turns the whole document into Vietnamese', async () => {
    serve(hallStoryExport());
    await open(hallStoryExport());
    fireEvent.click(screen.getByRole('button', { name: 'Tiếng Việt' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Biên bản kiểm phiếu' })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Đảng bộ tỉnh 2023' });
    expect(
      within(table).getByRole('columnheader', { name: '% so với số đồng chí được tính (53)' }),
    ).toBeInTheDocument();
    expect(cells(table, 'Hoàn thành tốt nhiệm vụ')).toEqual(['48', '0', '48', '90,57', '✓']);
    expect(cells(table, 'Hoàn thành xuất sắc nhiệm vụ')).toEqual(['0', '1', '1', '1,89', '']);
    expect(screen.getByText('Kết quả xếp loại: Hoàn thành tốt nhiệm vụ')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Ban kiểm phiếu' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'Trưởng ban' })).toBeInTheDocument();
    expect(screen.getAllByRole('group', { name: 'Thành viên' })).toHaveLength(2);
    expect(
      within(screen.getByRole('group', { name: 'Người chủ trì hội nghị' })).getByText('Họ và tên:'),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'In / Lưu PDF' })).toBeInTheDocument();
    expect(screen.queryByText('Counting minutes')).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(screen.getByRole('heading', { level: 1, name: 'Counting minutes' })).toBeInTheDocument();
    expect(localStorage.getItem('hallvote.language')).toBe('en');
  });

  test('"Print / save as PDF" prints the page', async () => {
    serve(hallStoryExport());
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    await open(hallStoryExport());
    fireEvent.click(screen.getByRole('button', { name: 'Print / save as PDF' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  test('the round CSV is fetched with the key and saved under the name the server gives', async () => {
    const exported = hallStoryExport();
    const calls = stubFetch({
      [ROUND_URL('b1')]: exported,
      '/api/meetings/m1/export.json': meetingExport(exported),
      '/api/meetings/m1/rounds/b1/1.csv': () =>
        new Response('\uFEFFsubject,option,votes\n', {
          headers: {
            'content-type': 'text/csv; charset=utf-8',
            'content-disposition': 'attachment; filename="hallvote-b1-round-1.csv"',
          },
        }),
    });
    const saved: { name: string; href: string }[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push({ name: this.download, href: this.href });
    });
    URL.createObjectURL = vi.fn(() => 'blob:csv');
    URL.revokeObjectURL = vi.fn();
    await open(exported);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Download CSV' }));
    });
    expect(calls.at(-1)).toEqual({ url: '/api/meetings/m1/rounds/b1/1.csv', authorization: 'Bearer chair-key' });
    expect(saved).toEqual([{ name: 'hallvote-b1-round-1.csv', href: 'blob:csv' }]);
  });
});

describe('a batch that breaks the cap', () => {
  const reason = 'Both units led the province in 2023.';

  test('one compact table of subjects × levels, the warning, and the acknowledgement with its reason', async () => {
    const exported = batchExport(6, { reason, at: '2024-01-10T09:15:00.000Z' });
    serve(exported);
    await open(exported);
    const table = screen.getByRole('table', { name: 'Results' });
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((h) => h.textContent),
    ).toEqual(['Đơn vị 1', 'Đơn vị 2', 'Đơn vị 3', 'Đơn vị 4', 'Đơn vị 5', 'Đơn vị 6']);
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Subject', 'Excellent', 'Good', 'Completed', 'Not completed', 'No vote', 'Outcome']);
    expect(cells(table, 'Đơn vị 1')).toEqual(['4992.45%', '00.00%', '00.00%', '00.00%', '0', 'Excellent']);
    expect(cells(table, 'Đơn vị 3')).toEqual(['00.00%', '4992.45%', '00.00%', '00.00%', '0', 'Good']);
    expect(screen.getByText(/2 × "Excellent", but at most 0 allowed \(20% of 4 × "Good"\)/)).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Acknowledged by the chair' })).toBeInTheDocument();
    expect(screen.getByText(reason)).toBeInTheDocument();
  });

  test('paper votes are split out in the cells that have them', async () => {
    const ballot = batchBallot(3, { state: 'closed' });
    const marks = { 'unit-1': ['good'], 'unit-2': ['good'], 'unit-3': ['completed'] };
    const exported = roundExport(ballot, {
      records: Array.from({ length: 47 }, () => ({ marks })),
      paper: {
        returned: 2,
        invalid: [{ reason: 'torn', count: 1 }],
        subjects: {
          'unit-1': { counts: { good: 1 }, empty: 0 },
          'unit-2': { counts: {}, empty: 1 },
          'unit-3': { counts: { completed: 1 }, empty: 0 },
        },
      },
      paperVoters: 2,
    });
    serve(exported);
    await open(exported);
    const table = screen.getByRole('table', { name: 'Results' });
    expect(cells(table, 'Đơn vị 1')).toEqual(['00.00%', '4890.57%47 + 1 paper', '00.00%', '00.00%', '0', 'Good']);
    expect(cells(table, 'Đơn vị 2')).toEqual(['00.00%', '4788.68%', '00.00%', '00.00%', '10 + 1 paper', 'Good']);
    expect(screen.getByText(/Where paper ballots count in a cell: online \+ paper below\./)).toBeInTheDocument();
    const ballots = screen.getByRole('table', { name: 'Ballots' });
    expect(cells(ballots, 'Ballots returned')).toEqual(['47', '2', '49']);
    expect(cells(ballots, 'Invalid ballots')).toEqual(['0', '1', '1']);
    expect(screen.getByText('torn: 1')).toBeInTheDocument();
  });

  test('closed and not yet acknowledged: the minutes say so', async () => {
    const exported = batchExport(6);
    serve(exported);
    await open(exported);
    expect(screen.getByText(/Not yet acknowledged/)).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Acknowledged by the chair' })).not.toBeInTheDocument();
  });
});

test('a round still open has no minutes yet', async () => {
  const exported: RoundExport = {
    ...hallStoryExport(),
    state: 'open',
    closedAt: null,
    publishedAt: null,
    result: null,
    receipts: [],
  };
  serve(exported);
  await open(exported);
  expect(
    screen.getByText('Voting in this round is still open: the minutes are drawn up once it is closed.'),
  ).toBeInTheDocument();
  expect(screen.queryByRole('heading', { name: 'Seal' })).not.toBeInTheDocument();
});

test('a wrong key is said plainly', async () => {
  stubFetch({
    [ROUND_URL('b1')]: Response.json(
      { ok: false, error: 'UNAUTHORIZED', params: { credential: 'chair-key' } },
      { status: 401 },
    ),
  });
  render(<MinutesPage meetingId="m1" chairKey="wrong" ballotId="b1" round={1} />);
  expect(await screen.findByRole('alert')).toHaveTextContent(
    'The chair key of this meeting is not valid. Open the chair link again.',
  );
});
