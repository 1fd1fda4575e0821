// The minutes' texts about what makes a result trustworthy (issue 12): the audit heads printed for
// the counting committee, an early close, a lowered early-close minimum, the ballots destroyed by
// a cancel, the other rounds of the ballot, who was excused or absent, and the ballots cast with
// badges the chair checked in or re-issued.
import { addressed } from './index';

const en = {
  anchor: (seq: number) => `Audit log head when the result was published (entry ${seq})`,
  headNow: (seq: number) => `Audit log head when these minutes were drawn up (entry ${seq})`,
  closedEarly: (returned: number, present: number, minimum: number) =>
    `Closed early by the chair: ${returned} of the ${present} members present had voted online, before the countdown ended (at least ${minimum} online ballots required).`,
  lowered: (n: number, rule: number) =>
    `Warning: this secret ballot lowered the ballots required for an early close to ${n} (the rules require ${rule}).`,
  destroyed: (n: number) => `${n} ballot(s) of this round were destroyed unseen when it was cancelled.`,
  rounds: 'Rounds of this ballot',
  thisRound: '(these minutes)',
  roundLine: (round: number, state: string) => `Round ${round}: ${state}`,
  returned: (n: number) => `${n} ballots returned`,
  notPublished: 'closed, result not published',
  excusedNames: 'Absent with an excuse',
  absentNames: 'Absent without an excuse',
  vouched: (n: number) =>
    `${n} ballot(s) were cast with badges the chair checked in or re-issued; the counting committee checks these members were in the hall:`,
  vouchedBy: { 'checked-in': 'checked in by the chair', reissued: 'badge re-issued' },
};

export const minutesTrustText = addressed(en, (a) => ({
  anchor: (seq) => `Mã nhật ký khi công bố kết quả (mục ${seq})`,
  headNow: (seq) => `Mã nhật ký khi lập biên bản này (mục ${seq})`,
  closedEarly: (returned, present, minimum) =>
    `${a.Chair} kết thúc sớm: ${returned} trên ${present} ${a.unit} có mặt đã bỏ phiếu trực tuyến, trước khi hết thời gian (cần ít nhất ${minimum} phiếu trực tuyến).`,
  lowered: (n, rule) =>
    `Cảnh báo: cuộc bỏ phiếu kín này hạ số phiếu cần có để kết thúc sớm xuống ${n} (quy định là ${rule}).`,
  destroyed: (n) => `${n} phiếu của vòng này đã bị hủy mà không ai xem khi vòng bị hủy.`,
  rounds: 'Các vòng bỏ phiếu của phiếu này',
  thisRound: '(biên bản này)',
  roundLine: (round, state) => `Vòng ${round}: ${state}`,
  returned: (n) => `${n} phiếu thu về`,
  notPublished: 'đã kết thúc, chưa công bố kết quả',
  excusedNames: 'Vắng mặt có lý do',
  absentNames: 'Vắng mặt không có lý do',
  vouched: (n) =>
    `${n} phiếu được bỏ bằng thẻ do ${a.chair} điểm danh hộ hoặc cấp lại; Ban kiểm phiếu xác nhận những người này có mặt tại hội trường:`,
  vouchedBy: { 'checked-in': `${a.chair} điểm danh hộ`, reissued: 'thẻ cấp lại' },
}));
