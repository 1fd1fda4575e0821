// Roster changes by the chair: import, edit and remove members until voting starts; add a member
// (a latecomer, a substitute) and re-issue a lost badge at any time. Each runs inside
// `exclusive(state, …)` and writes the store before the meeting state.
import {
  HallvoteError,
  weightOf,
  type ParsedRequest,
  type RosterEntry,
  type RosterImportResult,
} from '@hallvote/shared';
import { auditInput } from '../../audit-input';
import { newSecret } from '../../auth';
import type { HallContext } from '../../context';
import type { MeetingState } from '../../hall/meeting-state';
import type { DelegateRecord } from '../../store/store';
import { joinUrl } from '../badges/join-url';
import { makeDelegates, weightsDetail } from './new-delegates';
import { assertMember, assertRosterLines } from './roster-checks';

function assertRosterEditable(state: MeetingState): void {
  if (state.votingStarted()) throw new HallvoteError('VOTING_STARTED');
}

/** Replaces the roster with the lines of a file, or appends them; all of them, or none. */
export async function importRoster(
  ctx: HallContext,
  state: MeetingState,
  p: ParsedRequest<'roster:import'>,
): Promise<RosterImportResult> {
  assertRosterEditable(state);
  const replacing = p.mode === 'replace';
  assertRosterLines(p.lines, replacing ? [] : [...state.delegates.values()]);
  const fresh = makeDelegates(state.meeting.id, p.lines, replacing ? 0 : state.maxOrdinal());
  const audit = auditInput(ctx.clock, state.meeting.id, 'chair', `roster.${p.mode}`, {
    delegates: fresh.length,
    ...weightsDetail(fresh),
  });
  await (replacing ? ctx.store.replaceRoster(state.meeting.id, fresh, audit) : ctx.store.addDelegates(fresh, audit));
  let removed: readonly DelegateRecord[] = [];
  if (replacing) removed = state.replaceRoster(fresh);
  else state.addDelegates(fresh);
  // A removed member's phone hears nothing more of this meeting: its badge is no longer valid.
  for (const d of removed) ctx.disconnectDelegate(state, d.id, 'removed');
  ctx.broadcaster.rosterReplaced(
    state,
    removed.map((d) => d.id),
  );
  ctx.log.info({ meetingId: state.meeting.id, count: fresh.length, mode: p.mode }, 'roster imported');
  return { stored: fresh.length };
}

/**
 * A member added on their own, at any time. Numbered after everyone, so a round open now (whose
 * roster ends at the ordinal it opened with) does not have them, and every later round does; the
 * audit entry names the rounds they are not part of.
 */
export async function addDelegate(
  ctx: HallContext,
  state: MeetingState,
  entry: RosterEntry,
): Promise<{ delegateId: string }> {
  assertMember(entry, [...state.delegates.values()]);
  const [d] = makeDelegates(state.meeting.id, [entry], state.maxOrdinal());
  if (!d) throw new Error('makeDelegates returned nothing');
  const notInRounds = state.openRounds().map((r) => ({ ballotId: r.ballotId, round: r.round }));
  await ctx.store.addDelegates(
    [d],
    auditInput(ctx.clock, state.meeting.id, 'chair', 'delegate.added', {
      delegateId: d.id,
      ...weightsDetail([d]),
      ...(notInRounds.length > 0 ? { notInRounds } : {}),
    }),
  );
  state.addDelegates([d]);
  ctx.broadcaster.delegateChanged(state, d.id);
  return { delegateId: d.id };
}

export async function updateDelegate(
  ctx: HallContext,
  state: MeetingState,
  p: ParsedRequest<'delegate:update'>,
): Promise<void> {
  assertRosterEditable(state);
  const d = state.delegateOf(p.delegateId);
  const fields = {
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.position !== undefined ? { position: p.position } : {}),
    ...(p.group !== undefined ? { group: p.group } : {}),
  };
  assertMember(
    { name: d.name, position: d.position, group: d.group, ...fields, weight: p.weight ?? String(d.weight) },
    [...state.delegates.values()].filter((other) => other.id !== d.id),
  );
  const change = { ...fields, ...(p.weight !== undefined ? { weight: weightOf({ weight: p.weight }) } : {}) };
  await ctx.store.updateDelegate(
    d.id,
    change,
    auditInput(ctx.clock, state.meeting.id, 'chair', 'delegate.updated', {
      delegateId: d.id,
      fields: Object.keys(change),
      ...(change.weight !== undefined ? { weight: change.weight } : {}),
    }),
  );
  state.updateDelegate(d.id, change);
  ctx.broadcaster.delegateChanged(state, d.id);
}

export async function removeDelegate(ctx: HallContext, state: MeetingState, delegateId: string): Promise<void> {
  assertRosterEditable(state);
  const d = state.delegateOf(delegateId);
  await ctx.store.removeDelegate(
    d.id,
    auditInput(ctx.clock, state.meeting.id, 'chair', 'delegate.removed', { delegateId: d.id }),
  );
  // Told before the roster forgets which connection is theirs.
  ctx.disconnectDelegate(state, d.id, 'removed');
  state.removeDelegate(d.id);
  ctx.broadcaster.delegateChanged(state, d.id);
}

/**
 * A lost badge: a new token, the old one refused from now on; returns the new join URL. The new
 * badge cannot vote in a round open now (BADGE_REISSUED).
 */
export async function reissueBadge(
  ctx: HallContext,
  state: MeetingState,
  delegateId: string,
): Promise<{ joinUrl: string }> {
  const d = state.delegateOf(delegateId);
  const token = newSecret();
  await ctx.store.updateDelegate(
    d.id,
    { token },
    auditInput(ctx.clock, state.meeting.id, 'chair', 'delegate.reissued', { delegateId: d.id }),
  );
  state.updateDelegate(d.id, { token });
  // A badge the chair makes while a round is open does not vote in it: the chair holds every badge
  // it prints, and could otherwise cast an absent member's ballot mid-vote. The member votes on
  // paper (the counting committee sees them hand it in); the minutes list re-issued badges.
  state.reissuedIn(d.id, state.openRounds());
  // The lost phone, if it is connected, must stop voting now, and says why.
  ctx.disconnectDelegate(state, d.id, 'reissued');
  ctx.log.info({ meetingId: state.meeting.id, delegateId: d.id }, 'badge re-issued');
  return { joinUrl: joinUrl(ctx.config.publicUrl, token) };
}
