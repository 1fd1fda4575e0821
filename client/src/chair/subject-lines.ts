// Reading a proposed level typed by the chair: the option's id, its name in either language, or
// the short form a Vietnamese hall writes (HTXS, HTT, HT, KHT), in any case and spacing.
import { OPTION_LABELS, type TallyOption } from '@hallvote/shared';

const SHORT: Readonly<Record<string, string>> = {
  htxs: 'excellent',
  htt: 'good',
  ht: 'completed',
  kht: 'not-completed',
};

const key = (text: string) => text.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');

/** The option `text` names, or null when it names none of `options`. */
export function matchLevel(text: string, options: readonly TallyOption[]): string | null {
  const wanted = key(text);
  const names = (o: TallyOption): string[] => {
    const standard = Object.hasOwn(OPTION_LABELS, o.id) ? OPTION_LABELS[o.id as keyof typeof OPTION_LABELS] : null;
    return [o.id, o.label, ...(standard ? [standard.vi, standard.en] : [])].map(key);
  };
  const found = options.find((o) => names(o).includes(wanted) || SHORT[wanted] === o.id);
  return found?.id ?? null;
}
