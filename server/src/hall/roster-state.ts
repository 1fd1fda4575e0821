// The roster half of a meeting's in-memory state: who is on the roster, their attendance, whose
// phone is connected, and the quorum that follows. MeetingState (meeting-state.ts) adds ballots,
// rounds and votes on top; the two are one owner, split in two files by idea. Like MeetingState,
// every writer here applies a change the store has already committed, and keeps the hall's token
// index in step, so a roster change cannot forget it.
import {
  HallvoteError,
  checkQuorum,
  summarizeAttendance,
  type AttendanceStatus,
  type PresenceSummary,
  type RuleSet,
} from '@hallvote/shared';
import type { DelegateRecord, MeetingRecord } from '../store/store';

/** The fields of a delegate the chair may change (the token: a re-issued badge). */
export type DelegateChange = Partial<Pick<DelegateRecord, 'name' | 'position' | 'group' | 'token' | 'weight'>>;

/** Told about every badge token a meeting gains or loses, so that a phone can be found by its token. */
export interface TokenRegistry {
  register(delegate: DelegateRecord): void;
  unregister(token: string): void;
}

export class RosterState {
  readonly #delegates = new Map<string, DelegateRecord>();
  /** Delegate id → the one socket id of their phone connected now. */
  readonly #connected = new Map<string, string>();

  protected constructor(
    readonly meeting: MeetingRecord,
    readonly rules: RuleSet,
    private readonly tokens: TokenRegistry,
  ) {}

  get delegates(): ReadonlyMap<string, DelegateRecord> {
    return this.#delegates;
  }

  /** The delegate, or NOT_FOUND. */
  delegateOf(delegateId: string): DelegateRecord {
    const d = this.#delegates.get(delegateId);
    if (!d) throw new HallvoteError('NOT_FOUND', { what: 'delegate' });
    return d;
  }

  /** The socket id of the delegate's phone, if one is connected. */
  connectionOf(delegateId: string): string | undefined {
    return this.#connected.get(delegateId);
  }

  /** The highest roster ordinal (0 for an empty roster): a new member is numbered after it. */
  maxOrdinal(): number {
    let max = 0;
    for (const d of this.#delegates.values()) if (d.ordinal > max) max = d.ordinal;
    return max;
  }

  /**
   * Roster, present, excused and the quorum verdict, as of now, under the meeting's rules or under
   * `rules` (a ballot's own, to open it); of the members `among` keeps (a round's roster), or of everyone.
   */
  presence(rules: RuleSet = this.rules, among: (d: DelegateRecord) => boolean = () => true): PresenceSummary {
    const represented = this.representedNow(rules);
    const attendance = summarizeAttendance(
      [...this.#delegates.values()].filter(among).map((d) => ({
        present: d.attendance === 'present',
        excused: d.attendance === 'excused',
        represented: represented.has(d.id),
        weight: d.weight,
      })),
      (rules.quorumBy ?? 'heads') !== 'heads',
    );
    const quorum = checkQuorum(attendance, rules.quorum, rules.quorumBy);
    return {
      roster: attendance.roster,
      present: attendance.present,
      excusedAbsent: attendance.excusedAbsent,
      eligible: quorum.eligible,
      quorum,
      ...(attendance.represented ? { represented: attendance.represented } : {}),
    };
  }

  /** Members present by proxy now under `rules` (proxy-state.ts); none on the roster alone. */
  protected representedNow(_rules: RuleSet): ReadonlySet<string> {
    return new Set();
  }

  // A writer given a delegate who is no longer on the roster changes nothing about them: a phone
  // checks in outside the chair's queue, so the chair may have removed the delegate meanwhile.

  /** Replaces the whole roster; returns the members removed. */
  replaceRoster(delegates: readonly DelegateRecord[]): DelegateRecord[] {
    const removed = [...this.#delegates.values()];
    for (const d of removed) this.removeDelegate(d.id);
    this.addDelegates(delegates);
    return removed;
  }

  addDelegates(delegates: readonly DelegateRecord[]): void {
    for (const d of delegates) {
      this.#delegates.set(d.id, d);
      this.tokens.register(d);
    }
  }

  /** Changes a member's details, or their token (the old badge stops working at once). */
  updateDelegate(delegateId: string, change: DelegateChange): void {
    const d = this.#delegates.get(delegateId);
    if (!d) return;
    const updated = { ...d, ...change };
    this.#delegates.set(delegateId, updated);
    if (updated.token !== d.token) {
      this.tokens.unregister(d.token);
      this.tokens.register(updated);
    }
  }

  removeDelegate(delegateId: string): void {
    const d = this.#delegates.get(delegateId);
    if (!d) return;
    this.#delegates.delete(delegateId);
    this.tokens.unregister(d.token);
  }

  /** The delegate's phone is `socketId` now (the newest connection of a token wins). */
  setConnected(delegateId: string, socketId: string): void {
    this.#connected.set(delegateId, socketId);
  }

  /** Socket `socketId` went away; false when it was no longer the delegate's phone (replaced). */
  setDisconnected(delegateId: string, socketId: string): boolean {
    if (this.#connected.get(delegateId) !== socketId) return false;
    this.#connected.delete(delegateId);
    return true;
  }

  /** Attendance alone; MeetingState.setAttendance also issues ballots in open rounds. */
  protected recordAttendance(
    delegateId: string,
    status: AttendanceStatus,
    checkedInBy: DelegateRecord['checkedInBy'],
  ): void {
    const d = this.#delegates.get(delegateId);
    if (d) this.#delegates.set(delegateId, { ...d, attendance: status, checkedInBy });
  }
}
