// The one set of roster checks, and the review of a whole file: every problem with its line, all
// at once, as codes with parameters.
import { describe, expect, test } from 'vitest';
import {
  MAX_ROSTER,
  entryProblems,
  memberProblems,
  reviewRosterText,
  rosterProblems,
  type EntryProblem,
  type RosterLine,
} from '../../../shared/src/roster/index';

const entry = (name: string, position = 'Unit', group = '') => ({ name, position, group });

describe('entryProblems', () => {
  test.each<[string, ReturnType<typeof entry>, EntryProblem[]]>([
    ['fine', entry('Nguyễn Văn An', 'Bí thư, Chi bộ 1', 'A'), []],
    ['a negative number as a position is a number, not a formula', entry('An', '-5'), []],
    ['empty name', entry(''), [{ code: 'NAME_EMPTY' }]],
    ['a row number for a name', entry('12'), [{ code: 'NAME_WITHOUT_LETTERS' }]],
    ['punctuation for a name', entry('—'), [{ code: 'NAME_WITHOUT_LETTERS' }]],
    ['formula =', entry('=HYPERLINK("x")'), [{ code: 'FORMULA', field: 'name' }]],
    ['formula + in a group', entry('An', 'Unit', '+1'), [{ code: 'FORMULA', field: 'group' }]],
    ['formula -letter', entry('An', "-cmd|' /C calc'!A0"), [{ code: 'FORMULA', field: 'position' }]],
    ['name too long', entry('ễ'.repeat(201)), [{ code: 'TOO_LONG', field: 'name', max: 200 }]],
    ['group too long', entry('An', 'U', 'g'.repeat(101)), [{ code: 'TOO_LONG', field: 'group', max: 100 }]],
    ['zero-width space', entry('An\u200BB'), [{ code: 'INVISIBLE_CHARACTER', field: 'name', codePoint: 0x200b }]],
    ['bidi override', entry('An\u202Eexe'), [{ code: 'INVISIBLE_CHARACTER', field: 'name', codePoint: 0x202e }]],
    ['escape', entry('An', 'U\u001b[2J'), [{ code: 'INVISIBLE_CHARACTER', field: 'position', codePoint: 0x1b }]],
    [
      'a byte order mark inside a name',
      entry('An\uFEFFB'),
      [{ code: 'INVISIBLE_CHARACTER', field: 'name', codePoint: 0xfeff }],
    ],
    ['U+FFFD and NUL: once, however many cells', entry('Tr\uFFFDn', 'U\u0000'), [{ code: 'NOT_UTF8' }]],
  ])('%s', (_name, fields, problems) => {
    expect(entryProblems(fields)).toEqual(problems);
  });
});

describe('rosterProblems', () => {
  const lines = (...names: string[]): RosterLine[] => names.map((name, i) => ({ line: i + 2, ...entry(name) }));

  test('duplicates in every disguise name the earlier line', () => {
    const name = 'Nguyễn Văn An';
    const disguises = [name.toUpperCase(), name.normalize('NFD'), name.replace(' ', '  '), name.replace(' ', '\u00A0')];
    expect(rosterProblems(lines(name, ...disguises))).toEqual(
      disguises.map((_, i) => ({ code: 'DUPLICATE', line: i + 3, sameAs: 2 })),
    );
  });

  test('a zero-width space does not hide a duplicate', () => {
    expect(rosterProblems(lines('Trần Bình', 'Trần \u200BBình'))).toEqual([
      { code: 'INVISIBLE_CHARACTER', line: 3, field: 'name', codePoint: 0x200b },
      { code: 'DUPLICATE', line: 3, sameAs: 2 },
    ]);
  });

  test('a member already on the roster, added again', () => {
    expect(rosterProblems(lines('Mới', 'trần bình'), [entry('Trần Bình')])).toEqual([
      { code: 'ALREADY_ON_ROSTER', line: 3 },
    ]);
  });

  test('the first line past the maximum roster is named once, counting the members already there', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ line: i + 1, ...entry(`M ${i}`) }));
    const existing = Array.from({ length: MAX_ROSTER - 10 }, (_, i) => entry(`E ${i}`));
    expect(rosterProblems(many, existing)).toEqual([{ code: 'TOO_MANY_MEMBERS', line: 11, max: MAX_ROSTER }]);
  });
});

describe('memberProblems (a single add or edit)', () => {
  test('the same checks, and the roster without the member edited', () => {
    const others = [entry('Trần Bình'), entry('Lê Cường')];
    expect(memberProblems(entry('TRẦN  BÌNH'), others)).toEqual([{ code: 'ALREADY_ON_ROSTER' }]);
    expect(memberProblems(entry('Trần Bình', 'Other unit'), others)).toEqual([]);
    expect(memberProblems(entry('=SUM(A1)'), others)).toEqual([{ code: 'FORMULA', field: 'name' }]);
  });
});

describe('reviewRosterText: a whole file, every problem at once', () => {
  test('three different problems, a quote error among them, are all reported with their lines; nothing is taken', () => {
    const text = [
      'STT,Họ và tên,Chức vụ',
      '1,Nguyễn Văn An,Bí thư',
      '2,,Phó Bí thư',
      '3,"Trần Bình,Ủy viên',
      '4,Nguyễn Văn An,Bí thư',
      '5,=SUM(A1),Ủy viên',
    ].join('\n');
    expect(reviewRosterText(text).problems).toEqual([
      { code: 'NAME_EMPTY', line: 3 },
      { code: 'QUOTE_NOT_CLOSED', line: 4 },
      { code: 'DUPLICATE', line: 5, sameAs: 2 },
      { code: 'FORMULA', line: 6, field: 'name' },
    ]);
  });

  test('a file with an STT column imports the names as names', () => {
    const review = reviewRosterText(
      'STT;Họ và tên;Chức vụ;Nhóm\n1;Nguyễn Văn An;Bí thư, Chủ tịch;A\n2;Trần Bình;Ủy viên;B',
    );
    expect(review).toEqual({
      lines: [
        { line: 2, name: 'Nguyễn Văn An', position: 'Bí thư, Chủ tịch', group: 'A' },
        { line: 3, name: 'Trần Bình', position: 'Ủy viên', group: 'B' },
      ],
      leftOut: [],
      problems: [],
    });
  });

  test('nothing to import, and no name column, are problems of the file', () => {
    expect(reviewRosterText('Họ và tên,Chức vụ\n').problems).toEqual([{ code: 'NO_MEMBERS' }]);
    expect(reviewRosterText('').problems).toEqual([{ code: 'NO_MEMBERS' }]);
    expect(reviewRosterText('1\n2\n3').problems).toEqual([{ code: 'NO_NAME_COLUMN' }]);
  });

  test('problems are data: codes and numbers that survive JSON, never a sentence', () => {
    const { problems } = reviewRosterText('An,x\n,y\n"open\nAn,x\n\u202E,z');
    expect(JSON.parse(JSON.stringify(problems))).toEqual(problems);
    for (const p of problems) for (const value of Object.values(p)) expect(String(value)).not.toMatch(/\s/);
  });
});
