// Every refusal in words: the server sends a code and its parameters (shared/src/errors.ts), and
// here each code becomes a sentence with the numbers involved. A code without its words fails the
// type-check. The laptops' views (chair, admin, projector, minutes) speak of members in the third
// person; the phone has its own words (delegate-refusals.ts) that address the member holding it.
import {
  OPTION_LABELS,
  type BallotState,
  type ConflictParams,
  type ErrorCode,
  type ErrorParams,
  type InvalidVoteReason,
  type PayloadIssue,
  type PayloadProblem,
  type Role,
} from '@hallvote/shared';
import { createContext, useContext } from 'react';
import type { NoAnswerParams, Refusal } from '../reply';
import { formatsFor } from './format';
import { enProxyRefusals, viProxyRefusals } from './proxy-refusals';
import { addressed, useText, type Address, type Bilingual } from './index';

/** The words for each code, given its parameters; NO_ANSWER is the device's own (no reply came). */
export type RefusalTexts = {
  readonly [C in ErrorCode]: (params: ErrorParams[C]) => string;
} & {
  readonly NO_ANSWER: (params: NoAnswerParams) => string;
  /** The phone's own: a secret round came without its seal key, so the vote was not sent. */
  readonly NOT_SEALED: () => string;
  /** One field-level problem of an INVALID_PAYLOAD. */
  readonly issue: (issue: PayloadIssue) => string;
};

const en = formatsFor('en', 'UTC');
const vi = formatsFor('vi', 'UTC');

const optionName = (id: string, language: 'vi' | 'en') =>
  Object.hasOwn(OPTION_LABELS, id) ? OPTION_LABELS[id as keyof typeof OPTION_LABELS][language] : id;

const EN_STATES: Readonly<Record<BallotState, string>> = {
  draft: 'a draft',
  open: 'open',
  closed: 'closed',
  published: 'published',
  cancelled: 'cancelled',
};
const VI_STATES: Readonly<Record<BallotState, string>> = {
  draft: 'đang là bản nháp',
  open: 'đang biểu quyết',
  closed: 'đã kết thúc biểu quyết',
  published: 'đã công bố kết quả',
  cancelled: 'đã hủy',
};

const EN_ROLES: Readonly<Record<Role, string>> = {
  admin: 'the administrator',
  chair: 'the chair',
  delegate: 'a member’s phone',
  projector: 'the projector',
};
const VI_ROLES: Readonly<Record<Role, string>> = {
  admin: 'quản trị viên',
  chair: 'người chủ trì',
  delegate: 'điện thoại của đại biểu',
  projector: 'màn hình chiếu',
};

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A field of a request, as the chair or the admin filled it in. */
const EN_FIELDS: Readonly<Record<string, string>> = {
  title: 'the title',
  subjects: 'the subjects',
  options: 'the options',
  seats: 'the seats to fill',
  countdownSeconds: 'the countdown',
  earlyCloseMinimum: 'the early-close minimum',
  rules: 'the rules',
  acknowledgement: 'the acknowledgement',
  rulePresetId: 'the rule set',
  rulePresetVersion: 'the rule set’s version',
  settings: 'the meeting’s settings',
  roster: 'the roster',
  lines: 'the roster',
  name: 'the name',
  position: 'the position',
  group: 'the group',
};
const VI_FIELDS: Readonly<Record<string, string>> = {
  title: 'tiêu đề',
  subjects: 'danh sách đối tượng',
  options: 'các phương án',
  seats: 'số lượng cần bầu',
  countdownSeconds: 'thời gian đếm ngược',
  earlyCloseMinimum: 'số phiếu tối thiểu để kết thúc sớm',
  rules: 'quy định áp dụng',
  acknowledgement: 'ý kiến giải trình',
  rulePresetId: 'bộ quy định',
  rulePresetVersion: 'phiên bản quy định',
  settings: 'thiết lập của hội nghị',
  roster: 'danh sách đại biểu',
  lines: 'danh sách đại biểu',
  name: 'họ tên',
  position: 'chức vụ',
  group: 'nhóm',
};
/** The field a path names: its first known segment, else the whole request. */
const fieldOf = (path: string, fields: Readonly<Record<string, string>>, whole: string) =>
  path
    .split('.')
    .map((segment) => fields[segment])
    .find((name) => name !== undefined) ?? whole;

const EN_PROBLEMS: { readonly [P in PayloadProblem]: (i: PayloadIssue) => string } = {
  missing: () => 'is missing',
  type: () => 'has the wrong kind of value',
  'too-small': (i) => `is too short or too small (at least ${en.int(i.limit ?? 0)})`,
  'too-big': (i) => `is too long or too large (at most ${en.int(i.limit ?? 0)})`,
  format: () => 'is not in the expected form',
  'unknown-key': () => 'has a field this request does not take',
  value: () => 'is not one of the values allowed',
  'not-json': () => 'is not readable (not JSON)',
  'too-large': () => 'is too large to be received',
  'rule-options': (i) =>
    `lack what the rules count: ${(i.values ?? []).map((id) => `“${optionName(id, 'en')}”`).join(', ')}`,
};
const VI_PROBLEMS: { readonly [P in PayloadProblem]: (i: PayloadIssue) => string } = {
  missing: () => 'còn thiếu',
  type: () => 'sai kiểu giá trị',
  'too-small': (i) => `quá ngắn hoặc quá nhỏ (tối thiểu ${vi.int(i.limit ?? 0)})`,
  'too-big': (i) => `quá dài hoặc quá lớn (tối đa ${vi.int(i.limit ?? 0)})`,
  format: () => 'sai định dạng',
  'unknown-key': () => 'có trường mà yêu cầu này không nhận',
  value: () => 'không thuộc các giá trị được phép',
  'not-json': () => 'không đọc được (không phải JSON)',
  'too-large': () => 'quá lớn, máy chủ không nhận',
  'rule-options': (i) =>
    `thiếu phương án mà quy định áp dụng có tính đến: ${(i.values ?? []).map((id) => `“${optionName(id, 'vi')}”`).join(', ')}`,
};

const EN_CONFLICTS: {
  readonly [R in ConflictParams['reason']]: (p: Extract<ConflictParams, { reason: R }>) => string;
} = {
  'already-opened': () => 'This ballot has been opened before: a new round is a re-vote.',
  'revote-prepared': () => 'A re-vote of this ballot is prepared already: open it, or drop it.',
  'revote-too-early': (p) =>
    `A re-vote follows a closed, published or cancelled round; this ballot is ${EN_STATES[p.state]}.`,
  'publish-not-closed': (p) => `Only a closed ballot can be published; this one is ${EN_STATES[p.state]}.`,
  'cancel-closed': () => 'A closed round cannot be cancelled: its result goes to the minutes. Hold a re-vote instead.',
  'cancel-not-open': (p) => `Only a ballot being voted on can be stopped; this one is ${EN_STATES[p.state]}.`,
  'paper-after-publish': () => 'Paper totals can be entered until the result is published.',
  'follow-up-not-published': () => 'A follow-up vote follows a published result.',
  'follow-up-none': () => 'No subject of this result is in a band that calls for another vote.',
  'follow-up-exists': () => 'This follow-up vote has been created already.',
  'round-moved-on': () => 'The round changed meanwhile; nothing was stored. Look again and retry.',
  'proxy-given': () => 'This member has given a proxy already (recorded meanwhile): take it back first.',
  'proxy-not-in-force': () => 'This proxy was taken back meanwhile.',
  'vote-id-used': () => 'This vote was sent with the number of another vote: reload the page and vote again.',
};
const VI_CONFLICTS: {
  readonly [R in ConflictParams['reason']]: (p: Extract<ConflictParams, { reason: R }>) => string;
} = {
  'already-opened': () => 'Nội dung này đã được đưa ra biểu quyết: muốn biểu quyết lại, hãy mở vòng mới.',
  'revote-prepared': () => 'Vòng biểu quyết lại của nội dung này đã được chuẩn bị: hãy mở vòng đó, hoặc bỏ đi.',
  'revote-too-early': (p) =>
    `Chỉ biểu quyết lại được sau khi vòng trước đã kết thúc, đã công bố hoặc đã hủy; nội dung này ${VI_STATES[p.state]}.`,
  'publish-not-closed': (p) =>
    `Chỉ công bố được kết quả khi đã kết thúc biểu quyết; nội dung này ${VI_STATES[p.state]}.`,
  'cancel-closed': () =>
    'Vòng đã kết thúc thì không hủy được: kết quả được đưa vào biên bản. Nếu cần, hãy biểu quyết lại.',
  'cancel-not-open': (p) => `Chỉ dừng được cuộc biểu quyết đang diễn ra; nội dung này ${VI_STATES[p.state]}.`,
  'paper-after-publish': () => 'Chỉ nhập được kết quả phiếu giấy trước khi công bố kết quả.',
  'follow-up-not-published': () => 'Chỉ tạo được cuộc biểu quyết tiếp theo sau khi đã công bố kết quả.',
  'follow-up-none': () => 'Không đối tượng nào trong kết quả này thuộc ngưỡng phải biểu quyết tiếp.',
  'follow-up-exists': () => 'Cuộc biểu quyết tiếp theo này đã được tạo.',
  'round-moved-on': () => 'Vòng biểu quyết vừa thay đổi; chưa có gì được lưu. Hãy xem lại rồi thử lại.',
  'proxy-given': () => 'Người này vừa được ghi nhận ủy quyền cho người khác: hãy thu hồi ủy quyền đó trước.',
  'proxy-not-in-force': () => 'Ủy quyền này vừa được thu hồi.',
  'vote-id-used': () => 'Phiếu này được gửi kèm số hiệu của một phiếu khác: hãy tải lại trang và biểu quyết lại.',
};

const EN_VOTES: Readonly<Record<InvalidVoteReason, (limit: number) => string>> = {
  sealing: () => 'The vote came in the wrong form for this ballot (sealed or not).',
  unsealable: () => 'The sealed vote could not be opened.',
  'unknown-subject': () => 'The vote names a subject that is not on this ballot.',
  'unknown-option': () => 'The vote names an option that is not on this ballot.',
  'duplicate-mark': () => 'An option is marked twice in one row.',
  'one-mark': () => 'Exactly one option must be marked.',
  'row-over-marked': () => 'A row has more than one level marked.',
  'too-many-candidates': (k) => `More than ${en.int(k)} candidates are marked.`,
};
const VI_VOTES: Readonly<Record<InvalidVoteReason, (limit: number) => string>> = {
  sealing: () => 'Phiếu gửi lên không đúng dạng của cuộc biểu quyết này (niêm phong hay không niêm phong).',
  unsealable: () => 'Không mở được phiếu đã niêm phong.',
  'unknown-subject': () => 'Phiếu có đối tượng không có trong nội dung biểu quyết.',
  'unknown-option': () => 'Phiếu có phương án không có trong nội dung biểu quyết.',
  'duplicate-mark': () => 'Một phương án bị đánh dấu hai lần trên cùng một dòng.',
  'one-mark': () => 'Phải đánh dấu đúng một phương án.',
  'row-over-marked': () => 'Có dòng đánh dấu nhiều hơn một mức.',
  'too-many-candidates': (k) => `Số người được chọn nhiều hơn ${vi.int(k)}.`,
};

const enTexts: RefusalTexts = {
  INVALID_PAYLOAD: () => 'The request was not valid; nothing was changed.',
  PROTOCOL_MISMATCH: () => 'This page is older than the server: reload it.',
  UNAUTHORIZED: ({ credential }) =>
    ({
      'admin-token': 'The admin token is not valid.',
      'chair-key': 'The chair key of this meeting is not valid. Open the chair link again.',
      'projector-key': 'The projector key is not valid. Open the projector link from the chair console again.',
      badge: 'This badge is not valid (any more).',
    })[credential],
  FORBIDDEN: ({ role }) => `This is not for ${EN_ROLES[role]} to do.`,
  NOT_FOUND: ({ what }) =>
    ({
      meeting: 'There is no such meeting.',
      ballot: 'There is no such ballot in this meeting.',
      round: 'There is no such round of this ballot.',
      delegate: 'There is no such member on the roster.',
      group: 'Nobody on the roster is in this group.',
      proxy: 'There is no such proxy in this meeting.',
      request: 'The server does not know this request.',
      route: 'The server has no such address.',
      format: 'There is no such export format.',
    })[what],
  CONFLICT: (p) => (EN_CONFLICTS[p.reason] as (p: ConflictParams) => string)(p),
  ANOTHER_BALLOT_OPEN: ({ title }) => `“${title}” is being voted on: close it first.`,
  NO_QUORUM: ({ present, required, eligible, fraction, strict }) =>
    `Not quorate: ${en.int(present)} present; ${strict ? 'more than ' : 'at least '}${en.int(required)} of ${en.int(eligible)} needed (${fraction.num}/${fraction.den}).`,
  BALLOT_NOT_OPEN: ({ state, countdownEnded }) =>
    countdownEnded
      ? 'The countdown has ended: no more votes are taken in this round.'
      : state === null
        ? 'There is no such round to vote in.'
        : `Voting is not open: the ballot is ${EN_STATES[state]}.`,
  ALREADY_VOTED: ({ channel, split }) =>
    channel === 'paper'
      ? 'This member voted on paper in this round.'
      : split
        ? 'This member’s vote went into a split ballot in this round: a split is final and cannot be changed.'
        : 'This member has voted in this round already.',
  INVALID_VOTE: ({ reason, limit }) => EN_VOTES[reason](limit ?? 0),
  VOTING_STARTED: () =>
    'Voting has started: the roster can no longer be replaced or edited (a lost badge can still be re-issued).',
  ACK_REQUIRED: ({ warnings }) =>
    warnings === 1
      ? 'The result carries a warning: write why it is published anyway.'
      : `The result carries ${en.int(warnings)} warnings: write why it is published anyway.`,
  INVALID_ROSTER: ({ problems }) =>
    problems.length === 1
      ? 'The roster has a problem; nothing was changed.'
      : `The roster has ${en.int(problems.length)} problems; nothing was changed.`,
  UNKNOWN_RULE_PRESET: ({ version }) =>
    version === null
      ? 'This version of hallvote does not have that rule set.'
      : `This version of hallvote does not have version ${en.int(version)} of that rule set.`,
  RATE_LIMITED: () => 'Too many requests: wait a moment and try again.',
  SESSION_REPLACED: () => 'This badge was opened on another device.',
  STORE_UNAVAILABLE: ({ reason }) =>
    ({
      moved: 'This meeting moved to another server; nothing was changed. Try again.',
      moving: 'This meeting is moving between servers; try again in a moment.',
      unreachable: 'The server cannot store anything just now; nothing was changed. Try again.',
    })[reason],
  NOT_IN_ROUND: () => 'This member was added to the roster after this round opened: they vote from the next one.',
  NOT_PRESENT: ({ attendance }) =>
    attendance === 'excused'
      ? 'This member is recorded as excused: only a member who is present can hand in a paper ballot.'
      : 'This member is recorded as absent: only a member who is present can hand in a paper ballot.',
  ATTENDANCE_FROZEN: ({ status }) =>
    `A ballot is open: this member cannot be marked ${status === 'excused' ? 'excused' : 'absent'} until it closes (presence for a vote counts from its opening; only a latecomer can be marked present).`,
  BADGE_REISSUED: () =>
    'This badge was re-issued while the ballot was open, so it cannot vote in this round: the member votes on paper. From the next ballot on, this badge votes.',
  TOO_FEW_BALLOTS: ({ returned, minimum, present, ended }) =>
    ended
      ? `The countdown ended with only ${en.int(returned)} of the ${en.int(minimum)} members voting online needed to count this secret ballot (a proxy holder counts once; ${en.int(present)} present). It cannot be counted: cancel this round (its ballots are destroyed unseen) and vote again.`
      : `Only ${en.int(returned)} of the ${en.int(minimum)} members voting online needed to close a secret ballot early have voted (a proxy holder counts once; ${en.int(present)} present). Wait for more votes, or for everyone present to vote online.`,
  STATE_MISMATCH: ({ mismatches, rounds, auditLog }) =>
    `The stored data of this meeting does not match its seals and audit log, so the server refuses to serve it: ${en.int(mismatches)} ${mismatches === 1 ? 'check differs' : 'checks differ'}${
      rounds.length > 0 ? `, in ${rounds.map((r) => `“${r.ballot}” round ${en.int(r.round)}`).join(', ')}` : ''
    }${auditLog ? `${rounds.length > 0 ? ' and' : ','} in the audit log` : ''}. The server's operator sees the details.`,
  ...enProxyRefusals,
  INTERNAL: () => 'Something went wrong on the server. Nothing was changed.',
  NO_ANSWER: ({ reason, status }) =>
    ({
      offline: 'Not connected to the server: nothing was sent.',
      timeout: 'The server did not answer in time.',
      unreachable: 'The server could not be reached (is this device offline?).',
      sealing: 'This device could not seal the vote. Try again.',
      http: `The server answered with an error (HTTP ${status ?? 0}).`,
    })[reason],
  NOT_SEALED: () =>
    'This secret ballot came without its sealing key, so the phone did not send it: the choice would travel readable on the network.',
  issue: (i) => capital(`${fieldOf(i.path, EN_FIELDS, 'the request')} ${EN_PROBLEMS[i.problem](i)}`),
};

const viTexts = (a: Address): RefusalTexts => ({
  INVALID_PAYLOAD: () => 'Yêu cầu không hợp lệ; chưa có gì thay đổi.',
  PROTOCOL_MISMATCH: () => 'Trang này là phiên bản cũ hơn máy chủ: hãy tải lại trang.',
  UNAUTHORIZED: ({ credential }) =>
    ({
      'admin-token': 'Mã quản trị không đúng.',
      'chair-key': 'Khóa chủ trì của hội nghị này không đúng. Hãy mở lại đường dẫn dành cho chủ trì.',
      'projector-key': 'Khóa màn hình chiếu không đúng. Hãy mở lại đường dẫn màn hình chiếu từ bàn điều hành.',
      badge: 'Thẻ đại biểu này không còn hiệu lực.',
    })[credential],
  FORBIDDEN: ({ role }) => `Thao tác này không dành cho ${VI_ROLES[role]}.`,
  NOT_FOUND: ({ what }) =>
    ({
      meeting: 'Không có hội nghị này.',
      ballot: 'Hội nghị không có nội dung biểu quyết này.',
      round: 'Nội dung biểu quyết không có vòng này.',
      delegate: 'Không có đại biểu này trong danh sách.',
      group: 'Không ai trong danh sách thuộc nhóm này.',
      proxy: 'Hội nghị không có ủy quyền này.',
      request: 'Máy chủ không nhận yêu cầu này.',
      route: 'Máy chủ không có địa chỉ này.',
      format: 'Không có định dạng tệp xuất này.',
    })[what],
  CONFLICT: (p) => (VI_CONFLICTS[p.reason] as (p: ConflictParams) => string)(p),
  ANOTHER_BALLOT_OPEN: ({ title }) => `Đang biểu quyết “${title}”: hãy kết thúc cuộc biểu quyết đó trước.`,
  NO_QUORUM: ({ present, required, eligible, fraction, strict }) =>
    `Chưa đủ điều kiện tiến hành: có mặt ${vi.int(present)} ${a.unit}; cần ${strict ? 'trên' : 'ít nhất'} ${vi.int(required)} trên tổng số ${vi.int(eligible)} (${fraction.num}/${fraction.den}).`,
  BALLOT_NOT_OPEN: ({ state, countdownEnded }) =>
    countdownEnded
      ? 'Đã hết thời gian biểu quyết: vòng này không nhận thêm phiếu.'
      : state === null
        ? 'Không có vòng biểu quyết này.'
        : `Không nhận phiếu: nội dung biểu quyết ${VI_STATES[state]}.`,
  ALREADY_VOTED: ({ channel, split }) =>
    channel === 'paper'
      ? `${a.You} này đã bỏ phiếu giấy trong vòng này.`
      : split
        ? `Phiếu của ${a.you} này đã nằm trong một phiếu chia ở vòng này: phiếu chia là phiếu cuối cùng, không thay đổi được.`
        : `${a.You} này đã biểu quyết trong vòng này.`,
  INVALID_VOTE: ({ reason, limit }) => VI_VOTES[reason](limit ?? 0),
  VOTING_STARTED: () =>
    'Đã bắt đầu biểu quyết: không thể thay hoặc sửa danh sách đại biểu nữa (thẻ bị mất vẫn cấp lại được).',
  ACK_REQUIRED: ({ warnings }) => `Kết quả có ${vi.int(warnings)} cảnh báo: cần ghi rõ lý do vẫn công bố kết quả.`,
  INVALID_ROSTER: ({ problems }) => `Danh sách đại biểu có ${vi.int(problems.length)} lỗi; chưa có gì thay đổi.`,
  UNKNOWN_RULE_PRESET: ({ version }) =>
    version === null
      ? 'Phiên bản phần mềm này không có bộ quy định đó.'
      : `Phiên bản phần mềm này không có phiên bản ${vi.int(version)} của bộ quy định đó.`,
  RATE_LIMITED: () => 'Quá nhiều yêu cầu: vui lòng đợi giây lát rồi thử lại.',
  SESSION_REPLACED: () => 'Thẻ đại biểu này đã được mở trên thiết bị khác.',
  STORE_UNAVAILABLE: ({ reason }) =>
    ({
      moved: 'Hội nghị này vừa chuyển sang máy chủ khác; chưa có gì thay đổi. Hãy thử lại.',
      moving: 'Hội nghị này đang chuyển giữa các máy chủ; hãy thử lại sau giây lát.',
      unreachable: 'Máy chủ tạm thời chưa lưu được; chưa có gì thay đổi. Hãy thử lại.',
    })[reason],
  NOT_IN_ROUND: () => `${a.You} này được bổ sung vào danh sách sau khi vòng này mở: bỏ phiếu từ lần biểu quyết sau.`,
  NOT_PRESENT: ({ attendance }) =>
    attendance === 'excused'
      ? `${a.You} này đang được ghi vắng mặt có lý do: chỉ ${a.unit} có mặt mới được bỏ phiếu giấy.`
      : `${a.You} này đang được ghi vắng mặt: chỉ ${a.unit} có mặt mới được bỏ phiếu giấy.`,
  ATTENDANCE_FROZEN: ({ status }) =>
    `Đang có vòng biểu quyết mở: chưa thể ghi ${a.you} này ${status === 'excused' ? 'vắng mặt có lý do' : 'vắng mặt'} cho đến khi kết thúc biểu quyết (có mặt tính từ lúc mở; chỉ có thể ghi nhận ${a.unit} đến muộn là có mặt).`,
  BADGE_REISSUED: () =>
    `Thẻ này được cấp lại khi vòng biểu quyết đang mở nên không bỏ phiếu được trong vòng này: ${a.you} này bỏ phiếu giấy. Từ lần biểu quyết sau, thẻ này bỏ phiếu được.`,
  TOO_FEW_BALLOTS: ({ returned, minimum, present, ended }) =>
    ended
      ? `Hết thời gian biểu quyết mà mới có ${vi.int(returned)} trên ${vi.int(minimum)} ${a.unit} bỏ phiếu trực tuyến cần có để kiểm phiếu kín này (người nhận ủy quyền chỉ tính một lần; ${vi.int(present)} ${a.unit} có mặt). Không thể kiểm phiếu: hãy hủy vòng biểu quyết này (các phiếu bị hủy mà không ai xem) và biểu quyết lại.`
      : `Mới có ${vi.int(returned)} trên ${vi.int(minimum)} ${a.unit} bỏ phiếu trực tuyến cần có để kết thúc sớm phiếu kín (người nhận ủy quyền chỉ tính một lần; ${vi.int(present)} ${a.unit} có mặt). Hãy đợi thêm phiếu, hoặc đợi mọi ${a.unit} có mặt bỏ phiếu trực tuyến.`,
  STATE_MISMATCH: ({ mismatches, rounds, auditLog }) =>
    `Dữ liệu lưu trữ của hội nghị này không khớp với niêm phong và nhật ký, nên máy chủ từ chối phục vụ: ${vi.int(mismatches)} điểm kiểm tra không khớp${
      rounds.length > 0 ? `, ở ${rounds.map((r) => `“${r.ballot}” vòng ${vi.int(r.round)}`).join(', ')}` : ''
    }${auditLog ? `${rounds.length > 0 ? ' và' : ','} ở nhật ký` : ''}. Người vận hành máy chủ xem được chi tiết.`,
  ...viProxyRefusals(a),
  INTERNAL: () => 'Máy chủ gặp lỗi. Chưa có gì thay đổi.',
  NO_ANSWER: ({ reason, status }) =>
    ({
      offline: 'Chưa kết nối với máy chủ: yêu cầu chưa được gửi.',
      timeout: 'Máy chủ không trả lời kịp.',
      unreachable: 'Không liên lạc được với máy chủ (thiết bị có đang mất mạng?).',
      sealing: 'Thiết bị chưa niêm phong được phiếu. Hãy thử lại.',
      http: `Máy chủ trả lời bằng lỗi (HTTP ${status ?? 0}).`,
    })[reason],
  NOT_SEALED: () =>
    'Phiếu kín này không kèm khóa niêm phong nên điện thoại không gửi: lựa chọn sẽ bị đọc được trên đường truyền.',
  issue: (i) => capital(`${fieldOf(i.path, VI_FIELDS, 'yêu cầu')} ${VI_PROBLEMS[i.problem](i)}`),
});

/** The laptops' words for refusals (chair, admin, projector, minutes). */
export const refusalText = addressed(enTexts, viTexts);

/** The same, to build another view's words on (the phone's, delegate-refusals.ts). */
export const refusalWords = { en: enTexts, vi: viTexts } as const;

/** The refusal words of the view a component is rendered in: the phone provides its own. */
export const RefusalTextContext = createContext<Bilingual<RefusalTexts>>(refusalText);

export function useRefusalText(): RefusalTexts {
  return useText(useContext(RefusalTextContext));
}

/** A refusal in words: its code's sentence with its parameters. */
export function sayRefusal(t: RefusalTexts, refusal: Refusal): string {
  if (refusal.error === 'NO_ANSWER') return t.NO_ANSWER(refusal.params);
  if (refusal.error === 'NOT_SEALED') return t.NOT_SEALED();
  // The code picks the function and the parameters together; TypeScript cannot follow that pairing.
  return (t[refusal.error] as (params: typeof refusal.params) => string)(refusal.params);
}
