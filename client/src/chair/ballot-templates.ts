// The ballot builder's templates, and the checks a chair can fail before anything is sent. The
// server validates again; these exist so the chair hears about a mistake at once, in words.
import {
  CLASSIFICATION_LEVELS,
  MAX_COUNTDOWN_SECONDS,
  MAX_LABEL_CHARS,
  MAX_OPTIONS,
  MAX_SUBJECTS,
  MIN_COUNTDOWN_SECONDS,
  MOTION_OPTIONS,
  assertNever,
  type BallotDefinition,
  type TallyOption,
  type TallySubject,
} from '@hallvote/shared';

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
  | { readonly type: 'secret-change' };

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

function subjectsOf(form: BuilderForm, problems: BuilderProblem[]): TallySubject[] {
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
      const labels = lines(form.subjectsText);
      if (labels.length === 0) problems.push({ type: 'no-subjects' });
      checkLabels(labels, MAX_SUBJECTS, problems);
      const group = form.group.trim();
      return labels.map((label, i) => ({ id: `s${i + 1}`, label, ...(group ? { group } : {}) }));
    }
    default:
      return assertNever(form.template);
  }
}

function optionsOf(form: BuilderForm, problems: BuilderProblem[]): TallyOption[] {
  switch (form.template) {
    case 'motion':
      return [...MOTION_OPTIONS];
    case 'classification':
    case 'batch':
      return [...CLASSIFICATION_LEVELS];
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

export function buildBallot(form: BuilderForm): BuildResult {
  const problems: BuilderProblem[] = [];
  const title = form.title.trim();
  if (!title) problems.push({ type: 'no-title' });
  else if (title.length > MAX_LABEL_CHARS) problems.push({ type: 'too-long', label: title });
  const subjects = subjectsOf(form, problems);
  const options = optionsOf(form, problems);

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
    },
  };
}
