// The admin page creates a meeting with the same roster import as the chair's roster tab
// (ui/roster): a preview with the column choice, every problem before anything is sent, the
// server's problems in the viewer's language, and the mapped lines in the request.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { DEFAULT_MEETING_SETTINGS, RULE_PRESETS, type CreateMeetingResponse } from '@hallvote/shared';
import { AdminApp } from '../../client/src/admin/AdminApp';
import { loadPresets } from '../../client/src/admin/admin-api';
import { adminStore, initialAdminState } from '../../client/src/admin/store';

const CREATED: CreateMeetingResponse = {
  meetingId: 'm1',
  chairKey: 'k',
  projectorKey: 'p',
  chairUrl: 'http://hall.test/chair/m1#key=k',
  projectorUrl: 'http://hall.test/p/m1#key=p',
  delegates: 2,
};

/** The bodies POSTed to /api/meetings; `answer` is what the server says to them. */
let posted: unknown[];
let answer: () => Response;

beforeEach(async () => {
  posted = [];
  answer = () => Response.json({ ok: true, data: CREATED }, { status: 201 });
  vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url === '/api/presets') return Response.json({ ok: true, data: Object.values(RULE_PRESETS) });
    posted.push(JSON.parse(init?.body as string));
    return answer();
  });
  adminStore.setState({ ...initialAdminState(), language: 'en', token: 'admin-token' });
  await loadPresets();
  render(<AdminApp />);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const paste = (text: string) =>
  fireEvent.change(screen.getByLabelText('Paste from Excel or Google Sheets, or type CSV'), {
    target: { value: text },
  });
const create = () => screen.getByRole('button', { name: 'Create the meeting' });

describe('the admin page', () => {
  test('a pasted roster with an STT column is previewed, mapped, and sent as lines with the meeting', async () => {
    fireEvent.change(screen.getByLabelText('Meeting title'), { target: { value: 'Hội nghị' } });
    paste('STT\tHọ và tên\tChức vụ\n1\tNguyễn Văn An\tBí thư\n2\tTrần Thị Bình\tỦy viên');
    expect(screen.getByRole('combobox', { name: 'Column 1 holds' })).toHaveValue('ignore');
    expect(screen.getByText('2 members read without problems.')).toBeInTheDocument();
    fireEvent.click(create());
    await waitFor(() => expect(screen.getByText('Meeting created')).toBeInTheDocument());
    expect(posted).toEqual([
      {
        title: 'Hội nghị',
        rulePresetId: 'vn-party-classification',
        settings: DEFAULT_MEETING_SETTINGS,
        roster: [
          { line: 2, name: 'Nguyễn Văn An', position: 'Bí thư', group: '' },
          { line: 3, name: 'Trần Thị Bình', position: 'Ủy viên', group: '' },
        ],
      },
    ]);
  });

  test("the meeting's settings: form of address, time zone and the minutes' header are sent with it (issue 16)", async () => {
    fireEvent.change(screen.getByLabelText('Meeting title'), { target: { value: 'Kỳ họp thứ 7' } });
    fireEvent.change(screen.getByLabelText('Form of address in Vietnamese'), { target: { value: 'dai-bieu' } });
    fireEvent.change(screen.getByLabelText('Time zone (every time shown, and the minutes)'), {
      target: { value: 'Asia/Bangkok' },
    });
    fireEvent.change(screen.getByLabelText('Issuing body for the minutes’ header, one line each (up to 3)'), {
      target: { value: 'HĐND TỈNH BẮC NINH\n\nKỲ HỌP THỨ 7\n' },
    });
    fireEvent.change(screen.getByLabelText('Right-hand header lines (up to 3)'), {
      target: { value: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc' },
    });
    fireEvent.change(screen.getByLabelText('Place for the date line of the minutes'), {
      target: { value: ' Bắc Ninh ' },
    });
    fireEvent.click(create());
    await waitFor(() => expect(screen.getByText('Meeting created')).toBeInTheDocument());
    expect(posted).toEqual([
      {
        title: 'Kỳ họp thứ 7',
        rulePresetId: 'vn-party-classification',
        settings: {
          address: 'dai-bieu',
          timeZone: 'Asia/Bangkok',
          header: {
            issuer: ['HĐND TỈNH BẮC NINH', 'KỲ HỌP THỨ 7'],
            national: ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
            place: 'Bắc Ninh',
          },
        },
      },
    ]);
  });

  test('a roster with problems lists them all and blocks creating until it is fixed or cleared', () => {
    fireEvent.change(screen.getByLabelText('Meeting title'), { target: { value: 'Hội nghị' } });
    paste('Họ và tên,Chức vụ\n,Bí thư\nAn,=1+1');
    expect(screen.getByRole('alert')).toHaveTextContent('Line 2: The name is empty.');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Line 3: The position or unit starts like a spreadsheet formula',
    );
    expect(create()).toBeDisabled();
    paste('');
    expect(create()).toBeEnabled();
  });

  test("the server's problems are shown in Vietnamese, like the chair's", async () => {
    answer = () =>
      Response.json(
        { ok: false, error: 'INVALID_ROSTER', params: { problems: [{ code: 'DUPLICATE', line: 4, sameAs: 2 }] } },
        { status: 400 },
      );
    fireEvent.click(screen.getByRole('button', { name: 'Tiếng Việt' }));
    fireEvent.change(screen.getByLabelText('Tên cuộc họp'), { target: { value: 'Hội nghị' } });
    fireEvent.change(screen.getByLabelText('Dán từ Excel hoặc Google Sheets, hoặc nhập dạng CSV'), {
      target: { value: 'An,x' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Tạo cuộc họp' }));
    expect(await screen.findByText('Dòng 4: Trùng họ tên và chức vụ với dòng 2.')).toBeInTheDocument();
  });
});
