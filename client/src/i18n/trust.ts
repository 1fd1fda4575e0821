// The console's texts about what protects a vote (issue 12): plain HTTP, a secret ballot's
// early-close minimum, an early close, a countdown that ran out uncounted. The plain-HTTP and
// uncounted warnings are shown in both languages at once: whoever sits at the console should not
// miss them for want of a language switch.
import { addressed } from './index';

const en = {
  plainHttp:
    'Plain HTTP: anyone on this network can read badge codes, names and the chair key as they pass. Secret ballots are sealed on the phones, but only HTTPS stops someone who alters the page. Give the server a certificate (README, "HTTPS in the hall").',
  lowered: (n: number, rule: number) =>
    `Early close: this secret ballot may be closed after ${n} online ballot(s) (the rules ask for ${rule}). Phones and the minutes show this warning.`,
  closedEarly: (returned: number, present: number, minimum: number) =>
    `Closed early: ${returned} of ${present} present had voted online (at least ${minimum} needed).`,
  uncounted: (online: number, minimum: number, present: number) =>
    `The countdown ended with ${online} member(s) voting online of the ${minimum} needed to count this secret ballot (a proxy holder counts once; ${present} present; paper ballots do not count toward it). It takes no more votes and cannot be counted: so few ballots could show how members voted. Cancel it (its ballots are destroyed unseen) and vote again.`,
};

export const trustText = addressed(en, (a) => ({
  plainHttp: `HTTP không mã hóa: bất kỳ ai trong mạng này đều đọc được mã thẻ, họ tên và khóa của ${a.chair}. Phiếu kín được niêm phong trên điện thoại, nhưng chỉ HTTPS ngăn được kẻ sửa đổi trang. Hãy cấp chứng chỉ cho máy chủ (xem mục HTTPS trong tệp README).`,
  lowered: (n, rule) =>
    `Kết thúc sớm: cuộc bỏ phiếu kín này có thể kết thúc khi có ${n} phiếu trực tuyến (quy định là ${rule}). Điện thoại và biên bản đều hiển thị cảnh báo này.`,
  closedEarly: (returned, present, minimum) =>
    `Kết thúc sớm: ${returned} trên ${present} ${a.unit} có mặt đã bỏ phiếu trực tuyến (cần ít nhất ${minimum}).`,
  uncounted: (online, minimum, present) =>
    `Hết giờ biểu quyết với ${online} ${a.unit} bỏ phiếu trực tuyến, trong khi cần ${minimum} ${a.unit} để kiểm phiếu kín này (người nhận ủy quyền chỉ tính một lần; ${present} ${a.unit} có mặt; phiếu giấy không được tính vào số này). Không nhận thêm phiếu và không thể kiểm phiếu: số phiếu ít như vậy có thể làm lộ cách từng người đã bỏ phiếu. Hãy hủy vòng biểu quyết này (các phiếu bị hủy mà không ai xem) và biểu quyết lại.`,
}));
