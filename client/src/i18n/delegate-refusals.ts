// The refusals a phone hears, in words addressed to the member holding it ("đồng chí", or the
// meeting's own form of address): the rest are the laptops' words (refusals.ts).
import type { BallotState } from '@hallvote/shared';
import { enPhoneProxyRefusals, viPhoneProxyRefusals } from './proxy-refusals';
import { refusalWords, type RefusalTexts } from './refusals';
import { addressed, type Address } from './index';

const EN_CLOSED: Readonly<Record<BallotState, string>> = {
  draft: 'Voting has not started.',
  open: 'Voting is open.',
  closed: 'Voting had closed: your vote was not recorded.',
  published: 'Voting had closed and the result is published: your vote was not recorded.',
  cancelled: 'This ballot was stopped by the chair: your vote was not recorded.',
};

const viClosed = (a: Address): Readonly<Record<BallotState, string>> => ({
  draft: 'Chưa bắt đầu biểu quyết.',
  open: 'Đang biểu quyết.',
  closed: `Biểu quyết đã kết thúc: phiếu của ${a.you} chưa được ghi nhận.`,
  published: `Biểu quyết đã kết thúc và đã công bố kết quả: phiếu của ${a.you} chưa được ghi nhận.`,
  cancelled: `Chủ trì đã dừng cuộc biểu quyết này: phiếu của ${a.you} chưa được ghi nhận.`,
});

const en: RefusalTexts = {
  ...refusalWords.en,
  ...enPhoneProxyRefusals,
  BALLOT_NOT_OPEN: ({ state, countdownEnded }) =>
    countdownEnded
      ? 'The countdown had ended: your vote was not recorded.'
      : state === null
        ? 'This ballot is not open for voting.'
        : EN_CLOSED[state],
  ALREADY_VOTED: ({ channel, split }) =>
    channel === 'paper'
      ? 'You voted on paper in this round.'
      : split
        ? 'Your split ballot in this round is recorded and final: it cannot be changed, for you or for the members it carried.'
        : 'Your vote in this round is recorded already.',
  NOT_PRESENT: () => 'You are not checked in: ask the chair to mark you present, then vote.',
  INVALID_VOTE: ({ reason }) =>
    reason === 'sealing' || reason === 'unsealable'
      ? 'Your vote could not be read. Reload the page and vote again.'
      : 'Your vote does not fit this ballot. Reload the page and vote again.',
  UNAUTHORIZED: () => 'This badge is not valid (any more).',
  FORBIDDEN: () => 'A member’s phone cannot do this.',
  SESSION_REPLACED: () => 'This badge was opened on another phone.',
  STORE_UNAVAILABLE: () => 'The server cannot store your vote just now. It is kept on this phone; try again.',
  NOT_IN_ROUND: () => 'You were added to the roster after this ballot opened: you vote from the next one.',
  BADGE_REISSUED: () =>
    'Your badge was re-issued while this ballot was open, so it cannot vote in this round: vote on paper. From the next ballot on, this badge votes.',
  NOT_SEALED: () =>
    'This secret ballot came without its sealing key, so this phone does not send it: your choice would travel readable on the network. Nothing was sent; tell the chair.',
  NO_ANSWER: ({ reason }) =>
    reason === 'sealing'
      ? 'This phone could not seal your vote. Try again.'
      : 'No answer from the server yet: your vote is kept on this phone and sent again.',
};

const vi = (a: Address): RefusalTexts => ({
  ...refusalWords.vi(a),
  ...viPhoneProxyRefusals(a),
  BALLOT_NOT_OPEN: ({ state, countdownEnded }) =>
    countdownEnded
      ? `Đã hết thời gian biểu quyết: phiếu của ${a.you} chưa được ghi nhận.`
      : state === null
        ? 'Nội dung này hiện không nhận phiếu.'
        : viClosed(a)[state],
  ALREADY_VOTED: ({ channel, split }) =>
    channel === 'paper'
      ? `${a.You} đã bỏ phiếu giấy trong vòng này.`
      : split
        ? `Phiếu chia của ${a.you} trong vòng này đã được ghi nhận và là phiếu cuối cùng: không thay đổi được, cả phiếu của ${a.you} lẫn phiếu của những người ${a.you} nhận ủy quyền.`
        : `Phiếu của ${a.you} trong vòng này đã được ghi nhận.`,
  NOT_PRESENT: () => `${a.You} chưa được điểm danh có mặt: đề nghị báo người chủ trì ghi có mặt rồi biểu quyết.`,
  INVALID_VOTE: ({ reason }) =>
    reason === 'sealing' || reason === 'unsealable'
      ? `Máy chủ chưa đọc được phiếu của ${a.you}. Đề nghị tải lại trang và biểu quyết lại.`
      : `Phiếu của ${a.you} không khớp với nội dung biểu quyết. Đề nghị tải lại trang và biểu quyết lại.`,
  UNAUTHORIZED: () => 'Thẻ đại biểu này không còn hiệu lực.',
  FORBIDDEN: () => 'Điện thoại của đại biểu không làm được thao tác này.',
  SESSION_REPLACED: () => 'Thẻ đại biểu này đã được mở trên một điện thoại khác.',
  STORE_UNAVAILABLE: () => 'Máy chủ tạm thời chưa lưu được phiếu. Phiếu vẫn được giữ trên điện thoại này; hãy thử lại.',
  NOT_IN_ROUND: () =>
    `${a.You} được bổ sung vào danh sách sau khi phiếu này mở: ${a.you} bỏ phiếu từ lần biểu quyết sau.`,
  BADGE_REISSUED: () =>
    `Thẻ của ${a.you} được cấp lại khi vòng biểu quyết này đang mở nên không bỏ phiếu được trong vòng này: đề nghị ${a.you} bỏ phiếu giấy. Từ lần biểu quyết sau, thẻ này bỏ phiếu được.`,
  NOT_SEALED: () =>
    `Phiếu kín này không kèm khóa niêm phong nên điện thoại không gửi: lựa chọn của ${a.you} sẽ bị đọc được trên đường truyền. Chưa có gì được gửi; đề nghị ${a.you} báo ${a.chair}.`,
  NO_ANSWER: ({ reason }) =>
    reason === 'sealing'
      ? `Điện thoại chưa niêm phong được phiếu của ${a.you}. Đề nghị thử lại.`
      : `Máy chủ chưa trả lời: phiếu vẫn được lưu trên điện thoại và sẽ được gửi lại.`,
});

export const delegateRefusalText = addressed(en, vi);
