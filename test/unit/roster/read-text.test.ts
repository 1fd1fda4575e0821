// Reading roster text line by line: comma, semicolon and tab files, quotes as spreadsheets write
// them, and a quote left open or bytes that were not UTF-8 confined to their own line.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { guessSeparator, readDelimited, splitLine, type Separator } from '../../../shared/src/roster/index';

describe('splitLine', () => {
  // line → cells (separator ',')
  test.each<[string, string[]]>([
    ['a,b,c', ['a', 'b', 'c']],
    ['a,,c,', ['a', '', 'c', '']],
    ['"Nguyễn, Văn An",Bí thư', ['Nguyễn, Văn An', 'Bí thư']],
    ['"say ""hi""",x', ['say "hi"', 'x']],
    ['  "padded"  ,x', ['padded  ', 'x']],
    ['Trần "Tí" Bình,x', ['Trần "Tí" Bình', 'x']],
    ['"closed"after,x', ['closedafter', 'x']],
    ['""', ['']],
    ['', ['']],
  ])('%j → %j', (line, cells) => {
    expect(splitLine(line, ',')).toEqual({ cells, closed: true });
  });

  test.each(['"open,x', 'a,"open', 'a,"one ""two"" three', '"'])('%j: a quote not closed on its line', (line) => {
    expect(splitLine(line, ',').closed).toBe(false);
  });

  test('reads what csv-stringify writes on one line the way csv-parse reads it, for every separator', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'ễ', ' ', ',', ';', '\t', '"', 'x') });
    fc.assert(
      fc.property(
        fc.array(cell, { minLength: 1, maxLength: 5 }),
        fc.constantFrom<Separator>(',', ';', '\t'),
        (cells, sep) => {
          const line = stringify([cells], { delimiter: sep, record_delimiter: '' });
          const records: string[][] = parse(line, { delimiter: sep, relax_column_count: true });
          const expected = records[0] ?? [''];
          expect(splitLine(line, sep)).toEqual({ cells: expected, closed: true });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('guessSeparator', () => {
  test.each<[string, string, Separator]>([
    ['comma', 'Họ và tên,Chức vụ\nAn,Bí thư\nBình,Phó Bí thư', ','],
    ['semicolon, with commas in positions', 'An;Phó Bí thư, Chủ tịch\nBình;Ủy viên\nCường;Bí thư, Trưởng ban', ';'],
    ['tab (a paste), with commas and semicolons in cells', '1\tAn\tBí thư, UBND\n2\tBình\tỦy viên; Tổ 1', '\t'],
    ['quoted commas in a comma file', '"An, B",x\n"Bình",y', ','],
    ['one column', 'An\nBình\nCường', ','],
    ['a semicolon in the title line only', 'Tên,Chức vụ; đơn vị\nAn,x\nBình,y\nCường,z', ','],
  ])('%s', (_name, text, separator) => {
    expect(guessSeparator(text)).toBe(separator);
  });
});

describe('readDelimited', () => {
  test('numbers lines as the file does: blank lines and all-empty rows are skipped, cells trimmed, a BOM dropped', () => {
    const sheet = readDelimited('\uFEFFTên,Chức vụ\r\n\r\n An , Bí thư \n,,\nBình,Ủy viên\r\n');
    expect(sheet).toEqual({
      rows: [
        { line: 1, cells: ['Tên', 'Chức vụ'] },
        { line: 3, cells: ['An', 'Bí thư'] },
        { line: 5, cells: ['Bình', 'Ủy viên'] },
      ],
      problems: [],
    });
  });

  test('a quote left open is the problem of its line only; the lines after it are still read', () => {
    const sheet = readDelimited('An,x\n"Bình,y\nCường,z\nDũng,"w');
    expect(sheet.problems).toEqual([
      { code: 'QUOTE_NOT_CLOSED', line: 2 },
      { code: 'QUOTE_NOT_CLOSED', line: 4 },
    ]);
    expect(sheet.rows.map((r) => r.line)).toEqual([1, 3]);
  });

  test('every line with bytes that were not UTF-8 (U+FFFD) or UTF-16 read as UTF-8 (NUL) is named', () => {
    const sheet = readDelimited('An,x\nTr\uFFFDn,y\nB\u0000i\u0000,z\nCường,w');
    expect(sheet.problems).toEqual([
      { code: 'NOT_UTF8', line: 2 },
      { code: 'NOT_UTF8', line: 3 },
    ]);
    expect(sheet.rows.map((r) => r.line)).toEqual([1, 4]);
  });

  test('a separator given by the chair wins over the guess', () => {
    expect(readDelimited('a;b,c', ',').rows[0]?.cells).toEqual(['a;b', 'c']);
    expect(readDelimited('a;b,c', ';').rows[0]?.cells).toEqual(['a', 'b,c']);
  });
});
