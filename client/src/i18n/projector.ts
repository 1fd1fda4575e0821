// The projector's texts: few words, read from the back of the hall.
import { addressed, type Address } from './index';

const en = {
  noKey: 'This screen needs the projector link with its key (it ends with #key=…). Open it from the chair console.',
  refused: 'The projector key is not valid. Open the projector link from the chair console again.',
  present: 'present',
  quorate: 'Quorate',
  notQuorate: 'Not quorate',
  quorumNeeded: (required: number, eligible: number) => `${required} of ${eligible} needed`,
  waiting: 'Waiting for the next ballot',
  turnout: (present: number) => `of ${present} present have voted`,
  closed: 'Voting is closed. The result is shown when the chair publishes it.',
  cancelled: 'This ballot was cancelled.',
  needed: (n: number) => `needed: ${n}`,
  subject: 'Subject',
  result: 'Result',
  warnings: 'Warnings',
  counts: (returned: number, share: string, valid: number, invalid: number) =>
    `Ballots returned ${returned}${share ? ` (${share})` : ''} · valid ${valid} · invalid ${invalid}`,
  furtherBelow: (bases: string) => `below: of ${bases}`,
  bandCaption: (option: string, base: string, value: number) => `Share of "${option}", of ${base} (${value})`,
  page: (n: number, of: number) => `Page ${n} of ${of}`,
};

const vi = (a: Address): typeof en => ({
  noKey: `Màn hình này cần đường dẫn màn hình chiếu có kèm khóa (kết thúc bằng #key=…). Hãy mở từ bàn điều hành của ${a.chair}.`,
  refused: `Khóa màn hình chiếu không hợp lệ. Hãy mở lại đường dẫn từ bàn điều hành của ${a.chair}.`,
  present: 'có mặt',
  quorate: 'Đủ điều kiện tiến hành',
  notQuorate: 'Chưa đủ điều kiện tiến hành',
  quorumNeeded: (required, eligible) => `cần ${required} / ${eligible}`,
  waiting: 'Đang chờ phiếu biểu quyết tiếp theo',
  turnout: (present) => `trên ${present} đại biểu có mặt đã bỏ phiếu`,
  closed: `Đã kết thúc bỏ phiếu. Kết quả sẽ hiển thị khi ${a.chair} công bố.`,
  cancelled: 'Phiếu biểu quyết này đã bị hủy.',
  needed: (n) => `cần: ${n}`,
  subject: 'Đối tượng',
  result: 'Kết quả',
  warnings: 'Cảnh báo',
  counts: (returned, share, valid, invalid) =>
    `Phiếu thu về ${returned}${share ? ` (${share})` : ''} · hợp lệ ${valid} · không hợp lệ ${invalid}`,
  furtherBelow: (bases) => `dòng dưới: so với ${bases}`,
  bandCaption: (option, base, value) => `Tỷ lệ "${option}" so với ${base} (${value})`,
  page: (n, of) => `Trang ${n} / ${of}`,
});

export const projectorText = addressed(en, vi);
