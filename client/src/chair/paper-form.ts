// The paper totals form's half-typed state, and turning it into the totals the server takes
// (paper:record-totals). Kept apart from the component so the rules are plain functions.
import { getRulePreset, type ChairBallotView, type PaperTotals } from '@hallvote/shared';

/**
 * Whether the ballot takes paper: not where its rules count weight, since a paper total counts
 * ballots (the server refuses PAPER_NOT_WEIGHTED there; the console hides the paper forms).
 */
export function takesPaper(ballot: Pick<ChairBallotView, 'rules'>): boolean {
  return (getRulePreset(ballot.rules.id, ballot.rules.version)?.countBy ?? 'heads') === 'heads';
}

export interface PaperDraft {
  readonly returned: string;
  /** Per subject id, per option id, what was typed. */
  readonly counts: Readonly<Record<string, Readonly<Record<string, string>>>>;
  readonly empty: Readonly<Record<string, string>>;
  readonly invalid: readonly { readonly reason: string; readonly count: string }[];
}

/** What was entered last, or zeros. */
export function draftOf(ballot: Pick<ChairBallotView, 'subjects' | 'options' | 'paper'>): PaperDraft {
  const paper = ballot.paper;
  const counts: Record<string, Record<string, string>> = {};
  const empty: Record<string, string> = {};
  for (const s of ballot.subjects) {
    const row = paper?.subjects[s.id];
    counts[s.id] = Object.fromEntries(ballot.options.map((o) => [o.id, String(row?.counts[o.id] ?? 0)]));
    empty[s.id] = String(row?.empty ?? 0);
  }
  return {
    returned: String(paper?.returned ?? 0),
    counts,
    empty,
    invalid: paper?.invalid.map((r) => ({ reason: r.reason, count: String(r.count) })) ?? [],
  };
}

/** The largest count the server takes (shared/src/schemas.ts). */
const MAX_COUNT = 1_000_000;

function count(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,7}$/.test(t)) return null;
  const n = Number(t);
  return n <= MAX_COUNT ? n : null;
}

export type PaperProblem = { readonly kind: 'notANumber'; readonly field: string } | { readonly kind: 'noReason' };

/**
 * The totals, or the first thing to fix. `label` names a field for the problem: the returned
 * count, a subject and option, a subject's empty rows, an invalid reason's count.
 */
export function totalsOf(
  ballot: Pick<ChairBallotView, 'subjects' | 'options'>,
  draft: PaperDraft,
  label: { returned: string; empty: string; invalid: string },
): { ok: true; totals: PaperTotals } | { ok: false; problem: PaperProblem } {
  const returned = count(draft.returned);
  if (returned === null) return { ok: false, problem: { kind: 'notANumber', field: label.returned } };
  const subjects: Record<string, { counts: Record<string, number>; empty: number }> = {};
  for (const s of ballot.subjects) {
    const counts: Record<string, number> = {};
    for (const o of ballot.options) {
      const n = count(draft.counts[s.id]?.[o.id] ?? '0');
      if (n === null) return { ok: false, problem: { kind: 'notANumber', field: `${s.label} – ${o.label}` } };
      counts[o.id] = n;
    }
    const empty = count(draft.empty[s.id] ?? '0');
    if (empty === null) return { ok: false, problem: { kind: 'notANumber', field: `${s.label} – ${label.empty}` } };
    subjects[s.id] = { counts, empty };
  }
  const invalid: { reason: string; count: number }[] = [];
  for (const row of draft.invalid) {
    const n = count(row.count);
    if (n === null) return { ok: false, problem: { kind: 'notANumber', field: label.invalid } };
    const reason = row.reason.trim();
    if (n === 0 && reason === '') continue;
    if (reason === '') return { ok: false, problem: { kind: 'noReason' } };
    invalid.push({ reason, count: n });
  }
  return { ok: true, totals: { returned, invalid, subjects } };
}
