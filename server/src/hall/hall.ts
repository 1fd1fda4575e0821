// Every meeting this server runs, and the index from delegate tokens to delegates.
import { HallvoteError, getRulePreset } from '@hallvote/shared';
import { digest, sameSecret } from '../auth';
import type { Store } from '../store/store';
import type { DelegateRecord } from '../store/store';
import { MeetingState } from './meeting-state';

export class Hall {
  readonly meetings = new Map<string, MeetingState>();
  /** digest(token) → delegate. Keyed by digest so that no map is keyed by the secret itself. */
  private readonly tokens = new Map<string, { meetingId: string; delegateId: string }>();

  /** Rebuilds every meeting from the store. */
  static async load(store: Store): Promise<Hall> {
    const hall = new Hall();
    for (const loaded of await store.loadAll()) {
      const rules = getRulePreset(loaded.meeting.rulePresetId);
      if (!rules) throw new Error(`meeting ${loaded.meeting.id} uses an unknown rule preset`);
      hall.add(MeetingState.fromStore(loaded, rules));
    }
    return hall;
  }

  add(state: MeetingState): void {
    this.meetings.set(state.meeting.id, state);
    for (const d of state.delegates.values()) this.indexToken(d);
  }

  indexToken(d: DelegateRecord): void {
    this.tokens.set(digest(d.token), { meetingId: d.meetingId, delegateId: d.id });
  }

  unindexToken(token: string): void {
    this.tokens.delete(digest(token));
  }

  meeting(meetingId: string): MeetingState {
    const state = this.meetings.get(meetingId);
    if (!state) throw new HallvoteError('NOT_FOUND', 'No such meeting.');
    return state;
  }

  /** The delegate holding `token`, or null. The final comparison is constant-time. */
  findDelegate(token: string): { state: MeetingState; delegate: DelegateRecord } | null {
    const hit = this.tokens.get(digest(token));
    const state = hit && this.meetings.get(hit.meetingId);
    const delegate = hit && state?.delegates.get(hit.delegateId);
    if (!state || !delegate || !sameSecret(token, delegate.token)) return null;
    return { state, delegate };
  }

  /** The meeting if `key` is its chair key (role 'chair') or projector key (role 'projector'). */
  authorize(meetingId: string, role: 'chair' | 'projector', key: string): MeetingState | null {
    const state = this.meetings.get(meetingId);
    if (!state) {
      // Compare anyway so a wrong meeting id costs the same time as a wrong key.
      sameSecret(key, 'x');
      return null;
    }
    const expected = role === 'chair' ? state.meeting.chairKey : state.meeting.projectorKey;
    return sameSecret(key, expected) ? state : null;
  }
}
