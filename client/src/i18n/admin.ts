// The admin page's texts: create a meeting, hand out the chair and projector links.
import type { AddressForm } from '@hallvote/shared';
import { bilingual } from './index';

const en = {
  heading: 'Create a meeting',
  noToken:
    'Open the admin link printed when the server started (it ends with #admin=…), or paste the admin token here.',
  token: 'Admin token',
  useToken: 'Use this token',
  forgetToken: 'Forget the token',
  title: 'Meeting title',
  preset: 'Rule set',
  roster: 'Roster (optional: it can be imported later from the chair console)',
  create: 'Create the meeting',
  created: 'Meeting created',
  delegates: (n: number) => `${n} members on the roster.`,
  chair: 'Chair console',
  projector: 'Projector',
  linksHint:
    'Open the chair link on the chair’s laptop: it carries the chair key, so keep it private. The projector link is read-only.',
  another: 'Create another meeting',
  presetsFailed: 'The rule sets could not be loaded.',
  refused: 'The meeting was not created:',
  settings: {
    legend: 'How the meeting speaks and dates its papers',
    address: 'Form of address in Vietnamese',
    addresses: {
      'dong-chi': '“đồng chí” (a Party body)',
      'dai-bieu': '“đại biểu” (a People’s Council, a congress)',
      'quy-vi': '“quý vị” (a public gathering)',
    } satisfies Record<AddressForm, string> as Readonly<Record<AddressForm, string>>,
    timeZone: 'Time zone (every time shown, and the minutes)',
    issuer: 'Issuing body for the minutes’ header, one line each (up to 3)',
    national: 'Right-hand header lines (up to 3)',
    place: 'Place for the date line of the minutes',
  },
};

const vi: typeof en = {
  heading: 'Tạo cuộc họp',
  noToken:
    'Hãy mở đường dẫn quản trị hiện ra khi máy chủ khởi động (kết thúc bằng #admin=…), hoặc dán mã quản trị vào đây.',
  token: 'Mã quản trị',
  useToken: 'Dùng mã này',
  forgetToken: 'Xóa mã đã lưu',
  title: 'Tên cuộc họp',
  preset: 'Bộ quy định',
  roster: 'Danh sách đại biểu (không bắt buộc: có thể nhập sau ở bàn điều hành của người chủ trì)',
  create: 'Tạo cuộc họp',
  created: 'Đã tạo cuộc họp',
  delegates: (n) => `${n} đại biểu trong danh sách.`,
  chair: 'Bàn điều hành của người chủ trì',
  projector: 'Màn hình chiếu',
  linksHint:
    'Mở đường dẫn của người chủ trì trên máy tính của người chủ trì: đường dẫn có kèm khóa, cần giữ kín. Đường dẫn màn hình chiếu chỉ để xem.',
  another: 'Tạo cuộc họp khác',
  presetsFailed: 'Không tải được các bộ quy định.',
  refused: 'Chưa tạo được cuộc họp:',
  settings: {
    legend: 'Cách xưng hô, múi giờ và tiêu đề văn bản',
    address: 'Cách xưng hô',
    addresses: {
      'dong-chi': '“đồng chí” (tổ chức đảng)',
      'dai-bieu': '“đại biểu” (Hội đồng nhân dân, đại hội)',
      'quy-vi': '“quý vị” (hội nghị có khách mời)',
    },
    timeZone: 'Múi giờ (mọi thời gian hiển thị và trong biên bản)',
    issuer: 'Cơ quan ban hành (tiêu đề bên trái của biên bản), mỗi dòng một, tối đa 3',
    national: 'Tiêu đề bên phải, mỗi dòng một, tối đa 3',
    place: 'Địa danh ghi ở dòng ngày tháng của biên bản',
  },
};

export const adminText = bilingual(en, vi);
