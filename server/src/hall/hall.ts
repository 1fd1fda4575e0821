// Every meeting this server runs, and the index from delegate tokens to delegates (a join code is
// looked up in the store: Store.badgesOfJoinCode). The index is kept by the meetings themselves (see TokenRegistry): a roster
// change cannot forget it.
import { HallvoteError, getRulePreset, type AuditEntry, type ErrorParams, type RuleSet } from '@hallvote/shared';
import { digest, sameSecret } from '../auth';
import type { DelegateRecord, LoadedMeeting, MeetingRecord, Store } from '../store/store';
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

/**
 * Badges re-issued while a round is open cannot vote in it (roster-changes.ts); the bar lives in
 * memory, so a node that loads a meeting (at start-up, or taking it over) replays it from the
 * audit log: every `delegate.reissued` after the open round's `round.opened`.
 */
export async function restoreReissueBars(store: Store, state: MeetingState): Promise<void> {
  if (state.openRounds().length > 0) replayReissues(state, await store.readAudit(state.meeting.id));
}

function replayReissues(state: MeetingState, audit: readonly AuditEntry[]): void {
  for (const round of state.openRounds()) {
    const opened = audit.findIndex(
      (e) => e.action === 'round.opened' && e.details.ballotId === round.ballotId && e.details.round === round.round,
    );
    if (opened < 0) continue;
    for (const e of audit.slice(opened))
      if (e.action === 'delegate.reissued' && typeof e.details.delegateId === 'string')
        state.reissuedIn(e.details.delegateId, [round]);
  }
}

/** A meeting the server refuses to serve: its stored state does not match its seals or audit log. */
export interface RefusedMeeting {
  readonly state: MeetingState;
  /** What differs, in words for the operator's console and log. */
  readonly reason: string;
  /** What differs, as the parameters of the STATE_MISMATCH refusal whoever holds a key of it hears. */
  readonly summary: ErrorParams['STATE_MISMATCH'];
}

export class Hall {
  readonly #meetings = new Map<string, MeetingState>();
  readonly #refused = new Map<string, RefusedMeeting>();
  readonly #tokens = new TokenIndex();
  readonly #keepsCreated: boolean;

  /**
   * `keepsCreated` false: a cluster node's hall, which holds only the meetings the node owns. A
   * meeting created here is run by whichever node its first request is sent to (docs/cluster.md).
   */
  constructor(options: { readonly keepsCreated?: boolean } = {}) {
    this.#keepsCreated = options.keepsCreated ?? true;
  }

  /** Rebuilds every meeting from the store. */
  static async load(store: Store): Promise<Hall> {
    const hall = new Hall();
    for (const loaded of await store.loadAll()) await restoreReissueBars(store, hall.adopt(loaded));
    return hall;
  }

  /**
   * A meeting rebuilt from the store: at start-up, or when this node becomes its owner (a cluster
   * node loads only the meetings it owns; cluster/meeting-keeper.ts).
   */
  adopt(loaded: LoadedMeeting): MeetingState {
    const { rulePresetId, rulePresetVersion } = loaded.meeting;
    const rules = getRulePreset(rulePresetId, rulePresetVersion);
    if (!rules)
      throw new Error(`meeting ${loaded.meeting.id} uses an unknown rule preset ${rulePresetId} v${rulePresetVersion}`);
    this.remove(loaded.meeting.id);
    return this.#add(MeetingState.fromStore(loaded, rules, this.#tokens));
  }

  /** Forgets a meeting (served or refused) and its badges: this node no longer owns it. */
  remove(meetingId: string): MeetingState | undefined {
    const state = this.#meetings.get(meetingId) ?? this.#refused.get(meetingId)?.state;
    if (!state) return undefined;
    this.#meetings.delete(meetingId);
    this.#refused.delete(meetingId);
    for (const d of state.delegates.values()) this.#tokens.unregister(d.token);
    return state;
  }

  /** The meetings served. */
  get meetings(): ReadonlyMap<string, MeetingState> {
    return this.#meetings;
  }

  /** The meetings refused at start-up (startup-check.ts). */
  get refused(): ReadonlyMap<string, RefusedMeeting> {
    return this.#refused;
  }

  /** Stops serving a meeting whose stored state does not match: every key of it now hears `summary`. */
  refuse(meetingId: string, reason: string, summary: ErrorParams['STATE_MISMATCH']): void {
    const state = this.#meetings.get(meetingId);
    if (!state) return;
    this.#meetings.delete(meetingId);
    this.#refused.set(meetingId, { state, reason, summary });
  }

  /** A meeting the store has just created, with its first roster. */
  addMeeting(meeting: MeetingRecord, rules: RuleSet, delegates: readonly DelegateRecord[]): void {
    if (this.#keepsCreated) this.#add(MeetingState.create(meeting, rules, delegates, this.#tokens));
  }

  meeting(meetingId: string): MeetingState {
    const state = this.#meetings.get(meetingId);
    if (!state) throw new HallvoteError('NOT_FOUND', { what: 'meeting' });
    return state;
  }

  /**
   * The delegate holding `token`, or null. The final comparison is constant-time. A badge of a
   * refused meeting is told why (STATE_MISMATCH).
   */
  findDelegate(token: string): { state: MeetingState; delegate: DelegateRecord } | null {
    const hit = this.#tokens.find(token);
    const refused = hit && this.#refused.get(hit.meetingId);
    const state = hit && (this.#meetings.get(hit.meetingId) ?? refused?.state);
    const delegate = hit && state?.delegates.get(hit.delegateId);
    if (!state || !delegate || !sameSecret(token, delegate.token)) return null;
    if (refused) throw mismatch(refused);
    return { state, delegate };
  }

  /**
   * The meeting if `key` is its chair key (role 'chair') or projector key (role 'projector'). The
   * right key of a refused meeting is told why (STATE_MISMATCH); a wrong one learns nothing.
   */
  authorize(meetingId: string, role: 'chair' | 'projector', key: string): MeetingState | null {
    const refused = this.#refused.get(meetingId);
    const state = this.#meetings.get(meetingId) ?? refused?.state;
    if (!state) {
      // Compare anyway so a wrong meeting id costs the same time as a wrong key.
      sameSecret(key, 'x');
      return null;
    }
    const expected = role === 'chair' ? state.meeting.chairKey : state.meeting.projectorKey;
    if (!sameSecret(key, expected)) return null;
    if (refused) throw mismatch(refused);
    return state;
  }

  #add(state: MeetingState): MeetingState {
    this.#refused.delete(state.meeting.id);
    this.#meetings.set(state.meeting.id, state);
    return state;
  }
}

function mismatch(refused: RefusedMeeting): HallvoteError {
  return new HallvoteError('STATE_MISMATCH', refused.summary);
}
