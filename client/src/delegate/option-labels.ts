// Short column headers for the batch grid. The standard levels have short forms everybody in a
// Vietnamese hall knows (HTXS, HTT…); any other option gets its initials, or its number when the
// initials would not tell two options apart.
import type { TallyOption } from '@hallvote/shared';

export function shortLabels(
  options: readonly TallyOption[],
  known: Readonly<Record<string, string>>,
  full: (option: TallyOption) => string,
): string[] {
  const labels = options.map((o) => {
    const short = known[o.id];
    if (short) return short;
    const words = full(o).split(/\s+/).filter(Boolean);
    return words.length === 1
      ? (words[0] ?? '').slice(0, 4)
      : words
          .map((w) => w[0]?.toUpperCase() ?? '')
          .join('')
          .slice(0, 4);
  });
  return new Set(labels).size === labels.length ? labels : options.map((_, i) => String(i + 1));
}
