// Builders for tally inputs, shared by the tally tests.
import type {
  AttendanceCounts,
  BallotKind,
  BallotRecord,
  RuleSet,
  TallyBallot,
  TallyInput,
  TallyOption,
  TallySubject,
} from '../../../shared/src/tally/index';
import { CLASSIFICATION_LEVELS, MOTION_OPTIONS } from '../../../shared/src/rules/index';

/** A neutral rule set: quorum 2/3, strict half of valid ballots, revote. Tests override parts. */
export function rules(overrides: Partial<RuleSet> = {}): RuleSet {
  return {
    id: 'test',
    version: 1,
    name: 'test rules',
    quorum: { num: 2, den: 3 },
    majority: { fraction: { num: 1, den: 2 }, strict: true, base: 'valid' },
    percentBase: 'valid',
    noDecision: 'revote',
    caps: [],
    batchStrict: false,
    ...overrides,
  };
}

/** Everyone on the roster present, nobody excused. */
export function allPresent(roster: number): AttendanceCounts {
  return { roster, present: roster, excusedAbsent: 0 };
}

export const SUBJECT: TallySubject = { id: 's', label: 'the subject' };

export function ballot(
  kind: BallotKind,
  options: readonly TallyOption[],
  subjects: readonly TallySubject[] = [SUBJECT],
  seats?: number,
): TallyBallot {
  return seats === undefined ? { kind, subjects, options } : { kind, subjects, options, seats };
}

export const MOTION = ballot('motion', MOTION_OPTIONS);
export const CLASSIFICATION = ballot('choice', CLASSIFICATION_LEVELS);

export function candidates(...ids: string[]): TallyOption[] {
  return ids.map((id) => ({ id, label: id.toUpperCase() }));
}

/**
 * Rows from a compact spec: space-separated `marks:count` pairs, where marks is an option id,
 * `a+b` for a row marking both, or `-` for a row left empty. "yes:3 -:1" is three yes rows and
 * one empty row.
 */
export function rows(spec: string): string[][] {
  const out: string[][] = [];
  for (const pair of spec.split(' ').filter((p) => p !== '')) {
    const [marks = '', count = '1'] = pair.split(':');
    const row = marks === '-' ? [] : marks.split('+');
    for (let i = 0; i < Number(count); i += 1) out.push([...row]);
  }
  return out;
}

/** Single-subject records from a {@link rows} spec, plus `invalid` ballots spoilt as a whole. */
export function records(spec: string, invalid = 0, reason = 'torn', subjectId = SUBJECT.id): BallotRecord[] {
  const valid = rows(spec).map((marks): BallotRecord => ({ marks: { [subjectId]: marks } }));
  const spoilt = Array.from({ length: invalid }, (): BallotRecord => ({
    marks: {},
    invalid: reason,
  }));
  return [...valid, ...spoilt];
}

/**
 * Batch records: per subject a {@link rows} spec of the same length; ballot i carries row i of
 * every subject.
 */
export function batchRecords(specs: Readonly<Record<string, string>>): BallotRecord[] {
  const columns = Object.entries(specs).map(([subjectId, spec]) => [subjectId, rows(spec)] as const);
  const length = columns[0]?.[1].length ?? 0;
  for (const [subjectId, column] of columns) {
    if (column.length !== length) throw new Error(`${subjectId}: ${column.length} rows, expected ${length}`);
  }
  return Array.from({ length }, (_, i) => ({
    marks: Object.fromEntries(columns.map(([subjectId, column]) => [subjectId, column[i] ?? []])),
  }));
}

/** A tally input with everyone present and one ballot issued per record unless overridden. */
export function input(partial: Pick<TallyInput, 'rules' | 'ballot' | 'records'> & Partial<TallyInput>): TallyInput {
  const attendance = partial.attendance ?? allPresent(Math.max(partial.records.length, 1));
  // A fixture's paper ballots were handed in by as many paper voters, unless it says otherwise.
  return { attendance, issued: attendance.present, paperVoters: partial.paper?.returned ?? 0, ...partial };
}
