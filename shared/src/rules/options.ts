import type { TallyOption } from '../tally/types';

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

/** A label in each language the UI speaks. */
export interface LocalizedLabel {
  readonly vi: string;
  readonly en: string;
}

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
} as const satisfies Readonly<Record<string, LocalizedLabel>>;
