// The state of a roster import before anything is sent: what was pasted or chosen, how it is read
// (separator, sheet), which column holds what, and the review of the result with every problem.
// One hook for the admin page and the chair's roster tab; each sends `lines` its own way.
import { useCallback, useMemo, useRef, useState } from 'react';
import {
  guessColumns,
  guessSeparator,
  readDelimited,
  reviewRoster,
  type ColumnChoice,
  type ColumnRole,
  type ExistingMember,
  type RosterLine,
  type RosterReview,
  type Separator,
  type Sheet,
} from '@hallvote/shared';
import { readRosterFile, type ReadFile } from './read-roster-file';

/** Where the roster comes from. */
export type RosterSource =
  | { readonly kind: 'none' }
  | { readonly kind: 'paste'; readonly text: string }
  | { readonly kind: 'reading'; readonly name: string }
  | ReadFile;

export interface RosterReader {
  readonly source: RosterSource;
  /** The pasted text ('' when the roster comes from a file). */
  readonly pasted: string;
  readonly paste: (text: string) => void;
  readonly chooseFile: (file: File) => void;
  readonly clear: () => void;
  /** For text: the separator in use (guessed until the chair picks one); null for a workbook. */
  readonly separator: Separator | null;
  readonly setSeparator: (separator: Separator) => void;
  /** For a workbook: the sheet read. */
  readonly sheetIndex: number;
  readonly setSheetIndex: (index: number) => void;
  readonly sheet: Sheet | null;
  /** The column mapping in use (guessed until the chair changes it). */
  readonly choice: ColumnChoice | null;
  readonly setRole: (column: number, role: ColumnRole) => void;
  readonly setHeaderLine: (line: number | null) => void;
  /** Every problem and the lines read; null while there is nothing to read. */
  readonly review: RosterReview | null;
  /** The lines to send: only when there is at least one and no problem at all. */
  readonly lines: readonly RosterLine[] | null;
}

const NONE: RosterSource = { kind: 'none' };

function textOf(source: RosterSource): string | null {
  return source.kind === 'paste' || source.kind === 'text' ? source.text : null;
}

/** `existing`: the roster the lines would be added to (keep it the same array while it does not change). */
export function useRosterReader(existing: readonly ExistingMember[]): RosterReader {
  const [source, setSource] = useState<RosterSource>(NONE);
  const [picked, setPicked] = useState<Separator | null>(null);
  const [sheetIndex, setSheetIndexState] = useState(0);
  const [chosen, setChosen] = useState<ColumnChoice | null>(null);
  const reading = useRef(0);

  const begin = useCallback((next: RosterSource) => {
    reading.current += 1;
    setSource(next);
    setPicked(null);
    setSheetIndexState(0);
    setChosen(null);
  }, []);

  const paste = useCallback((text: string) => begin(text === '' ? NONE : { kind: 'paste', text }), [begin]);
  const clear = useCallback(() => begin(NONE), [begin]);
  const chooseFile = useCallback(
    (file: File) => {
      begin({ kind: 'reading', name: file.name });
      const mine = reading.current;
      void readRosterFile(file).then((read) => {
        // A later choice or a paste since: this file is no longer what the chair wants.
        if (reading.current === mine) setSource(read);
      });
    },
    [begin],
  );

  const text = textOf(source);
  const separator = text === null ? null : (picked ?? guessSeparator(text));
  const sheet = useMemo<Sheet | null>(() => {
    if (text !== null && separator !== null) return readDelimited(text, separator);
    if (source.kind === 'workbook') return source.sheets[sheetIndex]?.sheet ?? null;
    if (source.kind === 'unreadable') return { rows: [], problems: [] };
    return null;
  }, [text, separator, source, sheetIndex]);
  const guess = useMemo(() => (sheet ? guessColumns(sheet) : null), [sheet]);
  const choice = chosen ?? guess;
  const review = useMemo<RosterReview | null>(() => {
    if (source.kind === 'unreadable') return { lines: [], leftOut: [], problems: [source.problem] };
    return sheet && choice ? reviewRoster(sheet, choice, existing) : null;
  }, [source, sheet, choice, existing]);

  return {
    source,
    pasted: source.kind === 'paste' ? source.text : '',
    paste,
    chooseFile,
    clear,
    separator,
    setSeparator: (next) => {
      setPicked(next);
      setChosen(null);
    },
    sheetIndex,
    setSheetIndex: (index) => {
      setSheetIndexState(index);
      setChosen(null);
    },
    sheet,
    choice,
    setRole: (column, role) => {
      if (!choice) return;
      setChosen({ ...choice, roles: choice.roles.map((r, i) => (i === column ? role : r)) });
    },
    setHeaderLine: (line) => {
      if (choice) setChosen({ ...choice, headerLine: line });
    },
    review,
    lines: review && review.problems.length === 0 && review.lines.length > 0 ? review.lines : null,
  };
}
