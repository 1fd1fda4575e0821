import {
  HallvoteError,
  delegateIdSchema,
  delegateUpdateSchema,
  rosterEntrySchema,
  rosterImportSchema,
  type RosterEntry,
} from '@hallvote/shared';
import { newId, newSecret } from '../../auth';
import { auditInput } from '../../audit-input';
import type { HallContext } from '../../context';
import type { MeetingState } from '../../hall/meeting-state';
import { exclusive } from '../../hall/exclusive';
import type { DelegateRecord } from '../../store/store';
import { onRequest, type HallSocket } from '../../with-validation';
import { parseRosterCsv } from './roster-csv';

/** New roster members with fresh tokens, numbered after `startOrdinal`. */
export function makeDelegates(
  meetingId: string,
  entries: readonly RosterEntry[],
  startOrdinal: number,
): DelegateRecord[] {
  return entries.map((e, i) => ({
    id: newId(),
    meetingId,
    ordinal: startOrdinal + i + 1,
    name: e.name,
    position: e.position,
    group: e.group,
    token: newSecret(),
    attendance: 'absent',
    checkedInBy: null,
  }));
}

/** The URL a delegate's badge QR code carries. */
export const joinUrl = (publicUrl: string, token: string) => `${publicUrl}/d/${token}`;

function assertRosterEditable(state: MeetingState): void {
  if (state.votingStarted())
    throw new HallvoteError(
      'VOTING_STARTED',
      'Voting has started; the roster can no longer change (a lost badge can still be re-issued).',
    );
}

function delegateOf(state: MeetingState, delegateId: string): DelegateRecord {
  const d = state.delegates.get(delegateId);
  if (!d) throw new HallvoteError('NOT_FOUND', 'No such delegate in this meeting.');
  return d;
}

const maxOrdinal = (state: MeetingState) => Math.max(0, ...[...state.delegates.values()].map((d) => d.ordinal));

/** Chair: roster import, add, edit, remove (before voting starts) and badge re-issue (any time). */
export function registerRosterHandlers(ctx: HallContext, socket: HallSocket, state: MeetingState): void {
  const { store, hall, broadcaster, log } = ctx;
  const chair = ['chair'] as const;

  onRequest(socket, log, 'roster:import', { roles: chair, schema: rosterImportSchema }, (p) =>
    exclusive(state, async () => {
      const entries = parseRosterCsv(p.csv, p.mode === 'append' ? [...state.delegates.values()] : []);
      if (p.dryRun) return { entries, stored: false };
      assertRosterEditable(state);
      const replacing = p.mode === 'replace';
      const fresh = makeDelegates(state.meeting.id, entries, replacing ? 0 : maxOrdinal(state));
      const removed = replacing ? [...state.delegates.values()] : [];
      const audit = auditInput(ctx.clock, state.meeting.id, 'chair', `roster.${p.mode}`, { delegates: fresh.length });
      await (replacing ? store.replaceRoster(state.meeting.id, fresh, audit) : store.addDelegates(fresh, audit));
      for (const d of removed) {
        state.delegates.delete(d.id);
        hall.unindexToken(d.token);
      }
      for (const d of fresh) {
        state.delegates.set(d.id, d);
        hall.indexToken(d);
      }
      broadcaster.rosterReplaced(
        state,
        removed.map((d) => d.id),
      );
      log.info({ meetingId: state.meeting.id, count: fresh.length, mode: p.mode }, 'roster imported');
      return { entries, stored: true };
    }),
  );

  onRequest(socket, log, 'delegate:add', { roles: chair, schema: rosterEntrySchema }, (p) =>
    exclusive(state, async () => {
      assertRosterEditable(state);
      const [d] = makeDelegates(state.meeting.id, [p], maxOrdinal(state));
      if (!d) throw new Error('makeDelegates returned nothing');
      await store.addDelegates(
        [d],
        auditInput(ctx.clock, state.meeting.id, 'chair', 'delegate.added', { delegateId: d.id }),
      );
      state.delegates.set(d.id, d);
      hall.indexToken(d);
      broadcaster.delegateChanged(state, d.id);
      return { delegateId: d.id };
    }),
  );

  onRequest(socket, log, 'delegate:update', { roles: chair, schema: delegateUpdateSchema }, (p) =>
    exclusive(state, async () => {
      assertRosterEditable(state);
      const d = delegateOf(state, p.delegateId);
      const fields = {
        ...(p.name !== undefined ? { name: p.name } : {}),
        ...(p.position !== undefined ? { position: p.position } : {}),
        ...(p.group !== undefined ? { group: p.group } : {}),
      };
      await store.updateDelegate(
        d.id,
        fields,
        auditInput(ctx.clock, state.meeting.id, 'chair', 'delegate.updated', {
          delegateId: d.id,
          fields: Object.keys(fields),
        }),
      );
      state.delegates.set(d.id, { ...d, ...fields });
      broadcaster.delegateChanged(state, d.id);
      return {};
    }),
  );

  onRequest(socket, log, 'delegate:remove', { roles: chair, schema: delegateIdSchema }, (p) =>
    exclusive(state, async () => {
      assertRosterEditable(state);
      const d = delegateOf(state, p.delegateId);
      await store.removeDelegate(
        d.id,
        auditInput(ctx.clock, state.meeting.id, 'chair', 'delegate.removed', { delegateId: d.id }),
      );
      state.delegates.delete(d.id);
      hall.unindexToken(d.token);
      ctx.disconnectDelegate(state, d.id);
      broadcaster.delegateChanged(state, d.id);
      return {};
    }),
  );

  onRequest(socket, log, 'delegate:reissue', { roles: chair, schema: delegateIdSchema }, (p) =>
    exclusive(state, async () => {
      const d = delegateOf(state, p.delegateId);
      const token = newSecret();
      await store.updateDelegate(
        d.id,
        { token },
        auditInput(ctx.clock, state.meeting.id, 'chair', 'delegate.reissued', { delegateId: d.id }),
      );
      hall.unindexToken(d.token);
      const updated = { ...d, token };
      state.delegates.set(d.id, updated);
      hall.indexToken(updated);
      // The lost phone, if it is connected, must stop voting now.
      ctx.disconnectDelegate(state, d.id);
      log.info({ meetingId: state.meeting.id, delegateId: d.id }, 'badge re-issued');
      return { joinUrl: joinUrl(ctx.config.publicUrl, token) };
    }),
  );
}
