// Vietnamese first (issue 16): the words a Party meeting uses, the form of address the meeting set,
// and no English inside the Vietnamese interface. Each test names the phrase a new user found.
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DEFAULT_MEETING_SETTINGS, type AuditEntry, type MeetingSettings } from '@hallvote/shared';
import { bindChairSocket } from '../../client/src/chair/bind-chair-socket';
import { ChairApp } from '../../client/src/chair/ChairApp';
import { chairStore } from '../../client/src/chair/store';
import { bindDelegateSocket } from '../../client/src/delegate/bind-delegate-socket';
import { DelegateApp } from '../../client/src/delegate/DelegateApp';
import { anchorBox } from '../../client/src/delegate/anchor-box';
import { draftBox } from '../../client/src/delegate/draft-box';
import { pendingVoteBox } from '../../client/src/delegate/pending-vote';
import { delegateStore, initialDelegateState } from '../../client/src/delegate/store';
import { textOf } from '../../client/src/i18n';
import { chairText } from '../../client/src/i18n/chair';
import { resetChairStoreAroundEachTest } from './support/chair-store-reset';
import { englishIn } from '../support/english';
import { FakeSocket } from './support/fake-socket';
import {
  auditEntries,
  batchBallot,
  chairBallot,
  chairSnapshot,
  classificationBallot,
  delegateSnapshot,
  hallStoryResult,
  presence,
} from './support/fixtures';

const COUNCIL: MeetingSettings = { ...DEFAULT_MEETING_SETTINGS, address: 'dai-bieu' };

let socket: FakeSocket;

function console_(snapshot = chairSnapshot()): void {
  socket = new FakeSocket();
  bindChairSocket(socket);
  chairStore.setState({ language: 'vi' });
  render(<ChairApp session={{ socket, meetingId: 'm1', chairKey: 'chair-key' }} />);
  socket.serverEmits('snapshot', snapshot);
}

const text = () => document.body.textContent ?? '';

test('the English finder finds English, and leaves Vietnamese and proper nouns alone', () => {
  expect(englishIn('Không có phiếu. Another ballot is open; close it first.')).not.toEqual([]);
  expect(englishIn('Mã SHA-256 của tệp JSON, Ban kiểm phiếu, Chi bộ 1; HTT; 78,5')).toEqual([]);
});

describe('the chair console in Vietnamese', () => {
  resetChairStoreAroundEachTest();

  test('a connected phone is "đã kết nối": "đang kết nối" means still connecting', () => {
    console_();
    fireEvent.click(screen.getByRole('tab', { name: /^Điểm danh/ }));
    expect(text()).not.toMatch(/đang kết nối/);
    expect(screen.getAllByText(/● đã kết nối/).length).toBeGreaterThan(0);
    expect(screen.getByText(/49 điện thoại đã kết nối/)).toBeInTheDocument();
  });

  test('a Party committee says "chủ trì", a People\'s Council "chủ tọa"', () => {
    console_();
    expect(screen.getByText('Bàn điều hành của người chủ trì')).toBeInTheDocument();
    expect(text()).not.toMatch(/chủ tọa/i);
  });

  test('the console of a People\'s Council says "chủ tọa" and counts "đại biểu"', () => {
    console_(chairSnapshot({ meeting: { ...chairSnapshot().meeting, settings: COUNCIL } }));
    expect(screen.getByText('Bàn điều hành của chủ tọa')).toBeInTheDocument();
  });

  test('rules in plain words: no "Quy định bằng con số", no "chọn k trong n"', () => {
    console_();
    expect(screen.getByRole('region', { name: 'Quy định áp dụng' })).toBeInTheDocument();
    expect(text()).not.toMatch(/bằng con số/);
    expect(text()).not.toMatch(/chọn k trong n|\(k\)/);
  });

  test('a draft opens with "Mở biểu quyết"; an open round is cancelled with "Hủy vòng biểu quyết", never "Hủy phiếu"', () => {
    console_(chairSnapshot({ ballots: [chairBallot(classificationBallot({ state: 'draft', openedAt: null }))] }));
    fireEvent.click(screen.getByRole('button', { name: /Xếp loại Đảng bộ tỉnh năm 2023/ }));
    expect(screen.getByRole('button', { name: 'Mở biểu quyết' })).toBeInTheDocument();
    expect(text()).not.toMatch(/Mở bỏ phiếu/);
  });

  test('an open round is cancelled with "Hủy vòng biểu quyết", never "Hủy phiếu" (spoiling a ballot)', () => {
    console_(chairSnapshot({ ballots: [chairBallot(classificationBallot())] }));
    fireEvent.click(screen.getByRole('button', { name: /Xếp loại Đảng bộ tỉnh năm 2023/ }));
    expect(screen.getByRole('button', { name: 'Hủy vòng biểu quyết' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Hủy phiếu' })).not.toBeInTheDocument();
  });

  test('a classification result is "Kết quả xếp loại: …", and a blank row is said plainly', () => {
    const ballot = classificationBallot({ state: 'closed', closedAt: '2024-01-10T08:10:00.000Z' });
    console_(chairSnapshot({ ballots: [chairBallot(ballot, { result: hallStoryResult(ballot) })] }));
    fireEvent.click(screen.getByRole('button', { name: /Xếp loại Đảng bộ tỉnh năm 2023/ }));
    expect(screen.getByText('Kết quả xếp loại: Hoàn thành tốt nhiệm vụ')).toBeInTheDocument();
    expect(text()).not.toMatch(/Thông qua: Hoàn thành/);
    // Shown only when some ballots left the subject blank: the words themselves.
    expect(textOf(chairText, 'vi', 'dong-chi').result.empty(2)).toBe('Số phiếu để trống mục này: 2');
  });

  test('the audit log shows no raw data: no "null", "true" or JSON', async () => {
    const entries: AuditEntry[] = [
      ...auditEntries(),
      { ...auditEntries()[2]!, seq: 4, action: 'round.published', details: { acknowledgement: null, secret: true } },
    ];
    console_();
    socket.answer('audit:list', () => ({ ok: true, data: entries }));
    fireEvent.click(screen.getByRole('tab', { name: 'Nhật ký' }));
    await screen.findByText(/ý kiến xác nhận: không có/);
    expect(text()).not.toMatch(/null|true|false|\{"/);
  });

  test("the audit log shows a round's attendance and the meeting's settings in words, not their English keys", async () => {
    // A closed round records who was present, excused and absent (ids); meeting.created its settings.
    // Printed raw they read "present d-1, d-2, excused , absent" (the CI's minutes-print e2e caught it).
    const entries: AuditEntry[] = [
      {
        ...auditEntries()[2]!,
        seq: 4,
        action: 'round.closed',
        details: {
          round: 1,
          attendance: { present: ['d-1', 'd-2'], excused: ['d-3'], absent: [], represented: ['d-4'] },
          earlyClose: { returned: 10, present: 12, minimum: 10, ruleMinimum: 10 },
        },
      },
      { ...auditEntries()[2]!, seq: 7, action: 'round.cancelled', details: { round: 2, destroyed: 3 } },
      {
        ...auditEntries()[0]!,
        seq: 5,
        action: 'meeting.created',
        details: {
          delegates: 3,
          settings: {
            address: 'dong-chi',
            timeZone: 'Asia/Ho_Chi_Minh',
            header: { issuer: ['BAN CHẤP HÀNH'], national: ['ĐẢNG CỘNG SẢN VIỆT NAM'], place: 'Bắc Ninh' },
          },
        },
      },
      // A member's edit names the fields it changed.
      {
        ...auditEntries()[0]!,
        seq: 6,
        action: 'delegate.updated',
        details: { fields: ['name', 'position', 'weight'] },
      },
    ];
    console_();
    socket.answer('audit:list', () => ({ ok: true, data: entries }));
    fireEvent.click(screen.getByRole('tab', { name: 'Nhật ký' }));
    await screen.findByText(/điểm danh: có mặt 2, qua ủy quyền 1, vắng có lý do 1, vắng 0/);
    expect(text()).toMatch(/kết thúc sớm: thu về 10, có mặt 12, tối thiểu 10/);
    expect(text()).toMatch(/số phiếu hủy không mở: 3/);
    expect(text()).toMatch(/múi giờ Asia\/Ho_Chi_Minh/);
    expect(text()).toMatch(/đã sửa: họ và tên, chức vụ, quyền biểu quyết/);
    expect(text()).not.toMatch(
      /present|excused|absent|timeZone|address|issuer|national|place|position|weight|earlyClose|minimum|destroyed/,
    );
    expect(englishIn(text())).toEqual([]);
  });

  test('every roster problem in Vietnamese: the count, an empty name, an unclosed quote, a duplicate', () => {
    console_(chairSnapshot({ delegates: [], presence: presence(0, 0) }));
    fireEvent.click(screen.getByRole('tab', { name: 'Danh sách' }));
    const lines = [
      'Họ và tên,Chức vụ',
      'Nguyễn Văn An,Bí thư',
      ',Phó Bí thư',
      '"Trần Bình,Ủy viên',
      'nguyễn văn an,bí thư',
    ];
    fireEvent.change(screen.getByLabelText('Dán từ Excel hoặc Google Sheets, hoặc nhập dạng CSV'), {
      target: { value: lines.join('\n') },
    });
    const alert = screen.getByRole('alert');
    expect(within(alert).getAllByRole('listitem')).toHaveLength(3);
    expect(text()).not.toMatch(/problem\(s\)|name is empty|Quote Not Closed|same name and position/i);
    expect(englishIn(text())).toEqual([]);
  });

  test.each([
    ['the ballots tab with the builder', () => undefined],
    ['the attendance tab', () => fireEvent.click(screen.getByRole('tab', { name: /^Điểm danh/ }))],
    ['the roster tab', () => fireEvent.click(screen.getByRole('tab', { name: 'Danh sách' }))],
    ['an election in the builder', () => fireEvent.click(screen.getByRole('radio', { name: /^Bầu cử/ }))],
  ])('%s has no English in it', (_, go) => {
    console_();
    go();
    expect(englishIn(text())).toEqual([]);
  });

  test.each([
    ['a draft', classificationBallot({ state: 'draft', openedAt: null })],
    ['an open round', classificationBallot()],
    ['a closed batch with warnings', batchBallot(5, { state: 'closed', closedAt: '2024-01-10T09:10:00.000Z' })],
  ])('the detail of %s has no English in it', (_, ballot) => {
    const result = ballot.state === 'closed' ? hallStoryResult(ballot) : null;
    console_(chairSnapshot({ ballots: [chairBallot(ballot, { result })] }));
    fireEvent.click(screen.getByRole('button', { name: new RegExp(ballot.title) }));
    expect(englishIn(text())).toEqual([]);
  });
});

describe('the phone in Vietnamese', () => {
  beforeEach(() => {
    localStorage.clear();
    delegateStore.setState({ ...initialDelegateState(), language: 'vi' }, true);
  });
  afterEach(() => {
    cleanup();
    localStorage.clear();
    delegateStore.setState(initialDelegateState(), true);
  });

  function phone(settings = DEFAULT_MEETING_SETTINGS) {
    socket = new FakeSocket();
    const session = {
      socket,
      pendingVotes: pendingVoteBox('t', localStorage),
      drafts: draftBox('t', localStorage),
      anchors: anchorBox('t', localStorage),
      newVoteId: () => 'vote-id',
    };
    bindDelegateSocket(session);
    render(<DelegateApp session={session} />);
    socket.serverEmits(
      'snapshot',
      delegateSnapshot({ meeting: { ...delegateSnapshot().meeting, settings }, ballot: batchBallot(3) }),
    );
  }

  const review = () => {
    fireEvent.click(screen.getByRole('button', { name: 'Xem lại phiếu' }));
    return screen.getByRole('heading', { level: 2 });
  };

  test('addresses a Party member as "đồng chí", never "bạn"', () => {
    phone();
    expect(review()).toHaveTextContent('Kiểm tra lại phiếu của đồng chí');
    expect(text()).not.toMatch(/\bbạn\b/i);
  });

  test('addresses a People\'s Council deputy as "đại biểu"', () => {
    phone(COUNCIL);
    expect(review()).toHaveTextContent('Kiểm tra lại phiếu của đại biểu');
  });

  test('marking and review have no English in them', () => {
    phone();
    expect(englishIn(text())).toEqual([]);
    review();
    expect(englishIn(text())).toEqual([]);
    within(document.body).getByText(/chưa đánh giá/);
  });
});
