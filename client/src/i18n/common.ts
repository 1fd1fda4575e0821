// Texts every view uses: connection state, refusals, bases, outcomes in words.
import type { TallyBase } from '@hallvote/shared';
import { addressed, type Address } from './index';

const en = {
  switchTo: 'Language',
  connecting: 'Connecting…',
  reconnecting: 'Connection lost. Reconnecting…',
  issues: 'Problems',
  bases: {
    eligible: 'eligible members',
    present: 'members present',
    returned: 'ballots returned',
    valid: 'valid ballots',
    decisive: 'yes + no votes',
  } satisfies Record<TallyBase, string> as Readonly<Record<TallyBase, string>>,
  percentCaption: (base: string, value: number) => `Percentages of ${base} (${value})`,
  turnout: (returned: number, percent: string, base: string, value: number) =>
    `Turnout: ${returned} ballots returned, ${percent} of ${base} (${value})`,
  shareOf: (percent: string, base: string) => `${percent} of ${base}`,
  andAbove: ' and above',
  votes: (n: number) => (n === 1 ? '1 vote' : `${n} votes`),
  outcome: {
    adoptedMotion: 'The motion is adopted.',
    adopted: (label: string) => `Adopted: ${label}`,
    classified: (label: string) => `Adopted: ${label}`,
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

const vi = (a: Address): typeof en => ({
  switchTo: 'Ngôn ngữ',
  connecting: 'Đang kết nối…',
  reconnecting: 'Mất kết nối. Đang kết nối lại…',
  issues: 'Các lỗi',
  bases: {
    // Convened less the excused: never "được triệu tập", which is the roster (issue 16).
    eligible: `số ${a.unit} được tính`,
    present: `số ${a.unit} có mặt`,
    returned: 'số phiếu thu về',
    valid: 'số phiếu hợp lệ',
    decisive: 'số phiếu tán thành và không tán thành',
  },
  percentCaption: (base, value) => `Tỷ lệ phần trăm so với ${base} (${value})`,
  turnout: (returned, percent, base, value) =>
    `Tham gia biểu quyết: ${returned} phiếu thu về, bằng ${percent} ${base} (${value})`,
  shareOf: (percent, base) => `${percent} ${base}`,
  andAbove: ' trở lên',
  votes: (n) => `${n} phiếu`,
  outcome: {
    adoptedMotion: 'Được thông qua.',
    adopted: (label) => `Thông qua: ${label}`,
    classified: (label) => `Kết quả xếp loại: ${label}`,
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
  acknowledged: (reason) => `Công bố kèm ý kiến của ${a.chair}: ${reason}`,
  closesIn: (time) => `Kết thúc sau ${time}`,
  secret: 'Bỏ phiếu kín',
  named: 'Biểu quyết công khai',
  round: (n) => `Vòng ${n}`,
  line: (n) => `Dòng ${n}`,
});

export const commonText = addressed(en, vi);
