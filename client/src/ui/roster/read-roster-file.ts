// A chosen file, read in the chair's (or admin's) browser: an .xlsx workbook through read-excel-file,
// loaded only when a workbook is chosen, or text as UTF-8 (UTF-16 when a byte order mark says so, as
// Excel's "Unicode text" does). The file itself never leaves the laptop: the server receives the
// mapped lines only, and never unzips anything a client sends (a zip bomb would stall every phone).
import type { FileProblem, Sheet, SheetRow } from '@hallvote/shared';

/** Far above any roster (20,000 members are about 2 MB of CSV); a larger file is not read at all. */
export const MAX_FILE_BYTES = 20_000_000;

/** A file read: text to split by its separator, the sheets of a workbook, or why not. */
export type ReadFile =
  | { readonly kind: 'text'; readonly name: string; readonly text: string }
  | { readonly kind: 'workbook'; readonly name: string; readonly sheets: readonly NamedSheet[] }
  | { readonly kind: 'unreadable'; readonly name: string; readonly problem: FileProblem };

export interface NamedSheet {
  readonly name: string;
  readonly sheet: Sheet;
}

const startsWith = (bytes: Uint8Array, prefix: readonly number[]) => prefix.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The compound file of the old .xls format, which no maintained small library reads. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0];

/** A cell as text: numbers as written ("1", not "1.0"), dates as yyyy-mm-dd. */
function cellText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return '';
}

/** Rows of a sheet numbered as the spreadsheet numbers them (its first row is line 1). */
export function sheetOf(data: readonly (readonly unknown[])[]): Sheet {
  const rows: SheetRow[] = [];
  data.forEach((cells, index) => {
    const texts = cells.map(cellText);
    if (texts.some((c) => c !== '')) rows.push({ line: index + 1, cells: texts });
  });
  return { rows, problems: [] };
}

async function readWorkbook(name: string, bytes: ArrayBuffer): Promise<ReadFile> {
  try {
    const { default: readXlsxFile } = await import('read-excel-file/universal');
    const sheets = await readXlsxFile(bytes);
    return { kind: 'workbook', name, sheets: sheets.map((s) => ({ name: s.sheet, sheet: sheetOf(s.data) })) };
  } catch {
    return { kind: 'unreadable', name, problem: { code: 'FILE_UNREADABLE' } };
  }
}

function decodeText(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe])) return new TextDecoder('utf-16le').decode(bytes);
  if (startsWith(bytes, [0xfe, 0xff])) return new TextDecoder('utf-16be').decode(bytes);
  // Not fatal: bytes that are not UTF-8 become U+FFFD, which the reader names line by line.
  return new TextDecoder('utf-8').decode(bytes);
}

/** Reads a file the chair chose; what is in it is told by its first bytes, not by its name. */
export async function readRosterFile(file: File): Promise<ReadFile> {
  const name = file.name;
  if (file.size > MAX_FILE_BYTES)
    return { kind: 'unreadable', name, problem: { code: 'FILE_TOO_LARGE', maxBytes: MAX_FILE_BYTES } };
  const buffer = await file.arrayBuffer();
  const bytes = new Uint8Array(buffer);
  if (startsWith(bytes, ZIP)) return readWorkbook(name, buffer);
  if (startsWith(bytes, OLE)) return { kind: 'unreadable', name, problem: { code: 'FILE_UNREADABLE' } };
  return { kind: 'text', name, text: decodeText(bytes) };
}
