// The console's texts for running the hall: members added, edited and removed one at a time, badges
// re-issued and printed, check-in of a group, who has not voted, paper ballots, the projector and a
// re-vote prepared as a draft. (chair.ts has the rest of the console.)
import type { ProjectorMode } from '@hallvote/shared';
import { addressed, type Address } from './index';

const en = {
  members: {
    heading: (n: number) => `Members (${n})`,
    add: 'Add a member',
    addHint: 'A latecomer or a substitute can be added at any time.',
    addedLateHint:
      'Added while a ballot is open, they vote from the next ballot on: the open one keeps the roster and base it opened with.',
    name: 'Full name',
    position: 'Position or unit',
    group: 'Group',
    actions: 'Actions',
    save: 'Save',
    added: (name: string) => `${name} is on the roster. Print their badge below.`,
    edit: 'Edit',
    editing: (name: string) => `Editing ${name}`,
    cancelEdit: 'Cancel',
    remove: 'Remove',
    removeQuestion: (name: string) => `Remove ${name} from the roster? Their badge stops working.`,
    removeConfirm: 'Yes, remove',
    reissue: 'Re-issue badge',
    reissueQuestion: (name: string) =>
      `Re-issue ${name}'s badge? The old badge stops working at once; a phone using it is told and disconnected.`,
    reissueConfirm: 'Yes, re-issue',
    reissued: (name: string) => `${name} has a new badge; the old one no longer works.`,
    printBadge: 'Print this badge',
    frozenEdits: 'Voting has started: members can be added, not edited or removed.',
    late: 'joined after the open ballot',
    find: 'Find a member',
    none: 'No member matches.',
  },
  attendance: {
    bulkHeading: 'Check in several at once',
    group: 'Group',
    everyone: 'everyone',
    markGroup: (group: string, n: number) =>
      n === 1 ? `Mark the 1 absent member of ${group} present` : `Mark the ${n} absent members of ${group} present`,
    markEveryone: (n: number) =>
      n === 1 ? 'Mark the 1 absent member present' : `Mark all ${n} absent members present`,
    markQuestion: (n: number) =>
      `Mark ${n} absent member(s) present? Excused members stay excused; those present stay as they are.`,
    markConfirm: 'Yes, mark present',
    marked: (n: number) => (n === 1 ? '1 member marked present.' : `${n} members marked present.`),
    nobodyAbsent: 'Nobody here is absent.',
    fixedWhileOpen:
      'A ballot is open: attendance is fixed until it closes (presence for a vote counts from its opening). Only a latecomer can be marked present.',
    votedOnPaper: 'voted on paper',
  },
  voters: {
    heading: (n: number) => (n === 1 ? 'Not voted yet: 1' : `Not voted yet: ${n}`),
    all: 'Everyone present has voted.',
    secretNote: 'Who has voted, never how: a secret ballot shows participation only.',
    paper: 'Voted on paper',
    paperQuestion: (name: string) =>
      `Record that ${name} handed in a paper ballot? They can then no longer vote on their phone in this round.`,
    paperConfirm: 'Yes, voted on paper',
    paperVoters: (n: number) => (n === 1 ? '1 member voted on paper.' : `${n} members voted on paper.`),
    late: (names: string) => `Added after this round opened, not voting in it: ${names}.`,
    find: 'Find a name',
  },
  paper: {
    heading: 'Paper ballots: the counting committee’s totals',
    hint: (voters: number) =>
      `${voters} member(s) marked as having voted on paper. Enter what the counting committee counted; the result is tallied again with it.`,
    returned: 'Paper ballots returned',
    subject: 'Subject',
    empty: 'No mark (empty row)',
    invalid: 'Invalid paper ballots',
    reason: 'Reason',
    count: 'Number',
    addInvalid: 'Add a reason',
    removeInvalid: 'Remove',
    save: 'Save the paper totals',
    saved: 'Paper totals saved.',
    recorded: (returned: number) => `Recorded: ${returned} paper ballot(s) returned.`,
    notANumber: (field: string) => `"${field}" must be a whole number, 0 or more.`,
    noReason: 'Each invalid count needs a reason.',
    refused: 'The paper totals were not saved:',
    notWeighted:
      'No paper ballots in this ballot: it is counted by weight, and a paper total counts ballots, not weight. A member without a phone gives a proxy to a member present, who votes for them.',
  },
  projector: {
    heading: 'Projector',
    modes: {
      live: 'Live view',
      blank: 'Blank screen',
      slide: 'Title slide',
    } satisfies Record<ProjectorMode, string> as Readonly<Record<ProjectorMode, string>>,
    slideText: 'Line under the title (optional)',
    showSlide: 'Show the slide',
    result: 'Result on the projector',
    resultShown: 'shown once published',
    resultHidden: 'hidden',
    show: 'Show the result',
    hide: 'Hide the result',
  },
  revote: {
    question: (round: number) =>
      `Prepare round ${round}? It opens only when you open it; the round before stays on record.`,
    confirm: (round: number) => `Yes, prepare round ${round}`,
    drafted: (round: number) => `Round ${round} is prepared and not open yet. Everyone votes again once you open it.`,
    open: (round: number) => `Open voting, round ${round}`,
    drop: 'Drop the new round',
    dropQuestion: (round: number) => `Drop round ${round} before it opens? The round before stays as it is.`,
    dropConfirm: 'Yes, drop it',
  },
  publish: {
    onProjector: 'Also show it on the projector now',
  },
};

const vi = (a: Address): typeof en => ({
  members: {
    heading: (n) => `Đại biểu (${n})`,
    add: 'Thêm đại biểu',
    addHint: 'Có thể thêm đại biểu đến muộn hoặc thay thế vào bất cứ lúc nào.',
    addedLateHint:
      'Đại biểu được thêm khi đang bỏ phiếu sẽ bỏ phiếu từ lần biểu quyết sau: phiếu đang mở giữ nguyên danh sách và tổng số như khi mở.',
    name: 'Họ và tên',
    position: 'Chức vụ hoặc đơn vị',
    group: 'Nhóm',
    actions: 'Thao tác',
    save: 'Lưu',
    added: (name) => `Đã thêm ${name} vào danh sách. Hãy in thẻ ở dưới.`,
    edit: 'Sửa',
    editing: (name) => `Đang sửa ${name}`,
    cancelEdit: 'Thôi',
    remove: 'Xóa',
    removeQuestion: (name) => `Xóa ${name} khỏi danh sách? Thẻ của đại biểu này sẽ không dùng được nữa.`,
    removeConfirm: 'Đồng ý xóa',
    reissue: 'Cấp lại thẻ',
    reissueQuestion: (name) =>
      `Cấp lại thẻ cho ${name}? Thẻ cũ hết hiệu lực ngay; điện thoại đang dùng thẻ cũ sẽ được báo và ngắt kết nối.`,
    reissueConfirm: 'Đồng ý cấp lại',
    reissued: (name) => `${name} đã có thẻ mới; thẻ cũ không còn dùng được.`,
    printBadge: 'In thẻ này',
    frozenEdits: 'Đã bắt đầu biểu quyết: chỉ có thể thêm đại biểu, không sửa hay xóa.',
    late: 'bổ sung sau khi mở phiếu đang diễn ra',
    find: 'Tìm đại biểu',
    none: 'Không có đại biểu nào phù hợp.',
  },
  attendance: {
    bulkHeading: 'Điểm danh nhiều người cùng lúc',
    group: 'Nhóm',
    everyone: 'tất cả',
    markGroup: (group, n) => `Điểm danh có mặt ${n} ${a.unit} vắng của nhóm ${group}`,
    markEveryone: (n) => `Điểm danh có mặt tất cả ${n} ${a.unit} đang vắng`,
    markQuestion: (n) =>
      `Điểm danh có mặt ${n} ${a.unit} đang vắng? Đại biểu vắng có lý do vẫn giữ nguyên; người đã có mặt không thay đổi.`,
    markConfirm: 'Đồng ý điểm danh',
    marked: (n) => `Đã điểm danh có mặt ${n} ${a.unit}.`,
    nobodyAbsent: 'Không có ai vắng.',
    fixedWhileOpen: `Đang có vòng biểu quyết mở: điểm danh được giữ nguyên đến khi kết thúc (có mặt tính từ lúc mở). Chỉ có thể ghi nhận ${a.unit} đến muộn là có mặt.`,
    votedOnPaper: 'đã bỏ phiếu giấy',
  },
  voters: {
    heading: (n) => `Chưa bỏ phiếu: ${n}`,
    all: 'Mọi đại biểu có mặt đều đã bỏ phiếu.',
    secretNote: 'Chỉ biết ai đã bỏ phiếu, không bao giờ biết bỏ phiếu thế nào: phiếu kín chỉ cho thấy sự tham gia.',
    paper: 'Đã bỏ phiếu giấy',
    paperQuestion: (name) =>
      `Ghi nhận ${name} đã nộp phiếu giấy? Sau đó đại biểu này không thể bỏ phiếu bằng điện thoại trong vòng này.`,
    paperConfirm: 'Đồng ý ghi nhận',
    paperVoters: (n) => `${n} ${a.unit} đã bỏ phiếu giấy.`,
    late: (names) => `Bổ sung sau khi vòng này mở, không bỏ phiếu trong vòng này: ${names}.`,
    find: 'Tìm theo tên',
  },
  paper: {
    heading: 'Phiếu giấy: kết quả của Ban kiểm phiếu',
    hint: (voters) =>
      `${voters} ${a.unit} được ghi nhận đã bỏ phiếu giấy. Nhập kết quả Ban kiểm phiếu đã kiểm; kết quả sẽ được kiểm lại cùng số này.`,
    returned: 'Số phiếu giấy thu về',
    subject: 'Đối tượng',
    empty: 'Không đánh dấu (để trống)',
    invalid: 'Phiếu giấy không hợp lệ',
    reason: 'Lý do',
    count: 'Số phiếu',
    addInvalid: 'Thêm lý do',
    removeInvalid: 'Bỏ dòng này',
    save: 'Lưu kết quả phiếu giấy',
    saved: 'Đã lưu kết quả phiếu giấy.',
    recorded: (returned) => `Đã ghi: thu về ${returned} phiếu giấy.`,
    notANumber: (field) => `"${field}" phải là số nguyên, từ 0 trở lên.`,
    noReason: 'Mỗi số phiếu không hợp lệ cần có lý do.',
    refused: 'Chưa lưu được kết quả phiếu giấy:',
    notWeighted: `Nội dung này không nhận phiếu giấy: tính theo quyền biểu quyết, mà kết quả phiếu giấy chỉ đếm số phiếu. Người không có điện thoại ủy quyền cho một ${a.unit} có mặt để biểu quyết thay.`,
  },
  projector: {
    heading: 'Màn hình chiếu',
    modes: { live: 'Trực tiếp', blank: 'Màn hình trống', slide: 'Trang tiêu đề' },
    slideText: 'Dòng chữ dưới tiêu đề (không bắt buộc)',
    showSlide: 'Hiện trang tiêu đề',
    result: 'Kết quả trên màn hình chiếu',
    resultShown: 'hiện khi đã công bố',
    resultHidden: 'đang ẩn',
    show: 'Hiện kết quả',
    hide: 'Ẩn kết quả',
  },
  revote: {
    question: (round) => `Chuẩn bị vòng ${round}? Vòng này chỉ mở khi ${a.chair} mở; vòng trước vẫn được lưu.`,
    confirm: (round) => `Đồng ý chuẩn bị vòng ${round}`,
    drafted: (round) => `Vòng ${round} đã được chuẩn bị, chưa mở. Mọi người bỏ phiếu lại khi ${a.chair} mở.`,
    open: (round) => `Mở biểu quyết vòng ${round}`,
    drop: 'Bỏ vòng mới',
    dropQuestion: (round) => `Bỏ vòng ${round} khi chưa mở? Vòng trước giữ nguyên.`,
    dropConfirm: 'Đồng ý bỏ',
  },
  publish: {
    onProjector: 'Đồng thời hiện ngay lên màn hình chiếu',
  },
});

export const consoleText = addressed(en, vi);
