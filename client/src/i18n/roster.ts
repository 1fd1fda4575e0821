// The roster import's texts, for the admin page and the chair's roster tab: reading a file, the
// column-mapping step, and every roster problem (shared/src/roster/problems.ts) in words. A problem
// code without its text here fails the type-check.
import type { ColumnRole, RosterField, RosterProblem, RosterProblemCode, Separator } from '@hallvote/shared';
import { formatsFor } from './format';
import { bilingual } from './index';

/** The words for each problem code, given the problem's own parameters and the field names. */
type ProblemTexts = {
  readonly [C in RosterProblemCode]: (
    problem: Extract<RosterProblem, { code: C }>,
    field: (f: RosterField) => string,
  ) => string;
};

const hex = (codePoint: number) => `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
const megabytes = (bytes: number) => `${Math.round(bytes / 1_000_000)} MB`;
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const en = {
  paste: 'Paste from Excel or Google Sheets, or type CSV',
  upload: 'Or choose a file (.xlsx, .csv, .txt)',
  help: 'One member per line: name, position or unit, group, and where members weigh differently (shares, members represented) their weight. A row-number column (STT) and others can be left out below.',
  reading: 'Reading the file…',
  fromFile: (name: string) => `Read from the file ${name}.`,
  clear: 'Clear',
  sheet: 'Sheet',
  separator: 'Separator',
  separators: { ',': 'comma (,)', ';': 'semicolon (;)', '\t': 'tab (a paste)' } satisfies Record<Separator, string>,
  titles: 'Column titles',
  noTitles: 'none',
  titlesOn: (line: number) => `on line ${line}`,
  mapping: 'What each column holds (check the guess, correct it if needed)',
  roles: {
    name: 'Name',
    position: 'Position or unit',
    group: 'Group',
    weight: 'Weight (shares, members represented)',
    ignore: 'Leave out',
  } satisfies Record<ColumnRole, string>,
  columnRole: (n: number) => `Column ${n} holds`,
  line: 'Line',
  titleRow: 'titles',
  fields: { name: 'the name', position: 'the position or unit', group: 'the group' } satisfies Record<
    RosterField,
    string
  >,
  ready: (n: number) => (n === 1 ? '1 member read without problems.' : `${n} members read without problems.`),
  moreRows: (n: number) => `… and ${n} more lines.`,
  leftOut: (lines: string) => `Left out, nothing in the chosen columns: line ${lines}.`,
  problemCount: (n: number) =>
    n === 1
      ? '1 problem. Nothing is imported until it is fixed.'
      : `${n} problems. Nothing is imported until they are fixed.`,
  moreProblems: (n: number) => `… and ${n} more problems.`,
  problems: {
    NAME_EMPTY: () => 'The name is empty.',
    NAME_WITHOUT_LETTERS: () => 'The name has no letters (is a row-number column chosen as the names?).',
    TOO_LONG: (p, field) => `${capital(field(p.field))} is longer than ${p.max} characters.`,
    FORMULA: (p, field) => `${capital(field(p.field))} starts like a spreadsheet formula (=, +, -, @).`,
    INVISIBLE_CHARACTER: (p, field) =>
      `${capital(field(p.field))} contains an invisible or control character (${hex(p.codePoint)}).`,
    NOT_UTF8: () => 'This is not UTF-8 text: save the file as “CSV UTF-8” and choose it again.',
    ALREADY_ON_ROSTER: () => 'This member (same name and position) is on the roster already.',
    DUPLICATE: (p) => `Same name and position as line ${p.sameAs}.`,
    QUOTE_NOT_CLOSED: () => 'A quote opened on this line is not closed on it.',
    TOO_MANY_MEMBERS: (p) => `More than ${p.max} members: the roster is too long from this line on.`,
    NO_MEMBERS: () => 'There is no member to import.',
    NO_NAME_COLUMN: () => 'No column is chosen for the names.',
    FILE_UNREADABLE: () => 'The file could not be read: choose an .xlsx, .csv or .txt file.',
    FILE_TOO_LARGE: (p) => `The file is larger than ${megabytes(p.maxBytes)}.`,
    WEIGHT_INVALID: (p) =>
      `The weight “${p.text}” is not a whole number of at least 1 (write 1500000, 1.500.000 or 1,500,000).`,
    WEIGHT_TOO_LARGE: (p) => `The weight is above ${formatsFor('en', 'UTC').int(p.max)}.`,
    TOTAL_WEIGHT_TOO_LARGE: (p) =>
      `From this line on, the weights add up to more than ${formatsFor('en', 'UTC').int(p.max)}.`,
  } satisfies ProblemTexts as ProblemTexts,
};

const vi: typeof en = {
  paste: 'Dán từ Excel hoặc Google Sheets, hoặc nhập dạng CSV',
  upload: 'Hoặc chọn tệp (.xlsx, .csv, .txt)',
  help: 'Mỗi dòng một đại biểu: họ tên, chức vụ hoặc đơn vị, nhóm, và quyền biểu quyết nếu mỗi người có số phiếu khác nhau (cổ phần, số hội viên đại diện). Cột số thứ tự (STT) và các cột khác có thể bỏ qua ở bước dưới.',
  reading: 'Đang đọc tệp…',
  fromFile: (name) => `Đã đọc từ tệp ${name}.`,
  clear: 'Xóa',
  sheet: 'Trang tính',
  separator: 'Dấu phân cách',
  separators: { ',': 'dấu phẩy (,)', ';': 'dấu chấm phẩy (;)', '\t': 'tab (dán từ bảng tính)' },
  titles: 'Dòng tiêu đề cột',
  noTitles: 'không có',
  titlesOn: (line) => `dòng ${line}`,
  mapping: 'Nội dung từng cột (kiểm tra và sửa nếu đoán sai)',
  roles: {
    name: 'Họ tên',
    position: 'Chức vụ, đơn vị',
    group: 'Nhóm',
    weight: 'Quyền biểu quyết (cổ phần, số hội viên đại diện)',
    ignore: 'Bỏ qua',
  },
  columnRole: (n) => `Cột ${n} chứa`,
  line: 'Dòng',
  titleRow: 'tiêu đề',
  fields: { name: 'họ tên', position: 'chức vụ, đơn vị', group: 'nhóm' },
  ready: (n) => `Đọc được ${n} đại biểu, không có lỗi.`,
  moreRows: (n) => `… và ${n} dòng nữa.`,
  leftOut: (lines) => `Bỏ qua vì các cột đã chọn đều trống: dòng ${lines}.`,
  problemCount: (n) => `${n} lỗi. Chưa nhập gì cho đến khi sửa hết.`,
  moreProblems: (n) => `… và ${n} lỗi nữa.`,
  problems: {
    NAME_EMPTY: () => 'Họ tên để trống.',
    NAME_WITHOUT_LETTERS: () => 'Họ tên không có chữ cái (có phải cột số thứ tự đang được chọn làm cột họ tên?).',
    TOO_LONG: (p, field) => `${capital(field(p.field))} dài quá ${p.max} ký tự.`,
    FORMULA: (p, field) => `${capital(field(p.field))} bắt đầu giống công thức bảng tính (=, +, -, @).`,
    INVISIBLE_CHARACTER: (p, field) =>
      `${capital(field(p.field))} chứa ký tự ẩn hoặc ký tự điều khiển (${hex(p.codePoint)}).`,
    NOT_UTF8: () => 'Không phải văn bản UTF-8: hãy lưu tệp dạng “CSV UTF-8” rồi chọn lại.',
    ALREADY_ON_ROSTER: () => 'Đại biểu này (cùng họ tên và chức vụ) đã có trong danh sách.',
    DUPLICATE: (p) => `Trùng họ tên và chức vụ với dòng ${p.sameAs}.`,
    QUOTE_NOT_CLOSED: () => 'Dấu ngoặc kép mở ở dòng này nhưng không đóng trên cùng dòng.',
    TOO_MANY_MEMBERS: (p) => `Quá ${p.max} đại biểu: danh sách dài quá giới hạn từ dòng này.`,
    NO_MEMBERS: () => 'Không có đại biểu nào để nhập.',
    NO_NAME_COLUMN: () => 'Chưa chọn cột họ tên.',
    FILE_UNREADABLE: () => 'Không đọc được tệp: hãy chọn tệp .xlsx, .csv hoặc .txt.',
    FILE_TOO_LARGE: (p) => `Tệp lớn hơn ${megabytes(p.maxBytes)}.`,
    WEIGHT_INVALID: (p) =>
      `Quyền biểu quyết “${p.text}” không phải số nguyên từ 1 trở lên (ghi 1500000, 1.500.000 hoặc 1,500,000).`,
    WEIGHT_TOO_LARGE: (p) => `Quyền biểu quyết vượt quá ${formatsFor('vi', 'UTC').int(p.max)}.`,
    TOTAL_WEIGHT_TOO_LARGE: (p) => `Từ dòng này, tổng quyền biểu quyết vượt quá ${formatsFor('vi', 'UTC').int(p.max)}.`,
  },
};

export const rosterText = bilingual(en, vi);
