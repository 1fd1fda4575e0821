// What `verify` reports, line by line: where, whether it holds, and the detail with the numbers.

export interface VerifyFinding {
  readonly where: string;
  /** False for a mismatch; a warning is ok (the export is consistent) but worth reading. */
  readonly ok: boolean;
  readonly level: 'ok' | 'warning' | 'mismatch';
  readonly detail: string;
  /** The round the finding is about (its ballot's title and number); absent for the audit log. */
  readonly round?: { readonly ballot: string; readonly round: number };
}

/** A finding that holds (`ok`), or a mismatch. */
export function finding(where: string, ok: boolean, detail: string): VerifyFinding {
  return { where, ok, level: ok ? 'ok' : 'mismatch', detail };
}

/** Consistent, and worth a reader's attention: a failed check the chair acknowledged, say. */
export function warning(where: string, detail: string): VerifyFinding {
  return { where, ok: true, level: 'warning', detail };
}

/** A round's name in findings. */
export function roundName(r: { readonly ballot: { readonly title: string }; readonly round: number }): string {
  return `ballot "${r.ballot.title}" round ${r.round}`;
}
