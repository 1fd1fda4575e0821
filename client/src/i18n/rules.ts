// What a rule set says, in words, for every view that names rules: the chair's panels, the ballot
// builder, the projector and the minutes. Preset names are here because RuleSet.name is English
// data; the Vietnamese view says them in Vietnamese.
import type { CapDenominator, Fraction } from '@hallvote/shared';
import { englishDate } from './english-date';
import { bilingual } from './index';

const isHalf = (f: Fraction) => f.num * 2 === f.den;

/** yyyy-mm-dd as [day, month, year] numbers. */
const parts = (iso: string) => iso.split('-').map(Number) as [number, number, number];
const fraction = (f: Fraction, half: string) => (isHalf(f) ? half : `${f.num}/${f.den}`);

/** Preset names by `id@version`, or by id for every version. */
type PresetNames = Readonly<Record<string, string>>;

const en = {
  presets: {
    'vn-party-classification@1': 'Party organisation classification (Regulation 124-QĐ/TW)',
    'vn-party-classification': 'Party organisation classification (Regulation 366-QĐ/TW)',
    'vn-confidence-2023': 'Confidence vote (Resolution 96/2023/QH15)',
    'vn-confidence-2014': 'Confidence vote (Resolution 85/2014/QH13)',
    'vn-no-confidence-2023': 'Vote of no confidence (Resolution 96/2023/QH15)',
    'vn-no-confidence-2014': 'Vote of no confidence (Resolution 85/2014/QH13)',
    'vn-party-election': 'Party election (Decision 190-QĐ/TW)',
    'national-assembly': 'National Assembly motion (more than half of all members)',
    'simple-majority': 'Simple majority of votes cast',
    'two-thirds': 'Two-thirds majority',
    election: 'Election (more than half of valid ballots)',
    'agm-ordinary': 'General meeting: ordinary resolution (more than half of the votes cast, by shares)',
    'agm-special': 'General meeting: special resolution (at least 3/4 of the votes cast, by shares)',
    association: 'Association (one member, one vote; at most 2 proxies each)',
    'double-majority': 'Double majority (more than half of the members voting and of their weight)',
  } satisfies PresetNames as PresetNames,
  version: (n: number) => `version ${n}`,
  /** The date of a legal text: "23 June 2023". */
  date: (iso: string) => {
    const [y, m, d] = parts(iso);
    return englishDate(y, m, d);
  },
  /** "more than half of ballots returned", "at least 2/3 of all members" */
  threshold: (strict: boolean, f: Fraction, base: string) =>
    `${strict ? 'more than' : 'at least'} ${fraction(f, 'half')} of ${base}`,
  alsoOf: (bases: string) => `also of ${bases}`,
  turnoutOf: (base: string) => `Turnout: ballots returned as a share of ${base}.`,
  turnout: (returned: number, percent: string, base: string, value: number) =>
    `${returned} ballots returned: ${percent} of ${base} (${value})`,
  blankBallot: (valid: boolean): string =>
    valid
      ? 'An election ballot that keeps no name (or marks neither box for a single nominee) is a valid blank ballot.'
      : 'An election ballot that keeps no name (or marks neither box for a single nominee) is invalid.',
  capDenominator: { reference: '', 'reference-and-above': ' and above' } satisfies Record<
    CapDenominator,
    string
  > as Readonly<Record<CapDenominator, string>>,
  scores: (levels: string) => `Levels by score (out of 100): ${levels}.`,
  scoreLevel: (level: string, min: number) => `${level} from ${min}`,
  approval: 'Each nominee on their own: ',
  noBand: '—',
  proposal: {
    proposed: (level: string) => `proposed: ${level}`,
    score: (score: string) => `score ${score}`,
    adopted: (level: string) => `adopted: ${level}`,
    noneAdopted: 'no level adopted',
    differs: 'differs from the proposal',
    scoreAllows: (level: string) => `the score allows ${level} at most`,
    scoreDisallows: (level: string) => `the score does NOT allow it (at most ${level})`,
    condition: (text: string) => `also required: ${text}`,
  },
};

const vi: typeof en = {
  presets: {
    'vn-party-classification@1': 'Đánh giá, xếp loại tổ chức đảng (Quy định 124-QĐ/TW)',
    'vn-party-classification': 'Đánh giá, xếp loại tổ chức đảng (Quy định 366-QĐ/TW)',
    'vn-confidence-2023': 'Lấy phiếu tín nhiệm (Nghị quyết 96/2023/QH15)',
    'vn-confidence-2014': 'Lấy phiếu tín nhiệm (Nghị quyết 85/2014/QH13)',
    'vn-no-confidence-2023': 'Bỏ phiếu tín nhiệm (Nghị quyết 96/2023/QH15)',
    'vn-no-confidence-2014': 'Bỏ phiếu tín nhiệm (Nghị quyết 85/2014/QH13)',
    'vn-party-election': 'Bầu cử trong Đảng (Quyết định 190-QĐ/TW)',
    'national-assembly': 'Biểu quyết kiểu Quốc hội (quá nửa tổng số đại biểu)',
    'simple-majority': 'Đa số đơn giản (quá nửa số phiếu hợp lệ)',
    'two-thirds': 'Đa số hai phần ba',
    election: 'Bầu cử (quá nửa số phiếu hợp lệ)',
    'agm-ordinary': 'Đại hội cổ đông: nghị quyết thường (quá nửa số phiếu biểu quyết, theo cổ phần)',
    'agm-special': 'Đại hội cổ đông: nghị quyết đặc biệt (từ 3/4 số phiếu biểu quyết trở lên, theo cổ phần)',
    association: 'Hội (mỗi hội viên một phiếu; mỗi người nhận ủy quyền tối đa 2)',
    'double-majority': 'Đa số kép (quá nửa số thành viên biểu quyết và quá nửa quyền biểu quyết của họ)',
  },
  version: (n) => `phiên bản ${n}`,
  date: (iso) => {
    const [y, m, d] = parts(iso);
    return `${d}/${m}/${y}`;
  },
  threshold: (strict, f, base) =>
    strict
      ? `${isHalf(f) ? 'quá nửa' : `trên ${f.num}/${f.den}`} ${base}`
      : `từ ${fraction(f, 'một nửa')} ${base} trở lên`,
  alsoOf: (bases) => `và so với ${bases}`,
  turnoutOf: (base) => `Tỷ lệ tham gia: số phiếu thu về so với ${base}.`,
  turnout: (returned, percent, base, value) => `${returned} phiếu thu về, bằng ${percent} ${base} (${value})`,
  blankBallot: (valid) =>
    valid
      ? 'Phiếu bầu không giữ lại tên nào (hoặc phiếu một người không đánh dấu ô nào) là phiếu trắng hợp lệ.'
      : 'Phiếu bầu gạch tên tất cả (hoặc phiếu một người không đánh dấu ô nào) là phiếu không hợp lệ.',
  capDenominator: { reference: '', 'reference-and-above': ' trở lên' },
  scores: (levels) => `Xếp loại theo thang điểm 100: ${levels}.`,
  scoreLevel: (level, min) => `${level} từ ${min} điểm`,
  approval: 'Từng người một: ',
  noBand: '—',
  proposal: {
    proposed: (level) => `đề xuất: ${level}`,
    score: (score) => `${score} điểm`,
    adopted: (level) => `kết quả: ${level}`,
    noneAdopted: 'không có mức nào được thông qua',
    differs: 'khác mức đề xuất',
    scoreAllows: (level) => `số điểm cho phép tối đa mức ${level}`,
    scoreDisallows: (level) => `số điểm KHÔNG cho phép mức này (tối đa ${level})`,
    condition: (text) => `điều kiện kèm theo: ${text}`,
  },
};

export const rulesText = bilingual(en, vi);

/** A preset's name in the viewer's language; the rule set's own (English) name if it has none here. */
export function presetName(
  t: (typeof rulesText)['en'],
  rules: { readonly id: string; readonly version: number; readonly name?: string },
): string {
  return t.presets[`${rules.id}@${rules.version}`] ?? t.presets[rules.id] ?? rules.name ?? rules.id;
}
