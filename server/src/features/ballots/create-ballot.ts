// A new ballot, in draft until the chair opens it, pinned to the rule preset it is tallied under.
import {
  HallvoteError,
  getRulePreset,
  ruleSetFor,
  type BallotDefinition,
  type ParsedRequest,
  type RuleSet,
  type RuleSetRef,
  type TallySubject,
} from '@hallvote/shared';
import { auditInput } from '../../audit-input';
import { newId } from '../../auth';
import type { HallContext } from '../../context';
import type { MeetingState } from '../../hall/meeting-state';

/**
 * The rule set a ballot names, or the meeting's when it names none. A preset or version this build
 * does not have is refused: tallying under other rules than the ones named would be wrong.
 */
export function resolveRules(state: MeetingState, ref: RuleSetRef | undefined): RuleSet {
  const rules = ruleSetFor(ref, state.rules);
  if (!rules)
    throw new HallvoteError('UNKNOWN_RULE_PRESET', {
      id: ref?.id ?? '',
      version: ref && getRulePreset(ref.id) ? ref.version : null,
    });
  return rules;
}

/**
 * A rule that decides by bands counts the options it bands; on a ballot without them it would
 * decide nothing at all, so the chair hears of the mistake now rather than at close.
 */
function checkBandedOptions(rules: RuleSet, definition: BallotDefinition): void {
  if (rules.decision !== 'bands') return;
  const options = new Set(definition.options.map((o) => o.id));
  const missing = (rules.bands ?? []).map((b) => b.optionId).filter((id) => !options.has(id));
  if (missing.length > 0)
    throw new HallvoteError('INVALID_PAYLOAD', {
      issues: [{ path: 'options', problem: 'rule-options', values: missing }],
    });
}

/** A subject with its optional fields present only when set, never `undefined`. */
export function subjectOf(s: {
  readonly [K in keyof TallySubject]: K extends 'id' | 'label' ? string : TallySubject[K] | undefined;
}): TallySubject {
  return {
    id: s.id,
    label: s.label,
    ...(s.group ? { group: s.group } : {}),
    ...(s.proposedLevel !== undefined ? { proposedLevel: s.proposedLevel } : {}),
    ...(s.score !== undefined ? { score: s.score } : {}),
  };
}

/** Stores a ballot definition under `rules` and announces the draft; returns its id. */
export async function storeBallot(
  ctx: HallContext,
  state: MeetingState,
  definition: BallotDefinition,
  rules: RuleSet,
): Promise<{ ballotId: string }> {
  checkBandedOptions(rules, definition);
  const row = {
    id: newId(),
    meetingId: state.meeting.id,
    definition,
    createdAt: ctx.clock.now().toISOString(),
    revoteDrafted: false,
  };
  await ctx.store.createBallot(
    row,
    auditInput(ctx.clock, state.meeting.id, 'chair', 'ballot.created', {
      ballotId: row.id,
      kind: definition.kind,
      secret: definition.secret,
      ...(definition.earlyCloseMinimum !== undefined ? { earlyCloseMinimum: definition.earlyCloseMinimum } : {}),
      rules: `${rules.id}@${rules.version}`,
      ...(definition.followUpOf ? { followUpOf: definition.followUpOf.ballotId } : {}),
    }),
  );
  state.addBallot(row, rules);
  ctx.broadcaster.ballotChanged(state, row.id);
  return { ballotId: row.id };
}

/** The chair's ballot definition, pinned to the preset it names or to the meeting's. */
export async function createBallot(
  ctx: HallContext,
  state: MeetingState,
  p: ParsedRequest<'ballot:create'>,
): Promise<{ ballotId: string }> {
  const rules = resolveRules(state, p.rules);
  // Rebuilt field by field so that optional fields are absent, never `undefined`.
  const definition: BallotDefinition = {
    title: p.title,
    kind: p.kind,
    secret: p.secret,
    subjects: p.subjects.map(subjectOf),
    options: p.options.map((o) => ({ id: o.id, label: o.label, ...(o.abstain ? { abstain: true } : {}) })),
    ...(p.seats !== undefined ? { seats: p.seats } : {}),
    allowChange: p.allowChange,
    ...(p.countdownSeconds !== undefined ? { countdownSeconds: p.countdownSeconds } : {}),
    interimForChair: p.interimForChair,
    ...(p.earlyCloseMinimum !== undefined ? { earlyCloseMinimum: p.earlyCloseMinimum } : {}),
    rules: { id: rules.id, version: rules.version },
  };
  return storeBallot(ctx, state, definition, rules);
}
