import type { RuleSet } from '../tally/types';
import { QD_190, article, basis } from './sources';

/**
 * Elections inside the Party under QĐ 190-QĐ/TW (Quy chế bầu cử trong Đảng, 10-10-2024).
 *
 * - A list with more candidates than seats is an `election` ballot: a voter keeps up to k names
 *   and crosses out the rest; keeping more than k, or none at all, voids the ballot (Art. 15).
 * - A list with no surplus is a per-candidate "đồng ý / không đồng ý" ballot (kind `batch`, or
 *   `motion` for one nominee) decided by 'approval': each nominee on their own. A row with both
 *   boxes or neither gives that nominee no vote and the ballot stays valid (Art. 30); for a single
 *   nominee that row is the whole ballot, which is then void.
 * - Results are computed on the valid ballots, and a candidate needs more than half of the
 *   members convened, less those the rules let off — the eligible base (Art. 30).
 *
 * Quorum (two thirds) has no basis checked here.
 */
export const VN_PARTY_ELECTION = {
  id: 'vn-party-election',
  version: 1,
  name: 'Party election (Vietnam, QĐ 190)',
  quorum: { num: 2, den: 3 },
  majority: { fraction: { num: 1, den: 2 }, strict: true, base: 'eligible' },
  percentBase: 'valid',
  extraPercentBases: ['eligible'],
  noDecision: 'revote',
  caps: [],
  batchStrict: false,
  decision: 'approval',
  blankElectionBallot: 'invalid',
  sources: [QD_190],
  basis: {
    majority: basis(
      QD_190,
      article(30),
      'quá một nửa so với tổng số đảng viên (đại biểu) được triệu tập',
      'more than half of the members (delegates) convened',
    ),
    percentages: basis(QD_190, article(30), 'tính trên số phiếu bầu hợp lệ', 'computed on the valid ballots'),
    blankBallot: basis(
      QD_190,
      article(15),
      'phiếu gạch tên tất cả là không hợp lệ',
      'a ballot crossing out every name is invalid',
    ),
  },
  template: { kind: 'election', options: [], secret: true },
} as const satisfies RuleSet;
