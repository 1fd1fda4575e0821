// The in-memory picture of one meeting, rebuilt from the store at start-up and updated only after
// a write has committed. Handlers read from it; the store stays the source of truth.
import {
  checkQuorum,
  roundKey,
  summarizeAttendance,
  type BallotState,
  type BallotView,
  type Delegate,
  type Marks,
  type PaperTotals,
  type PresenceSummary,
  type RuleSet,
} from '@hallvote/shared';
import type { BallotRecordRow, DelegateRecord, LoadedMeeting, MeetingRecord, RoundRecord } from '../store/store';

export interface VoterEntry {
  readonly voteId: string;
  readonly receipt: string;
  /** Open ballots only. */
  readonly marks: Marks | null;
  readonly channel: 'online' | 'paper';
}

export interface BallotEntry {
  readonly row: BallotRecordRow;
  /** Oldest first; the last one is the current round. */
  readonly rounds: RoundRecord[];
}

export class MeetingState {
  readonly delegates = new Map<string, DelegateRecord>();
  readonly ballots = new Map<string, BallotEntry>();
  /** Per round: who voted, with their vote id and receipt. */
  readonly voters = new Map<string, Map<string, VoterEntry>>();
  /** Per round: paper totals entered by the counting committee. */
  readonly paper = new Map<string, PaperTotals>();
  /** Per round: who was issued a ballot. */
  readonly issued = new Map<string, Set<string>>();
  /** Rounds a close or cancel has been requested for: no vote is accepted from then on. */
  readonly closing = new Set<string>();
  /** Delegate ids with a phone connected now (one socket each). */
  readonly connected = new Map<string, string>();
  /** Countdown timers of open rounds, by round key. */
  readonly countdowns = new Map<string, ReturnType<typeof setTimeout>>();
  /** The ballot delegates and the projector look at: the last one opened. */
  currentBallotId: string | null = null;

  constructor(
    readonly meeting: MeetingRecord,
    readonly rules: RuleSet,
  ) {}

  static fromStore(loaded: LoadedMeeting, rules: RuleSet): MeetingState {
    const state = new MeetingState(loaded.meeting, rules);
    for (const d of loaded.delegates) state.delegates.set(d.id, d);
    for (const b of loaded.ballots) state.ballots.set(b.id, { row: b, rounds: [] });
    let lastOpened = '';
    for (const r of loaded.rounds) {
      state.ballots.get(r.ballotId)?.rounds.push(r);
      if (r.openedAt >= lastOpened) {
        lastOpened = r.openedAt;
        state.currentBallotId = r.ballotId;
      }
    }
    for (const p of loaded.participation) {
      state.votersOf(p.ballotId, p.round).set(p.delegateId, {
        voteId: p.voteId,
        receipt: p.receipt,
        marks: p.marks,
        channel: p.channel,
      });
    }
    for (const t of loaded.paper) state.paper.set(roundKey(t.ballotId, t.round), t.totals);
    for (const i of loaded.issued) state.issuedOf(i.ballotId, i.round).add(i.delegateId);
    return state;
  }

  votersOf(ballotId: string, round: number): Map<string, VoterEntry> {
    const key = roundKey(ballotId, round);
    let map = this.voters.get(key);
    if (!map) this.voters.set(key, (map = new Map<string, VoterEntry>()));
    return map;
  }

  issuedOf(ballotId: string, round: number): Set<string> {
    const key = roundKey(ballotId, round);
    let set = this.issued.get(key);
    if (!set) this.issued.set(key, (set = new Set()));
    return set;
  }

  currentRound(ballotId: string): RoundRecord | undefined {
    return this.ballots.get(ballotId)?.rounds.at(-1);
  }

  ballotState(ballotId: string): BallotState {
    return this.currentRound(ballotId)?.state ?? 'draft';
  }

  /** Rounds open right now (normally at most one). */
  openRounds(): RoundRecord[] {
    const open: RoundRecord[] = [];
    for (const b of this.ballots.values()) {
      const r = b.rounds.at(-1);
      if (r?.state === 'open') open.push(r);
    }
    return open;
  }

  /** Voting has started once any round was opened; the roster is frozen from then on. */
  votingStarted(): boolean {
    for (const b of this.ballots.values()) if (b.rounds.length > 0) return true;
    return false;
  }

  presence(): PresenceSummary {
    const attendance = summarizeAttendance(
      [...this.delegates.values()].map((d) => ({
        present: d.attendance === 'present',
        excused: d.attendance === 'excused',
      })),
    );
    const quorum = checkQuorum(attendance, this.rules.quorum);
    return {
      roster: attendance.roster,
      present: attendance.present,
      excusedAbsent: attendance.excusedAbsent,
      eligible: quorum.eligible,
      quorum,
    };
  }

  delegateView(d: DelegateRecord): Delegate {
    return {
      id: d.id,
      name: d.name,
      position: d.position,
      group: d.group,
      attendance: d.attendance,
      checkedInBy: d.checkedInBy,
      connected: this.connected.has(d.id),
    };
  }

  ballotView(ballotId: string): BallotView | null {
    const entry = this.ballots.get(ballotId);
    if (!entry) return null;
    const r = entry.rounds.at(-1);
    return {
      ...entry.row.definition,
      id: ballotId,
      state: r?.state ?? 'draft',
      round: r?.round ?? 0,
      openedAt: r?.openedAt ?? null,
      closesAt: r?.closesAt ?? null,
      closedAt: r?.closedAt ?? null,
      publishedAt: r?.publishedAt ?? null,
    };
  }
}
