// The store interface: what the server needs from durable storage, in domain terms. SQLite is the
// embedded default (sqlite-store.ts); PostgreSQL (pg-store.ts, DATABASE_URL) keeps the same
// promises. Every write resolves only after it is committed to disk, so an ack sent after `await`
// is an ack after commit. A store never makes the event loop wait for its disk: a database that
// is locked or full answers with STORE_UNAVAILABLE (nothing stored; try again), never with a false
// success.
import type {
  AttendanceStatus,
  AuditActor,
  AuditEntry,
  AuditHead,
  BallotDefinition,
  BallotState,
  Marks,
  MeetingSettings,
  PaperTotals,
  ProxyRevocation,
  PublishedAnchor,
  RoundResult,
  SplitVote,
  StorageStatus,
} from '@hallvote/shared';
import type { GuessVerdict } from '../features/badges/join-code-limit';
import type { CountedRound, RoundCount } from './round-records';

/** What a write appends to the meeting's hash-chained audit log, in the same transaction. */
export interface AuditInput {
  readonly meetingId: string;
  /** When the write happens, by the app's clock; a row the write stamps (a vote's time) takes it too. */
  readonly at: string;
  readonly actor: AuditActor;
  readonly action: string;
  /** Ids and counts only: never a token, never a secret ballot's content. */
  readonly details: Readonly<Record<string, unknown>>;
}

export interface MeetingRecord {
  readonly id: string;
  readonly title: string;
  readonly rulePresetId: string;
  /** Pins the preset's rules: a newer version of it never changes how this meeting is tallied. */
  readonly rulePresetVersion: number;
  readonly chairKey: string;
  readonly projectorKey: string;
  readonly createdAt: string;
  /** How the meeting speaks and dates its papers (form of address, time zone, minutes header). */
  readonly settings: MeetingSettings;
}

export interface DelegateRecord {
  readonly id: string;
  readonly meetingId: string;
  readonly name: string;
  readonly position: string;
  readonly group: string;
  /** The badge token (printed as a QR code). Kept so a badge sheet can be printed again. */
  readonly token: string;
  readonly attendance: AttendanceStatus;
  readonly checkedInBy: 'phone' | 'chair' | null;
  /** Roster order, for badge sheets and lists. */
  readonly ordinal: number;
  /** What the member weighs where a rule counts weight (shares, members represented); 1 by default. */
  readonly weight: number;
}

/** A proxy the chair recorded (see the shared `Proxy`), with its meeting. */
export interface ProxyRecord {
  readonly id: string;
  readonly meetingId: string;
  readonly grantorId: string;
  readonly holderId: string;
  readonly instructions: string;
  readonly grantedAt: string;
  readonly revokedAt: string | null;
  readonly revokedBy: ProxyRevocation | null;
}

/** A proxy a round opened with: in that round, the holder votes for the grantor. */
export interface RoundProxyRecord {
  readonly ballotId: string;
  readonly round: number;
  readonly grantorId: string;
  readonly holderId: string;
}

/** A proxy taken back in the same write as another change (its grantor checking in). */
export interface ProxyRevoke {
  readonly proxyId: string;
  readonly at: string;
  readonly by: ProxyRevocation;
}

export interface BallotRecordRow {
  readonly id: string;
  readonly meetingId: string;
  readonly definition: BallotDefinition;
  readonly createdAt: string;
  /** A re-vote is prepared: `openRound` opens the next round of this ballot (and clears it). */
  readonly revoteDrafted: boolean;
}

export interface RoundRecord {
  readonly ballotId: string;
  readonly round: number;
  readonly state: Exclude<BallotState, 'draft'>;
  readonly openedAt: string;
  readonly closesAt: string | null;
  readonly closedAt: string | null;
  readonly publishedAt: string | null;
  readonly result: RoundResult | null;
  /**
   * Secret rounds: the round's X25519 key pair (raw, base64url) that phones seal their marks to.
   * The secret half exists only while the round takes votes: closing or cancelling erases it, so a
   * recording of the hall network cannot be opened with a later copy of the disk.
   */
  readonly sealPublicKey: string | null;
  readonly sealSecretKey: string | null;
  /**
   * The highest roster ordinal when the round opened: its roster is the members up to it, and a
   * member added later (a latecomer, a substitute) is not in its base. Null for rounds stored
   * before members could be added during voting: every member is on their roster.
   */
  readonly rosterThrough: number | null;
}

/** One member's new attendance, as `setAttendance` takes it. */
export interface AttendanceChange {
  readonly delegateId: string;
  readonly attendance: AttendanceStatus;
  readonly checkedInBy: DelegateRecord['checkedInBy'];
  /** Open rounds the delegate is now issued a ballot in (they became present). */
  readonly issueIn: readonly { ballotId: string; round: number }[];
  /** A grantor who arrives takes their proxy back, in the same write (for the rounds after). */
  readonly revoke?: ProxyRevoke | undefined;
}

/** Who has voted in a round; for secret ballots this is the only place a delegate id appears. */
export interface ParticipationRecord {
  readonly ballotId: string;
  readonly round: number;
  readonly delegateId: string;
  readonly voteId: string;
  readonly receipt: string;
  /** Open ballots: the marks (named votes). Secret ballots and paper voters: null, always. */
  readonly marks: Readonly<Record<string, readonly string[]>> | null;
  /** Voted on the phone, or handed in a paper ballot (marked by the chair). */
  readonly channel: 'online' | 'paper';
  /** The proxy holder who cast this member's vote; null when the member voted themself. */
  readonly castBy: string | null;
  /** Open ballots: the split ballot this member (a holder) cast for themself and others; null otherwise. */
  readonly split: SplitVote | null;
}

/**
 * A stored ballot as the tally reads it: its marks, its weight in a round counted by weight (else
 * null), or, for an open ballot's split, the split (its ballots are `splitRecords` of it).
 */
export interface StoredBallot {
  readonly marks: Marks;
  readonly weight: number | null;
  readonly split: SplitVote | null;
}

/** Everything about one meeting, to rebuild the in-memory state at start-up. */
export interface LoadedMeeting {
  readonly meeting: MeetingRecord;
  readonly delegates: readonly DelegateRecord[];
  readonly ballots: readonly BallotRecordRow[];
  readonly rounds: readonly RoundRecord[];
  readonly participation: readonly ParticipationRecord[];
  /** Per round, the delegates a ballot was issued to. */
  readonly issued: readonly { ballotId: string; round: number; delegateId: string }[];
  /** Per round, the paper totals entered by the counting committee. */
  readonly paper: readonly { ballotId: string; round: number; totals: PaperTotals }[];
  /** Per published round, its seal and the audit entry that published it (the anchor phones keep). */
  readonly anchors: readonly PublishedAnchor[];
  /** Every proxy recorded, oldest first. */
  readonly proxies: readonly ProxyRecord[];
  /** The proxies each round opened with. */
  readonly roundProxies: readonly RoundProxyRecord[];
}

/** A badge found by its join code (features/badges/join-code.ts). */
export interface JoinCodeBadge {
  readonly meetingId: string;
  readonly delegateId: string;
  readonly token: string;
}

/** A closed round tallied again in the same transaction as the paper totals that changed it. */
export interface Retally {
  readonly result: RoundResult;
  readonly audit: AuditInput;
}

export interface CastVote {
  readonly meetingId: string;
  readonly ballotId: string;
  readonly round: number;
  readonly delegateId: string;
  readonly voteId: string;
  readonly receipt: string;
  readonly marks: Readonly<Record<string, readonly string[]>>;
  readonly secret: boolean;
  /** Open ballots that allow it: a new voteId replaces the earlier vote. */
  readonly allowChange: boolean;
  /** The proxy holder casting it for `delegateId`; null for a member's own vote. */
  readonly castBy: string | null;
  /** The member's weight, stored with the ballot in a round counted by weight; null otherwise. */
  readonly weight: number | null;
}

/**
 * A proxy holder's split ballot: one participation row per member (the same vote id, each its own
 * receipt). A secret ballot stores `records` (splitRecords of the split, anonymous rows like any
 * other); an open one stores the split itself as the holder's named vote.
 */
export interface CastSplit {
  readonly meetingId: string;
  readonly ballotId: string;
  readonly round: number;
  readonly holderId: string;
  readonly voteId: string;
  /** Every member it is cast for, the holder among them, with their receipt. */
  readonly members: readonly { readonly delegateId: string; readonly receipt: string }[];
  readonly split: SplitVote;
  readonly secret: boolean;
  /** Secret ballots: the anonymous rows to store (weight null in a round counted by heads). */
  readonly records: readonly { readonly marks: Marks; readonly weight: number | null }[];
}

/** What happened to a cast: stored now, the same voteId seen before, or replaced (open ballots). */
export type CastOutcome =
  | { readonly kind: 'stored'; readonly receipt: string }
  | { readonly kind: 'duplicate'; readonly receipt: string }
  | { readonly kind: 'changed'; readonly receipt: string };

/**
 * The database cannot be reached, or a commit went unanswered (`outcomeUnknown`: it may or may not
 * be stored). Nothing may be acknowledged; a re-sent vote resolves as `duplicate` if it was stored.
 */
export class StoreUnavailableError extends Error {
  readonly code = 'STORE_UNAVAILABLE';
  constructor(
    message: string,
    readonly outcomeUnknown: boolean,
    cause: unknown,
  ) {
    super(message, { cause });
    this.name = 'StoreUnavailableError';
  }
}

/**
 * A write of a meeting that another store has claimed since this one did (pg-store.ts,
 * `claimMeeting`): this node no longer owns the meeting, and nothing of the write was stored.
 */
export class StaleEpochError extends Error {
  readonly code = 'STALE_EPOCH';
  constructor(
    readonly meetingId: string,
    readonly claimed: number,
    readonly current: number | null,
  ) {
    super(`meeting ${meetingId} was claimed at epoch ${current}; this store holds epoch ${claimed}`);
    this.name = 'StaleEpochError';
  }
}

export interface Store {
  loadAll(): Promise<LoadedMeeting[]>;
  /** One meeting, as `loadAll` has it; null when there is no such meeting. */
  loadMeeting(meetingId: string): Promise<LoadedMeeting | null>;
  createMeeting(meeting: MeetingRecord, delegates: readonly DelegateRecord[], audit: AuditInput): Promise<void>;
  replaceRoster(meetingId: string, delegates: readonly DelegateRecord[], audit: AuditInput): Promise<void>;
  addDelegates(delegates: readonly DelegateRecord[], audit: AuditInput): Promise<void>;
  updateDelegate(
    delegateId: string,
    fields: Partial<Pick<DelegateRecord, 'name' | 'position' | 'group' | 'token' | 'weight'>>,
    audit: AuditInput,
  ): Promise<void>;
  /** Removes a member, and every proxy they gave or hold (before voting starts, none is used yet). */
  removeDelegate(delegateId: string, audit: AuditInput): Promise<void>;
  /**
   * Throws ATTENDANCE_FROZEN when the delegate would become absent or excused while a round of
   * their meeting is open (only a latecomer's check-in changes attendance then).
   */
  setAttendance(
    delegateId: string,
    attendance: AttendanceStatus,
    checkedInBy: DelegateRecord['checkedInBy'],
    /** Open rounds the delegate is now issued a ballot in (they became present). */
    issueIn: readonly { ballotId: string; round: number }[],
    audit: AuditInput,
    /** A grantor who arrives takes their proxy back, in the same write (for the rounds after). */
    revoke?: ProxyRevoke,
  ): Promise<void>;
  /** Several members' attendance in one transaction with one audit entry (a group checked in). */
  setAttendanceMany(changes: readonly AttendanceChange[], audit: AuditInput): Promise<void>;
  /** Records a proxy. The database keeps one in force per grantor (CONFLICT otherwise). */
  grantProxy(proxy: ProxyRecord, audit: AuditInput): Promise<void>;
  /** Takes a proxy back (CONFLICT when it is not in force). */
  revokeProxy(revoke: ProxyRevoke, audit: AuditInput): Promise<void>;
  createBallot(ballot: BallotRecordRow, audit: AuditInput): Promise<void>;
  /**
   * Opens a new round of a ballot, issuing it to the delegates present, with the proxies it takes;
   * a prepared re-vote of the ballot is cleared in the same transaction.
   */
  openRound(
    round: RoundRecord,
    issuedTo: readonly string[],
    audit: AuditInput,
    proxies: readonly RoundProxyRecord[],
  ): Promise<void>;
  /** Prepares (true) or drops (false) a re-vote of a ballot, to be opened by `openRound`. */
  draftRevote(ballotId: string, drafted: boolean, audit: AuditInput): Promise<void>;
  /**
   * Records a vote, enforcing at most one per delegate per round in the database. Throws a
   * HallvoteError ALREADY_VOTED or BALLOT_NOT_OPEN when the database refuses it. The audit entry
   * is appended only when something was stored.
   */
  castVote(vote: CastVote, audit: AuditInput): Promise<CastOutcome>;
  /**
   * Records a split ballot: every member's participation row (the same primary key as a vote:
   * refused ALREADY_VOTED if any has one), and its ballots, in one write. A re-sent vote id answers
   * `duplicate` with the first receipts.
   */
  castSplit(split: CastSplit, audit: AuditInput): Promise<CastOutcome>;
  /**
   * The chair records that a delegate handed in a paper ballot: they can no longer vote online.
   * Throws NOT_PRESENT when the database says the delegate is not present.
   */
  markPaperVoter(ballotId: string, round: number, delegateId: string, audit: AuditInput): Promise<void>;
  /**
   * The counting committee's paper totals for a round (replacing earlier ones). For a closed
   * round, `retally` is its new result: totals, result and both audit entries commit together.
   */
  recordPaperTotals(
    ballotId: string,
    round: number,
    totals: PaperTotals,
    audit: AuditInput,
    retally: Retally | null,
  ): Promise<void>;
  /** The stored ballots of a round (secret: anonymous rows; open: per delegate). */
  readBallots(ballotId: string, round: number): Promise<StoredBallot[]>;
  /**
   * A round's tally and seal over its stored ballots and `input` (round-records.ts), once every
   * write requested before has committed: what a close counts, made where the ballots are.
   */
  countRound(input: RoundCount): Promise<CountedRound>;
  /**
   * Closes an open round with its result: its secret rows rewritten in key order, its seal key
   * erased. A round that is not open (closed already, by a countdown racing the chair or by another
   * node) is refused with BALLOT_NOT_OPEN and nothing changes.
   */
  closeRound(ballotId: string, round: number, closedAt: string, result: RoundResult, audit: AuditInput): Promise<void>;
  /** Publishes a closed round; resolves with the audit chain's head after the publication. */
  publishRound(
    ballotId: string,
    round: number,
    publishedAt: string,
    result: RoundResult,
    audit: AuditInput,
  ): Promise<AuditHead>;
  /**
   * Cancels an open round and destroys its ballots unseen (deleted with secure_delete, never
   * tallied or exported); the audit entry gains `destroyed`, the number of ballots deleted, which
   * the promise resolves with.
   */
  cancelRound(ballotId: string, round: number, at: string, audit: AuditInput): Promise<number>;
  /** The meeting's audit log, oldest first. */
  readAudit(meetingId: string): Promise<AuditEntry[]>;
  /**
   * Every badge, of every meeting, whose join code is `code` (normalized): none, one, or in rare
   * cases several (which /j refuses). Any node finds any badge, whichever node runs its meeting.
   */
  badgesOfJoinCode(code: string): Promise<JoinCodeBadge[]>;
  /**
   * Takes one guess from the budget of wrong join codes (join-code-limit.ts) of `address` and of
   * the whole server, at `at` (ms, the app's clock), or says which is spent (nothing taken then).
   * Every process on the store spends the one budget, atomically: SQLite's is in its process's
   * memory, PostgreSQL's in a table all nodes share.
   */
  takeJoinGuess(address: string, at: number): Promise<GuessVerdict>;
  /** The guess was a right code: it gives the token back to both budgets. */
  returnJoinGuess(address: string): Promise<void>;
  /**
   * The store's status for the chair (a secrecy scrub waiting for another program), now; `listener`
   * hears every later change.
   */
  watchStatus(listener: (status: StorageStatus) => void): StorageStatus;
  /** Waits for pending writes, then closes the database. */
  close(): Promise<void>;
}
