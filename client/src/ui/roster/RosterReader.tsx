import { useId } from 'react';
import { SEPARATORS, type ColumnRole, type Separator } from '@hallvote/shared';
import { useText } from '../../i18n';
import { rosterText } from '../../i18n/roster';
import { RosterProblems } from './RosterProblems';
import type { RosterReader as Reader } from './use-roster-reader';

const ROLES: readonly ColumnRole[] = ['name', 'position', 'group', 'weight', 'ignore'];
/** Lines of the file shown under the column choices: enough to recognise each column. */
const PREVIEW_ROWS = 8;
/** Where column titles are looked for, as in shared/src/roster/columns.ts. */
const TITLE_CANDIDATES = 10;

/** "3–5, 9" for [3, 4, 5, 9]. */
export function lineRanges(lines: readonly number[]): string {
  const ranges: [number, number][] = [];
  for (const n of lines) {
    const last = ranges.at(-1);
    if (last && n === last[1] + 1) last[1] = n;
    else ranges.push([n, n]);
  }
  return ranges.map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`)).join(', ');
}

/**
 * Paste or choose a roster, check how it is read and which column holds what, and see every
 * problem before anything is sent. The admin page and the chair's roster tab both show it.
 */
export function RosterReader({ reader }: { reader: Reader }) {
  const t = useText(rosterText);
  const id = useId();
  const { source, review } = reader;
  return (
    <div className="roster-reader">
      <p className="hint">{t.help}</p>
      <label htmlFor={`${id}-paste`}>{t.paste}</label>
      <textarea
        id={`${id}-paste`}
        rows={4}
        spellCheck={false}
        value={reader.pasted}
        onChange={(e) => reader.paste(e.target.value)}
      />
      <label htmlFor={`${id}-file`}>{t.upload}</label>
      <input
        id={`${id}-file`}
        className="roster-file"
        type="file"
        accept=".xlsx,.csv,.txt,.tsv,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        // Emptied on each click, so that choosing the same file again (after fixing it) reads it again.
        onClick={(e) => (e.currentTarget.value = '')}
        onChange={(e) => {
          const file = e.target.files?.[0];
          if (file) reader.chooseFile(file);
        }}
      />
      {source.kind === 'reading' || source.kind === 'text' || source.kind === 'workbook' ? (
        <p className="roster-file-read" role="status">
          {source.kind === 'reading' ? t.reading : t.fromFile(source.name)}{' '}
          <button type="button" onClick={reader.clear}>
            {t.clear}
          </button>
        </p>
      ) : null}
      <ReadingOptions reader={reader} />
      <ColumnMapping reader={reader} />
      {review ? <Summary reader={reader} /> : null}
    </div>
  );
}

function ReadingOptions({ reader }: { reader: Reader }) {
  const t = useText(rosterText);
  const id = useId();
  const { source, sheet, choice, separator } = reader;
  if (!sheet || !choice) return null;
  const titleLines = sheet.rows.slice(0, TITLE_CANDIDATES).map((r) => r.line);
  return (
    <div className="roster-options">
      {separator !== null ? (
        <div>
          <label htmlFor={`${id}-separator`}>{t.separator}</label>
          <select
            id={`${id}-separator`}
            value={separator}
            onChange={(e) => reader.setSeparator(e.target.value as Separator)}
          >
            {SEPARATORS.map((s) => (
              <option key={s} value={s}>
                {t.separators[s]}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {source.kind === 'workbook' && source.sheets.length > 1 ? (
        <div>
          <label htmlFor={`${id}-sheet`}>{t.sheet}</label>
          <select
            id={`${id}-sheet`}
            value={reader.sheetIndex}
            onChange={(e) => reader.setSheetIndex(Number(e.target.value))}
          >
            {source.sheets.map((s, i) => (
              <option key={i} value={i}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      <div>
        <label htmlFor={`${id}-titles`}>{t.titles}</label>
        <select
          id={`${id}-titles`}
          value={choice.headerLine ?? ''}
          onChange={(e) => reader.setHeaderLine(e.target.value === '' ? null : Number(e.target.value))}
        >
          <option value="">{t.noTitles}</option>
          {titleLines.map((line) => (
            <option key={line} value={line}>
              {t.titlesOn(line)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

function ColumnMapping({ reader }: { reader: Reader }) {
  const t = useText(rosterText);
  const { sheet, choice, review } = reader;
  if (!sheet || !choice || choice.roles.length === 0) return null;
  const { headerLine } = choice;
  const rows = sheet.rows.filter((r) => headerLine === null || r.line >= headerLine);
  const shown = rows.slice(0, PREVIEW_ROWS + (headerLine === null ? 0 : 1));
  const withProblems = new Set(review?.problems.flatMap((p) => ('line' in p ? [p.line] : [])));
  return (
    <div className="roster-mapping">
      <table>
        <caption>{t.mapping}</caption>
        <thead>
          <tr>
            <th scope="col">{t.line}</th>
            {choice.roles.map((role, col) => (
              <th key={col} scope="col">
                <select
                  aria-label={t.columnRole(col + 1)}
                  value={role}
                  onChange={(e) => reader.setRole(col, e.target.value as ColumnRole)}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r}>
                      {t.roles[r]}
                    </option>
                  ))}
                </select>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr
              key={row.line}
              className={row.line === headerLine ? 'titles' : withProblems.has(row.line) ? 'has-problem' : undefined}
            >
              <th scope="row">{row.line === headerLine ? `${row.line} (${t.titleRow})` : row.line}</th>
              {choice.roles.map((role, col) => (
                <td key={col} className={role === 'ignore' ? 'ignored' : undefined}>
                  {row.cells[col] ?? ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown.length ? <p className="hint">{t.moreRows(rows.length - shown.length)}</p> : null}
    </div>
  );
}

function Summary({ reader }: { reader: Reader }) {
  const t = useText(rosterText);
  const review = reader.review;
  if (!review) return null;
  return (
    <div className="roster-summary">
      {review.problems.length > 0 ? (
        <RosterProblems problems={review.problems} />
      ) : (
        <p className="ok" role="status">
          {t.ready(review.lines.length)}
        </p>
      )}
      {review.leftOut.length > 0 ? <p className="hint">{t.leftOut(lineRanges(review.leftOut))}</p> : null}
    </div>
  );
}
