// Roster CSV attacks: formula injection, oversized files, wrong encodings, duplicate names in
// every disguise, control characters. Each bad file is refused whole, with the line of the
// problem, and nothing is imported; what is accepted leaves every CSV export neutralised. And a
// kill -9 in the middle of a big import leaves the roster as it was or as it should be, never half.
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { ChairSnapshot, CreateMeetingResponse } from '@hallvote/shared';
import { ADMIN_TOKEN, rosterCsv, startHarness, type Harness } from '../support/harness';
import { okData, request, type Client } from '../support/request';
import { ChildServer } from '../support/child-server';
import { ask, askPatiently, connectRole, createMeetingHttp } from './support/hall-client';
import { faultSeed, seededRandom, sleep } from './support/random';

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
/** An import by the chair; this file is about CSV, so it waits out the chair's rate limit. */
const importCsv = (csv: string, mode: 'replace' | 'append', dryRun: boolean) =>
  askPatiently(chair, 'roster:import', { csv, mode, dryRun });
/** The line numbers a refusal names. */
const linesOf = (reply: Awaited<ReturnType<typeof importCsv>>) =>
  reply.ok || !('issues' in reply) ? [] : (reply.issues ?? []).map((i) => i.line);
/** What a browser's File.text() makes of these bytes: UTF-8, with U+FFFD for what is not. */
const asBrowserReads = (bytes: Buffer) => new TextDecoder().decode(bytes);

/** A bad line, and whether a spreadsheet-looking cell may instead be accepted and neutralised on export. */
type Attack = {
  readonly kind: string;
  readonly line: (earlier: string) => string;
  readonly mayBeNeutralised?: boolean;
  /** Only an attack after another line (a duplicate; a byte order mark, which is fine first). */
  readonly notFirst?: boolean;
};

const NAME = 'Nguyễn Văn An';
const ATTACKS: readonly Attack[] = [
  { kind: 'formula =', line: () => `=HYPERLINK("http://evil","x"),Unit` },
  { kind: 'formula +', line: () => `+1+1,Unit` },
  { kind: 'formula @', line: () => `@SUM(A1),Unit` },
  { kind: 'formula -', line: () => `-cmd|' /C calc'!A0,Unit` },
  { kind: 'formula in a quoted position', line: () => `Trần Bình,"=1+1"` },
  { kind: 'formula after spaces', line: () => `Trần Bình,   =1+1` },
  { kind: 'formula -digit', line: () => `Trần Bình,-1+1`, mayBeNeutralised: true },
  { kind: 'tab at start', line: () => `"\tTrần",Unit` },
  { kind: 'cell over 200 characters', line: () => `${'ễ'.repeat(201)},Unit` },
  { kind: 'empty name', line: () => `,Unit` },
  { kind: 'four columns', line: () => `Trần Bình,Unit,G,extra` },
  { kind: 'duplicate', notFirst: true, line: (earlier) => earlier },
  { kind: 'duplicate in other case', notFirst: true, line: (earlier) => earlier.toUpperCase() },
  { kind: 'duplicate in NFD', notFirst: true, line: (earlier) => earlier.normalize('NFD') },
  { kind: 'duplicate with two spaces', notFirst: true, line: (earlier) => earlier.replace(' ', '  ') },
  { kind: 'duplicate with a no-break space', notFirst: true, line: (earlier) => earlier.replace(' ', '\u00A0') },
  { kind: 'duplicate with a zero-width space', notFirst: true, line: (earlier) => earlier.replace(' ', ' \u200B') },
  { kind: 'NUL (UTF-16 read as UTF-8)', line: () => `T\u0000r\u0000a\u0000n\u0000,Unit` },
  { kind: 'escape sequence', line: () => `Trần\u001b[2J,Unit` },
  { kind: 'right-to-left override', line: () => `Trần\u202Egnp.exe,Unit` },
  { kind: 'byte order mark mid-file', line: () => `\uFEFFTrần Bình,Unit`, notFirst: true },
  { kind: 'U+FFFD (not UTF-8)', line: () => `Tr\uFFFDn,Unit` },
];

const roster = (n: number, salt: string) =>
  Array.from({ length: n }, (_, i) => `${NAME} ${salt}${i + 1},Đơn vị ${i + 1},A`);

describe('one bad line anywhere: the whole file is refused with its line, nothing imported', () => {
  test.each(ATTACKS.map((a) => [a.kind, a] as const))('%s', async (_kind, attack) => {
    const seed = faultSeed();
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 25 }),
        fc.nat(),
        fc.boolean(),
        fc.constantFrom('replace', 'append'),
        async (n, at, header, mode) => {
          const lines = roster(n, randomUUID().slice(0, 4));
          const position = at % (lines.length + 1);
          const earlier = lines[Math.max(0, position - 1)]!;
          if (attack.notFirst && position === 0 && !header) return;
          if (attack.kind.startsWith('duplicate') && position === 0) return;
          lines.splice(position, 0, attack.line(earlier));
          const csv = [...(header ? ['Họ và tên,Chức vụ,Nhóm'] : []), ...lines].join('\n');
          const expectedLine = position + 1 + (header ? 1 : 0);
          const before = await view();
          for (const dryRun of [true, false]) {
            const ack = await importCsv(csv, mode, dryRun);
            if (ack.ok && attack.mayBeNeutralised) return;
            expect(ack, `${csv}`).toMatchObject({ ok: false, error: 'INVALID_CSV' });
            expect(linesOf(ack), csv).toContain(expectedLine);
          }
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
    '%s: refused with the line of the first bad character, nothing imported, also at meeting creation',
    async (_name, bytes, line) => {
      const csv = asBrowserReads(bytes);
      const before = await view();
      const ack = await importCsv(csv, 'replace', false);
      expect(ack).toMatchObject({ ok: false, error: 'INVALID_CSV' });
      expect(linesOf(ack)).toContain(line);
      expect(await view()).toEqual(before);
      const meetings = h.app.hall.meetings.size;
      const res = await fetch(`${h.url}/api/meetings`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
        body: JSON.stringify({ title: 'Encoding', rulePresetId: 'simple-majority', rosterCsv: csv }),
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({ ok: false, error: 'INVALID_CSV' });
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
      const csv = `Mới Một,Unit\n${disguise},${existing.position}`;
      const ack = await importCsv(csv, 'append', false);
      expect(ack, disguise).toMatchObject({ ok: false, error: 'INVALID_CSV', issues: [{ line: 2 }] });
    }
    expect(await view()).toEqual(before);
    // Replacing the roster with the same people is fine: they are not on it twice.
    const same = before.delegates.map((d) => `${d.name},${d.position}`).join('\n');
    expect((await importCsv(same, 'replace', true)).ok).toBe(true);
  });
});

describe('oversized', () => {
  test('one line more than the maximum roster: refused at that line, nothing imported', async () => {
    const before = await view();
    const csv = Array.from({ length: 20_001 }, (_, i) => `M${i},U`).join('\n');
    const ack = await importCsv(csv, 'replace', false);
    expect(ack).toMatchObject({ ok: false, error: 'INVALID_CSV', issues: [{ line: 20_001 }] });
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

describe('kill -9 in the middle of a big import', () => {
  test('the roster is as it was or fully imported, never half', async () => {
    const rnd = seededRandom(faultSeed());
    const server = await ChildServer.start();
    try {
      const m = await createMeetingHttp(server.url, server.adminToken, { rosterCsv: rosterCsv(5) });
      const auth = { role: 'chair', meetingId: m.meetingId, key: m.chairKey };
      const big = Array.from({ length: 20_000 }, (_, i) => `Thành viên ${i + 1},Đơn vị ${i % 97},G${i % 7}`).join('\n');
      let roster = 5;
      const outcomes: number[] = [];
      for (let k = 0; k < 3; k += 1) {
        const { socket } = await connectRole(server.url, auth);
        // How long an import takes here, so that the kill can fall inside one.
        const t0 = Date.now();
        await ask(socket, 'roster:import', { csv: big, mode: 'append', dryRun: true });
        const took = Date.now() - t0;
        void ask(socket, 'roster:import', { csv: big, mode: 'append', dryRun: false });
        await sleep(rnd.int(0, took * 2));
        await server.kill9();
        socket.close();
        await server.restart();
        const { socket: again, snapshot } = await connectRole(server.url, auth);
        const after = (snapshot as ChairSnapshot).presence.roster;
        expect([roster, roster + 20_000]).toContain(after);
        outcomes.push(after - roster);
        roster = after;
        again.close();
      }
      expect(outcomes.length).toBe(3);
    } finally {
      await server.stop();
      server.cleanup();
    }
  });
});
