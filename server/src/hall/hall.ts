// Every meeting this server runs, and the index from delegate tokens to delegates. The index is
// kept by the meetings themselves (see TokenRegistry): a roster change cannot forget it.
import { HallvoteError, getRulePreset, type RuleSet } from '@hallvote/shared';
import { digest, sameSecret } from '../auth';
import type { DelegateRecord, MeetingRecord, Store } from '../store/store';
import { MeetingState, type TokenRegistry } from './meeting-state';

/** digest(token) → delegate. Keyed by digest so that no map is keyed by the secret itself. */
class TokenIndex implements TokenRegistry {
  private readonly byDigest = new Map<string, { meetingId: string; delegateId: string }>();

  register(d: DelegateRecord): void {
    this.byDigest.set(digest(d.token), { meetingId: d.meetingId, delegateId: d.id });
  }

  unregister(token: string): void {
    this.byDigest.delete(digest(token));
  }

  find(token: string): { meetingId: string; delegateId: string } | undefined {
    return this.byDigest.get(digest(token));
  }
}

export class Hall {
  readonly #meetings = new Map<string, MeetingState>();
  readonly #tokens = new TokenIndex();

  /** Rebuilds every meeting from the store. */
  static async load(store: Store): Promise<Hall> {
    const hall = new Hall();
    for (const loaded of await store.loadAll()) {
      const rules = getRulePreset(loaded.meeting.rulePresetId);
      if (!rules) throw new Error(`meeting ${loaded.meeting.id} uses an unknown rule preset`);
      hall.#add(MeetingState.fromStore(loaded, rules, hall.#tokens));
    }
    return hall;
  }

  get meetings(): ReadonlyMap<string, MeetingState> {
    return this.#meetings;
  }

  /** A meeting the store has just created, with its first roster. */
  addMeeting(meeting: MeetingRecord, rules: RuleSet, delegates: readonly DelegateRecord[]): MeetingState {
    return this.#add(MeetingState.create(meeting, rules, delegates, this.#tokens));
  }

  meeting(meetingId: string): MeetingState {
    const state = this.#meetings.get(meetingId);
    if (!state) throw new HallvoteError('NOT_FOUND', 'No such meeting.');
    return state;
  }

  /** The delegate holding `token`, or null. The final comparison is constant-time. */
  findDelegate(token: string): { state: MeetingState; delegate: DelegateRecord } | null {
    const hit = this.#tokens.find(token);
    const state = hit && this.#meetings.get(hit.meetingId);
    const delegate = hit && state?.delegates.get(hit.delegateId);
    if (!state || !delegate || !sameSecret(token, delegate.token)) return null;
    return { state, delegate };
  }

  /** The meeting if `key` is its chair key (role 'chair') or projector key (role 'projector'). */
  authorize(meetingId: string, role: 'chair' | 'projector', key: string): MeetingState | null {
    const state = this.#meetings.get(meetingId);
    if (!state) {
      // Compare anyway so a wrong meeting id costs the same time as a wrong key.
      sameSecret(key, 'x');
      return null;
    }
    const expected = role === 'chair' ? state.meeting.chairKey : state.meeting.projectorKey;
    return sameSecret(key, expected) ? state : null;
  }

  #add(state: MeetingState): MeetingState {
    this.#meetings.set(state.meeting.id, state);
    return state;
  }
}
