// The refusals of proxies, weights and split ballots (issue 19) in words, with their parameters:
// the laptops' words (third person) for refusals.ts, the phone's (addressing the member holding it)
// for delegate-refusals.ts. The codes and their parameters are in shared/src/errors.ts.
import type { ErrorParams, SplitProblem } from '@hallvote/shared';
import { formatsFor } from './format';
import type { Address } from './index';

/** The codes of proxies and split ballots. */
type ProxyCode =
  | 'PROXIES_NOT_ALLOWED'
  | 'PROXY_LIMIT'
  | 'PROXY_REFUSED'
  | 'PROXY_GRANTED'
  | 'NOT_REPRESENTED'
  | 'SPLIT_NOT_ALLOWED'
  | 'INVALID_SPLIT'
  | 'SECRECY_AT_RISK'
  | 'PAPER_NOT_WEIGHTED'
  | 'PROXY_LIMIT_AT_OPEN';

/** Their words, as refusals.ts's RefusalTexts has them. */
export type ProxyRefusalTexts = { readonly [C in ProxyCode]: (params: ErrorParams[C]) => string };

const en = formatsFor('en', 'UTC');
const vi = formatsFor('vi', 'UTC');

function splitProblemEn(p: SplitProblem, you: boolean): string {
  switch (p.code) {
    case 'KIND':
      return 'An election cannot be split.';
    case 'TOO_LARGE':
      return `This ballot has ${en.int(p.cells)} cells; a split may have ${en.int(p.max)}.`;
    case 'UNKNOWN_SUBJECT':
    case 'UNKNOWN_OPTION':
      return 'The split names something this ballot does not have.';
    case 'NOT_WHOLE':
      return 'Every amount must be a whole number of at least 0.';
    case 'OVER':
      return `${en.int(p.given)} given, but ${you ? 'you carry' : 'the holder carries'} ${en.int(p.total)}.`;
    case 'UNDER':
      return `${en.int(p.given)} given of ${en.int(p.total)}: every vote must be given.`;
  }
}

function splitProblemVi(p: SplitProblem, who: string): string {
  switch (p.code) {
    case 'KIND':
      return 'Không thể chia phiếu bầu cử.';
    case 'TOO_LARGE':
      return `Phiếu này có ${vi.int(p.cells)} ô; phiếu chia tối đa ${vi.int(p.max)} ô.`;
    case 'UNKNOWN_SUBJECT':
    case 'UNKNOWN_OPTION':
      return 'Phiếu chia có mục không thuộc phiếu này.';
    case 'NOT_WHOLE':
      return 'Mỗi số phải là số nguyên không âm.';
    case 'OVER':
      return `Đã chia ${vi.int(p.given)}, nhưng ${who} chỉ đại diện ${vi.int(p.total)}.`;
    case 'UNDER':
      return `Mới chia ${vi.int(p.given)} trên ${vi.int(p.total)}: phải chia hết.`;
  }
}

const weighed = (members: readonly { name: string; weight: number }[], f: typeof en) =>
  members.map((m) => `${m.name} (${f.int(m.weight)})`).join(', ');

/** The chair's words (and the other laptops'). */
export const enProxyRefusals: ProxyRefusalTexts = {
  PROXIES_NOT_ALLOWED: () => 'The rules of this meeting take no proxies.',
  PROXY_LIMIT: ({ holder, max }) => `${holder} holds ${en.int(max)} proxies, the most the rules allow.`,
  PROXY_REFUSED: ({ reason, grantor, holder }) =>
    ({
      self: `${grantor} cannot hold their own proxy.`,
      'grantor-has-proxy': `${grantor} has given a proxy already; take it back first.`,
      'holder-is-grantor': `${holder} has given their own vote away and cannot hold a proxy.`,
      'grantor-holds-proxies': `${grantor} holds proxies of others; a proxy is not passed on.`,
      'grantor-present': `${grantor} is present and votes themself.`,
      'not-in-force': 'This proxy was taken back already.',
    })[reason],
  PROXY_GRANTED: ({ holder }) => `This member gave their vote in this ballot to ${holder}, who votes for them.`,
  NOT_REPRESENTED: ({ member }) => `The proxy of ${member} is not held by this member in this ballot.`,
  SPLIT_NOT_ALLOWED: ({ reason }) =>
    ({
      rules: 'The rules of this ballot do not allow splitting votes.',
      voted: 'Someone in this split has voted already: vote for the others one by one.',
      nobody: 'The holder represents nobody in this ballot: there is nothing to split.',
      'secret-weight':
        'A secret ballot counted by weight takes no split: its parts would weigh what no member holds and give the holder away. The holder votes member by member.',
    })[reason],
  INVALID_SPLIT: ({ problem }) => splitProblemEn(problem, false),
  SECRECY_AT_RISK: ({ members }) =>
    `In this secret ballot, a weight no other ballot has would show how these members voted: ${weighed(members, en)}.`,
  PROXY_LIMIT_AT_OPEN: ({ holders, max }) =>
    `The rules of this ballot allow at most ${en.int(max)} proxies per holder: ${holders.map((x) => `${x.name} holds ${en.int(x.held)}`).join(', ')}. Take proxies back, or give the ballot other rules, then open it.`,
  PAPER_NOT_WEIGHTED: ({ countBy }) =>
    `This ballot is counted by ${countBy === 'both' ? 'members and by weight' : 'weight'}, and a paper total counts ballots, not weight: it takes no paper ballots. A member without a phone gives a proxy to a member present, who votes for them.`,
};

export const viProxyRefusals = (a: Address): ProxyRefusalTexts => ({
  PROXIES_NOT_ALLOWED: () => 'Quy chế của hội nghị này không cho phép ủy quyền.',
  PROXY_LIMIT: ({ holder, max }) => `${holder} đã nhận ${vi.int(max)} ủy quyền, mức tối đa quy chế cho phép.`,
  PROXY_REFUSED: ({ reason, grantor, holder }) =>
    ({
      self: `${grantor} không thể tự nhận ủy quyền của mình.`,
      'grantor-has-proxy': `${grantor} đã ủy quyền rồi; hãy thu hồi trước.`,
      'holder-is-grantor': `${holder} đã ủy quyền phiếu của mình nên không thể nhận ủy quyền.`,
      'grantor-holds-proxies': `${grantor} đang nhận ủy quyền của người khác; không được ủy quyền lại.`,
      'grantor-present': `${grantor} có mặt và tự biểu quyết.`,
      'not-in-force': 'Ủy quyền này đã được thu hồi.',
    })[reason],
  PROXY_GRANTED: ({ holder }) => `${a.You} này đã ủy quyền lần biểu quyết này cho ${holder}; người đó biểu quyết thay.`,
  NOT_REPRESENTED: ({ member }) => `${a.You} này không nhận ủy quyền của ${member} trong lần biểu quyết này.`,
  SPLIT_NOT_ALLOWED: ({ reason }) =>
    ({
      rules: 'Quy chế của lần biểu quyết này không cho phép chia phiếu.',
      voted: 'Có người trong phiếu chia đã biểu quyết: hãy biểu quyết cho từng người còn lại.',
      nobody: 'Người nhận ủy quyền không đại diện cho ai trong lần biểu quyết này: không có gì để chia.',
      'secret-weight':
        'Bỏ phiếu kín tính theo quyền biểu quyết không nhận phiếu chia: các phần của phiếu chia có quyền biểu quyết không thành viên nào có, sẽ lộ người nhận ủy quyền. Người nhận ủy quyền biểu quyết cho từng người.',
    })[reason],
  INVALID_SPLIT: ({ problem }) => splitProblemVi(problem, 'người nhận ủy quyền'),
  SECRECY_AT_RISK: ({ members }) =>
    `Trong cuộc bỏ phiếu kín này, một quyền biểu quyết không phiếu nào khác có sẽ cho biết các ${a.unit} sau bỏ phiếu thế nào: ${weighed(members, vi)}.`,
  PROXY_LIMIT_AT_OPEN: ({ holders, max }) =>
    `Quy chế của lần biểu quyết này cho phép mỗi người nhận tối đa ${vi.int(max)} ủy quyền: ${holders.map((x) => `${x.name} đang nhận ${vi.int(x.held)}`).join(', ')}. Hãy thu hồi bớt ủy quyền, hoặc chọn quy chế khác cho lần biểu quyết này, rồi mở biểu quyết.`,
  PAPER_NOT_WEIGHTED: ({ countBy }) =>
    `Nội dung này tính ${countBy === 'both' ? 'theo số thành viên và theo quyền biểu quyết' : 'theo quyền biểu quyết'}, mà kết quả phiếu giấy chỉ đếm số phiếu, không có quyền biểu quyết: không nhận phiếu giấy. Người không có điện thoại ủy quyền cho một ${a.unit} có mặt để biểu quyết thay.`,
});

/** The phone's words: the member holding it is "you" (English) or addressed (Vietnamese). */
export const enPhoneProxyRefusals: ProxyRefusalTexts = {
  ...enProxyRefusals,
  PROXY_GRANTED: ({ holder }) => `You gave your vote in this ballot to ${holder}, who votes for you.`,
  NOT_REPRESENTED: ({ member }) => `You do not hold the proxy of ${member} in this ballot.`,
  SPLIT_NOT_ALLOWED: ({ reason }) =>
    ({
      rules: 'The rules of this ballot do not allow splitting votes.',
      voted: 'Someone in this split has voted already: vote for the others one by one.',
      nobody: 'You represent nobody in this ballot: there is nothing to split.',
      'secret-weight':
        'A secret ballot counted by weight takes no split: its parts would weigh what no member holds and show how you voted. Vote for each member in turn.',
    })[reason],
  INVALID_SPLIT: ({ problem }) => splitProblemEn(problem, true),
};

export const viPhoneProxyRefusals = (a: Address): ProxyRefusalTexts => ({
  ...viProxyRefusals(a),
  PROXY_GRANTED: ({ holder }) =>
    `${a.You} đã ủy quyền lần biểu quyết này cho ${holder}; người đó biểu quyết thay ${a.you}.`,
  NOT_REPRESENTED: ({ member }) => `${a.You} không nhận ủy quyền của ${member} trong lần biểu quyết này.`,
  SPLIT_NOT_ALLOWED: ({ reason }) =>
    ({
      rules: 'Quy chế của lần biểu quyết này không cho phép chia phiếu.',
      voted: 'Có người trong phiếu chia đã biểu quyết: đề nghị biểu quyết cho từng người còn lại.',
      nobody: `${a.You} không đại diện cho ai trong lần biểu quyết này: không có gì để chia.`,
      'secret-weight': `Bỏ phiếu kín tính theo quyền biểu quyết không nhận phiếu chia: các phần của phiếu chia có quyền biểu quyết không thành viên nào có, sẽ lộ ${a.you} đã bỏ phiếu thế nào. Đề nghị ${a.you} biểu quyết cho từng người.`,
    })[reason],
  INVALID_SPLIT: ({ problem }) => splitProblemVi(problem, a.you),
});
