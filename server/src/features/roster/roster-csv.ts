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

interface Parsed {
  record: string[];
  info: { lines: number };
}

/** Parses roster CSV; throws HallvoteError INVALID_CSV listing every bad line. */
export function parseRosterCsv(csv: string): RosterEntry[] {
  const issues: ErrorIssue[] = [];
  if (csv.includes('\uFFFD')) {
    const line = csv.slice(0, csv.indexOf('\uFFFD')).split('\n').length;
    throw new HallvoteError('INVALID_CSV', 'The file is not UTF-8 text. Save it as "CSV UTF-8" and try again.', [
      { path: 'csv', line, message: 'characters that are not UTF-8' },
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
  for (const { record, info } of rows) {
    const line = info.lines;
    const problem = (message: string) => issues.push({ path: 'csv', line, message });
    const [name = '', position = '', group = ''] = record;
    if (record.length > 3) problem(`expected at most 3 columns (name, position, group), found ${record.length}`);
    if (!name) problem('the name is empty');
    for (const cell of [name, position, group]) {
      if (cell.length > MAX_FIELD) problem(`a cell is longer than ${MAX_FIELD} characters`);
      if (FORMULA.test(cell)) problem(`"${cell.slice(0, 20)}" looks like a spreadsheet formula`);
    }
    const key = `${name.toLowerCase()}\u0000${position.toLowerCase()}`;
    const earlier = seen.get(key);
    if (name && earlier !== undefined) problem(`same name and position as line ${earlier}`);
    else seen.set(key, line);
    entries.push({ name, position, group });
  }
  if (issues.length > 0)
    throw new HallvoteError('INVALID_CSV', `${issues.length} problem(s) in the file; nothing was imported.`, issues.slice(0, 100));
  return entries;
}
