// Texts every view uses: connection state, refusals, bases, outcomes in words.
import type { ErrorCode, TallyBase } from '@hallvote/shared';
import { bilingual } from './index';

type ErrorTexts = Readonly<Record<ErrorCode | 'NO_ANSWER' | 'NOT_SEALED', string>>;

const en = {
  switchTo: 'Language',
  connecting: 'Connecting…',
  reconnecting: 'Connection lost. Reconnecting…',
  errors: {
    INVALID_PAYLOAD: 'The request was not valid.',
    UNAUTHORIZED: 'This link or key is not valid.',
    FORBIDDEN: 'This is not allowed.',
    NOT_FOUND: 'Not found.',
    CONFLICT: 'Not possible in the current state.',
    NO_QUORUM: 'No quorum.',
    BALLOT_NOT_OPEN: 'The ballot is not open.',
    ALREADY_VOTED: 'A vote is already recorded in this round.',
    INVALID_VOTE: 'The vote was not valid.',
    VOTING_STARTED: 'Voting has started; the roster can no longer change.',
    ACK_REQUIRED: 'The result has warnings: write an acknowledgement first.',
    INVALID_ROSTER: 'The roster has problems; nothing was changed.',
    UNKNOWN_RULE_PRESET: 'This version of the app does not have that rule set or version.',
    RATE_LIMITED: 'Too many requests; wait a moment and try again.',
    SESSION_REPLACED: 'Opened on another device.',
    NOT_PRESENT: 'This member is not present: only a member present can hand in a paper ballot.',
    ATTENDANCE_FROZEN:
      'A ballot is open: attendance is fixed until it closes (presence counts from the opening). Only a latecomer can be marked present.',
    BADGE_REISSUED:
      'This badge was issued while the ballot was open, so it cannot vote in this round. Vote on paper; from the next ballot on, this badge votes.',
    TOO_FEW_BALLOTS: 'Too few online ballots are in to count this secret ballot.',
    STATE_MISMATCH: 'The stored data of this meeting does not match its seals: the server refuses to serve it.',
    NOT_IN_ROUND: 'Added to the roster after this round opened: votes from the next ballot on.',
    INTERNAL: 'Something went wrong on the server. Nothing was changed.',
    NO_ANSWER: 'No answer from the server (is this device offline?).',
    NOT_SEALED:
      'This secret ballot came without its sealing key, so this phone does not send it: your choice would travel readable on the network. Nothing was sent; tell the chair.',
  } satisfies ErrorTexts as ErrorTexts,
  bases: {
    eligible: 'eligible members',
    present: 'members present',
    returned: 'ballots returned',
    valid: 'valid ballots',
    decisive: 'yes + no votes',
  } satisfies Record<TallyBase, string> as Readonly<Record<TallyBase, string>>,
  percentCaption: (base: string, value: number) => `Percentages of ${base} (${value})`,
  turnout: (returned: number, percent: string, base: string, value: number) =>
    `Turnout: ${returned} ballots returned, ${percent}% of ${base} (${value})`,
  shareOf: (percent: string, base: string) => `${percent}% of ${base}`,
  andAbove: ' and above',
  votes: (n: number) => (n === 1 ? '1 vote' : `${n} votes`),
  outcome: {
    adoptedMotion: 'The motion is adopted.',
    adopted: (label: string) => `Adopted: ${label}`,
    rejectedMotion: 'The motion is rejected.',
    rejected: 'Rejected: no option reached the required majority.',
    cumulated: (label: string, votes: number) =>
      `${label}, by cumulating downward: no level had the majority on its own, so each higher level's votes were added to the next lower one (${votes} votes together).`,
    noDecision: 'No decision.',
    tied: (labels: string) => `Tied: ${labels}.`,
    policy: {
      revote: 'A new round is needed.',
      refer: 'Referred to the higher body.',
      'cumulate-down': 'Even cumulated downward, no level reached the majority.',
    },
    elected: (names: string) => `Elected: ${names}.`,
    electedNone: 'Nobody was elected.',
    tiedAtCutoff: (names: string) => `Tied at the cut-off, not elected: ${names}.`,
    seatsUnfilled: (n: number) => (n === 1 ? '1 seat is unfilled.' : `${n} seats are unfilled.`),
    noQuorum: 'No quorum when voting closed: there is no outcome.',
    band: (consequence: string) => `Band reached: ${consequence}.`,
    noBand: 'No band reached: no consequence follows.',
  },
  cumulatedShort: (label: string) => `${label} (cumulated downward)`,
  capWarning: (
    group: string,
    top: string,
    topCount: number,
    allowed: number,
    rate: string,
    reference: string,
    referenceCount: number,
    above: string,
  ) =>
    `${group ? `Group "${group}": ` : ''}${topCount} × "${top}", but at most ${allowed} allowed (${rate} of ${referenceCount} × "${reference}"${above}).`,
  acknowledged: (reason: string) => `Published with the chair's acknowledgement: ${reason}`,
  closesIn: (time: string) => `Closes in ${time}`,
  secret: 'Secret ballot',
  named: 'Open (named) vote',
  round: (n: number) => `Round ${n}`,
  line: (n: number) => `Line ${n}`,
};

const vi: typeof en = {
  switchTo: 'Ngôn ngữ',
  connecting: 'Đang kết nối…',
  reconnecting: 'Mất kết nối. Đang kết nối lại…',
  errors: {
    INVALID_PAYLOAD: 'Yêu cầu không hợp lệ.',
    UNAUTHORIZED: 'Đường dẫn hoặc khóa này không hợp lệ.',
    FORBIDDEN: 'Không được phép.',
    NOT_FOUND: 'Không tìm thấy.',
    CONFLICT: 'Không thực hiện được ở trạng thái hiện tại.',
    NO_QUORUM: 'Không đủ số đại biểu cần thiết.',
    BALLOT_NOT_OPEN: 'Phiếu biểu quyết chưa mở hoặc đã kết thúc.',
    ALREADY_VOTED: 'Đã ghi nhận một phiếu trong vòng này.',
    INVALID_VOTE: 'Phiếu không hợp lệ.',
    VOTING_STARTED: 'Đã bắt đầu biểu quyết; không thể thay đổi danh sách đại biểu.',
    ACK_REQUIRED: 'Kết quả có cảnh báo: cần ghi ý kiến xác nhận trước.',
    INVALID_ROSTER: 'Danh sách đại biểu có lỗi; chưa có gì thay đổi.',
    UNKNOWN_RULE_PRESET: 'Phiên bản phần mềm này không có bộ quy định hoặc phiên bản quy định đó.',
    RATE_LIMITED: 'Quá nhiều yêu cầu; vui lòng đợi giây lát rồi thử lại.',
    SESSION_REPLACED: 'Đã mở trên thiết bị khác.',
    NOT_PRESENT: 'Đại biểu này không có mặt: chỉ đại biểu có mặt mới được bỏ phiếu giấy.',
    ATTENDANCE_FROZEN:
      'Đang có cuộc biểu quyết mở: điểm danh được giữ nguyên đến khi kết thúc (có mặt tính từ lúc mở). Chỉ có thể ghi nhận đại biểu đến muộn là có mặt.',
    BADGE_REISSUED:
      'Thẻ này được cấp lại khi cuộc biểu quyết đang mở nên không thể bỏ phiếu trong vòng này. Hãy bỏ phiếu giấy; từ cuộc biểu quyết sau, thẻ này bỏ phiếu được.',
    TOO_FEW_BALLOTS: 'Chưa đủ số phiếu trực tuyến để kiểm phiếu kín này.',
    STATE_MISMATCH: 'Dữ liệu lưu trữ của hội nghị này không khớp với niêm phong: máy chủ từ chối phục vụ.',
    NOT_IN_ROUND: 'Được bổ sung vào danh sách sau khi vòng bỏ phiếu này mở: bỏ phiếu từ lần biểu quyết sau.',
    INTERNAL: 'Máy chủ gặp lỗi. Không có gì bị thay đổi.',
    NO_ANSWER: 'Máy chủ không phản hồi (thiết bị đang mất mạng?).',
    NOT_SEALED:
      'Phiếu kín này không kèm khóa niêm phong nên điện thoại không gửi: lựa chọn của bạn sẽ bị đọc được trên đường truyền. Chưa có gì được gửi; hãy báo chủ tọa.',
  },
  bases: {
    eligible: 'tổng số đại biểu được triệu tập',
    present: 'số đại biểu có mặt',
    returned: 'số phiếu thu về',
    valid: 'số phiếu hợp lệ',
    decisive: 'số phiếu tán thành và không tán thành',
  },
  percentCaption: (base, value) => `Tỷ lệ phần trăm so với ${base} (${value})`,
  turnout: (returned, percent, base, value) =>
    `Tham gia biểu quyết: ${returned} phiếu thu về, bằng ${percent}% ${base} (${value})`,
  shareOf: (percent, base) => `${percent}% ${base}`,
  andAbove: ' trở lên',
  votes: (n) => `${n} phiếu`,
  outcome: {
    adoptedMotion: 'Được thông qua.',
    adopted: (label) => `Thông qua: ${label}`,
    rejectedMotion: 'Không được thông qua.',
    rejected: 'Không phương án nào đạt đa số cần thiết.',
    cumulated: (label, votes) =>
      `${label}, theo cách cộng dồn từ mức cao xuống: không mức nào tự đạt đa số, nên số phiếu của mức cao hơn được cộng vào mức thấp kế tiếp (cộng dồn ${votes} phiếu).`,
    noDecision: 'Chưa có kết quả.',
    tied: (labels) => `Bằng phiếu: ${labels}.`,
    policy: {
      revote: 'Cần bỏ phiếu lại.',
      refer: 'Chuyển cấp trên xem xét.',
      'cumulate-down': 'Dù đã cộng dồn, không mức nào đạt đa số.',
    },
    elected: (names) => `Trúng cử: ${names}.`,
    electedNone: 'Không ai trúng cử.',
    tiedAtCutoff: (names) => `Bằng phiếu ở vị trí cuối, chưa trúng cử: ${names}.`,
    seatsUnfilled: (n) => `Còn thiếu ${n} người so với số lượng cần bầu.`,
    noQuorum: 'Khi kết thúc bỏ phiếu không đủ số đại biểu cần thiết: không có kết quả.',
    band: (consequence) => `Thuộc ngưỡng: ${consequence}.`,
    noBand: 'Không thuộc ngưỡng nào: không có hệ quả.',
  },
  cumulatedShort: (label) => `${label} (cộng dồn từ mức cao xuống)`,
  capWarning: (group, top, topCount, allowed, rate, reference, referenceCount, above) =>
    `${group ? `Nhóm "${group}": ` : ''}${topCount} × "${top}", nhưng tối đa ${allowed} (${rate} của ${referenceCount} × "${reference}"${above}).`,
  acknowledged: (reason) => `Công bố kèm ý kiến của chủ tọa: ${reason}`,
  closesIn: (time) => `Kết thúc sau ${time}`,
  secret: 'Bỏ phiếu kín',
  named: 'Biểu quyết công khai',
  round: (n) => `Vòng ${n}`,
  line: (n) => `Dòng ${n}`,
};

export const commonText = bilingual(en, vi);
