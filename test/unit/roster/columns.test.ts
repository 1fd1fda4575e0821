// The column-mapping guess: titles in Vietnamese and English, with or without diacritics; a title
// row below a sheet's heading; without titles, a row-number column is never taken for names.
import { describe, expect, test } from 'vitest';
import {
  applyColumns,
  foldTitle,
  guessColumns,
  readDelimited,
  titleRole,
  type ColumnRole,
  type Sheet,
} from '../../../shared/src/roster/index';

const sheetOf = (rows: readonly (readonly string[])[]): Sheet => ({
  rows: rows.map((cells, i) => ({ line: i + 1, cells })),
  problems: [],
});

describe('titleRole', () => {
  test.each<[string, ColumnRole | null]>([
    ['STT', 'ignore'],
    ['TT', 'ignore'],
    ['Số TT', 'ignore'],
    ['No.', 'ignore'],
    ['#', 'ignore'],
    ['Ghi chú', 'ignore'],
    ['Họ và tên', 'name'],
    ['HỌ VÀ TÊN', 'name'],
    ['Ho va ten', 'name'],
    ['Họ tên', 'name'],
    ['Họ và tên đại biểu', 'name'],
    ['Họ và tên đệm', 'name'],
    ['Tên', 'name'],
    ['Name', 'name'],
    ['Full name', 'name'],
    ['Chức vụ', 'position'],
    ['Chức vụ, đơn vị', 'position'],
    ['Đơn vị', 'position'],
    ['Tên đơn vị', 'position'],
    ['Đơn vị công tác', 'position'],
    ['Position', 'position'],
    ['Unit', 'position'],
    ['Nhóm', 'group'],
    ['Group', 'group'],
    ['Tổ', 'group'],
    ['Chi bộ', 'group'],
    ['Tổ thảo luận', 'group'],
    ['Quê quán', null],
    ['', null],
  ])('%j → %j', (title, role) => {
    expect(titleRole(title)).toBe(role);
  });

  test('folding: diacritics, đ, case and punctuation go', () => {
    expect(foldTitle(' Họ và tên đại biểu: ')).toBe('ho va ten dai bieu');
    expect(foldTitle('ĐƠN VỊ')).toBe('don vi');
  });
});

describe('guessColumns', () => {
  test('titles with an STT column: the numbers are ignored, the names are names', () => {
    const sheet = sheetOf([
      ['STT', 'Họ và tên', 'Chức vụ', 'Nhóm'],
      ['1', 'Nguyễn Văn An', 'Bí thư', 'A'],
      ['2', 'Trần Thị Bình', 'Phó Bí thư', 'B'],
    ]);
    expect(guessColumns(sheet)).toEqual({ headerLine: 1, roles: ['ignore', 'name', 'position', 'group'] });
  });

  test('no titles: a row-number column is skipped, then name, position, group, and the rest ignored', () => {
    const sheet = sheetOf([
      ['1.', 'Nguyễn Văn An', 'Bí thư', 'A', 'ghi chú'],
      ['2.', 'Trần Thị Bình', 'Phó Bí thư', 'B', ''],
    ]);
    expect(guessColumns(sheet)).toEqual({ headerLine: null, roles: ['ignore', 'name', 'position', 'group', 'ignore'] });
  });

  test('a heading above the titles: the title row is found and everything up to it is not a member', () => {
    const sheet = sheetOf([
      ['DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ'],
      ['TT', 'Họ tên', 'Chức vụ', 'Đơn vị'],
      ['1', 'Nguyễn Văn An', 'Bí thư', 'Chi bộ 1'],
    ]);
    const choice = guessColumns(sheet);
    expect(choice).toEqual({ headerLine: 2, roles: ['ignore', 'name', 'position', 'position'] });
    expect(applyColumns(sheet, choice).lines).toEqual([
      { line: 3, name: 'Nguyễn Văn An', position: 'Bí thư, Chi bộ 1', group: '' },
    ]);
  });

  test('titles without a name column: the first unknown column of text holds the names', () => {
    const sheet = sheetOf([
      ['STT', 'Đồng chí', 'Chức vụ'],
      ['1', 'Nguyễn Văn An', 'Bí thư'],
    ]);
    expect(guessColumns(sheet).roles).toEqual(['ignore', 'name', 'position']);
  });

  test('the English titles of a tab-separated paste', () => {
    const sheet = readDelimited('No.\tName\tPosition\tGroup\n1\tAn Nguyen\tChair\tA');
    expect(guessColumns(sheet)).toEqual({ headerLine: 1, roles: ['ignore', 'name', 'position', 'group'] });
  });
});

describe('applyColumns', () => {
  test('split names are joined with a space, in column order; a row with only a row number is left out', () => {
    const sheet = sheetOf([
      ['STT', 'Họ và tên đệm', 'Tên', 'Chức vụ'],
      ['1', 'Nguyễn Văn', 'An', 'Bí thư'],
      ['2', '', '', ''],
      ['3', 'Trần Thị', 'Bình', ''],
    ]);
    const choice = guessColumns(sheet);
    expect(choice.roles).toEqual(['ignore', 'name', 'name', 'position']);
    expect(applyColumns(sheet, choice)).toEqual({
      lines: [
        { line: 2, name: 'Nguyễn Văn An', position: 'Bí thư', group: '' },
        { line: 4, name: 'Trần Thị Bình', position: '', group: '' },
      ],
      leftOut: [3],
    });
  });

  test("the chair's correction wins: no titles, and the first column taken as positions", () => {
    const sheet = sheetOf([['Bí thư', 'Nguyễn Văn An']]);
    expect(applyColumns(sheet, { headerLine: null, roles: ['position', 'name'] }).lines).toEqual([
      { line: 1, name: 'Nguyễn Văn An', position: 'Bí thư', group: '' },
    ]);
  });
});
