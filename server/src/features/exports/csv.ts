// CSV for spreadsheets: UTF-8 with a BOM (so Excel shows Vietnamese), and every cell that a
// spreadsheet would run as a formula neutralised with a leading apostrophe.
import { stringify } from 'csv-stringify/sync';
import type { Delegate, RoundExport } from '@hallvote/shared';

const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell as text that no spreadsheet evaluates. */
export function neutralise(cell: string | number | null): string {
  const text = cell === null ? '' : String(cell);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function toCsv(rows: readonly (readonly (string | number | null)[])[]): string {
  return `\uFEFF${stringify(
    rows.map((r) => r.map(neutralise)),
    { record_delimiter: '\r\n' },
  )}`;
}

/** One round: ballot counts, then per subject and option the online, paper and total votes. */
export function roundCsv(r: RoundExport): string {
  const rows: (string | number | null)[][] = [
    ['section', 'subject', 'group', 'option', 'online', 'paper', 'total', 'percent', 'base', 'outcome'],
  ];
  const t = r.result?.tally;
  if (t) {
    for (const [name, value] of [
      ['issued', t.ballots.issued],
      ['returned', t.ballots.returned],
      ['valid', t.ballots.valid],
      ['invalid', t.ballots.invalid],
    ] as const)
      rows.push(['ballots', null, null, name, null, null, value, null, null, null]);
    for (const reason of t.ballots.invalidReasons)
      rows.push(['invalid', null, null, reason.reason, null, null, reason.count, null, null, null]);
    for (const s of t.subjects) {
      const paper = r.paper?.subjects[s.subjectId]?.counts ?? {};
      for (const c of s.counts) {
        const fromPaper = paper[c.optionId] ?? 0;
        rows.push([
          'count',
          s.label,
          s.group,
          c.label,
          c.votes - fromPaper,
          fromPaper,
          c.votes,
          c.percent?.text ?? null,
          `${s.percentBase.name} ${s.percentBase.value}`,
          s.outcome.type === 'adopted' || s.outcome.type === 'cumulated'
            ? s.outcome.optionId === c.optionId
              ? s.outcome.type
              : null
            : null,
        ]);
      }
    }
    rows.push(['seal', null, null, 'sha256', null, null, r.result?.seal ?? null, null, null, null]);
  }
  return toCsv(rows);
}

export function attendanceCsv(delegates: readonly Omit<Delegate, 'connected'>[]): string {
  return toCsv([
    ['name', 'position', 'group', 'attendance', 'checked in by'],
    ...delegates.map((d) => [d.name, d.position, d.group, d.attendance, d.checkedInBy]),
  ]);
}
