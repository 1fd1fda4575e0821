// The in-memory picture of one meeting. It is built from the store (`fromStore`, at start-up; a
// multi-node server will reload a meeting the same way) or for a meeting just created (`create`),
// and it changes only through its own methods; everyone else reads through read-only views.
//
// A change always goes: check (reads here; refusals are HallvoteErrors) → write the store and
// await its commit → call the writer here → announce (ctx.broadcaster). Writers apply what the
// store has already committed, so they never refuse and never talk to the store themselves.
// Chair actions run inside `exclusive(state, …)` (exclusive.ts); votes and phone check-ins do not.
// The roster half (delegates, attendance, phones, quorum) is in roster-state.ts, the proxies in
// proxy-state.ts; this file adds ballots, rounds and votes.
import {
  HallvoteError,
  roundKey,
  ruleSetFor,
  type AttendanceStatus,
  type BallotState,
  type Marks,
  type PaperTotals,
  type PresenceSummary,
  type PublishedAnchor,
  type ProjectorScreen,
  type RoundResult,
  type RuleSet,
  type SplitVote,
} from '@hallvote/shared';
import type {
  BallotRecordRow,
  DelegateRecord,
  LoadedMeeting,
  MeetingRecord,
  RoundProxyRecord,
  RoundRecord,
} from '../store/store';
import { ProxyState } from './proxy-state';
import type { TokenRegistry } from './roster-state';

export type { DelegateChange, TokenRegistry } from './roster-state';

export interface VoterEntry {
  readonly voteId: string;
  readonly receipt: string;
  /** Open ballots only. */
  readonly marks: Marks | null;
  readonly channel: 'online' | 'paper';
  /** The proxy holder who cast it for this member; null for the member's own. */
  readonly castBy: string | null;
  /** Open ballots: the split ballot this member (a holder) cast for themself and others. */
  readonly split: SplitVote | null;
}

export interface BallotEntry {
  readonly row: BallotRecordRow;
  /** The rule set every round of this ballot is tallied under (its own, or the meeting's). */
  readonly rules: RuleSet;
  /** Oldest first; the last one is the current round. */
  readonly rounds: readonly RoundRecord[];
}

const NO_VOTERS: ReadonlyMap<string, VoterEntry> = new Map();
const NO_ONE: ReadonlySet<string> = new Set();

/** The projector when nobody has told it otherwise: the live view, results shown once published. */
const LIVE: ProjectorScreen = { mode: 'live', slideText: '', resultShown: true };

export class MeetingState extends ProxyState {
  readonly #ballots = new Map<string, { row: BallotRecordRow; rules: RuleSet; rounds: RoundRecord[] }>();
  /** Per round key: who voted, with their vote id and receipt. */
  readonly #voters = new Map<string, Map<string, VoterEntry>>();
  /**
   * Per round key: which vote each online vote id is, `vote:<member>` or `split:<holder>`. A split's
   * rows share its vote id, and who a split carried is read from that; one id on two votes (a vote
   * for a member, then a split) would make them one split, counted and exported as no vote was.
   */
  readonly #voteIds = new Map<string, Map<string, string>>();
  /** Per round key: who was issued a ballot. */
  readonly #issued = new Map<string, Set<string>>();
  /** Per round key: paper totals entered by the counting committee. */
  readonly #paper = new Map<string, PaperTotals>();
  /** Round keys a close or cancel has begun for: no vote is accepted from then on. */
  readonly #closing = new Set<string>();
  /** Round keys whose countdown ran out short of their minimum: open, uncounted, taking no votes. */
  readonly #countdownEnded = new Set<string>();
  /** Per round key: delegates whose badge was re-issued while the round was open (they vote on paper). */
  readonly #reissuedIn = new Map<string, Set<string>>();
  /** Running results for a chair who asked for them (interimForChair), by ballot id. */
  readonly #interim = new Map<string, RoundResult>();
  /** Per published round key: the seal and audit head that left the database with it. */
  readonly #anchors = new Map<string, PublishedAnchor>();
  #currentBallotId: string | null = null;
  /**
   * What the projector shows. Display only, never stored: after a restart the projector is live
   * again, and shows a published result (it is public already, on every phone).
   */
  #projector: ProjectorScreen = LIVE;

  private constructor(meeting: MeetingRecord, rules: RuleSet, tokens: TokenRegistry) {
    super(meeting, rules, tokens);
  }

  /** A meeting just created (and committed) with its first roster. */
  static create(
    meeting: MeetingRecord,
    rules: RuleSet,
    delegates: readonly DelegateRecord[],
    tokens: TokenRegistry,
  ): MeetingState {
    const state = new MeetingState(meeting, rules, tokens);
    state.addDelegates(delegates);
    return state;
  }

  /** Rebuilds a meeting from what the store holds. */
  static fromStore(loaded: LoadedMeeting, rules: RuleSet, tokens: TokenRegistry): MeetingState {
    const state = new MeetingState(loaded.meeting, rules, tokens);
    state.addDelegates(loaded.delegates);
    state.loadProxies(loaded.proxies, loaded.roundProxies);
    for (const b of loaded.ballots) {
      // A build that no longer has a ballot's preset version must not tally it under other rules.
      const ballotRules = ruleSetFor(b.definition.rules, rules);
      if (!ballotRules) throw new Error(`ballot ${b.id} uses an unknown rule preset or version`);
      state.#ballots.set(b.id, { row: b, rules: ballotRules, rounds: [] });
    }
    // The ballot everybody looks at: the one open now, whatever the clock said when it opened (a
    // clock set back makes an open round look older than a closed one). Only when none is open,
    // the round opened last by its time.
    let lastOpened = '';
    for (const r of loaded.rounds) {
      state.#ballots.get(r.ballotId)?.rounds.push(r);
      if (r.openedAt >= lastOpened) {
        lastOpened = r.openedAt;
        state.#currentBallotId = r.ballotId;
      }
    }
    for (const r of loaded.rounds) if (r.state === 'open') state.#currentBallotId = r.ballotId;
    for (const p of loaded.participation)
      state.#votersIn(p.ballotId, p.round).set(p.delegateId, {
        voteId: p.voteId,
        receipt: p.receipt,
        marks: p.marks,
        channel: p.channel,
        castBy: p.castBy,
        split: p.split,
      });
    for (const [key, voters] of state.#voters) {
      const byId = new Map<string, string[]>();
      for (const [delegateId, v] of voters)
        if (v.channel === 'online') byId.set(v.voteId, [...(byId.get(v.voteId) ?? []), delegateId]);
      const owners = new Map<string, string>();
      for (const [voteId, ids] of byId) {
        const holder = ids.length > 1 ? (ids.find((id) => voters.get(id)?.castBy === null) ?? ids[0]) : null;
        owners.set(voteId, holder === null ? `vote:${ids[0]}` : `split:${holder}`);
      }
      state.#voteIds.set(key, owners);
    }
    for (const t of loaded.paper) state.#paper.set(roundKey(t.ballotId, t.round), t.totals);
    for (const i of loaded.issued) state.#issuedIn(i.ballotId, i.round).add(i.delegateId);
    for (const a of loaded.anchors) state.#anchors.set(roundKey(a.ballotId, a.round), a);
    return state;
  }

  // ---- Reading ----------------------------------------------------------------------------------

  get ballots(): ReadonlyMap<string, BallotEntry> {
    return this.#ballots;
  }

  /** The ballot delegates and the projector look at: the last one opened. */
  get currentBallotId(): string | null {
    return this.#currentBallotId;
  }

  /** The ballot, or NOT_FOUND. */
  ballotOf(ballotId: string): BallotEntry {
    const entry = this.#ballots.get(ballotId);
    if (!entry) throw new HallvoteError('NOT_FOUND', { what: 'ballot' });
    return entry;
  }

  /** The rule set a ballot is tallied under; NOT_FOUND for no such ballot. */
  rulesOf(ballotId: string): RuleSet {
    return this.ballotOf(ballotId).rules;
  }

  /** Round `round` of a ballot, current or not. */
  roundOf(ballotId: string, round: number): RoundRecord | undefined {
    return this.#ballots.get(ballotId)?.rounds.find((r) => r.round === round);
  }

  currentRound(ballotId: string): RoundRecord | undefined {
    return this.#ballots.get(ballotId)?.rounds.at(-1);
  }

  ballotState(ballotId: string): BallotState {
    return this.currentRound(ballotId)?.state ?? 'draft';
  }

  /** Rounds open right now (normally at most one). */
  openRounds(): RoundRecord[] {
    const open: RoundRecord[] = [];
    for (const b of this.#ballots.values()) {
      const r = b.rounds.at(-1);
      if (r?.state === 'open') open.push(r);
    }
    return open;
  }

  /**
   * True while `round` is the ballot's current round, open, no close or cancel has begun, and its
   * countdown has not run out uncounted.
   */
  acceptsVotes(ballotId: string, round: number): boolean {
    const current = this.currentRound(ballotId);
    const key = roundKey(ballotId, round);
    return (
      current?.round === round && current.state === 'open' && !this.#closing.has(key) && !this.#countdownEnded.has(key)
    );
  }

  /** Whether the delegate's badge was re-issued while this round was open: it cannot vote in it. */
  reissuedDuring(ballotId: string, round: number, delegateId: string): boolean {
    return this.#reissuedIn.get(roundKey(ballotId, round))?.has(delegateId) ?? false;
  }

  /** Whether the round's countdown ran out without it being counted (too few online ballots). */
  countdownEnded(ballotId: string, round: number): boolean {
    return this.#countdownEnded.has(roundKey(ballotId, round));
  }

  /** The ballot's current round if it accepts votes; else BALLOT_NOT_OPEN. */
  openRoundOf(ballotId: string): RoundRecord {
    const round = this.currentRound(ballotId);
    if (!round || !this.acceptsVotes(ballotId, round.round)) throw this.notOpen(ballotId, round);
    return round;
  }

  /**
   * BALLOT_NOT_OPEN for a round that takes no votes: its state, and whether it is open but its
   * countdown ran out uncounted (a phone then says the time is up, not that the vote is closed).
   */
  notOpen(ballotId: string, round: RoundRecord | undefined): HallvoteError {
    const ended = round?.state === 'open' && this.countdownEnded(ballotId, round.round);
    return new HallvoteError('BALLOT_NOT_OPEN', {
      state: round?.state ?? null,
      ...(ended ? { countdownEnded: true } : {}),
    });
  }

  /**
   * Whether a member is on a round's roster: every member there was when it opened. A member added
   * later (a latecomer, a substitute) is on the roster of the rounds opened after them.
   */
  onRoster(ballotId: string, round: number, delegateId: string): boolean {
    const through = this.roundOf(ballotId, round)?.rosterThrough ?? null;
    const d = this.delegates.get(delegateId);
    return d !== undefined && (through === null || d.ordinal <= through);
  }

  /** Members added after a round opened: not on its roster, not in its base. */
  lateFor(ballotId: string, round: number): string[] {
    const through = this.roundOf(ballotId, round)?.rosterThrough ?? null;
    if (through === null) return [];
    return [...this.delegates.values()].filter((d) => d.ordinal > through).map((d) => d.id);
  }

  /** Presence among a round's roster: what its turnout, quorum at close and base are counted on. */
  roundPresence(ballotId: string, round: number): PresenceSummary {
    const through = this.roundOf(ballotId, round)?.rosterThrough ?? null;
    return this.presence(this.rulesOf(ballotId), (d) => through === null || d.ordinal <= through);
  }

  /** Voting has started once any round was opened; import, edits and removal stop from then on. */
  votingStarted(): boolean {
    for (const b of this.#ballots.values()) if (b.rounds.length > 0) return true;
    return false;
  }

  /** Who voted in a round (online or on paper). */
  votersOf(ballotId: string, round: number): ReadonlyMap<string, VoterEntry> {
    return this.#voters.get(roundKey(ballotId, round)) ?? NO_VOTERS;
  }

  /** Who was issued a ballot in a round. */
  issuedOf(ballotId: string, round: number): ReadonlySet<string> {
    return this.#issued.get(roundKey(ballotId, round)) ?? NO_ONE;
  }

  paperTotalsOf(ballotId: string, round: number): PaperTotals | undefined {
    return this.#paper.get(roundKey(ballotId, round));
  }

  /** The seal and audit head a published round went out with. */
  anchorOf(ballotId: string, round: number): PublishedAnchor | null {
    return this.#anchors.get(roundKey(ballotId, round)) ?? null;
  }

  /** The last running result computed for a chair who asked for one; none once the round ends. */
  interimResult(ballotId: string): RoundResult | null {
    return this.#interim.get(ballotId) ?? null;
  }

  /** What the projector shows, as the chair set it. */
  get projector(): ProjectorScreen {
    return this.#projector;
  }

  // ---- Attendance (after the store committed it) ------------------------------------------------

  /** Records attendance; `issuedIn` are the open rounds the delegate was issued a ballot in with it. */
  setAttendance(
    delegateId: string,
    status: AttendanceStatus,
    checkedInBy: DelegateRecord['checkedInBy'],
    issuedIn: readonly { ballotId: string; round: number }[],
  ): void {
    this.recordAttendance(delegateId, status, checkedInBy);
    for (const r of issuedIn) this.#issuedIn(r.ballotId, r.round).add(delegateId);
  }

  /**
   * The delegate's badge was re-issued (committed) while these rounds were open. Also replayed from
   * the audit log at start-up (Hall.load), so a restart does not lift the bar.
   */
  reissuedIn(delegateId: string, rounds: readonly { ballotId: string; round: number }[]): void {
    for (const r of rounds) {
      const key = roundKey(r.ballotId, r.round);
      let set = this.#reissuedIn.get(key);
      if (!set) this.#reissuedIn.set(key, (set = new Set<string>()));
      set.add(delegateId);
    }
  }

  // ---- Ballots and rounds (after the store committed them) ---------------------------------------

  /** A ballot just created, with the rule set its definition resolved to. */
  addBallot(row: BallotRecordRow, rules: RuleSet): void {
    this.#ballots.set(row.id, { row, rules, rounds: [] });
  }

  /** A re-vote of the ballot prepared (opened later by `openRound`), or dropped. */
  setRevoteDrafted(ballotId: string, revoteDrafted: boolean): void {
    const entry = this.#entry(ballotId);
    entry.row = { ...entry.row, revoteDrafted };
  }

  /**
   * A new round, issued to `issuedTo`, with the proxies it takes; its ballot becomes the one
   * everybody looks at, a prepared re-vote of it is done with, and the projector will show its
   * result once published.
   */
  openRound(round: RoundRecord, issuedTo: readonly string[], proxies: readonly RoundProxyRecord[] = []): void {
    const entry = this.#entry(round.ballotId);
    entry.rounds.push(round);
    entry.row = { ...entry.row, revoteDrafted: false };
    this.setRoundProxies(round.ballotId, round.round, proxies);
    const issued = this.#issuedIn(round.ballotId, round.round);
    for (const id of issuedTo) issued.add(id);
    this.#currentBallotId = round.ballotId;
    this.#projector = { ...this.#projector, resultShown: true };
  }

  /** A close or cancel has begun: the round accepts no vote until `endClosing`. */
  beginClosing(ballotId: string, round: number): void {
    this.#closing.add(roundKey(ballotId, round));
  }

  /**
   * The countdown ran out with too few online ballots: the round stays open but takes no more votes
   * until the chair cancels it. Not stored: a restarted server re-arms the countdown, which runs
   * out at once and marks it again.
   */
  endCountdown(ballotId: string, round: number): void {
    this.#countdownEnded.add(roundKey(ballotId, round));
  }

  /** The close or cancel has ended (done, or failed and the round is still open). */
  endClosing(ballotId: string, round: number): void {
    this.#closing.delete(roundKey(ballotId, round));
  }

  /** The round stops taking votes; its secret seal key is gone with it. */
  closeRound(ballotId: string, round: number, closedAt: string, result: RoundResult): void {
    this.#updateRound(ballotId, round, (r) => ({ ...r, state: 'closed', closedAt, result, sealSecretKey: null }));
    this.#interim.delete(ballotId);
  }

  /** A closed round tallied again (paper totals entered after the close). */
  replaceResult(ballotId: string, round: number, result: RoundResult): void {
    this.#updateRound(ballotId, round, (r) => ({ ...r, result }));
  }

  publishRound(
    ballotId: string,
    round: number,
    publishedAt: string,
    result: RoundResult,
    anchor: PublishedAnchor,
  ): void {
    this.#updateRound(ballotId, round, (r) => ({ ...r, state: 'published', publishedAt, result }));
    this.#anchors.set(roundKey(ballotId, round), anchor);
  }

  /** An open round cancelled: its ballots were destroyed unseen, its seal key with them. */
  cancelRound(ballotId: string, round: number, at: string): void {
    this.#updateRound(ballotId, round, (r) => ({
      ...r,
      state: 'cancelled',
      closedAt: r.closedAt ?? at,
      sealSecretKey: null,
    }));
    this.#interim.delete(ballotId);
  }

  /** The chair changed what the projector shows. */
  setProjector(screen: ProjectorScreen): void {
    this.#projector = screen;
  }

  /** A running result for the chair of an open round that asked for one. */
  setInterimResult(ballotId: string, result: RoundResult): void {
    this.#interim.set(ballotId, result);
  }

  // ---- Votes ---------------------------------------------------------------------------------------

  /**
   * Takes `voteId` for one vote of the round (`vote:<member>` or `split:<holder>`) before it is sent
   * to the store; false when another vote of the round has it. Synchronous, and called with no await
   * before the store's write, so two requests in flight cannot both take one id. A refused or
   * failed write keeps its id: the same vote may be sent again with it, no other.
   */
  claimVoteId(ballotId: string, round: number, voteId: string, owner: string): boolean {
    const key = roundKey(ballotId, round);
    let owners = this.#voteIds.get(key);
    if (!owners) this.#voteIds.set(key, (owners = new Map<string, string>()));
    const taken = owners.get(voteId);
    if (taken !== undefined) return taken === owner;
    owners.set(voteId, owner);
    return true;
  }

  // ---- Votes (after the store committed them) ---------------------------------------------------

  /** A vote from the delegate's phone (a changed open vote replaces the earlier one). */
  recordVote(ballotId: string, round: number, delegateId: string, vote: VoterEntry): void {
    this.#votersIn(ballotId, round).set(delegateId, vote);
    this.#issuedIn(ballotId, round).add(delegateId);
  }

  /** The delegate handed in a paper ballot: they count as having voted, and can no longer vote online. */
  markPaperVoter(ballotId: string, round: number, delegateId: string): void {
    this.#votersIn(ballotId, round).set(delegateId, {
      voteId: 'paper',
      receipt: '',
      marks: null,
      channel: 'paper',
      castBy: null,
      split: null,
    });
    this.#issuedIn(ballotId, round).add(delegateId);
  }

  /** The counting committee's paper totals of a round (replacing earlier ones). */
  recordPaperTotals(ballotId: string, round: number, totals: PaperTotals): void {
    this.#paper.set(roundKey(ballotId, round), totals);
  }

  // ---- Internals --------------------------------------------------------------------------------

  #entry(ballotId: string): { row: BallotRecordRow; rules: RuleSet; rounds: RoundRecord[] } {
    const entry = this.#ballots.get(ballotId);
    if (!entry) throw new Error(`unknown ballot ${ballotId}`);
    return entry;
  }

  #updateRound(ballotId: string, round: number, change: (r: RoundRecord) => RoundRecord): void {
    const rounds = this.#entry(ballotId).rounds;
    const index = rounds.findIndex((r) => r.round === round);
    const current = rounds[index];
    if (!current) throw new Error(`unknown round ${ballotId} #${round}`);
    rounds[index] = change(current);
  }

  #votersIn(ballotId: string, round: number): Map<string, VoterEntry> {
    const key = roundKey(ballotId, round);
    let map = this.#voters.get(key);
    if (!map) this.#voters.set(key, (map = new Map<string, VoterEntry>()));
    return map;
  }

  #issuedIn(ballotId: string, round: number): Set<string> {
    const key = roundKey(ballotId, round);
    let set = this.#issued.get(key);
    if (!set) this.#issued.set(key, (set = new Set<string>()));
    return set;
  }
}
