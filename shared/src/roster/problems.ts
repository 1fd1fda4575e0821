// What can be wrong with a roster, as data: a code and its typed parameters, never a sentence.
// The server refuses with them and every view says them in its own language (client/src/i18n).

/** The fields of a roster member, as a problem names them. */
export const ROSTER_FIELDS = ['name', 'position', 'group'] as const;
/** One of {@link ROSTER_FIELDS}. */
export type RosterField = (typeof ROSTER_FIELDS)[number];

/** What can be wrong with one member's cells: checked for a line of a file and for a single edit alike. */
export type EntryProblem =
  | { readonly code: 'NAME_EMPTY' }
  /** Only digits and punctuation: usually a row number ("STT") read as the name. */
  | { readonly code: 'NAME_WITHOUT_LETTERS' }
  | { readonly code: 'TOO_LONG'; readonly field: RosterField; readonly max: number }
  /** Starts like a spreadsheet formula (=, +, @, a tab, or - before a letter). */
  | { readonly code: 'FORMULA'; readonly field: RosterField }
  /** A control or invisible format character: zero-width spaces, bidi overrides, escapes. */
  | { readonly code: 'INVISIBLE_CHARACTER'; readonly field: RosterField; readonly codePoint: number }
  /** U+FFFD or NUL: bytes that were not UTF-8 (a legacy encoding, or UTF-16 read as UTF-8). */
  | { readonly code: 'NOT_UTF8' }
  /** Same name and position as a member on the roster already (after folding case, spaces, Unicode form). */
  | { readonly code: 'ALREADY_ON_ROSTER' }
  /** The weight is not a whole number of at least 1 ("1.500.000", "1,500,000" and "1 500 000" are). */
  | { readonly code: 'WEIGHT_INVALID'; readonly text: string }
  /** A weight above the most one member may carry. */
  | { readonly code: 'WEIGHT_TOO_LARGE'; readonly max: number };

/** What can be wrong with one line of a file, beyond its cells. */
export type LineProblem =
  | EntryProblem
  /** The same member as line `sameAs` of the same file. */
  | { readonly code: 'DUPLICATE'; readonly sameAs: number }
  /** A quote opened in a cell is not closed on its line (a cell never spans lines). */
  | { readonly code: 'QUOTE_NOT_CLOSED' }
  /** This line is past the most members a roster may have. */
  | { readonly code: 'TOO_MANY_MEMBERS'; readonly max: number }
  /** With this line the roster's weights add up to more than a roster may carry. */
  | { readonly code: 'TOTAL_WEIGHT_TOO_LARGE'; readonly max: number };

/** A problem of a line of a file; `line` is 1-based, as the chair's editor or spreadsheet counts. */
export type LineProblemAt = LineProblem & { readonly line: number };

/** What can be wrong with a whole file. */
export type FileProblem =
  /** Nothing to import: no line with a name, position or group. */
  | { readonly code: 'NO_MEMBERS' }
  /** No column is chosen to hold the names. */
  | { readonly code: 'NO_NAME_COLUMN' }
  /** The file is neither text nor an .xlsx workbook that could be read. */
  | { readonly code: 'FILE_UNREADABLE' }
  /** Larger than any roster file: not read at all. */
  | { readonly code: 'FILE_TOO_LARGE'; readonly maxBytes: number };

/**
 * Any roster problem: of a line of a file (with `line`), of a whole file, or of a single edit (an
 * entry problem without a line). The `problems` of an INVALID_ROSTER refusal.
 */
export type RosterProblem = LineProblemAt | FileProblem | EntryProblem;

/** Every problem code, for dictionaries that must name them all. */
export type RosterProblemCode = RosterProblem['code'];

/** Problems in reading order: by line, file-wide ones first. */
export function byLine(a: RosterProblem, b: RosterProblem): number {
  return ('line' in a ? a.line : 0) - ('line' in b ? b.line : 0);
}
