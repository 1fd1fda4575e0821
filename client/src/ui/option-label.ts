// An option's label in the viewer's language, on its own so that the phone can show a ballot
// without loading the outcome texts (outcome-text.ts), which it needs only once a result is out.
import { OPTION_LABELS } from '@hallvote/shared';
import type { Language } from '../i18n';

function hasStandardLabel(id: string): id is keyof typeof OPTION_LABELS {
  return Object.hasOwn(OPTION_LABELS, id);
}

/** A standard option (level, yes / no) in the viewer's language; a candidate by their own name. */
export function optionLabel(option: { readonly id: string; readonly label: string }, language: Language): string {
  return hasStandardLabel(option.id) ? OPTION_LABELS[option.id][language] : option.label;
}
