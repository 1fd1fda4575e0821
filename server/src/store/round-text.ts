// A round's stored ballots read straight from their JSON text: a vote is stored as its canonical
// record (shared/src/seal.ts), so the text is already what the seal covers, and its marks can be
// packed for the tally by reading the text once, without building an object per ballot. Any row
// that is not exactly that shape (an older row, an id JSON would escape) is parsed the ordinary way;
// both ways give the same packed records and canonical texts (test/unit/server/round-text.test.ts).
import { canonicalRecord, type Marks, type TallyBallot } from '@hallvote/shared';
import type { RoundBallots } from './round-records';

const QUOTE = 34;
const COMMA = 44;
const COLON = 58;
const OPEN_LIST = 91;
const CLOSE_LIST = 93;
const OPEN_OBJECT = 123;
const CLOSE_OBJECT = 125;

/** Ids JSON writes as they are, and which no engine reorders (an integer-like key would be). */
const PLAIN_ID = /^(?![0-9]+$)[A-Za-z0-9_-]+$/;

interface Ballot {
  /** Subject ids sorted as the canonical record sorts them, with their index on the ballot. */
  readonly sorted: readonly { readonly id: string; readonly index: number }[];
  readonly sortedIds: readonly string[];
  readonly options: readonly string[];
}

/** Reads `"<one of ids[from…]>"` at `at`: the index of the id, or -1. */
function quotedId(text: string, at: number, ids: readonly string[], from = 0): number {
  if (text.charCodeAt(at) !== QUOTE) return -1;
  for (let i = from; i < ids.length; i += 1) {
    const id = ids[i] as string;
    if (text.startsWith(id, at + 1) && text.charCodeAt(at + 1 + id.length) === QUOTE) return i;
  }
  return -1;
}

/**
 * Reads a canonical row into `rows` (per ballot subject, option indexes): true, or false when the
 * text is anything but canonical JSON of this ballot's subjects and options.
 */
function scanRow(text: string, ballot: Ballot, rows: number[][]): boolean {
  for (const row of rows) row.length = 0;
  const subjectIds = ballot.sortedIds;
  if (text.charCodeAt(0) !== OPEN_OBJECT) return false;
  let at = 1;
  let lastSubject = -1;
  if (text.charCodeAt(at) === CLOSE_OBJECT) return at + 1 === text.length;
  for (;;) {
    // Subjects in sorted order, each once (the canonical record's order): only later ones can follow.
    const s = quotedId(text, at, subjectIds, lastSubject + 1);
    if (s < 0) return false;
    lastSubject = s;
    at += (subjectIds[s] as string).length + 2;
    if (text.charCodeAt(at) !== COLON || text.charCodeAt(at + 1) !== OPEN_LIST) return false;
    at += 2;
    const row = rows[(ballot.sorted[s] as { index: number }).index] as number[];
    if (text.charCodeAt(at) !== CLOSE_LIST)
      for (;;) {
        const o = quotedId(text, at, ballot.options);
        if (o < 0) return false;
        // Options in sorted order: the canonical record sorts each row.
        const previous = row.at(-1);
        if (previous !== undefined && (ballot.options[o] as string) < (ballot.options[previous] as string))
          return false;
        row.push(o);
        at += (ballot.options[o] as string).length + 2;
        if (text.charCodeAt(at) === CLOSE_LIST) break;
        if (text.charCodeAt(at) !== COMMA) return false;
        at += 1;
      }
    at += 1;
    if (text.charCodeAt(at) === CLOSE_OBJECT) return at + 1 === text.length;
    if (text.charCodeAt(at) !== COMMA) return false;
    at += 1;
  }
}

/** Option indexes, growing as rows are read (the total is known only at the end). */
class MarkBuffer {
  marks = new Int16Array(1024);
  size = 0;

  push(option: number): void {
    if (this.size === this.marks.length) {
      const bigger = new Int16Array(this.marks.length * 2);
      bigger.set(this.marks);
      this.marks = bigger;
    }
    this.marks[this.size++] = option;
  }
}

/** The stored ballots of a round, from their JSON texts: packed for the tally, canonical for the seal. */
export function roundBallotsFromText(ballot: TallyBallot, texts: readonly string[]): RoundBallots {
  const plain = ballot.subjects.every((s) => PLAIN_ID.test(s.id)) && ballot.options.every((o) => PLAIN_ID.test(o.id));
  const sorted = ballot.subjects.map((s, index) => ({ id: s.id, index })).sort((a, b) => (a.id < b.id ? -1 : 1));
  const layout: Ballot = { sorted, sortedIds: sorted.map((s) => s.id), options: ballot.options.map((o) => o.id) };
  const optionIndex = new Map(layout.options.map((id, i) => [id, i] as const));
  const subjects = ballot.subjects.length;
  const rowStart = new Int32Array(texts.length * subjects + 1);
  const buffer = new MarkBuffer();
  const rows: number[][] = ballot.subjects.map(() => []);
  const canonical = new Array<string>(texts.length);
  texts.forEach((text, r) => {
    if (plain && scanRow(text, layout, rows)) canonical[r] = text;
    else {
      // Exactly as packRecords reads a record object: own rows that are lists, ids not on the ballot -1.
      const marks = JSON.parse(text) as Marks;
      canonical[r] = canonicalRecord(marks);
      ballot.subjects.forEach((subject, s) => {
        const row = rows[s] as number[];
        row.length = 0;
        const marked: unknown = Object.hasOwn(marks, subject.id) ? marks[subject.id] : undefined;
        if (Array.isArray(marked))
          for (const id of marked as readonly unknown[])
            row.push(typeof id === 'string' ? (optionIndex.get(id) ?? -1) : -1);
      });
    }
    rows.forEach((row, s) => {
      rowStart[r * subjects + s] = buffer.size;
      for (const option of row) buffer.push(option);
    });
  });
  rowStart[texts.length * subjects] = buffer.size;
  return { packed: { count: texts.length, subjects, rowStart, marks: buffer.marks.slice(0, buffer.size) }, canonical };
}
