// The chair's ballot builder and the server's schema share one set of limits (ballot-limits.ts):
// at every bound, what the builder lets through the schema accepts, and one past it both refuse.
import { describe, expect, test } from 'vitest';
import {
  MAX_COUNTDOWN_SECONDS,
  MAX_LABEL_CHARS,
  MAX_OPTIONS,
  MAX_SUBJECTS,
  MIN_COUNTDOWN_SECONDS,
  RULE_PRESETS,
  ballotDefinitionSchema,
} from '@hallvote/shared';
import { EMPTY_FORM, buildBallot, type BuilderForm } from '../../../client/src/chair/ballot-templates';

const RULES = RULE_PRESETS['vn-party-classification'];

const lines = (n: number, prefix: string) => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}`).join('\n');

/** Whether the builder accepts the form, and whether the schema accepts what it built. */
function verdicts(patch: Partial<BuilderForm>): { builder: boolean; schema: boolean | null } {
  const built = buildBallot({ ...EMPTY_FORM, title: 'Bầu Ban Thường vụ', ...patch }, RULES);
  return { builder: built.ok, schema: built.ok ? ballotDefinitionSchema.safeParse(built.definition).success : null };
}

describe('at the bound, both accept', () => {
  test.each<[string, Partial<BuilderForm>]>([
    ['a title of the longest label', { title: 'x'.repeat(MAX_LABEL_CHARS) }],
    ['the shortest countdown', { countdown: String(MIN_COUNTDOWN_SECONDS) }],
    ['the longest countdown', { countdown: String(MAX_COUNTDOWN_SECONDS) }],
    ['a batch of the most subjects', { template: 'batch', subjectsText: lines(MAX_SUBJECTS, 'Unit') }],
    ['an election of the most candidates', { template: 'election', candidatesText: lines(MAX_OPTIONS, 'Candidate') }],
  ])('%s', (_name, patch) => {
    expect(verdicts(patch)).toEqual({ builder: true, schema: true });
  });
});

describe('one past the bound, the builder refuses, and so would the schema', () => {
  const sound = buildBallot(
    { ...EMPTY_FORM, title: 'Bầu Ban Thường vụ', template: 'batch', subjectsText: 'Unit 1' },
    RULES,
  );
  if (!sound.ok) throw new Error('the sound batch must build');
  const definition = sound.definition;

  test.each<[string, Partial<BuilderForm>, object]>([
    ['a title one too long', { title: 'x'.repeat(MAX_LABEL_CHARS + 1) }, { title: 'x'.repeat(MAX_LABEL_CHARS + 1) }],
    [
      'a countdown one second too short',
      { countdown: String(MIN_COUNTDOWN_SECONDS - 1) },
      { countdownSeconds: MIN_COUNTDOWN_SECONDS - 1 },
    ],
    [
      'a countdown one second too long',
      { countdown: String(MAX_COUNTDOWN_SECONDS + 1) },
      { countdownSeconds: MAX_COUNTDOWN_SECONDS + 1 },
    ],
    [
      'one subject too many',
      { template: 'batch', subjectsText: lines(MAX_SUBJECTS + 1, 'Unit') },
      { subjects: Array.from({ length: MAX_SUBJECTS + 1 }, (_, i) => ({ id: `s${i + 1}`, label: `Unit ${i + 1}` })) },
    ],
    [
      'one candidate too many',
      { template: 'election', candidatesText: lines(MAX_OPTIONS + 1, 'Candidate') },
      {
        kind: 'election',
        subjects: [{ id: 'election', label: 'Bầu Ban Thường vụ' }],
        options: Array.from({ length: MAX_OPTIONS + 1 }, (_, i) => ({ id: `c${i + 1}`, label: `Candidate ${i + 1}` })),
        seats: 1,
      },
    ],
  ])('%s', (_name, patch, overDefinition) => {
    expect(verdicts(patch).builder).toBe(false);
    expect(ballotDefinitionSchema.safeParse({ ...definition, ...overDefinition }).success).toBe(false);
  });
});
