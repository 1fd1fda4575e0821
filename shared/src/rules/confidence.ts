import type { RuleSet } from '../tally/types';
import { CONFIDENCE_LEVELS, NO_CONFIDENCE_OPTIONS } from './options';
import { NQ_85_2014, NQ_96_2023, article, basis } from './sources';

// Confidence votes of the National Assembly and the People's Councils. Two votes, each with its
// own preset: the rating (lấy phiếu tín nhiệm: high confidence / confidence / low confidence),
// which decides nothing by majority and names the band each official falls in, and the vote of
// no confidence (bỏ phiếu tín nhiệm) that the rating's band can call for.
//
// Quorum: two thirds present, as for the other Vietnamese presets; no text for it was checked
// (the Party's QĐ 96-QĐ/TW requires two thirds for its own confidence votes), so it has no basis.
// `majority` is unused under the 'bands' decision; it repeats the first band so that any "votes
// needed" a view shows is that band's edge.

const VOTE_2023 = basis(
  NQ_96_2023,
  null,
  'quá nửa tổng số phiếu đánh giá "không tín nhiệm": trình miễn nhiệm',
  'more than half of the ballots "no confidence": dismissal is proposed',
);

/**
 * The vote of no confidence under NQ 96/2023/QH15. Base: the ballots returned ("tổng số phiếu"),
 * the base the same resolution uses for the rating (Art. 19), and the wording the Government's
 * summary of it gives for this vote: "có quá nửa tổng số phiếu đánh giá không tín nhiệm"
 * (xaydungchinhsach.chinhphu.vn, 4-7-2023). The older Law on the Organisation of the National
 * Assembly (2014, Art. 13) and NQ 85/2014 said "more than half of all deputies" instead; that is
 * `vn-no-confidence-2014`. With every member voting the two agree.
 */
export const VN_NO_CONFIDENCE_2023 = {
  id: 'vn-no-confidence-2023',
  version: 1,
  name: 'Vote of no confidence (NQ 96/2023)',
  quorum: { num: 2, den: 3 },
  majority: { fraction: { num: 1, den: 2 }, strict: true, base: 'returned' },
  percentBase: 'returned',
  noDecision: 'refer',
  caps: [],
  batchStrict: false,
  decision: 'bands',
  bands: [
    {
      optionId: 'no-confidence',
      bands: [
        {
          id: 'dismissal',
          fraction: { num: 1, den: 2 },
          strict: true,
          base: 'returned',
          consequence: {
            vi: 'Cơ quan hoặc người đã giới thiệu trình miễn nhiệm',
            en: 'The nominating body proposes dismissal',
          },
          basis: VOTE_2023,
        },
      ],
    },
  ],
  blankElectionBallot: 'invalid',
  sources: [NQ_96_2023],
  basis: {
    majority: VOTE_2023,
    percentages: basis(NQ_96_2023, null, 'tỷ lệ trên tổng số phiếu', 'shares of the ballots returned'),
  },
  template: { kind: 'batch', options: NO_CONFIDENCE_OPTIONS, secret: true },
} as const satisfies RuleSet;

const RATING_2023 = basis(NQ_96_2023, article(19), 'tỷ lệ trên tổng số phiếu', 'shares of the ballots returned');

/**
 * The rating under NQ 96/2023/QH15, Art. 19: shares of the ballots returned. More than half and
 * less than two thirds "low confidence": the official may resign, otherwise the standing body
 * holds a vote of no confidence at that session or the next. Two thirds or more: the nominating
 * body proposes dismissal.
 */
export const VN_CONFIDENCE_2023 = {
  id: 'vn-confidence-2023',
  version: 1,
  name: 'Confidence vote (NQ 96/2023)',
  quorum: { num: 2, den: 3 },
  majority: { fraction: { num: 1, den: 2 }, strict: true, base: 'returned' },
  percentBase: 'returned',
  noDecision: 'refer',
  caps: [],
  batchStrict: false,
  decision: 'bands',
  bands: [
    {
      optionId: 'low-confidence',
      bands: [
        {
          id: 'may-resign',
          fraction: { num: 1, den: 2 },
          strict: true,
          base: 'returned',
          consequence: {
            vi: 'Có thể xin từ chức; nếu không, bỏ phiếu tín nhiệm tại kỳ họp đó hoặc kỳ họp gần nhất',
            en: 'May resign; otherwise a vote of no confidence at this session or the next',
          },
          basis: basis(NQ_96_2023, article(19), 'quá nửa đến dưới 2/3 tổng số phiếu', 'more than 1/2, less than 2/3'),
          followUp: { id: VN_NO_CONFIDENCE_2023.id, version: VN_NO_CONFIDENCE_2023.version },
        },
        {
          id: 'dismissal',
          fraction: { num: 2, den: 3 },
          strict: false,
          base: 'returned',
          consequence: {
            vi: 'Cơ quan hoặc người đã giới thiệu trình miễn nhiệm',
            en: 'The nominating body proposes dismissal',
          },
          basis: basis(NQ_96_2023, article(19), 'từ 2/3 tổng số phiếu trở lên', '2/3 or more'),
        },
      ],
    },
  ],
  blankElectionBallot: 'invalid',
  sources: [NQ_96_2023],
  basis: { percentages: RATING_2023 },
  template: { kind: 'batch', options: CONFIDENCE_LEVELS, secret: true },
} as const satisfies RuleSet;

const ALL_DEPUTIES_2014 = basis(NQ_85_2014, article(17, 1), 'tỷ lệ so với tổng số đại biểu', 'shares of all deputies');

/**
 * The vote of no confidence under NQ 85/2014/QH13 and the Law on the Organisation of the National
 * Assembly (2014, Art. 13): more than half of ALL deputies "no confidence" — the official may
 * resign, otherwise dismissal is proposed. "All members" is `eligible`: record no excused
 * absences where every member counts whatever the excuse.
 */
export const VN_NO_CONFIDENCE_2014 = {
  ...VN_NO_CONFIDENCE_2023,
  id: 'vn-no-confidence-2014',
  name: 'Vote of no confidence (NQ 85/2014)',
  majority: { fraction: { num: 1, den: 2 }, strict: true, base: 'eligible' },
  percentBase: 'eligible',
  bands: [
    {
      optionId: 'no-confidence',
      bands: [
        {
          id: 'dismissal',
          fraction: { num: 1, den: 2 },
          strict: true,
          base: 'eligible',
          consequence: {
            vi: 'Có thể xin từ chức; nếu không, cơ quan hoặc người đã giới thiệu trình miễn nhiệm',
            en: 'May resign; otherwise the nominating body proposes dismissal',
          },
          basis: basis(NQ_85_2014, null, 'quá nửa tổng số đại biểu', 'more than half of all deputies'),
        },
      ],
    },
  ],
  sources: [NQ_85_2014],
  basis: { percentages: ALL_DEPUTIES_2014 },
} as const satisfies RuleSet;

/**
 * The rating under NQ 85/2014/QH13, whose results gave shares of ALL deputies (Art. 17.1), as in
 * 2014 and 2018. Its bands differ from 2023's: more than half "low confidence" → the official
 * may resign; two thirds or more → the standing body submits a vote of no confidence.
 */
export const VN_CONFIDENCE_2014 = {
  ...VN_CONFIDENCE_2023,
  id: 'vn-confidence-2014',
  name: 'Confidence vote (NQ 85/2014)',
  majority: { fraction: { num: 1, den: 2 }, strict: true, base: 'eligible' },
  percentBase: 'eligible',
  bands: [
    {
      optionId: 'low-confidence',
      bands: [
        {
          id: 'may-resign',
          fraction: { num: 1, den: 2 },
          strict: true,
          base: 'eligible',
          consequence: { vi: 'Có thể xin từ chức', en: 'May resign' },
          basis: basis(NQ_85_2014, null, 'quá nửa tổng số đại biểu', 'more than half of all deputies'),
        },
        {
          id: 'no-confidence-vote',
          fraction: { num: 2, den: 3 },
          strict: false,
          base: 'eligible',
          consequence: {
            vi: 'Ủy ban thường vụ Quốc hội, Thường trực HĐND trình bỏ phiếu tín nhiệm',
            en: 'The standing body submits a vote of no confidence',
          },
          basis: basis(NQ_85_2014, null, 'từ 2/3 tổng số đại biểu trở lên', 'two thirds of all deputies or more'),
          followUp: { id: VN_NO_CONFIDENCE_2014.id, version: VN_NO_CONFIDENCE_2014.version },
        },
      ],
    },
  ],
  sources: [NQ_85_2014],
  basis: { percentages: ALL_DEPUTIES_2014 },
} as const satisfies RuleSet;
