// Texts of proxies, weights and split ballots (issue 19), for the console, the phone, the minutes
// and every refusal that carries parameters (shared/src/errors.ts ErrorParamsOf). Each view imports
// only this small dictionary beside its own.
import type { ErrorParams, ProxyRefusal, SplitProblem, SplitRefusal } from '@hallvote/shared';
import { bilingual, type Language } from './index';

/** A whole number as the language writes it: 1,234,567 or 1.234.567. */
export function formatWeight(n: number, language: Language): string {
  return n.toLocaleString(language === 'vi' ? 'vi-VN' : 'en-US', { maximumFractionDigits: 0 });
}

const en = {
  weight: 'Weight',
  weightOf: (w: string) => `weight ${w}`,
  proxies: {
    heading: 'Proxies',
    none: 'No proxy recorded.',
    notAllowed: 'The rules of this meeting take no proxies.',
    limit: (max: number | null) =>
      max === null ? 'No limit of proxies per holder.' : `At most ${max} proxies per holder.`,
    grantor: 'Member who cannot come (grantor)',
    holder: 'Member who votes for them (holder)',
    instructions: 'Voting instructions (optional)',
    choose: 'Choose…',
    grant: 'Record the proxy',
    revoke: 'Take back',
    inForce: 'In force',
    revokedBy: { chair: 'Taken back by the chair', arrival: 'Taken back: the member arrived' },
    fromNextRound: 'A proxy counts from the next ballot opened; a ballot keeps the proxies it opened with.',
    row: (grantor: string, holder: string) => `${grantor} → ${holder}`,
  },
  refusals: {
    PROXIES_NOT_ALLOWED: (_p: { rules: string }) => 'The rules of this meeting take no proxies.',
    PROXY_LIMIT: (p: { holder: string; max: number }) =>
      `${p.holder} holds ${p.max} proxies, the most the rules allow.`,
    PROXY_REFUSED: (p: { reason: ProxyRefusal; grantor: string; holder: string }) =>
      ({
        self: `${p.grantor} cannot hold their own proxy.`,
        'grantor-has-proxy': `${p.grantor} has given a proxy already; take it back first.`,
        'holder-is-grantor': `${p.holder} has given their own vote away and cannot hold a proxy.`,
        'grantor-holds-proxies': `${p.grantor} holds proxies of others; a proxy is not passed on.`,
        'grantor-present': `${p.grantor} is present and votes themself.`,
        'not-in-force': 'This proxy was taken back already.',
      })[p.reason],
    PROXY_GRANTED: (p: { holder: string }) => `You gave your vote in this ballot to ${p.holder}, who votes for you.`,
    NOT_REPRESENTED: (p: { member: string }) => `You do not hold the proxy of ${p.member} in this ballot.`,
    SPLIT_NOT_ALLOWED: (p: { reason: SplitRefusal }) =>
      ({
        rules: 'The rules of this ballot do not allow splitting votes.',
        voted: 'Someone in this split has voted already: vote for the others one by one.',
        nobody: 'You represent nobody in this ballot: there is nothing to split.',
      })[p.reason],
    INVALID_SPLIT: (p: { problem: SplitProblem }) => splitProblemEn(p.problem),
    SECRECY_AT_RISK: (p: { members: readonly { name: string; weight: number }[] }) =>
      `In this secret ballot, a weight no other ballot has would show how these members voted: ${p.members
        .map((m) => `${m.name} (${m.weight})`)
        .join(', ')}.`,
  },
  secrecy: {
    openAnyway: 'Open anyway: I have told the hall',
    note: 'Counted by weight, a ballot whose weight is unique can be traced to its voter by anyone who reads the ballot box or the export.',
  },
  phone: {
    youVoteFor: 'You also vote for',
    instructions: (text: string) => `Their instructions: ${text}`,
    voteFor: (name: string) => `Vote for ${name}`,
    votedFor: (name: string, receipt: string) => `Vote for ${name} recorded. Receipt ${receipt}`,
    heldBy: (name: string) => `You gave your vote to ${name}, who votes for you in this ballot.`,
    votingFor: (name: string) => `Voting for ${name}`,
    back: 'Back',
    split: 'Split my votes',
    splitHeading: (total: string, unit: 'heads' | 'weight') =>
      unit === 'heads'
        ? `Split ${total} votes (yours and those you hold)`
        : `Split ${total} shares (yours and those you hold)`,
    splitLeft: (left: string) => `Not yet given: ${left}`,
    splitCast: 'Cast the split ballot',
    splitDone: 'Split ballot recorded for everyone you vote for.',
  },
  minutes: {
    proxies: 'Proxies used in this round',
    holder: 'Holder',
    grantor: 'Grantor',
    heads: 'Members',
  },
  countedBy: {
    weight: 'Counted by weight (shares or members represented): every count below is weight.',
    both: 'Double majority: counted by members and by weight; an option passes only on both.',
  },
  represented: (n: number) => (n === 1 ? '1 member present by proxy' : `${n} members present by proxy`),
};

function splitProblemEn(p: SplitProblem): string {
  switch (p.code) {
    case 'KIND':
      return 'An election cannot be split.';
    case 'TOO_LARGE':
      return `This ballot has ${p.cells} cells; a split may have ${p.max}.`;
    case 'UNKNOWN_SUBJECT':
    case 'UNKNOWN_OPTION':
      return 'The split names something this ballot does not have.';
    case 'NOT_WHOLE':
      return 'Every amount must be a whole number of at least 0.';
    case 'OVER':
      return `${p.given} given, but you carry ${p.total}.`;
    case 'UNDER':
      return `${p.given} given of ${p.total}: give every vote.`;
  }
}

function splitProblemVi(p: SplitProblem): string {
  switch (p.code) {
    case 'KIND':
      return 'Không thể chia phiếu bầu cử.';
    case 'TOO_LARGE':
      return `Phiếu này có ${p.cells} ô; phiếu chia tối đa ${p.max} ô.`;
    case 'UNKNOWN_SUBJECT':
    case 'UNKNOWN_OPTION':
      return 'Phiếu chia có mục không thuộc phiếu này.';
    case 'NOT_WHOLE':
      return 'Mỗi số phải là số nguyên không âm.';
    case 'OVER':
      return `Đã chia ${p.given}, nhưng bạn chỉ đại diện ${p.total}.`;
    case 'UNDER':
      return `Mới chia ${p.given} trên ${p.total}: hãy chia hết.`;
  }
}

const vi: typeof en = {
  weight: 'Quyền biểu quyết',
  weightOf: (w: string) => `quyền biểu quyết ${w}`,
  proxies: {
    heading: 'Ủy quyền',
    none: 'Chưa có ủy quyền nào.',
    notAllowed: 'Quy chế của hội nghị này không cho phép ủy quyền.',
    limit: (max: number | null) =>
      max === null ? 'Không giới hạn số ủy quyền mỗi người nhận.' : `Mỗi người nhận tối đa ${max} ủy quyền.`,
    grantor: 'Thành viên vắng mặt (người ủy quyền)',
    holder: 'Thành viên biểu quyết thay (người nhận ủy quyền)',
    instructions: 'Chỉ dẫn biểu quyết (không bắt buộc)',
    choose: 'Chọn…',
    grant: 'Ghi nhận ủy quyền',
    revoke: 'Thu hồi',
    inForce: 'Đang hiệu lực',
    revokedBy: { chair: 'Chủ tọa đã thu hồi', arrival: 'Đã thu hồi: thành viên đã đến' },
    fromNextRound: 'Ủy quyền có hiệu lực từ lần biểu quyết mở tiếp theo; lần đang mở giữ các ủy quyền lúc mở.',
    row: (grantor: string, holder: string) => `${grantor} → ${holder}`,
  },
  refusals: {
    PROXIES_NOT_ALLOWED: () => 'Quy chế của hội nghị này không cho phép ủy quyền.',
    PROXY_LIMIT: (p) => `${p.holder} đã nhận ${p.max} ủy quyền, mức tối đa quy chế cho phép.`,
    PROXY_REFUSED: (p) =>
      ({
        self: `${p.grantor} không thể tự nhận ủy quyền của mình.`,
        'grantor-has-proxy': `${p.grantor} đã ủy quyền rồi; hãy thu hồi trước.`,
        'holder-is-grantor': `${p.holder} đã ủy quyền phiếu của mình nên không thể nhận ủy quyền.`,
        'grantor-holds-proxies': `${p.grantor} đang nhận ủy quyền của người khác; không được ủy quyền lại.`,
        'grantor-present': `${p.grantor} có mặt và tự biểu quyết.`,
        'not-in-force': 'Ủy quyền này đã được thu hồi.',
      })[p.reason],
    PROXY_GRANTED: (p) => `Bạn đã ủy quyền lần biểu quyết này cho ${p.holder}; người đó biểu quyết thay bạn.`,
    NOT_REPRESENTED: (p) => `Bạn không nhận ủy quyền của ${p.member} trong lần biểu quyết này.`,
    SPLIT_NOT_ALLOWED: (p) =>
      ({
        rules: 'Quy chế của lần biểu quyết này không cho phép chia phiếu.',
        voted: 'Có người trong phiếu chia đã biểu quyết: hãy biểu quyết cho từng người còn lại.',
        nobody: 'Bạn không đại diện cho ai trong lần biểu quyết này: không có gì để chia.',
      })[p.reason],
    INVALID_SPLIT: (p) => splitProblemVi(p.problem),
    SECRECY_AT_RISK: (p) =>
      `Trong cuộc bỏ phiếu kín này, một quyền biểu quyết không ai khác có sẽ cho biết các thành viên sau bỏ phiếu thế nào: ${p.members
        .map((m) => `${m.name} (${m.weight})`)
        .join(', ')}.`,
  },
  secrecy: {
    openAnyway: 'Vẫn mở: tôi đã thông báo cho hội nghị',
    note: 'Khi tính theo quyền biểu quyết, phiếu có số quyền duy nhất có thể bị truy ra người bỏ phiếu bởi bất kỳ ai đọc hòm phiếu hoặc bản xuất.',
  },
  phone: {
    youVoteFor: 'Bạn cũng biểu quyết thay cho',
    instructions: (text: string) => `Chỉ dẫn của họ: ${text}`,
    voteFor: (name: string) => `Biểu quyết thay ${name}`,
    votedFor: (name: string, receipt: string) => `Đã ghi nhận phiếu thay ${name}. Mã biên nhận ${receipt}`,
    heldBy: (name: string) => `Bạn đã ủy quyền cho ${name}; người đó biểu quyết thay bạn lần này.`,
    votingFor: (name: string) => `Đang biểu quyết thay ${name}`,
    back: 'Quay lại',
    split: 'Chia phiếu',
    splitHeading: (total: string, unit: 'heads' | 'weight') =>
      unit === 'heads'
        ? `Chia ${total} phiếu (của bạn và những người bạn đại diện)`
        : `Chia ${total} cổ phần (của bạn và những người bạn đại diện)`,
    splitLeft: (left: string) => `Chưa chia: ${left}`,
    splitCast: 'Gửi phiếu chia',
    splitDone: 'Đã ghi nhận phiếu chia cho tất cả những người bạn đại diện.',
  },
  minutes: {
    proxies: 'Các ủy quyền sử dụng trong lần biểu quyết này',
    holder: 'Người nhận',
    grantor: 'Người ủy quyền',
    heads: 'Thành viên',
  },
  countedBy: {
    weight: 'Tính theo quyền biểu quyết (cổ phần hoặc số hội viên đại diện): mọi con số dưới đây là quyền biểu quyết.',
    both: 'Đa số kép: tính theo số thành viên và theo quyền biểu quyết; phương án chỉ thông qua khi đạt cả hai.',
  },
  represented: (n: number) => `${n} thành viên có mặt qua ủy quyền`,
};

export const proxyText = bilingual(en, vi);

/** A refusal's parameters said in the viewer's language. */
export function paramsText(params: ErrorParams, t: typeof en): string {
  switch (params.code) {
    case 'PROXIES_NOT_ALLOWED':
      return t.refusals.PROXIES_NOT_ALLOWED(params);
    case 'PROXY_LIMIT':
      return t.refusals.PROXY_LIMIT(params);
    case 'PROXY_REFUSED':
      return t.refusals.PROXY_REFUSED(params);
    case 'PROXY_GRANTED':
      return t.refusals.PROXY_GRANTED(params);
    case 'NOT_REPRESENTED':
      return t.refusals.NOT_REPRESENTED(params);
    case 'SPLIT_NOT_ALLOWED':
      return t.refusals.SPLIT_NOT_ALLOWED(params);
    case 'INVALID_SPLIT':
      return t.refusals.INVALID_SPLIT(params);
    case 'SECRECY_AT_RISK':
      return t.refusals.SECRECY_AT_RISK(params);
  }
}
