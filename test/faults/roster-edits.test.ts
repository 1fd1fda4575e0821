// One set of roster checks for an import and for a single edit: `delegate:add` and
// `delegate:update` refuse what a roster import refuses (formula-looking cells, bidi overrides,
// control and zero-width characters, a name without letters, a member already on the roster in a
// disguise), with the same problem codes, and change nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import type { ChairSnapshot, CreateMeetingResponse } from '@hallvote/shared';
import { rosterCsv, startHarness, type Harness } from '../support/harness';
import { okData, request, type Client } from '../support/request';
import { askPatiently } from './support/hall-client';

let h: Harness;
let meeting: CreateMeetingResponse;
let chair: Client;

beforeAll(async () => {
  h = await startHarness();
  meeting = await h.createMeeting({ rosterCsv: rosterCsv(3) });
});

beforeEach(async () => {
  chair = (await h.chair(meeting)).socket;
});

afterAll(async () => {
  await h.stop();
  h.cleanup();
});

const view = async () => ({ ...(okData(await request(chair, 'sync:request', {})) as ChairSnapshot), seq: 0 });

/** Bad entries and the problem each must be refused with (`name` is the field it sits in). */
const BAD: readonly (readonly [string, { name: string; position: string }, object])[] = [
  ['formula =', { name: '=HYPERLINK("http://evil","x")', position: 'Unit' }, { code: 'FORMULA', field: 'name' }],
  ['formula @ in the position', { name: 'Trần Bình', position: '@SUM(A1)' }, { code: 'FORMULA', field: 'position' }],
  [
    'right-to-left override',
    { name: 'Trần\u202Egnp.exe', position: 'Unit' },
    { code: 'INVISIBLE_CHARACTER', field: 'name', codePoint: 0x202e },
  ],
  [
    'escape sequence',
    { name: 'Trần\u001b[2J', position: 'Unit' },
    { code: 'INVISIBLE_CHARACTER', field: 'name', codePoint: 0x1b },
  ],
  [
    'zero-width space',
    { name: 'Trần\u200BBình', position: 'Unit' },
    { code: 'INVISIBLE_CHARACTER', field: 'name', codePoint: 0x200b },
  ],
  ['a number for a name', { name: '12', position: 'Unit' }, { code: 'NAME_WITHOUT_LETTERS' }],
];

describe('delegate:add checks what an import checks', () => {
  test.each(BAD)('%s: refused with its problem code, nothing added', async (_kind, entry, problem) => {
    const before = await view();
    const ack = await askPatiently(chair, 'delegate:add', { ...entry, group: '' });
    expect(ack).toMatchObject({ ok: false, error: 'INVALID_ROSTER', params: { problems: [problem] } });
    expect(await view()).toEqual(before);
  });

  test('a member already on the roster, behind a zero-width space or in other case and spacing: refused', async () => {
    const before = await view();
    const existing = before.delegates[1]!;
    for (const name of [existing.name, existing.name.toUpperCase(), existing.name.replace(' ', '  ')]) {
      const ack = await askPatiently(chair, 'delegate:add', { name, position: existing.position, group: '' });
      expect(ack, name).toMatchObject({
        ok: false,
        error: 'INVALID_ROSTER',
        params: { problems: [{ code: 'ALREADY_ON_ROSTER' }] },
      });
    }
    const hidden = existing.name.replace(' ', ' \u200B');
    const ack = await askPatiently(chair, 'delegate:add', { name: hidden, position: existing.position, group: '' });
    expect(ack).toMatchObject({ ok: false, error: 'INVALID_ROSTER' });
    expect(await view()).toEqual(before);
  });
});

describe('delegate:update checks what an import checks', () => {
  test.each(BAD)('%s: refused with its problem code, nothing changed', async (_kind, entry, problem) => {
    const before = await view();
    const target = before.delegates[0]!;
    const ack = await askPatiently(chair, 'delegate:update', { delegateId: target.id, ...entry });
    expect(ack).toMatchObject({ ok: false, error: 'INVALID_ROSTER', params: { problems: [problem] } });
    expect(await view()).toEqual(before);
  });

  test('renaming a member into another member is refused; keeping their own name is not', async () => {
    const before = await view();
    const [first, second] = before.delegates;
    const ack = await askPatiently(chair, 'delegate:update', {
      delegateId: first!.id,
      name: second!.name.toLowerCase(),
      position: second!.position,
    });
    expect(ack).toMatchObject({
      ok: false,
      error: 'INVALID_ROSTER',
      params: { problems: [{ code: 'ALREADY_ON_ROSTER' }] },
    });
    expect(await view()).toEqual(before);
    const same = await askPatiently(chair, 'delegate:update', { delegateId: first!.id, name: first!.name });
    expect(same.ok).toBe(true);
  });
});
