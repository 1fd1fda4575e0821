import type { RuleSet } from '../tally/types';
import { CLASSIFICATION_LEVELS } from './options';
import { HD_43, QD_124, QD_366, article, basis } from './sources';

/**
 * A provincial party committee classifying itself and its sub-units under QĐ 124-QĐ/TW: quorum
 * two thirds, a level needs more than half of the eligible members (absentees stay in the base),
 * no level carried → cumulate downward, and "excellent" should not exceed 20 % of "good" per
 * group. Kept unchanged so that results decided under it still say what decided them.
 */
export const VN_PARTY_CLASSIFICATION_V1 = {
  id: 'vn-party-classification',
  version: 1,
  name: 'Party organisation classification (Vietnam)',
  quorum: { num: 2, den: 3 },
  majority: { fraction: { num: 1, den: 2 }, strict: true, base: 'eligible' },
  percentBase: 'eligible',
  noDecision: 'cumulate-down',
  caps: [{ top: 'excellent', reference: 'good', rate: { num: 1, den: 5 } }],
  batchStrict: false,
  sources: [QD_124],
} as const satisfies RuleSet;

/**
 * The same vote under QĐ 366-QĐ/TW (30-8-2025) with HD 43-HD/BTCTW, which replaced QĐ 124.
 *
 * What is new: levels follow a 100-point score (Art. 11), and the vote mostly approves a level
 * proposed from that score, so each subject can carry its proposal and score and the result says
 * whether the vote kept the proposal and whether the score allows the level adopted.
 *
 * What is carried over unchanged, because the Party text of HD 43 on it was not found: the
 * quorum, the majority and its base, cumulating down, and the cap. The cap stays "excellent ≤
 * 20 % of good alone, per group": the Government's NĐ 335/2025/NĐ-CP keeps exactly that for
 * civil servants per agency and per similar-task group, and HD 21 (2019) applied it per grassroots
 * Party organisation. Those parts therefore carry no legal basis of their own. A province that
 * counts "good and above" sets the cap's denominator to 'reference-and-above'.
 */
export const VN_PARTY_CLASSIFICATION_V2 = {
  ...VN_PARTY_CLASSIFICATION_V1,
  version: 2,
  name: 'Party organisation classification (Vietnam, QĐ 366)',
  caps: [{ top: 'excellent', reference: 'good', rate: { num: 1, den: 5 }, denominator: 'reference' }],
  levelScores: {
    levels: [
      {
        level: 'excellent',
        min: 90,
        condition: {
          vi: '100 % nhiệm vụ hoàn thành, ít nhất 30 % vượt yêu cầu; không có đơn vị hoặc thành viên bị kỷ luật',
          en: '100 % of tasks done, at least 30 % exceeded; no subordinate unit or member disciplined',
        },
      },
      {
        level: 'good',
        min: 70,
        condition: { vi: '100 % nhiệm vụ hoàn thành đúng hạn', en: '100 % of tasks done on time' },
      },
      {
        level: 'completed',
        min: 50,
        condition: {
          vi: 'tập thể: không quá 20 % nhiệm vụ chậm tiến độ',
          en: 'collectives: no more than 20 % of tasks late',
        },
      },
      { level: 'not-completed', min: 0 },
    ],
    basis: basis(QD_366, article(11), 'xếp loại theo thang điểm 100', 'levels by a 100-point score'),
  },
  blankElectionBallot: 'invalid',
  sources: [QD_366, HD_43],
  template: { kind: 'batch', options: CLASSIFICATION_LEVELS, secret: true },
} as const satisfies RuleSet;
