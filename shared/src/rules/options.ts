import type { Localized, TallyOption } from '../tally/types';

/** The four classification levels, highest first: cumulating down walks them in this order. */
export const CLASSIFICATION_LEVELS = [
  { id: 'excellent', label: 'Excellent' },
  { id: 'good', label: 'Good' },
  { id: 'completed', label: 'Completed' },
  { id: 'not-completed', label: 'Not completed' },
] as const satisfies readonly TallyOption[];

/** A motion's options. "yes" comes first: a motion carries on its first non-abstain option. */
export const MOTION_OPTIONS = [
  { id: 'yes', label: 'Yes' },
  { id: 'no', label: 'No' },
  { id: 'not-voting', label: 'Not voting', abstain: true },
] as const satisfies readonly TallyOption[];

/** The three levels of a confidence vote (lấy phiếu tín nhiệm), highest first. */
export const CONFIDENCE_LEVELS = [
  { id: 'high-confidence', label: 'High confidence' },
  { id: 'confidence', label: 'Confidence' },
  { id: 'low-confidence', label: 'Low confidence' },
] as const satisfies readonly TallyOption[];

/** The two levels of a vote of no confidence (bỏ phiếu tín nhiệm), in the order of the ballot. */
export const NO_CONFIDENCE_OPTIONS = [
  { id: 'confidence', label: 'Confidence' },
  { id: 'no-confidence', label: 'No confidence' },
] as const satisfies readonly TallyOption[];

/**
 * Per-candidate approval ("đồng ý / không đồng ý"), one row per nominee. "agree" comes first:
 * under the 'approval' decision a nominee is elected on the first non-abstain option.
 */
export const APPROVAL_OPTIONS = [
  { id: 'agree', label: 'Agree' },
  { id: 'disagree', label: 'Disagree' },
] as const satisfies readonly TallyOption[];

/** {@link APPROVAL_OPTIONS} with "không biểu quyết", for bodies whose rule has it. */
export const APPROVAL_OPTIONS_NOT_VOTING = [
  ...APPROVAL_OPTIONS,
  { id: 'not-voting', label: 'Not voting', abstain: true },
] as const satisfies readonly TallyOption[];

/** A label in each language the UI speaks (the tally's {@link Localized}). */
export type LocalizedLabel = Localized;

/**
 * Labels of the standard options in Vietnamese and English. `TallyOption.label` stays a plain
 * string (the tally never needs a language); views pick from here by option id.
 */
export const OPTION_LABELS = {
  excellent: { vi: 'Hoàn thành xuất sắc nhiệm vụ', en: 'Excellent' },
  good: { vi: 'Hoàn thành tốt nhiệm vụ', en: 'Good' },
  completed: { vi: 'Hoàn thành nhiệm vụ', en: 'Completed' },
  'not-completed': { vi: 'Không hoàn thành nhiệm vụ', en: 'Not completed' },
  yes: { vi: 'Tán thành', en: 'Yes' },
  no: { vi: 'Không tán thành', en: 'No' },
  'not-voting': { vi: 'Không biểu quyết', en: 'Not voting' },
  'high-confidence': { vi: 'Tín nhiệm cao', en: 'High confidence' },
  confidence: { vi: 'Tín nhiệm', en: 'Confidence' },
  'low-confidence': { vi: 'Tín nhiệm thấp', en: 'Low confidence' },
  'no-confidence': { vi: 'Không tín nhiệm', en: 'No confidence' },
  agree: { vi: 'Đồng ý', en: 'Agree' },
  disagree: { vi: 'Không đồng ý', en: 'Disagree' },
} as const satisfies Readonly<Record<string, LocalizedLabel>>;
