// The texts of a published result's anchor (its seal and the audit chain's head) on the phone and
// the projector, and of a secret ballot whose early-close minimum was lowered.
import { addressed } from './index';

const en = {
  summary: 'Seal and audit head',
  seal: 'Seal of this result',
  head: (seq: number) => `Audit log, entry ${seq}`,
  help: 'This phone keeps them. The counting committee compares them with the codes printed in the minutes and in the meeting’s export: if they match, neither the result nor the log was changed after it was published.',
  changed:
    'Warning: the server now shows this result with another seal than the one this phone received when it was published. Tell the counting committee.',
  kept: (seal: string) => `Seal received at publication: ${seal}`,
  lowered: (n: number) =>
    n === 0
      ? 'Warning: the chair may close this secret ballot at any moment, whatever the number of ballots in. A small count can show how members voted.'
      : `Warning: the chair may close this secret ballot as soon as ${n} ballot(s) are in. A small count can show how members voted.`,
};

export const anchorText = addressed(en, (a) => ({
  summary: 'Niêm phong và mã nhật ký',
  seal: 'Niêm phong của kết quả này',
  head: (seq) => `Nhật ký kiểm tra, mục ${seq}`,
  help: 'Điện thoại này lưu giữ các mã này. Ban kiểm phiếu đối chiếu chúng với mã in trong biên bản và trong tệp xuất của hội nghị: nếu trùng khớp, kết quả và nhật ký không bị sửa đổi sau khi công bố.',
  changed:
    'Cảnh báo: máy chủ hiện hiển thị kết quả này với niêm phong khác với niêm phong điện thoại này nhận được khi công bố. Hãy báo cho Ban kiểm phiếu.',
  kept: (seal) => `Niêm phong nhận được khi công bố: ${seal}`,
  lowered: (n) =>
    n === 0
      ? `Cảnh báo: ${a.chair} có thể kết thúc cuộc bỏ phiếu kín này bất cứ lúc nào, dù có bao nhiêu phiếu. Số phiếu ít có thể làm lộ cách đại biểu đã bỏ phiếu.`
      : `Cảnh báo: ${a.chair} có thể kết thúc cuộc bỏ phiếu kín này ngay khi có ${n} phiếu. Số phiếu ít có thể làm lộ cách đại biểu đã bỏ phiếu.`,
}));
