// The counting minutes (biên bản kiểm phiếu): a document to print, sign and file. Every number
// is said with what it counts and, for percentages and majorities, the base it is measured on.
import type { BallotState, Fraction, InvariantName } from '@hallvote/shared';
import { englishDate } from './english-date';
import { addressed, type Address } from './index';

const isHalf = (f: Fraction) => f.num * 2 === f.den;

const en = {
  title: 'Counting minutes',
  document: {
    label: 'Document header',
    /** The place-and-date line: "Bắc Ninh, 26 November 2026". */
    placeDate: (place: string, day: string, month: string, year: string) =>
      `${place}, ${englishDate(Number(year), Number(month), Number(day))}`,
    blank: '……………………',
  },
  documentTitle: (ballot: string, round: number) => `Counting minutes — ${ballot} — round ${round}`,
  toolbar: {
    label: 'Minutes actions',
    print: 'Print / save as PDF',
    csv: 'Download CSV',
    json: 'Download JSON',
    console: '← Chair console',
  },
  loading: 'Loading the minutes…',
  notClosed: 'Voting in this round is still open: the minutes are drawn up once it is closed.',
  cancelled:
    'This round was cancelled by the chair: its ballots were destroyed unseen, never counted, and it has no outcome.',
  header: {
    meeting: 'Meeting',
    ballot: 'Ballot',
    round: 'Round',
    form: 'Form of voting',
    status: 'Status',
    states: {
      draft: 'Draft',
      open: 'Voting open',
      closed: 'Closed, not yet published',
      published: 'Published',
      cancelled: 'Cancelled',
    } satisfies Record<BallotState, string> as Readonly<Record<BallotState, string>>,
  },
  rules: {
    heading: 'Rules applied',
    ruleSet: 'Rule set',
    preset: (name: string, id: string, version: number) => `${name} (${id}, version ${version})`,
    sources: 'Legal sources',
    source: (document: string, date: string) => `${document} of ${date}`,
    quorum: (f: Fraction, strict: boolean) =>
      `Quorum: present × ${f.den} ${strict ? '>' : '≥'} eligible × ${f.num} (${strict ? 'more than ' : ''}${f.num}/${f.den} of the eligible base).`,
    majority: (strict: boolean, f: Fraction, base: string) =>
      `An option carries with ${strict ? 'more than' : 'at least'} ${isHalf(f) ? 'half' : `${f.num}/${f.den}`} of ${base}.`,
    percentages: (base: string) => `Percentages are of ${base}, two decimals, rounded half up`,
    bands: (option: string) =>
      `No option is adopted by majority; the share of "${option}" puts each subject in a band:`,
    band: (threshold: string, consequence: string) => `${threshold}: ${consequence}`,
    noDecision: {
      revote: 'If no option carries: a new round.',
      refer: 'If no option carries: referred to the higher body.',
      'cumulate-down':
        "If no level carries: each higher level's votes are added to the next lower level until one carries.",
    },
    cap: (top: string, rate: string, reference: string, above: string) =>
      `Cap: "${top}" at most ${rate} of "${reference}"${above} per group; a breach is a warning, never a change of result.`,
    batchStrict: 'Strict batch: a spoilt row voids the whole ballot.',
  },
  times: {
    heading: 'Times',
    opened: 'Voting opened',
    closed: 'Voting closed',
    published: 'Result published',
    none: '—',
  },
  attendance: {
    heading: 'Attendance and quorum',
    roster: 'Members convened (roster)',
    excused: 'Absent with an excuse (leave the base)',
    absent: 'Absent without an excuse',
    present: 'Present when voting closed',
    eligible: 'Eligible base (roster − excused absent)',
    paperVoters: 'Members who voted on paper',
    addedAfterOpening: 'Added to the roster after this round opened (not on its roster, not in its base)',
    quorate: (present: number, required: number, f: Fraction, eligible: number) =>
      `Quorate: ${present} present, at least ${required} needed (${f.num}/${f.den} of ${eligible}).`,
    notQuorate: (present: number, required: number, f: Fraction, eligible: number) =>
      `NOT quorate: ${present} present, ${required} needed (${f.num}/${f.den} of ${eligible}). There is no outcome.`,
  },
  ballots: {
    heading: 'Ballots',
    headingElection: 'Ballots',
    issued: 'Ballots issued',
    returned: 'Ballots returned',
    valid: 'Valid ballots',
    invalid: 'Invalid ballots',
    online: 'Online',
    paper: 'Paper',
    total: 'Total',
    reasons: 'Invalid ballots by reason',
    noInvalid: 'No ballot was invalid.',
    engineReasons: {
      'over-marked': 'more candidates marked than seats',
      'unknown-option': 'a mark for an option not on the ballot',
      'duplicate-mark': 'the same candidate marked twice',
      'spoilt-row': 'a row with several marks (strict batch)',
      'blank-row': 'a row left without a mark (strict batch)',
    } as Readonly<Record<string, string>>,
  },
  results: {
    heading: 'Results',
    option: 'Option',
    subject: 'Subject',
    carries: 'Carries',
    outcome: 'Outcome',
    percentOf: (base: string, value: number) => `% of ${base} (${value})`,
    percentCaption: (base: string, value: number) => `Percentages are of ${base}: ${value}.`,
    empty: (n: number) => `Rows with no vote on this subject (empty or spoilt): ${n}.`,
    emptyColumn: 'No vote',
    needed: (strict: boolean, f: Fraction, base: string, value: number, needed: number) =>
      `To carry: ${strict ? 'more than' : 'at least'} ${isHalf(f) ? 'half' : `${f.num}/${f.den}`} of ${base} (${value}), that is at least ${needed} votes.`,
    batchLegend: 'Each cell: votes, then the percentage.',
    batchPaperLegend: 'Where paper ballots count in a cell: online + paper below.',
    onlinePlusPaper: (online: number, paper: number) => `${online} + ${paper} paper`,
    neededShort: (n: number, base: number) => `needs ${n} of ${base}`,
    yes: '✓',
    band: (option: string, votes: number, percent: string, base: string, value: number, consequence: string | null) =>
      `"${option}": ${votes} votes, ${percent} of ${base} (${value}): ${consequence ?? 'no band reached, no consequence follows'}.`,
    bandLegend: (option: string, base: string) =>
      `Each subject's band follows from the share of "${option}" of ${base}; see the rules applied above.`,
    bandColumn: 'Band and consequence',
    proposals: 'Proposed levels and scores',
    proposalsKept: 'Every subject ended on its proposed level, and every score allows the level adopted.',
    proposalsFlagged: (n: number) =>
      n === 1
        ? '1 subject departs from its proposal or its score (marked ⚠).'
        : `${n} subjects depart from their proposal or their score (marked ⚠).`,
  },
  checks: {
    heading: 'Checks',
    holds: '✓ holds',
    fails: '✗ FAILS',
    names: {
      'issued>=returned': 'Ballots issued ≥ ballots returned',
      'returned=valid+invalid': 'Returned = valid + invalid',
      'subject-counts+empty=valid': 'For each subject: votes + rows with no vote = valid ballots',
      'returned<=present': 'Ballots returned ≤ members present',
      'paper-returned<=paper-voters': 'Paper ballots returned ≤ members who handed in a paper ballot',
    } satisfies Record<InvariantName, string> as Readonly<Record<InvariantName, string>>,
    electionSubjects: 'For each subject: the votes fit the valid ballots and the number of seats',
  },
  warnings: {
    heading: 'Warnings and acknowledgement',
    none: 'No warnings.',
    acknowledged: 'Acknowledged by the chair',
    reason: 'Reason given',
    at: 'At',
    missing: 'Not yet acknowledged: the chair must acknowledge these warnings in writing before publishing.',
  },
  seal: {
    heading: 'Seal',
    label:
      'SHA-256 over everything this result rests on: the ballot records, named votes, paper totals, the attendance, the rule set and the counts',
    help: 'The seal is a fingerprint of this result: change any ballot, count or name it rests on, and the fingerprint changes. Anyone given the meeting’s export file can compute it again with the published free software and compare it with the one printed here; the audit log codes show that no record was changed or removed after the result was published.',
  },
  signatures: {
    heading: 'Signatures',
    committee: 'The counting committee',
    head: 'Head',
    member: 'Member',
    chair: 'Chair of the meeting',
    name: 'Full name',
    signature: 'Signature',
  },
  annex: {
    heading: 'Annex: receipt codes counted',
    help: (n: number) =>
      `${n} receipt codes of the ballots cast online and counted, sorted. They are never paired with a choice: each member finds their own code here.`,
  },
  drawnUp: (time: string) => `Drawn up from the server's records at ${time}.`,
};

const vi = (a: Address): typeof en => ({
  title: 'Biên bản kiểm phiếu',
  document: {
    label: 'Tiêu đề văn bản',
    // NĐ 30/2020/NĐ-CP (Phụ lục I) and HD 36-HD/VPTW: a day below 10 and the months 1 and 2 take a
    // leading zero ("ngày 05 tháng 02"), so a date cannot be altered by a stroke in front of it.
    placeDate: (place, day, month, year) =>
      `${place}, ngày ${Number(day) < 10 ? `0${Number(day)}` : Number(day)} tháng ${Number(month) <= 2 ? `0${Number(month)}` : Number(month)} năm ${year}`,
    blank: '……………………',
  },
  documentTitle: (ballot, round) => `Biên bản kiểm phiếu — ${ballot} — vòng ${round}`,
  toolbar: {
    label: 'Thao tác với biên bản',
    print: 'In / Lưu PDF',
    csv: 'Tải CSV',
    json: 'Tải JSON',
    console: '← Bàn điều hành',
  },
  loading: 'Đang tải biên bản…',
  notClosed: 'Vòng bỏ phiếu này chưa kết thúc: biên bản được lập sau khi kết thúc bỏ phiếu.',
  cancelled: `${a.Chair} đã hủy vòng bỏ phiếu này: các phiếu bị hủy mà không ai xem, không được kiểm và không có kết quả.`,
  header: {
    meeting: 'Hội nghị',
    ballot: 'Nội dung bỏ phiếu',
    round: 'Vòng',
    form: 'Hình thức',
    status: 'Trạng thái',
    states: {
      draft: 'Nháp',
      open: 'Đang bỏ phiếu',
      closed: 'Đã kết thúc, chưa công bố',
      published: 'Đã công bố',
      cancelled: 'Đã hủy',
    },
  },
  rules: {
    heading: 'Quy định áp dụng',
    ruleSet: 'Bộ quy định',
    preset: (name, id, version) => `${name} (${id}, phiên bản ${version})`,
    sources: 'Căn cứ',
    source: (document, date) => `${document} ngày ${date}`,
    quorum: (f, strict) =>
      `Điều kiện tiến hành: số có mặt × ${f.den} ${strict ? '>' : '≥'} số được tính × ${f.num} (${strict ? 'trên ' : ''}${f.num}/${f.den} số đại biểu được tính).`,
    majority: (strict, f, base) =>
      strict
        ? `Một phương án được thông qua khi đạt ${isHalf(f) ? 'quá nửa' : `trên ${f.num}/${f.den}`} ${base}.`
        : `Một phương án được thông qua khi đạt từ ${isHalf(f) ? 'một nửa' : `${f.num}/${f.den}`} ${base} trở lên.`,
    percentages: (base) => `Tỷ lệ phần trăm tính trên ${base}, lấy hai chữ số thập phân, làm tròn nửa lên`,
    bands: (option) =>
      `Không phương án nào được thông qua theo đa số; tỷ lệ "${option}" xác định ngưỡng của từng đối tượng:`,
    band: (threshold, consequence) => `${threshold}: ${consequence}`,
    noDecision: {
      revote: 'Nếu không phương án nào đạt: bỏ phiếu lại.',
      refer: 'Nếu không phương án nào đạt: chuyển cấp trên xem xét.',
      'cumulate-down':
        'Nếu không mức nào đạt: cộng số phiếu của mức cao hơn vào mức thấp kế tiếp cho đến khi có mức đạt.',
    },
    cap: (top, rate, reference, above) =>
      `Giới hạn: "${top}" không quá ${rate} số "${reference}"${above} trong mỗi nhóm; vượt là cảnh báo, không làm thay đổi kết quả.`,
    batchStrict: 'Chế độ nghiêm ngặt: một dòng đánh dấu sai làm cả phiếu không hợp lệ.',
  },
  times: {
    heading: 'Thời gian',
    opened: 'Mở biểu quyết',
    closed: 'Kết thúc bỏ phiếu',
    published: 'Công bố kết quả',
    none: '—',
  },
  attendance: {
    heading: `Số ${a.unit} và điều kiện tiến hành`,
    roster: `Tổng số ${a.unit} được triệu tập`,
    excused: `Số ${a.unit} vắng mặt có lý do (không tính vào số được tính)`,
    absent: `Số ${a.unit} vắng mặt không có lý do`,
    present: `Số ${a.unit} có mặt khi kết thúc biểu quyết`,
    eligible: `Số ${a.unit} được tính (được triệu tập − vắng mặt có lý do)`,
    paperVoters: `Số ${a.unit} bỏ phiếu giấy`,
    addedAfterOpening: `Số ${a.unit} bổ sung vào danh sách sau khi vòng này mở (không tính trong vòng này)`,
    quorate: (present, required, f, eligible) =>
      `Đủ điều kiện tiến hành: có mặt ${present}, cần ít nhất ${required} (${f.num}/${f.den} của ${eligible}).`,
    notQuorate: (present, required, f, eligible) =>
      `KHÔNG đủ điều kiện tiến hành: có mặt ${present}, cần ${required} (${f.num}/${f.den} của ${eligible}). Không có kết quả.`,
  },
  ballots: {
    heading: 'Phiếu biểu quyết',
    headingElection: 'Phiếu bầu',
    issued: 'Số phiếu phát ra',
    returned: 'Số phiếu thu về',
    valid: 'Số phiếu hợp lệ',
    invalid: 'Số phiếu không hợp lệ',
    online: 'Trực tuyến',
    paper: 'Phiếu giấy',
    total: 'Tổng cộng',
    reasons: 'Phiếu không hợp lệ theo lý do',
    noInvalid: 'Không có phiếu không hợp lệ.',
    engineReasons: {
      'over-marked': 'chọn quá số lượng cần bầu',
      'unknown-option': 'đánh dấu phương án không có trên phiếu',
      'duplicate-mark': 'đánh dấu trùng một ứng cử viên',
      'spoilt-row': 'một dòng đánh dấu nhiều mức (chế độ nghiêm ngặt)',
      'blank-row': 'một dòng bỏ trống (chế độ nghiêm ngặt)',
    },
  },
  results: {
    heading: 'Kết quả kiểm phiếu',
    option: 'Phương án',
    subject: 'Đối tượng',
    carries: 'Đạt',
    outcome: 'Kết quả',
    percentOf: (base, value) => `% so với ${base} (${value})`,
    percentCaption: (base, value) => `Tỷ lệ phần trăm tính trên ${base}: ${value}.`,
    empty: (n) => `Số dòng không có phiếu cho mục này (bỏ trống hoặc đánh dấu sai): ${n}.`,
    emptyColumn: 'Không phiếu',
    needed: (strict, f, base, value, needed) =>
      strict
        ? `Điều kiện thông qua: ${isHalf(f) ? 'quá nửa' : `trên ${f.num}/${f.den}`} ${base} (${value}), tức là ít nhất ${needed} phiếu.`
        : `Điều kiện thông qua: từ ${isHalf(f) ? 'một nửa' : `${f.num}/${f.den}`} ${base} (${value}) trở lên, tức là ít nhất ${needed} phiếu.`,
    batchLegend: 'Mỗi ô: số phiếu, rồi tỷ lệ phần trăm.',
    batchPaperLegend: 'Ô nào có phiếu giấy: trực tuyến + phiếu giấy ở dòng dưới.',
    onlinePlusPaper: (online, paper) => `${online} + ${paper} giấy`,
    neededShort: (n, base) => `cần ${n} / ${base}`,
    yes: '✓',
    band: (option, votes, percent, base, value, consequence) =>
      `"${option}": ${votes} phiếu, bằng ${percent} ${base} (${value}): ${consequence ?? 'không thuộc ngưỡng nào, không có hệ quả'}.`,
    bandLegend: (option, base) =>
      `Ngưỡng của từng đối tượng xác định theo tỷ lệ "${option}" so với ${base}; xem quy định áp dụng ở trên.`,
    bandColumn: 'Ngưỡng và hệ quả',
    proposals: 'Mức đề xuất và số điểm',
    proposalsKept: 'Mọi đối tượng đều đạt đúng mức đề xuất, và số điểm đều cho phép mức được thông qua.',
    proposalsFlagged: (n) => `${n} đối tượng khác mức đề xuất hoặc không phù hợp số điểm (đánh dấu ⚠).`,
  },
  checks: {
    heading: 'Kiểm tra tính khớp đúng',
    holds: '✓ đúng',
    fails: '✗ KHÔNG ĐÚNG',
    names: {
      'issued>=returned': 'Số phiếu phát ra ≥ số phiếu thu về',
      'returned=valid+invalid': 'Số phiếu thu về = hợp lệ + không hợp lệ',
      'subject-counts+empty=valid': 'Mỗi mục: số phiếu + số dòng không có phiếu = số phiếu hợp lệ',
      'returned<=present': 'Số phiếu thu về ≤ số đại biểu có mặt',
      'paper-returned<=paper-voters': 'Số phiếu giấy thu về ≤ số đại biểu đã nộp phiếu giấy',
    },
    electionSubjects: 'Mỗi mục: số phiếu phù hợp với số phiếu hợp lệ và số lượng cần bầu',
  },
  warnings: {
    heading: 'Cảnh báo và ý kiến xác nhận',
    none: 'Không có cảnh báo.',
    acknowledged: `${a.Chair} đã xác nhận`,
    reason: 'Lý do',
    at: 'Lúc',
    missing: `Chưa có ý kiến xác nhận: ${a.chair} phải xác nhận các cảnh báo bằng văn bản trước khi công bố.`,
  },
  seal: {
    heading: 'Niêm phong',
    label:
      'Mã SHA-256 của mọi căn cứ của kết quả này: các phiếu, phiếu ghi danh, số phiếu giấy, điểm danh, bộ quy tắc và các con số',
    help: 'Mã niêm phong là “dấu vân tay” của kết quả này: chỉ cần sửa một phiếu, một con số hay một tên mà kết quả dựa vào, mã sẽ khác đi. Bất kỳ ai được giao tệp xuất của hội nghị đều có thể dùng phần mềm nguồn mở đã công bố để tính lại mã và so với mã in ở đây; các mã nhật ký cho thấy không bản ghi nào bị sửa hay xóa sau khi công bố kết quả.',
  },
  signatures: {
    heading: 'Chữ ký',
    committee: 'Ban kiểm phiếu',
    head: 'Trưởng ban',
    member: 'Thành viên',
    chair: `${a.Chair} hội nghị`,
    name: 'Họ và tên',
    signature: 'Chữ ký',
  },
  annex: {
    heading: 'Phụ lục: danh sách mã biên nhận đã kiểm',
    help: (n) =>
      `${n} mã biên nhận của các phiếu bỏ trực tuyến đã được kiểm, xếp theo thứ tự. Mã không bao giờ đi kèm lựa chọn: mỗi đại biểu tự tìm mã của mình.`,
  },
  drawnUp: (time) => `Lập từ dữ liệu của máy chủ lúc ${time}.`,
});

export const minutesText = addressed(en, vi);
