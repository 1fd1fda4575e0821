// Which column of a sheet holds what: the column-mapping step. A guess from the column titles
// (Vietnamese or English, with or without diacritics) or, without titles, from the cells; the chair
// sees it in the preview and corrects it. A row-number column ("STT") is never taken for names.
import type { RosterField } from './problems';
import type { RosterLine } from './checks';
import type { Sheet, SheetRow } from './read-text';

/**
 * What a column holds: a field of the member, their weight (shares, or members represented), or
 * nothing to import (row numbers, notes…).
 */
export type ColumnRole = RosterField | 'weight' | 'ignore';

/** The chair's mapping of a sheet. */
export interface ColumnChoice {
  /** The line of the column titles, or null when there are none; lines up to it are not members. */
  readonly headerLine: number | null;
  /** What each column holds, by index; columns past the end are ignored. */
  readonly roles: readonly ColumnRole[];
}

/** A title lower-cased, without diacritics or punctuation: "Họ và tên:" → "ho va ten". */
export function foldTitle(title: string): string {
  return title
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}#]+/gu, ' ')
    .trim();
}

/** Column titles, folded, in the order they are tried: the first rule that matches decides. */
const TITLE_RULES: readonly (readonly [ColumnRole, RegExp])[] = [
  [
    'ignore',
    /^(stt|tt|so tt|so thu tu|thu tu|no|nr|#|number|order|id|ma|ma so|ghi chu|note|notes|remarks?|ky ten|chu ky|signature|gioi tinh|sex|gender|nam sinh|ngay sinh|date of birth|e ?mail|phone|dien thoai|so dien thoai|sdt)$/,
  ],
  [
    'weight',
    /^(so )?(co phan|co phieu|phieu bieu quyet|quyen bieu quyet|trong so)\b|\b(shares?|weight|voting rights|votes held|so co phan|so phieu bieu quyet|members represented|so hoi vien dai dien)\b/,
  ],
  [
    'name',
    /^(ten|ho|ho dem|ho va dem|name|full ?name|first name|last name|given name|surname|family name|delegate|member|dai bieu|thanh vien)$|\bho (va )?ten\b|\bten dai bieu\b/,
  ],
  ['group', /^(to|doan|khoi|section|team)$|\b(nhom|groups?|chi bo|to thao luan|doan dai bieu)\b/],
  [
    'position',
    /\b(chuc vu|chuc danh|don vi|co quan|cong tac|positions?|title|role|unit|organi[sz]ation|department|office)\b/,
  ],
];

/** The role a column title names, or null for a title this does not know. */
export function titleRole(title: string): ColumnRole | null {
  const folded = foldTitle(title);
  if (folded === '') return null;
  return TITLE_RULES.find(([, pattern]) => pattern.test(folded))?.[0] ?? null;
}

/** Row numbers: "1", "2.", "3)". */
const ROW_NUMBER = /^\d+[.)]?$/;

/** The widest row's number of cells. */
export function sheetWidth(sheet: Sheet): number {
  return Math.max(0, ...sheet.rows.map((r) => r.cells.length));
}

/** Whether column `col` of these rows holds text to import: not empty, not only row numbers. */
function holdsText(rows: readonly SheetRow[], col: number): boolean {
  const cells = rows.map((r) => r.cells[col] ?? '').filter((c) => c !== '');
  return cells.length > 0 && !cells.every((c) => ROW_NUMBER.test(c));
}

/** The title row: among the first ten, one that names a name column, or two known columns. */
function findTitles(sheet: Sheet): SheetRow | undefined {
  return sheet.rows.slice(0, 10).find((row) => {
    const roles = row.cells.map(titleRole);
    return roles.includes('name') || roles.filter((r) => r !== null).length >= 2;
  });
}

/** The automatic mapping the chair starts from. */
export function guessColumns(sheet: Sheet): ColumnChoice {
  const width = sheetWidth(sheet);
  const titles = findTitles(sheet);
  const data = titles ? sheet.rows.filter((r) => r.line > titles.line) : sheet.rows;
  const text = Array.from({ length: width }, (_, col) => holdsText(data, col));
  let roles: ColumnRole[];
  if (titles) {
    roles = text.map((_, col) => titleRole(titles.cells[col] ?? '') ?? 'ignore');
    // Titles without a name column: the first unnamed column of text holds the names.
    const unnamed = titles.cells.findIndex((cell, col) => titleRole(cell) === null && text[col]);
    if (!roles.includes('name') && unnamed !== -1) roles[unnamed] = 'name';
  } else {
    // Without titles, the columns of text in order: name, position, group.
    const fields: RosterField[] = ['name', 'position', 'group'];
    roles = text.map((isText) => (isText ? (fields.shift() ?? 'ignore') : 'ignore'));
  }
  return { headerLine: titles?.line ?? null, roles };
}

/** The rows after the titles, read through the mapping; rows with nothing in a chosen column are left out. */
export function applyColumns(
  sheet: Sheet,
  choice: ColumnChoice,
): { readonly lines: readonly RosterLine[]; readonly leftOut: readonly number[] } {
  const lines: RosterLine[] = [];
  const leftOut: number[] = [];
  const columnsOf = (field: RosterField) => choice.roles.flatMap((role, col) => (role === field ? [col] : []));
  const columns = { name: columnsOf('name'), position: columnsOf('position'), group: columnsOf('group') };
  const weightColumn = choice.roles.indexOf('weight');
  // Several columns for one field are joined: "Họ" + "Tên", or "Chức vụ" + "Đơn vị".
  const join = (row: SheetRow, field: RosterField, glue: string) => {
    const [only, ...more] = columns[field];
    if (only === undefined) return '';
    if (more.length === 0) return row.cells[only] ?? '';
    return columns[field]
      .map((col) => row.cells[col] ?? '')
      .filter((c) => c !== '')
      .join(glue);
  };
  for (const row of sheet.rows) {
    if (choice.headerLine !== null && row.line <= choice.headerLine) continue;
    const entry = {
      line: row.line,
      name: join(row, 'name', ' '),
      position: join(row, 'position', ', '),
      group: join(row, 'group', ' '),
    };
    // One weight per member: the first column chosen for it.
    const weight = weightColumn === -1 ? undefined : (row.cells[weightColumn] ?? '');
    if (entry.name === '' && entry.position === '' && entry.group === '') leftOut.push(row.line);
    else lines.push(weight === undefined ? entry : { ...entry, weight });
  }
  return { lines, leftOut };
}
