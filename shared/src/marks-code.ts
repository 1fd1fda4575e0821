// A ballot's marks as bytes whose number depends on the ballot alone, never on what was marked:
// the plaintext of a sealed secret ballot (sealed-marks.ts). JSON would not do: "good" and
// "excellent" differ in length, and so would their ciphertexts, which a listener can measure.
// Layout: one version byte, then per subject in ballot order ceil(options / 8) bytes, where bit
// o % 8 of byte o / 8 is set when option o (in ballot order) is marked on that row.
import { MAX_OPTIONS, MAX_SUBJECTS } from './ballot-limits';
import type { Marks } from './marks';

const CODE_VERSION = 1;

/** What the code needs of a ballot: its subjects and options, in order. */
export interface CodedBallot {
  readonly subjects: readonly { readonly id: string }[];
  readonly options: readonly { readonly id: string }[];
}

const rowBytes = (ballot: CodedBallot) => Math.ceil(ballot.options.length / 8);

/** The length of every coded ballot of `ballot`, in bytes. */
export function codedLength(ballot: CodedBallot): number {
  return 1 + ballot.subjects.length * rowBytes(ballot);
}

/** Longest sealed ballot, as text: "v1." + base64url of key (32) + nonce (24) + tag (16) + code. */
export const MAX_SEALED_CHARS = 3 + Math.ceil(((32 + 24 + 16 + 1 + MAX_SUBJECTS * Math.ceil(MAX_OPTIONS / 8)) * 4) / 3);

/** Codes `marks`; marks of a subject or an option the ballot does not have are an error. */
export function encodeMarks(ballot: CodedBallot, marks: Marks): Uint8Array {
  const row = rowBytes(ballot);
  const bytes = new Uint8Array(codedLength(ballot));
  bytes[0] = CODE_VERSION;
  const subjectIndex = new Map(ballot.subjects.map((s, i) => [s.id, i]));
  const optionIndex = new Map(ballot.options.map((o, i) => [o.id, i]));
  for (const [subjectId, optionIds] of Object.entries(marks)) {
    const s = subjectIndex.get(subjectId);
    if (s === undefined) throw new Error(`no subject ${subjectId} on this ballot`);
    for (const optionId of optionIds) {
      const o = optionIndex.get(optionId);
      if (o === undefined) throw new Error(`no option ${optionId} on this ballot`);
      const at = 1 + s * row + (o >> 3);
      bytes[at] = (bytes[at] ?? 0) | (1 << (o & 7));
    }
  }
  return bytes;
}

/** The marks of a coded ballot (every subject, an unmarked one as an empty row); null if malformed. */
export function decodeMarks(ballot: CodedBallot, bytes: Uint8Array): Marks | null {
  if (bytes.length !== codedLength(ballot) || bytes[0] !== CODE_VERSION) return null;
  const row = rowBytes(ballot);
  const marks: Record<string, string[]> = {};
  for (const [s, subject] of ballot.subjects.entries()) {
    const marked: string[] = [];
    for (let b = 0; b < row; b += 1) {
      const byte = bytes[1 + s * row + b] ?? 0;
      for (let bit = 0; bit < 8; bit += 1) {
        if ((byte & (1 << bit)) === 0) continue;
        const option = ballot.options[b * 8 + bit];
        // A bit past the last option: not a ballot this code made.
        if (!option) return null;
        marked.push(option.id);
      }
    }
    marks[subject.id] = marked;
  }
  return marks;
}

// A split ballot's rows (split.ts) coded the same way: a length fixed by the ballot, so that the
// ciphertext says nothing of how the votes were split. Version byte 2, then per subject and option
// in ballot order the votes given as a 5-byte unsigned integer (up to 2^40, above any roster's
// total weight).
const SPLIT_VERSION = 2;
const AMOUNT_BYTES = 5;

/** The most subject × option cells of a ballot that a split may be cast on. */
export const MAX_SPLIT_CELLS = 2_000;

/** The length of every coded split of `ballot`, in bytes. */
export function codedSplitLength(ballot: CodedBallot): number {
  return 1 + ballot.subjects.length * ballot.options.length * AMOUNT_BYTES;
}

/** Longest sealed split, as text (see MAX_SEALED_CHARS). */
export const MAX_SEALED_SPLIT_CHARS = 3 + Math.ceil(((32 + 24 + 16 + 1 + MAX_SPLIT_CELLS * AMOUNT_BYTES) * 4) / 3);

/** Codes a split's rows; a subject or an option the ballot does not have is an error. */
export function encodeSplit(
  ballot: CodedBallot,
  rows: Readonly<Record<string, Readonly<Record<string, number>>>>,
): Uint8Array {
  const bytes = new Uint8Array(codedSplitLength(ballot));
  bytes[0] = SPLIT_VERSION;
  const subjectIndex = new Map(ballot.subjects.map((s, i) => [s.id, i]));
  const optionIndex = new Map(ballot.options.map((o, i) => [o.id, i]));
  for (const [subjectId, row] of Object.entries(rows)) {
    const s = subjectIndex.get(subjectId);
    if (s === undefined) throw new Error(`no subject ${subjectId} on this ballot`);
    for (const [optionId, votes] of Object.entries(row)) {
      const o = optionIndex.get(optionId);
      if (o === undefined) throw new Error(`no option ${optionId} on this ballot`);
      let v = votes;
      const at = 1 + (s * ballot.options.length + o) * AMOUNT_BYTES;
      for (let b = AMOUNT_BYTES - 1; b >= 0; b -= 1) {
        bytes[at + b] = v % 256;
        v = Math.floor(v / 256);
      }
    }
  }
  return bytes;
}

/** A coded split's rows (every subject and option, zeros included); null if malformed. */
export function decodeSplit(ballot: CodedBallot, bytes: Uint8Array): Record<string, Record<string, number>> | null {
  if (bytes.length !== codedSplitLength(ballot) || bytes[0] !== SPLIT_VERSION) return null;
  const rows: Record<string, Record<string, number>> = {};
  ballot.subjects.forEach((subject, s) => {
    const row: Record<string, number> = {};
    ballot.options.forEach((option, o) => {
      let v = 0;
      const at = 1 + (s * ballot.options.length + o) * AMOUNT_BYTES;
      for (let b = 0; b < AMOUNT_BYTES; b += 1) v = v * 256 + (bytes[at + b] ?? 0);
      row[option.id] = v;
    });
    rows[subject.id] = row;
  });
  return rows;
}
