// A roster as text: a CSV file (comma or semicolon, as Excel saves it in each locale) or a paste
// from Excel or Google Sheets (tab-separated). Read line by line, because a roster cell never
// spans lines (a line break in a cell is refused anyway): a quote left open, or bytes that were not
// UTF-8, are then the problem of their own line, and every other line is still read and checked.
// CSV libraries read a file as one stream, where an unclosed quote swallows every line after it;
// hence this small reader instead of one (test/unit/roster checks it against csv-parse).
import type { LineProblemAt } from './problems';

/** The separators a roster file may use. */
export const SEPARATORS = [',', ';', '\t'] as const;
/** One of {@link SEPARATORS}. */
export type Separator = (typeof SEPARATORS)[number];

/** One non-empty line of a file or row of a sheet: its 1-based number and its trimmed cells. */
export interface SheetRow {
  readonly line: number;
  readonly cells: readonly string[];
}

/** A file read into rows; lines that could not be read are problems and not rows. */
export interface Sheet {
  readonly rows: readonly SheetRow[];
  readonly problems: readonly LineProblemAt[];
}

/** U+FFFD replaces bytes that were not UTF-8; NUL is every other byte of UTF-16 read as UTF-8. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const NOT_UTF8 = /[\uFFFD\u0000]/;

/**
 * The cells of one line, RFC 4180 style: a cell may be quoted, `""` in it is a quote, and a quote
 * inside an unquoted cell is an ordinary character (as spreadsheets read it). `closed` is false
 * when a quoted cell does not end on this line.
 */
export function splitLine(line: string, separator: Separator): { cells: string[]; closed: boolean } {
  const cells: string[] = [];
  let at = 0;
  for (;;) {
    let start = at;
    while (line[start] === ' ') start += 1;
    let value = '';
    if (line[start] === '"') {
      let from = start + 1;
      for (;;) {
        const quote = line.indexOf('"', from);
        if (quote === -1) return { cells, closed: false };
        value += line.slice(from, quote);
        if (line[quote + 1] !== '"') {
          at = quote + 1;
          break;
        }
        value += '"';
        from = quote + 2;
      }
    }
    // Up to the separator; after a closing quote, what follows is kept as a spreadsheet keeps it.
    const end = line.indexOf(separator, at);
    value += line.slice(at, end === -1 ? undefined : end);
    cells.push(value);
    if (end === -1) return { cells, closed: true };
    at = end + 1;
  }
}

/**
 * The separator most lines use: tab, then semicolon, then comma, whichever first splits more than
 * half of the first 50 non-empty lines (a semicolon file's positions may hold commas; a pasted
 * table's cells may hold both).
 */
export function guessSeparator(text: string): Separator {
  const sample = text
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, 50);
  const splits = (separator: Separator) => sample.filter((l) => splitLine(l, separator).cells.length > 1).length;
  const counts = (['\t', ';', ','] as const).map((separator) => [separator, splits(separator)] as const);
  const most = counts.find(([, n]) => n > sample.length / 2) ?? [...counts].sort((a, b) => b[1] - a[1])[0];
  return most && most[1] > 0 ? most[0] : ',';
}

/** Reads roster text (a leading byte order mark is dropped); blank lines are skipped, not numbered anew. */
export function readDelimited(text: string, separator: Separator = guessSeparator(text)): Sheet {
  const rows: SheetRow[] = [];
  const problems: LineProblemAt[] = [];
  text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\n|\r/)
    .forEach((raw, index) => {
      const line = index + 1;
      if (NOT_UTF8.test(raw)) return problems.push({ code: 'NOT_UTF8', line });
      const { cells, closed } = splitLine(raw, separator);
      if (!closed) return problems.push({ code: 'QUOTE_NOT_CLOSED', line });
      const trimmed = cells.map((c) => c.trim());
      if (trimmed.some((c) => c !== '')) rows.push({ line, cells: trimmed });
    });
  return { rows, problems };
}
