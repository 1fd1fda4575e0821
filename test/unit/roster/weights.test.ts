// The roster's weight column (issue 19): the guess from its title, whole numbers as spreadsheets
// in either language write them, and the bound on a roster's total weight.
import { describe, expect, test } from 'vitest';
import {
  MAX_TOTAL_WEIGHT,
  applyColumns,
  guessColumns,
  memberProblems,
  parseWeight,
  readDelimited,
  rosterProblems,
  titleRole,
  type ColumnRole,
} from '../../../shared/src/roster/index';

describe('the weight column', () => {
  test.each<[string, ColumnRole | null]>([
    ['Số cổ phần', 'weight'],
    ['Cổ phần', 'weight'],
    ['So co phan', 'weight'],
    ['Số phiếu biểu quyết', 'weight'],
    ['Quyền biểu quyết', 'weight'],
    ['Trọng số', 'weight'],
    ['Shares', 'weight'],
    ['Number of shares', 'weight'],
    ['Weight', 'weight'],
    ['Voting rights', 'weight'],
    ['Members represented', 'weight'],
    ['Họ và tên', 'name'],
    ['STT', 'ignore'],
  ])('%j → %s', (title, role) => {
    expect(titleRole(title)).toBe(role);
  });

  test('a sheet with a shares column: each member carries the cell as written', () => {
    const sheet = readDelimited('STT;Họ và tên;Số cổ phần\n1;Nguyễn Văn An;1.500.000\n2;Trần Thị Bình;250\n');
    const choice = guessColumns(sheet);
    expect(choice.roles).toEqual(['ignore', 'name', 'weight']);
    expect(applyColumns(sheet, choice).lines).toEqual([
      { line: 2, name: 'Nguyễn Văn An', position: '', group: '', weight: '1.500.000' },
      { line: 3, name: 'Trần Thị Bình', position: '', group: '', weight: '250' },
    ]);
  });

  test('without a weight column nobody carries one (every weight 1)', () => {
    const sheet = readDelimited('Họ và tên\nNguyễn Văn An\n');
    expect(applyColumns(sheet, guessColumns(sheet)).lines[0]).not.toHaveProperty('weight');
  });
});

describe('parseWeight', () => {
  test.each<[string, number | null]>([
    ['1500000', 1_500_000],
    ['1.500.000', 1_500_000],
    ['1,500,000', 1_500_000],
    ['1 500 000', 1_500_000],
    ['1\u00a0500\u00a0000', 1_500_000],
    [' 42 ', 42],
    ['1.000', 1000],
    ['1', 1],
    ['0', null],
    ['', null],
    ['12,5', null],
    ['1.5', null],
    ['1.500,000', null],
    ['1,5000', null],
    ['-3', null],
    ['1e6', null],
    ['mười', null],
  ])('%j → %s', (text, weight) => {
    expect(parseWeight(text)).toBe(weight);
  });
});

describe('weight problems', () => {
  const line = (n: number, name: string, weight: string) => ({ line: n, name, position: '', group: '', weight });

  test('a weight that is not a whole number, and one too large, are named with their lines', () => {
    expect(
      rosterProblems([line(2, 'An', '12,5'), line(3, 'Bình', ''), line(4, 'Chi', String(MAX_TOTAL_WEIGHT + 1))]),
    ).toEqual([
      { code: 'WEIGHT_INVALID', text: '12,5', line: 2 },
      { code: 'WEIGHT_INVALID', text: '', line: 3 },
      { code: 'WEIGHT_TOO_LARGE', max: MAX_TOTAL_WEIGHT, line: 4 },
    ]);
  });

  test('the line that takes the total past the bound is named once, counting the members already there', () => {
    const half = String(MAX_TOTAL_WEIGHT / 2);
    expect(
      rosterProblems(
        [line(2, 'An', half), line(3, 'Bình', '1'), line(4, 'Chi', '1')],
        [{ name: 'Dũng', position: '', weight: MAX_TOTAL_WEIGHT / 2 }],
      ),
    ).toEqual([{ code: 'TOTAL_WEIGHT_TOO_LARGE', max: MAX_TOTAL_WEIGHT, line: 3 }]);
  });

  test('a member added on their own: the room left under the bound', () => {
    const others = [{ name: 'An', position: '', weight: MAX_TOTAL_WEIGHT - 10 }];
    expect(memberProblems({ name: 'Bình', position: '', group: '', weight: '10' }, others)).toEqual([]);
    expect(memberProblems({ name: 'Bình', position: '', group: '', weight: '11' }, others)).toEqual([
      { code: 'WEIGHT_TOO_LARGE', max: 10 },
    ]);
  });
});
