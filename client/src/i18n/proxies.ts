// Texts of proxies, weights and split ballots (issue 19), for the console, the phone and the
// minutes; the refusals of proxies are said in proxy-refusals.ts. The Vietnamese addresses the
// member by the meeting's form of address ("đồng chí" unless set), never "bạn". Each view imports
// only this small dictionary beside its own.
import { formatsFor } from './format';
import { addressed, type Address, type Language } from './index';

/** A whole number as the language writes it: 1,234,567 or 1.234.567 (weights run into billions). */
export function formatWeight(n: number, language: Language): string {
  return formatsFor(language, 'UTC').int(n);
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
  /** A rule set's weight and proxy parts, in the console's rule panels and the minutes' rules. */
  rules: {
    quorumBy: {
      weight: 'The quorum counts weight (shares or members represented), not members.',
      both: 'The quorum counts members and weight: it is met only on both.',
    },
    /** The quorum by weight in numbers, from the weight present now. */
    quorumWeight: (strict: boolean, fraction: string, required: string, eligible: string) =>
      `Quorum by weight: ${strict ? 'more than ' : ''}${fraction} of the eligible weight = ${required} of ${eligible}`,
    counting: {
      weight: 'Votes count by weight (shares or members represented).',
      both: 'Double majority: an option needs the majority of the members and of the weight.',
    },
    proxies: 'Proxies are taken: a member who cannot come gives their vote to a member present.',
    split: 'A holder may split their votes across options.',
  },
  /** The console's quorum line, by weight. */
  quorate: (present: string, required: string, eligible: string) =>
    `Quorate by weight: ${present} present, ${required} of ${eligible} needed`,
  notQuorate: (present: string, required: string, eligible: string) =>
    `Not quorate by weight: ${present} present, ${required} of ${eligible} needed`,
};

const vi = (a: Address): typeof en => ({
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
    revokedBy: { chair: `${a.Chair} đã thu hồi`, arrival: 'Đã thu hồi: người ủy quyền đã đến' },
    fromNextRound: 'Ủy quyền có hiệu lực từ lần biểu quyết mở tiếp theo; lần đang mở giữ các ủy quyền lúc mở.',
    row: (grantor: string, holder: string) => `${grantor} → ${holder}`,
  },
  secrecy: {
    openAnyway: 'Vẫn mở: tôi đã thông báo cho hội nghị',
    note: 'Khi tính theo quyền biểu quyết, phiếu có số quyền duy nhất có thể bị truy ra người bỏ phiếu bởi bất kỳ ai đọc hòm phiếu hoặc bản xuất.',
  },
  phone: {
    youVoteFor: `${a.You} cũng biểu quyết thay cho`,
    instructions: (text: string) => `Chỉ dẫn của họ: ${text}`,
    voteFor: (name: string) => `Biểu quyết thay ${name}`,
    votedFor: (name: string, receipt: string) => `Đã ghi nhận phiếu thay ${name}. Mã biên nhận ${receipt}`,
    heldBy: (name: string) => `${a.You} đã ủy quyền cho ${name}; người đó biểu quyết thay ${a.you} lần này.`,
    votingFor: (name: string) => `Đang biểu quyết thay ${name}`,
    back: 'Quay lại',
    split: 'Chia phiếu',
    splitHeading: (total: string, unit: 'heads' | 'weight') =>
      unit === 'heads'
        ? `Chia ${total} phiếu (của ${a.you} và những người ${a.you} đại diện)`
        : `Chia ${total} cổ phần (của ${a.you} và những người ${a.you} đại diện)`,
    splitLeft: (left: string) => `Chưa chia: ${left}`,
    splitCast: 'Gửi phiếu chia',
    splitDone: `Đã ghi nhận phiếu chia cho tất cả những người ${a.you} đại diện.`,
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
  represented: (n: number) => `${n} ${a.unit} có mặt qua ủy quyền`,
  rules: {
    quorumBy: {
      weight:
        'Điều kiện tiến hành tính theo quyền biểu quyết (cổ phần hoặc số hội viên đại diện), không theo số người.',
      both: 'Điều kiện tiến hành tính theo cả số thành viên và quyền biểu quyết: chỉ đạt khi đạt cả hai.',
    },
    quorumWeight: (strict, fraction, required, eligible) =>
      `Điều kiện tiến hành theo quyền biểu quyết: ${strict ? 'trên ' : ''}${fraction} tổng quyền biểu quyết = ${required} / ${eligible}`,
    counting: {
      weight: 'Kết quả tính theo quyền biểu quyết (cổ phần hoặc số hội viên đại diện).',
      both: 'Đa số kép: phương án phải đạt đa số cả về số thành viên và về quyền biểu quyết.',
    },
    proxies: 'Được ủy quyền: thành viên vắng mặt giao quyền biểu quyết cho một thành viên có mặt.',
    split: 'Người nhận ủy quyền được chia số phiếu của mình cho các phương án.',
  },
  quorate: (present, required, eligible) =>
    `Đủ điều kiện theo quyền biểu quyết: có mặt ${present}, cần ${required} / ${eligible}`,
  notQuorate: (present, required, eligible) =>
    `Chưa đủ điều kiện theo quyền biểu quyết: có mặt ${present}, cần ${required} / ${eligible}`,
});

export const proxyText = addressed(en, vi);
