// Roster import from CSV: name, position or unit, optional group. A file is accepted whole or
// refused whole, with the line of every problem; nothing is half-imported.
import { parse } from 'csv-parse/sync';
import { HallvoteError, type ErrorIssue, type RosterEntry } from '@hallvote/shared';

export const MAX_ROSTER = 20_000;
const MAX_FIELD = 200;

/** Header cells we recognise (lower-cased, Vietnamese with or without diacritics, English). */
const HEADER_NAMES = new Set(['name', 'full name', 'họ và tên', 'họ tên', 'ho va ten', 'ho ten', 'tên', 'ten']);

/** A cell that a spreadsheet would run as a formula. */
const FORMULA = /^[=+@\t\r]|^-[^\s\d-]/;

/**
 * Control and invisible format characters (NUL, ESC, line breaks inside a cell, zero-width
 * spaces, bidi overrides, a byte order mark mid-file). No name or position needs one; they hide
 * duplicates, spoof what the chair sees, and NULs are the sign of a UTF-16 file read as UTF-8.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

/** Two roster lines are the same member when their name and position match after this. */
export function rosterKey(name: string, position: string): string {
  const fold = (s: string) =>
    s
      .normalize('NFC')
      .replace(/\p{Cf}/gu, '')
      .replace(/\s+/gu, ' ')
      .trim()
      .toLowerCase();
  return `${fold(name)}\u0000${fold(position)}`;
}

interface Parsed {
  record: string[];
  info: { lines: number };
}

/**
 * Parses roster CSV; throws HallvoteError INVALID_CSV listing every bad line. `existing` is the
 * roster the lines are appended to: a line that repeats one of its members is a duplicate too.
 */
export function parseRosterCsv(
  csv: string,
  existing: readonly { name: string; position: string }[] = [],
): RosterEntry[] {
  const issues: ErrorIssue[] = [];
  // U+FFFD: bytes that were not UTF-8; NUL: UTF-16 ("Unicode text") read as UTF-8.
  // eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
  const notUtf8 = csv.search(/[\uFFFD\u0000]/);
  if (notUtf8 !== -1) {
    const line = csv.slice(0, notUtf8).split('\n').length;
    throw new HallvoteError('INVALID_CSV', 'The file is not UTF-8 text. Save it as "CSV UTF-8" and try again.', [
      {
        path: 'csv',
        line,
        message:
          csv[notUtf8] === '\u0000' ? 'a NUL character: the file looks like UTF-16' : 'characters that are not UTF-8',
      },
    ]);
  }
  let rows: Parsed[];
  try {
    rows = parse(csv, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: true,
      delimiter: [',', ';'],
    }) as unknown as Parsed[];
  } catch (error) {
    const lines = (error as { lines?: number }).lines;
    throw new HallvoteError('INVALID_CSV', 'The file is not valid CSV.', [
      { path: 'csv', ...(lines ? { line: lines } : {}), message: (error as Error).message },
    ]);
  }
  const first = rows[0]?.record[0]?.toLowerCase();
  if (first && HEADER_NAMES.has(first)) rows = rows.slice(1);
  if (rows.length === 0) throw new HallvoteError('INVALID_CSV', 'The file has no roster lines.', []);
  if (rows.length > MAX_ROSTER)
    throw new HallvoteError('INVALID_CSV', `At most ${MAX_ROSTER} roster lines are accepted.`, [
      { path: 'csv', line: rows[MAX_ROSTER]?.info.lines ?? 0, message: 'too many lines' },
    ]);

  const entries: RosterEntry[] = [];
  const seen = new Map<string, number>();
  const onRoster = new Set(existing.map((d) => rosterKey(d.name, d.position)));
  for (const { record, info } of rows) {
    const line = info.lines;
    const problem = (message: string) => issues.push({ path: 'csv', line, message });
    const [name = '', position = '', group = ''] = record;
    if (record.length > 3) problem(`expected at most 3 columns (name, position, group), found ${record.length}`);
    if (!name) problem('the name is empty');
    for (const cell of [name, position, group]) {
      if (cell.length > MAX_FIELD) problem(`a cell is longer than ${MAX_FIELD} characters`);
      if (FORMULA.test(cell)) problem(`"${cell.slice(0, 20)}" looks like a spreadsheet formula`);
      const invisible = INVISIBLE.exec(cell)?.[0];
      if (invisible !== undefined)
        problem(
          `an invisible or control character (U+${invisible.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')})`,
        );
    }
    const key = rosterKey(name, position);
    const earlier = seen.get(key);
    if (name && earlier !== undefined) problem(`same name and position as line ${earlier}`);
    else if (name && onRoster.has(key)) problem('same name and position as a member already on the roster');
    else seen.set(key, line);
    entries.push({ name, position, group });
  }
  if (issues.length > 0)
    throw new HallvoteError(
      'INVALID_CSV',
      `${issues.length} problem(s) in the file; nothing was imported.`,
      issues.slice(0, 100),
    );
  return entries;
}
