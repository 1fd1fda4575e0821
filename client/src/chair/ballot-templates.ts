// The ballot builder's templates, and the checks a chair can fail before anything is sent. The
// server validates again; these exist so the chair hears about a mistake at once, in words.
import {
  APPROVAL_OPTIONS,
  CLASSIFICATION_LEVELS,
  MAX_COUNTDOWN_SECONDS,
  MAX_LABEL_CHARS,
  MAX_OPTIONS,
  MAX_SCORE,
  MAX_SUBJECTS,
  MIN_COUNTDOWN_SECONDS,
  MOTION_OPTIONS,
  assertNever,
  type BallotDefinition,
  type RuleSet,
  type RuleSetRef,
  type TallyOption,
  type TallySubject,
} from '@hallvote/shared';
import { matchLevel } from './subject-lines';

export const TEMPLATES = ['motion', 'classification', 'batch', 'election'] as const;
export type Template = (typeof TEMPLATES)[number];

/** The builder's fields as typed (numbers stay text until checked). */
export interface BuilderForm {
  readonly template: Template;
  readonly title: string;
  /** Motion and classification: the one subject; empty means "same as the title". */
  readonly subject: string;
  /** Batch: one subject per line. */
  readonly subjectsText: string;
  readonly group: string;
  /** Election: one candidate per line. */
  readonly candidatesText: string;
  readonly seats: string;
  readonly secret: boolean;
  readonly allowChange: boolean;
  readonly countdown: string;
  readonly interimForChair: boolean;
  /** The rule preset chosen for this ballot; null keeps the meeting's. */
  readonly rules: RuleSetRef | null;
}

export const EMPTY_FORM: BuilderForm = {
  template: 'classification',
  title: '',
  subject: '',
  subjectsText: '',
  group: '',
  candidatesText: '',
  seats: '1',
  secret: true,
  allowChange: false,
  countdown: '',
  interimForChair: false,
  rules: null,
};

export type BuilderProblem =
  | { readonly type: 'no-title' }
  | { readonly type: 'no-subjects' }
  | { readonly type: 'no-options' }
  | { readonly type: 'seats-invalid' }
  | { readonly type: 'seats-exceed'; readonly seats: number; readonly candidates: number }
  | { readonly type: 'duplicate'; readonly label: string }
  | { readonly type: 'too-long'; readonly label: string }
  | { readonly type: 'too-many'; readonly max: number }
  | { readonly type: 'countdown' }
  | { readonly type: 'secret-change' }
  | { readonly type: 'unknown-level'; readonly line: number; readonly text: string }
  | { readonly type: 'bad-score'; readonly line: number; readonly text: string };

export type BuildResult =
  | { readonly ok: true; readonly definition: BallotDefinition }
  | { readonly ok: false; readonly problems: readonly BuilderProblem[] };

const lines = (text: string) =>
  text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');

function checkLabels(labels: readonly string[], max: number, problems: BuilderProblem[]): void {
  const seen = new Set<string>();
  for (const label of labels) {
    const key = label.toLowerCase();
    if (seen.has(key)) problems.push({ type: 'duplicate', label });
    seen.add(key);
    if (label.length > MAX_LABEL_CHARS) problems.push({ type: 'too-long', label });
  }
  if (labels.length > max) problems.push({ type: 'too-many', max });
}

const SCORE = /^\d{1,3}([.,]\d{1,2})?$/;

/**
 * One line of the batch list: the subject, then optionally its proposed level and its score, in
 * cells split by tabs (a paste from a spreadsheet) or semicolons: "Chi bộ 1; HTT; 78,5". A cell
 * that is a number is the score; any other is the level (an id, its name in either language, or
 * its short form).
 */
function subjectLine(
  text: string,
  index: number,
  options: readonly TallyOption[],
  problems: BuilderProblem[],
): { label: string; proposedLevel?: string; score?: number } {
  const [label = '', ...cells] = text.split(/\t|;/).map((c) => c.trim());
  const subject: { label: string; proposedLevel?: string; score?: number } = { label };
  for (const cell of cells.filter((c) => c !== '')) {
    if (SCORE.test(cell)) {
      const score = Number(cell.replace(',', '.'));
      if (score > MAX_SCORE) problems.push({ type: 'bad-score', line: index + 1, text: cell });
      else subject.score = score;
    } else if (/^[\d.,-]+$/.test(cell)) problems.push({ type: 'bad-score', line: index + 1, text: cell });
    else {
      const level = matchLevel(cell, options);
      if (level === null) problems.push({ type: 'unknown-level', line: index + 1, text: cell });
      else subject.proposedLevel = level;
    }
  }
  return subject;
}

function subjectsOf(form: BuilderForm, options: readonly TallyOption[], problems: BuilderProblem[]): TallySubject[] {
  const title = form.title.trim();
  const one = (id: string): TallySubject[] => [{ id, label: form.subject.trim() || title }];
  switch (form.template) {
    case 'motion':
      return one('motion');
    case 'classification':
      return one('subject');
    case 'election':
      return [{ id: 'election', label: title }];
    case 'batch': {
      const parsed = lines(form.subjectsText).map((line, i) => subjectLine(line, i, options, problems));
      if (parsed.length === 0) problems.push({ type: 'no-subjects' });
      checkLabels(
        parsed.map((p) => p.label),
        MAX_SUBJECTS,
        problems,
      );
      const group = form.group.trim();
      return parsed.map((p, i) => ({ id: `s${i + 1}`, ...p, ...(group ? { group } : {}) }));
    }
    default:
      return assertNever(form.template);
  }
}

/**
 * The options a template gets under a rule set: per-nominee approval ("đồng ý / không đồng ý")
 * where the rule decides so, the levels the rule's own ballot names (a confidence rating's),
 * else yes / no / not voting for a motion and the four classification levels.
 */
export function optionsFor(template: Exclude<Template, 'election'>, rules: RuleSet): TallyOption[] {
  if (rules.decision === 'approval') return [...APPROVAL_OPTIONS];
  if (template === 'motion') return [...MOTION_OPTIONS];
  const own = rules.template;
  return own !== undefined && own.kind !== 'election' && own.kind !== 'motion' && own.options.length > 0
    ? [...own.options]
    : [...CLASSIFICATION_LEVELS];
}

function optionsOf(form: BuilderForm, rules: RuleSet, problems: BuilderProblem[]): TallyOption[] {
  switch (form.template) {
    case 'motion':
    case 'classification':
    case 'batch':
      return optionsFor(form.template, rules);
    case 'election': {
      const names = lines(form.candidatesText);
      if (names.length === 0) problems.push({ type: 'no-options' });
      checkLabels(names, MAX_OPTIONS, problems);
      return names.map((label, i) => ({ id: `c${i + 1}`, label }));
    }
    default:
      return assertNever(form.template);
  }
}

const WHOLE = /^\d+$/;

/** The definition the form describes under `rules` (the chosen preset, or the meeting's). */
export function buildBallot(form: BuilderForm, rules: RuleSet): BuildResult {
  const problems: BuilderProblem[] = [];
  const title = form.title.trim();
  if (!title) problems.push({ type: 'no-title' });
  else if (title.length > MAX_LABEL_CHARS) problems.push({ type: 'too-long', label: title });
  const options = optionsOf(form, rules, problems);
  const subjects = subjectsOf(form, options, problems);

  let seats: number | undefined;
  if (form.template === 'election') {
    seats = WHOLE.test(form.seats.trim()) ? Number(form.seats.trim()) : Number.NaN;
    if (!Number.isInteger(seats) || seats < 1) problems.push({ type: 'seats-invalid' });
    else if (options.length > 0 && seats > options.length)
      problems.push({ type: 'seats-exceed', seats, candidates: options.length });
  }

  let countdownSeconds: number | undefined;
  const countdown = form.countdown.trim();
  if (countdown) {
    countdownSeconds = WHOLE.test(countdown) ? Number(countdown) : Number.NaN;
    if (
      !Number.isInteger(countdownSeconds) ||
      countdownSeconds < MIN_COUNTDOWN_SECONDS ||
      countdownSeconds > MAX_COUNTDOWN_SECONDS
    )
      problems.push({ type: 'countdown' });
  }

  const allowChange = !form.secret && form.allowChange;
  if (form.secret && form.allowChange) problems.push({ type: 'secret-change' });

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    definition: {
      title,
      kind: form.template === 'classification' ? 'choice' : form.template,
      secret: form.secret,
      subjects,
      options,
      ...(seats !== undefined ? { seats } : {}),
      allowChange,
      ...(countdownSeconds !== undefined ? { countdownSeconds } : {}),
      interimForChair: !form.secret && form.interimForChair,
      ...(form.rules ? { rules: form.rules } : {}),
    },
  };
}
