// The roster import on the chair's roster tab (ui/roster, shared with the admin page): a paste or a
// file read in the browser, the column-mapping step with its preview and automatic guess, every
// problem with its line in the viewer's language, nothing sent until there is none; and the tab
// says when the roster is frozen.
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import writeXlsxFile from 'write-excel-file/universal';
import { describe, expect, test } from 'vitest';
import type { RosterProblem } from '@hallvote/shared';
import { bindChairSocket } from '../../client/src/chair/bind-chair-socket';
import { ChairApp } from '../../client/src/chair/ChairApp';
import { resetChairStoreAroundEachTest } from './support/chair-store-reset';
import { FakeSocket } from './support/fake-socket';
import { chairBallot, chairSnapshot, classificationBallot, delegates, presence } from './support/fixtures';

let socket: FakeSocket;

function openRosterTab(snapshot = chairSnapshot({ delegates: [], presence: presence(0, 0) })): void {
  socket = new FakeSocket();
  bindChairSocket(socket);
  render(<ChairApp session={{ socket, meetingId: 'm1', chairKey: 'chair-key' }} />);
  socket.serverEmits('snapshot', snapshot);
  fireEvent.click(screen.getByRole('tab', { name: /^Roster/ }));
}

const paste = (text: string) =>
  fireEvent.change(screen.getByLabelText('Paste from Excel or Google Sheets, or type CSV'), {
    target: { value: text },
  });
const roleOf = (column: number) => screen.getByRole<HTMLSelectElement>('combobox', { name: `Column ${column} holds` });
const roles = () =>
  screen.queryAllByRole<HTMLSelectElement>('combobox', { name: /^Column \d+ holds$/ }).map((s) => s.value);
const storeButton = () => screen.getByRole('button', { name: 'Store the roster' });

/** A tab-separated paste from a spreadsheet: an STT column, then name, position, group. */
const PASTE = [
  'STT\tHọ và tên\tChức vụ\tNhóm',
  '1\tNguyễn Văn An\tBí thư, Chủ tịch\tA',
  '2\tTrần Thị Bình\tỦy viên\tB',
].join('\n');

resetChairStoreAroundEachTest();

describe('the mapping step', () => {
  test('a tab-separated paste with STT: the guess leaves the numbers out, the preview shows it, store sends the lines', async () => {
    openRosterTab();
    paste(PASTE);
    expect(roles()).toEqual(['ignore', 'name', 'position', 'group']);
    expect(screen.getByRole('combobox', { name: 'Separator' })).toHaveValue('\t');
    expect(screen.getByRole('combobox', { name: 'Column titles' })).toHaveValue('1');
    const preview = within(screen.getByRole('table', { name: /What each column holds/ }));
    expect(preview.getByRole('row', { name: /Nguyễn Văn An/ })).toHaveTextContent('2');
    expect(screen.getByText('2 members read without problems.')).toBeInTheDocument();

    socket.answer('roster:import', () => ({ ok: true, data: { stored: 2 } }));
    fireEvent.click(storeButton());
    expect(socket.sent('roster:import')).toEqual([
      {
        mode: 'replace',
        lines: [
          { line: 2, name: 'Nguyễn Văn An', position: 'Bí thư, Chủ tịch', group: 'A' },
          { line: 3, name: 'Trần Thị Bình', position: 'Ủy viên', group: 'B' },
        ],
      },
    ]);
    expect(await screen.findByText('Stored: 2 members. Print new badges.')).toBeInTheDocument();
    // The import is emptied for the next one.
    expect(roles()).toEqual([]);
  });

  test('the chair corrects the guess: a file without titles, the STT column taken as names by hand, then fixed', () => {
    openRosterTab();
    paste('1;Nguyễn Văn An;Bí thư\n2;Trần Thị Bình;Ủy viên');
    expect(screen.getByRole('combobox', { name: 'Separator' })).toHaveValue(';');
    expect(screen.getByRole('combobox', { name: 'Column titles' })).toHaveValue('');
    expect(roles()).toEqual(['ignore', 'name', 'position']);

    fireEvent.change(roleOf(1), { target: { value: 'name' } });
    fireEvent.change(roleOf(2), { target: { value: 'ignore' } });
    // The numbers as names: said on every line, and nothing can be stored.
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('Line 1: The name has no letters');
    expect(alert).toHaveTextContent('Line 2: The name has no letters');
    expect(storeButton()).toBeDisabled();

    fireEvent.change(roleOf(1), { target: { value: 'ignore' } });
    fireEvent.change(roleOf(2), { target: { value: 'name' } });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(storeButton()).toBeEnabled();
  });

  test('a file with three different problems reports all three with their lines, and nothing can be stored', () => {
    openRosterTab();
    paste(
      ['Họ và tên,Chức vụ', 'Nguyễn Văn An,Bí thư', ',Phó Bí thư', '"Trần Bình,Ủy viên', 'nguyễn văn an,bí thư'].join(
        '\n',
      ),
    );
    const items = within(screen.getByRole('alert'))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toEqual([
      'Line 3: The name is empty.',
      'Line 4: A quote opened on this line is not closed on it.',
      'Line 5: Same name and position as line 2.',
    ]);
    expect(screen.getByText('3 problems. Nothing is imported until they are fixed.')).toBeInTheDocument();
    expect(storeButton()).toBeDisabled();
    expect(socket.sent('roster:import')).toEqual([]);
  });

  test('appending checks the file against the roster already there', () => {
    openRosterTab(chairSnapshot({ presence: presence(0, 3), delegates: delegates(3, 0) }));
    fireEvent.click(screen.getByRole('radio', { name: 'Add to the roster' }));
    paste('Mới Một,Unit\nĐại biểu 2,Đơn vị 2');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Line 2: This member (same name and position) is on the roster already.',
    );
  });
});

describe('a workbook', () => {
  test('an .xlsx with a heading, an STT column and numbers as numbers is read in the browser and mapped', async () => {
    openRosterTab();
    const blob = await writeXlsxFile([
      ['DANH SÁCH ĐẠI BIỂU', null, null, null],
      [null, null, null, null],
      ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị'],
      [1, 'Nguyễn Văn An', 'Bí thư', 'Chi bộ 1'],
      [2, 'Trần Thị Bình', 'Ủy viên', 'Chi bộ 2'],
    ]).toBlob();
    const file = new File([blob], 'dai-bieu.xlsx');
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Or choose a file (.xlsx, .csv, .txt)'), { target: { files: [file] } });
    });
    await waitFor(() => expect(screen.getByText('Read from the file dai-bieu.xlsx.')).toBeInTheDocument());
    expect(roles()).toEqual(['ignore', 'name', 'position', 'position']);
    expect(screen.getByRole('combobox', { name: 'Column titles' })).toHaveValue('3');
    expect(screen.getByText('2 members read without problems.')).toBeInTheDocument();
    socket.answer('roster:import', () => ({ ok: true, data: { stored: 2 } }));
    fireEvent.click(storeButton());
    expect(socket.sent('roster:import')[0]?.lines).toEqual([
      { line: 4, name: 'Nguyễn Văn An', position: 'Bí thư, Chi bộ 1', group: '' },
      { line: 5, name: 'Trần Thị Bình', position: 'Ủy viên, Chi bộ 2', group: '' },
    ]);
  });

  test('a file that is neither text nor a workbook is said so', async () => {
    openRosterTab();
    const xls = new File([new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])], 'old.xls');
    await act(async () => {
      fireEvent.change(screen.getByLabelText('Or choose a file (.xlsx, .csv, .txt)'), { target: { files: [xls] } });
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('The file could not be read');
  });
});

describe('in both languages', () => {
  test("the server's refusal is shown problem by problem, in Vietnamese after the switch", async () => {
    openRosterTab();
    paste(PASTE);
    socket.answer('roster:import', () => ({
      ok: false,
      error: 'INVALID_ROSTER',
      params: { problems: [{ code: 'ALREADY_ON_ROSTER', line: 3 }] },
    }));
    fireEvent.click(storeButton());
    const problem = await screen.findByText('Line 3: This member (same name and position) is on the roster already.');
    expect(problem).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Tiếng Việt' }));
    expect(
      screen.getByText('Dòng 3: Đại biểu này (cùng họ tên và chức vụ) đã có trong danh sách.'),
    ).toBeInTheDocument();
    expect(screen.getByText('Danh sách đại biểu có 1 lỗi; chưa có gì thay đổi.')).toBeInTheDocument();
    // The server's English sentence is not shown: the problems say it all, in the viewer's words.
    expect(screen.queryByText(/roster problem/)).not.toBeInTheDocument();
  });

  test.each<RosterProblem>([
    { code: 'NAME_EMPTY', line: 2 },
    { code: 'NAME_WITHOUT_LETTERS', line: 2 },
    { code: 'TOO_LONG', line: 2, field: 'group', max: 100 },
    { code: 'FORMULA', line: 2, field: 'position' },
    { code: 'INVISIBLE_CHARACTER', line: 2, field: 'name', codePoint: 0x202e },
    { code: 'NOT_UTF8', line: 2 },
    { code: 'ALREADY_ON_ROSTER' },
    { code: 'DUPLICATE', line: 2, sameAs: 1 },
    { code: 'QUOTE_NOT_CLOSED', line: 2 },
    { code: 'TOO_MANY_MEMBERS', line: 2, max: 20_000 },
    { code: 'NO_MEMBERS' },
    { code: 'NO_NAME_COLUMN' },
    { code: 'FILE_UNREADABLE' },
    { code: 'FILE_TOO_LARGE', maxBytes: 20_000_000 },
  ])('%j has its own words in English and in Vietnamese', async (problem) => {
    openRosterTab();
    paste(PASTE);
    socket.answer('roster:import', () => ({ ok: false, error: 'INVALID_ROSTER', params: { problems: [problem] } }));
    fireEvent.click(storeButton());
    // The last alert: the problems under the refusal's own note.
    const said = () => within(screen.getAllByRole('alert').at(-1)!).getByRole('listitem').textContent ?? '';
    await screen.findByText('1 problem. Nothing is imported until it is fixed.');
    const english = said();
    fireEvent.click(screen.getByRole('button', { name: 'Tiếng Việt' }));
    const vietnamese = said();
    expect(english).toMatch(/[a-z]{3}/);
    expect(vietnamese).toMatch(/[ạ-ỹđ]/);
    expect(vietnamese).not.toBe(english);
    if ('line' in problem) expect(english).toMatch(new RegExp(`^Line ${problem.line}: `));
  });
});

describe('the roster tab', () => {
  test('says the roster is frozen once voting started, and offers no import', () => {
    const opened = chairBallot(classificationBallot({ state: 'open', round: 1 }));
    openRosterTab(chairSnapshot({ ballots: [opened] }));
    expect(screen.getByText(/^Voting has started: the roster is frozen/)).toHaveAttribute('role', 'status');
    expect(screen.queryByLabelText('Or choose a file (.xlsx, .csv, .txt)')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Store the roster' })).not.toBeInTheDocument();
  });

  test('the file input is its own labelled control, not squeezed inside an inline label', () => {
    openRosterTab();
    const input = screen.getByLabelText('Or choose a file (.xlsx, .csv, .txt)');
    expect(input).toHaveAttribute('type', 'file');
    expect(input.closest('label')).toBeNull();
  });
});
