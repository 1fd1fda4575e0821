// Roster attacks at the server's boundary: formula injection, oversized rosters, wrong encodings,
// duplicate names in every disguise, control characters, sent as the lines a roster import carries
// (a hostile chair client need not use the browser's reader). Each bad roster is refused whole, with
// the line and code of the problem, and nothing is imported; what is accepted leaves every CSV
// export neutralised. (A kill -9 in the middle of an import: roster-import-crash.test.ts.)
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  MAX_ROSTER,
  reviewRosterText,
  type ChairSnapshot,
  type CreateMeetingResponse,
  type RosterLine,
} from '@hallvote/shared';
import { ADMIN_TOKEN, rosterCsv, startHarness, type Harness } from '../support/harness';
import { okData, request, type Client } from '../support/request';
import { askPatiently } from './support/hall-client';
import { faultSeed } from './support/random';

let h: Harness;
let meeting: CreateMeetingResponse;
let chair: Client;

beforeAll(async () => {
  h = await startHarness();
  meeting = await h.createMeeting({ rosterCsv: rosterCsv(3) });
});

// A chair socket of its own for each test: a new rate-limit bucket.
beforeEach(async () => {
  chair = (await h.chair(meeting)).socket;
});

afterAll(async () => {
  await h.stop();
  h.cleanup();
});

const view = async () => ({ ...(okData(await request(chair, 'sync:request', {})) as ChairSnapshot), seq: 0 });
/** An import by the chair; this file is about rosters, so it waits out the chair's rate limit. */
const importLines = (lines: readonly RosterLine[], mode: 'replace' | 'append') =>
  askPatiently(chair, 'roster:import', { lines, mode });
/** The problems a refusal names. */
const problemsOf = (reply: Awaited<ReturnType<typeof importLines>>) =>
  reply.ok || reply.error !== 'INVALID_ROSTER' ? [] : reply.params.problems;
/** Text split on line breaks and commas, as a client that skips the browser's reader would send it. */
const naiveLines = (text: string): RosterLine[] =>
  text.split('\n').map((l, i) => {
    const [name = '', position = '', group = ''] = l.split(',');
    return { line: i + 1, name, position, group };
  });
/** What a browser's File.text() makes of these bytes: UTF-8, with U+FFFD for what is not. */
const asBrowserReads = (bytes: Buffer) => new TextDecoder().decode(bytes);

type Fields = Omit<RosterLine, 'line'>;
/** A bad member, the problem it must be refused with, and whether it may instead be stored harmless. */
type Attack = {
  readonly kind: string;
  readonly entry: (earlier: Fields) => Fields;
  readonly problem: object;
  /** Trimmed at the boundary or a number: may be stored harmless (the export test below neutralises it). */
  readonly mayBeNeutralised?: boolean;
  /** Only an attack after another line (a duplicate). */
  readonly notFirst?: boolean;
};

const NAME = 'Nguyễn Văn An';
const bad = (name: string, position = 'Unit'): Fields => ({ name, position, group: '' });
const renamed = (e: Fields, name: string): Fields => ({ ...e, name });
const ATTACKS: readonly Attack[] = [
  { kind: 'formula =', entry: () => bad('=HYPERLINK("http://evil","x")'), problem: { code: 'FORMULA', field: 'name' } },
  { kind: 'formula +', entry: () => bad('+1+1'), problem: { code: 'FORMULA', field: 'name' } },
  { kind: 'formula @', entry: () => bad('@SUM(A1)'), problem: { code: 'FORMULA', field: 'name' } },
  { kind: 'formula -', entry: () => bad("-cmd|' /C calc'!A0"), problem: { code: 'FORMULA', field: 'name' } },
  {
    kind: 'formula in a position',
    entry: () => bad('Trần Bình', '=1+1'),
    problem: { code: 'FORMULA', field: 'position' },
  },
  {
    kind: 'formula after spaces',
    entry: () => bad('Trần Bình', '   =1+1'),
    problem: { code: 'FORMULA', field: 'position' },
  },
  {
    kind: 'formula in a group',
    entry: () => ({ ...bad('Trần Bình'), group: '@x' }),
    problem: { code: 'FORMULA', field: 'group' },
  },
  {
    kind: 'formula -digit',
    // Accepted ones stay on the roster: named after the run's own members, so no later run repeats them.
    entry: (e) => bad(`${e.name} b`, '-1+1'),
    problem: { code: 'FORMULA' },
    mayBeNeutralised: true,
  },
  {
    kind: 'tab at start (trimmed)',
    entry: (e) => bad(`\t${e.name} t`),
    problem: { code: 'FORMULA' },
    mayBeNeutralised: true,
  },
  {
    kind: 'cell over 200 characters',
    entry: () => bad('ễ'.repeat(201)),
    problem: { code: 'TOO_LONG', field: 'name', max: 200 },
  },
  { kind: 'empty name', entry: () => bad(''), problem: { code: 'NAME_EMPTY' } },
  { kind: 'a row number for a name', entry: () => bad('17'), problem: { code: 'NAME_WITHOUT_LETTERS' } },
  { kind: 'duplicate', notFirst: true, entry: (e) => e, problem: { code: 'DUPLICATE' } },
  {
    kind: 'duplicate in other case',
    notFirst: true,
    entry: (e) => renamed(e, e.name.toUpperCase()),
    problem: { code: 'DUPLICATE' },
  },
  {
    kind: 'duplicate in NFD',
    notFirst: true,
    entry: (e) => renamed(e, e.name.normalize('NFD')),
    problem: { code: 'DUPLICATE' },
  },
  {
    kind: 'duplicate with two spaces',
    notFirst: true,
    entry: (e) => renamed(e, e.name.replace(' ', '  ')),
    problem: { code: 'DUPLICATE' },
  },
  {
    kind: 'duplicate with a no-break space',
    notFirst: true,
    entry: (e) => renamed(e, e.name.replace(' ', '\u00A0')),
    problem: { code: 'DUPLICATE' },
  },
  {
    kind: 'duplicate with a zero-width space',
    notFirst: true,
    entry: (e) => renamed(e, e.name.replace(' ', ' \u200B')),
    problem: { code: 'DUPLICATE' },
  },
  {
    kind: 'NUL (UTF-16 read as UTF-8)',
    entry: () => bad('T\u0000r\u0000a\u0000n\u0000'),
    problem: { code: 'NOT_UTF8' },
  },
  {
    kind: 'escape sequence',
    entry: () => bad('Trần\u001b[2J'),
    problem: { code: 'INVISIBLE_CHARACTER', codePoint: 0x1b },
  },
  {
    kind: 'right-to-left override',
    entry: () => bad('Trần\u202Egnp.exe'),
    problem: { code: 'INVISIBLE_CHARACTER', codePoint: 0x202e },
  },
  {
    kind: 'byte order mark inside a name',
    entry: () => bad('Trần\uFEFFBình'),
    problem: { code: 'INVISIBLE_CHARACTER', codePoint: 0xfeff },
  },
  { kind: 'U+FFFD (not UTF-8)', entry: () => bad('Tr\uFFFDn'), problem: { code: 'NOT_UTF8' } },
];

const roster = (n: number, salt: string): Fields[] =>
  Array.from({ length: n }, (_, i) => ({ name: `${NAME} ${salt}${i + 1}`, position: `Đơn vị ${i + 1}`, group: 'A' }));

describe('one bad line anywhere: the whole roster is refused with its line and code, nothing imported', () => {
  test.each(ATTACKS.map((a) => [a.kind, a] as const))('%s', async (_kind, attack) => {
    const seed = faultSeed();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 25 }),
        fc.nat(),
        fc.integer({ min: 1, max: 5 }),
        fc.constantFrom('replace', 'append'),
        async (n, at, firstLine, mode) => {
          const entries = roster(n, randomUUID().slice(0, 4));
          const position = at % (entries.length + 1);
          if (attack.notFirst && position === 0) return;
          entries.splice(position, 0, attack.entry(entries[Math.max(0, position - 1)]!));
          // Line numbers as a file with `firstLine - 1` title lines numbers them.
          const lines = entries.map((e, i) => ({ ...e, line: firstLine + i }));
          const expectedLine = firstLine + position;
          const before = await view();
          const ack = await importLines(lines, mode);
          if (ack.ok && attack.mayBeNeutralised) return;
          expect(ack, JSON.stringify(lines)).toMatchObject({ ok: false, error: 'INVALID_ROSTER' });
          expect(problemsOf(ack)).toContainEqual(expect.objectContaining({ ...attack.problem, line: expectedLine }));
          expect(await view()).toEqual(before);
        },
      ),
      { numRuns: 4, seed },
    );
  });
});

describe('wrong encodings (the bytes as a browser reads them into a string)', () => {
  const lines = ['An,Unit 1', 'Trần Bình,Unit 2', 'Lê Cường,Unit 3'];
  const cp1258 = Buffer.from([0x54, 0x72, 0xe2, 0xcc, 0x6e, 0x20, 0x42, 0xec, 0x6e, 0x68]); // "Trần Bình" in Windows-1258
  test.each([
    ['Windows-1258', Buffer.concat([Buffer.from('An,Unit 1\n'), cp1258, Buffer.from(',Unit 2\n')]), 2],
    ['Latin-1', Buffer.from(`An,Unit 1\nBình,Unit 2\n`, 'latin1'), 2],
    ['UTF-16 LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join('\n'), 'utf16le')]), 1],
    ['UTF-16 LE without BOM', Buffer.from(lines.join('\n'), 'utf16le'), 1],
  ])(
    '%s: the reader names the line; sent past it, the server refuses it too, also at meeting creation',
    async (_name, bytes, line) => {
      const text = asBrowserReads(bytes);
      expect(reviewRosterText(text).problems).toContainEqual({ code: 'NOT_UTF8', line });
      const before = await view();
      const ack = await importLines(naiveLines(text), 'replace');
      expect(ack).toMatchObject({ ok: false, error: 'INVALID_ROSTER' });
      expect(problemsOf(ack)).toContainEqual({ code: 'NOT_UTF8', line });
      expect(await view()).toEqual(before);
      const meetings = h.app.hall.meetings.size;
      const res = await fetch(`${h.url}/api/meetings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
        body: JSON.stringify({ title: 'Encoding', rulePresetId: 'simple-majority', roster: naiveLines(text) }),
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ ok: false, error: 'INVALID_ROSTER' });
      expect(h.app.hall.meetings.size).toBe(meetings);
    },
  );
});

describe('duplicates against the roster already there', () => {
  test('appending a member who is already on the roster (in any disguise) is refused with the line', async () => {
    const existing = (await view()).delegates[1]!;
    const before = await view();
    for (const disguise of [
      existing.name,
      existing.name.normalize('NFD'),
      existing.name.toLowerCase(),
      existing.name.replace(' ', '  '),
    ]) {
      const lines = [
        { line: 1, name: 'Mới Một', position: 'Unit', group: '' },
        { line: 2, name: disguise, position: existing.position, group: '' },
      ];
      const ack = await importLines(lines, 'append');
      expect(problemsOf(ack), disguise).toEqual([{ code: 'ALREADY_ON_ROSTER', line: 2 }]);
    }
    expect(await view()).toEqual(before);
    // Replacing the roster with the same people is fine: they are not on it twice.
    const same = before.delegates.map((d, i) => ({ line: i + 1, name: d.name, position: d.position, group: d.group }));
    expect((await importLines(same, 'replace')).ok).toBe(true);
  });
});

describe('oversized', () => {
  test('appending past the most members a roster may have: refused at the first line too many, nothing imported', async () => {
    const before = await view();
    const room = MAX_ROSTER - before.delegates.length;
    const lines = Array.from({ length: room + 1 }, (_, i) => ({
      line: i + 2,
      name: `M${i}`,
      position: 'U',
      group: '',
    }));
    const ack = await importLines(lines, 'append');
    expect(problemsOf(ack)).toEqual([{ code: 'TOO_MANY_MEMBERS', line: room + 2, max: MAX_ROSTER }]);
    expect(await view()).toEqual(before);
  });
});

describe('what is accepted is neutralised in every CSV export', () => {
  test('cells a spreadsheet could run come out with a leading apostrophe', async () => {
    const m = await h.createMeeting({ rosterCsv: 'Trần Bình,-1+1\nLê Cường,＝1+1\nPhạm Dũng,-5' });
    const c = (await h.chair(m)).socket;
    for (const token of h.tokens(m.meetingId)) await h.delegate(token);
    const { ballotId } = okData(
      await request(c, 'ballot:create', {
        title: '=HYPERLINK("http://evil")',
        kind: 'choice',
        secret: true,
        subjects: [{ id: 's', label: '+SUM(A1:A9)', group: '@group' }],
        options: [
          { id: 'a', label: '-2+3' },
          { id: 'b', label: '\tTab' },
        ],
        allowChange: false,
        interimForChair: false,
        // Closed with an empty box, to export the labels.
        earlyCloseMinimum: 0,
      }),
    );
    okData(await request(c, 'ballot:open', { ballotId }));
    okData(await request(c, 'ballot:close', { ballotId }));
    const get = async (path: string) => {
      const res = await fetch(`${h.url}/api/meetings/${m.meetingId}/${path}`, {
        headers: { authorization: `Bearer ${m.chairKey}` },
      });
      return (await res.text()).replace(/^\uFEFF/, '');
    };
    for (const path of ['attendance.csv', `rounds/${ballotId}/1.csv`]) {
      const cells = (parse(await get(path), { relax_column_count: true }) satisfies string[][]).flat();
      expect(cells.length, path).toBeGreaterThan(5);
      expect(
        cells.filter((cell) => /^[=+\-@\t\r]/.test(cell)),
        path,
      ).toEqual([]);
    }
  });
});
