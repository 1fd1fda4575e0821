// The one set of roster checks: a line of an imported file and a member added or edited one at a
// time pass the same ones. The server applies them to what it stores; the chair's browser applies
// them first, so the preview shows every problem before anything is sent.
import { MAX_LABEL_CHARS } from '../ballot-limits';
import type { EntryProblem, LineProblem, LineProblemAt, RosterField } from './problems';

/** The most members one roster may have. */
export const MAX_ROSTER = 20_000;

/** Characters of each field after trimming; the name is a label like a ballot's. */
export const ROSTER_FIELD_MAX: Readonly<Record<RosterField, number>> = {
  name: MAX_LABEL_CHARS,
  position: 200,
  group: 100,
};

/**
 * The most weight a roster may carry in all (and so one member): shares of the largest companies
 * fit, and every sum and share the tally computes stays an exact integer in a double (percentages
 * multiply by 20,000: 10^11 × 2·10^4 < 2^53).
 */
export const MAX_TOTAL_WEIGHT = 100_000_000_000;

/** A roster member's own fields, as a line of a file or a single add or edit gives them (trimmed). */
export interface RosterEntry {
  readonly name: string;
  readonly position: string;
  readonly group: string;
  /**
   * The weight the member carries (shares, or members represented) as the file or the chair wrote
   * it, parsed by {@link parseWeight}; absent where the roster has no weight column (weight 1).
   */
  readonly weight?: string | undefined;
}

/** Digits in groups of three after a first group of one to three, by one separator throughout. */
const GROUPED = /^\d{1,3}(?:([.,\u00a0\u202f ])\d{3})?(?:\1\d{3})*$/;

/**
 * A weight as a whole number: "1500000", "1.500.000" (Vietnamese), "1,500,000" (English) or
 * "1 500 000". Weights are whole, so a separator followed by three digits always groups thousands;
 * anything else ("12,5", "1.5", "", "0") is null.
 */
export function parseWeight(text: string): number | null {
  const t = text.trim();
  if (!/^\d+$/.test(t) && !GROUPED.test(t)) return null;
  const value = Number(t.replace(/\D/g, ''));
  return Number.isSafeInteger(value) && value >= 1 ? value : null;
}

/**
 * A member's weight: stored (a number), written (parsed), or 1 where the roster has none. For an
 * entry whose weight passed the checks.
 */
export function weightOf(entry: { readonly weight?: string | number | undefined }): number {
  if (typeof entry.weight === 'number') return entry.weight;
  return entry.weight === undefined ? 1 : (parseWeight(entry.weight) ?? 1);
}

/** One member read from line `line` of the chair's file. */
export interface RosterLine extends RosterEntry {
  readonly line: number;
}

/** A cell that a spreadsheet would run as a formula (a leading '-' before a digit is a number). */
const FORMULA = /^[=+@\t\r]|^-[^\s\d-]/;

/**
 * Control and invisible format characters (NUL, ESC, line breaks inside a cell, zero-width
 * spaces, bidi overrides, a byte order mark mid-file). No name or position needs one; they hide
 * duplicates and spoof what the chair sees.
 */
const INVISIBLE = /[\p{Cc}\p{Cf}]/u;

/** U+FFFD replaces bytes that were not UTF-8; NUL is every other byte of UTF-16 read as UTF-8. */
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const NOT_UTF8 = /[\uFFFD\u0000]/;

const LETTER = /\p{L}/u;

/** Format characters, and whitespace that is not one plain space: what folding has to remove. */
const UNFOLDED = /\p{Cf}|[^\S ]| {2}/u;

/** Case, Unicode form, invisible format characters and runs of spaces of any kind set aside. */
function fold(s: string): string {
  const normal = s.normalize('NFC');
  // Most names need nothing more; the replacements are the costly part of a 20,000-line check.
  const plain = UNFOLDED.test(normal) ? normal.replace(/\p{Cf}/gu, '').replace(/\s+/gu, ' ') : normal;
  return plain.trim().toLowerCase();
}

/** Two members are the same when their name and position match after folding. */
export function rosterKey(name: string, position: string): string {
  return `${fold(name)}\u0000${fold(position)}`;
}

function cellProblems(field: RosterField, value: string): EntryProblem[] {
  const problems: EntryProblem[] = [];
  if (value.length > ROSTER_FIELD_MAX[field]) problems.push({ code: 'TOO_LONG', field, max: ROSTER_FIELD_MAX[field] });
  if (FORMULA.test(value)) problems.push({ code: 'FORMULA', field });
  if (NOT_UTF8.test(value)) problems.push({ code: 'NOT_UTF8' });
  else {
    const invisible = INVISIBLE.exec(value)?.[0].codePointAt(0);
    if (invisible !== undefined) problems.push({ code: 'INVISIBLE_CHARACTER', field, codePoint: invisible });
  }
  return problems;
}

/** What is wrong with one member's fields on their own (duplicates are the roster's business). */
export function entryProblems(entry: RosterEntry): EntryProblem[] {
  const problems: EntryProblem[] = [];
  if (entry.name === '') problems.push({ code: 'NAME_EMPTY' });
  else if (!LETTER.test(entry.name)) problems.push({ code: 'NAME_WITHOUT_LETTERS' });
  for (const field of ['name', 'position', 'group'] as const) problems.push(...cellProblems(field, entry[field]));
  if (entry.weight !== undefined) {
    const weight = parseWeight(entry.weight);
    if (weight === null) problems.push({ code: 'WEIGHT_INVALID', text: entry.weight.slice(0, 40) });
    else if (weight > MAX_TOTAL_WEIGHT) problems.push({ code: 'WEIGHT_TOO_LARGE', max: MAX_TOTAL_WEIGHT });
  }
  // One NOT_UTF8 for the entry, however many of its cells show it.
  return problems.filter((p, i) => p.code !== 'NOT_UTF8' || problems.findIndex((q) => q.code === 'NOT_UTF8') === i);
}

/**
 * Every problem of the lines of a file, line by line: each line's own, the lines that repeat an
 * earlier line or a member of `existing` (the roster they are added to), and the lines past the
 * roster's maximum. Empty when the lines may be stored as they are.
 */
export function rosterProblems(
  lines: readonly RosterLine[],
  existing: readonly ExistingMember[] = [],
): LineProblemAt[] {
  const problems: LineProblemAt[] = [];
  const seen = new Map<string, number>();
  const onRoster = new Set(existing.map((m) => rosterKey(m.name, m.position)));
  const room = Math.max(0, MAX_ROSTER - existing.length);
  let weight = existing.reduce((sum, m) => sum + weightOf(m), 0);
  let tooHeavy = false;
  lines.forEach((entry, index) => {
    const at = (p: LineProblem) => problems.push({ ...p, line: entry.line });
    if (index === room) at({ code: 'TOO_MANY_MEMBERS', max: MAX_ROSTER });
    const own = entryProblems(entry);
    for (const p of own) at(p);
    // Once, at the line that takes the roster past the bound.
    weight += own.some((p) => p.code === 'WEIGHT_INVALID' || p.code === 'WEIGHT_TOO_LARGE') ? 0 : weightOf(entry);
    if (!tooHeavy && weight > MAX_TOTAL_WEIGHT) {
      tooHeavy = true;
      at({ code: 'TOTAL_WEIGHT_TOO_LARGE', max: MAX_TOTAL_WEIGHT });
    }
    if (entry.name === '') return;
    const key = rosterKey(entry.name, entry.position);
    const earlier = seen.get(key);
    if (earlier !== undefined) at({ code: 'DUPLICATE', sameAs: earlier });
    else if (onRoster.has(key)) at({ code: 'ALREADY_ON_ROSTER' });
    else seen.set(key, entry.line);
  });
  return problems;
}

/** A member on the roster already: an entry, or a stored member whose weight is a number. */
export interface ExistingMember {
  readonly name: string;
  readonly position: string;
  readonly weight?: string | number | undefined;
}

/**
 * What is wrong with one member added or edited on their own: their fields, whether they are
 * already on the roster (`others`: everyone else on it), and whether the roster's weight would pass
 * its bound with them.
 */
export function memberProblems(entry: RosterEntry, others: readonly ExistingMember[]): EntryProblem[] {
  const problems = entryProblems(entry);
  const key = rosterKey(entry.name, entry.position);
  if (entry.name !== '' && others.some((m) => rosterKey(m.name, m.position) === key))
    problems.push({ code: 'ALREADY_ON_ROSTER' });
  const othersWeight = others.reduce((sum, m) => sum + weightOf(m), 0);
  if (problems.length === 0 && othersWeight + weightOf(entry) > MAX_TOTAL_WEIGHT)
    problems.push({ code: 'WEIGHT_TOO_LARGE', max: MAX_TOTAL_WEIGHT - othersWeight });
  return problems;
}
