// The store interface: what the server needs from durable storage, in domain terms. SQLite is the
// embedded default; a PostgreSQL store can implement the same promises later. Every write resolves
// only after it is committed to disk, so an ack sent after `await` is an ack after commit.
import type { AttendanceStatus, BallotDefinition, BallotState, RoundResult } from '@hallvote/shared';

export interface MeetingRecord {
  readonly id: string;
  readonly title: string;
  readonly rulePresetId: string;
  readonly chairKey: string;
  readonly projectorKey: string;
  readonly createdAt: string;
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
}

export interface BallotRecordRow {
  readonly id: string;
  readonly meetingId: string;
  readonly definition: BallotDefinition;
  readonly createdAt: string;
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
}

/** Who has voted in a round; for secret ballots this is the only place a delegate id appears. */
export interface ParticipationRecord {
  readonly ballotId: string;
  readonly round: number;
  readonly delegateId: string;
  readonly voteId: string;
  readonly receipt: string;
  /** Open ballots: the marks (named votes). Secret ballots: null, always. */
  readonly marks: Readonly<Record<string, readonly string[]>> | null;
}

/** Everything about one meeting, to rebuild the in-memory state at start-up. */
export interface LoadedMeeting {
  readonly meeting: MeetingRecord;
  readonly delegates: readonly DelegateRecord[];
  readonly ballots: readonly BallotRecordRow[];
  readonly rounds: readonly RoundRecord[];
  readonly participation: readonly ParticipationRecord[];
  /** Per round key `${ballotId}#${round}`, the delegates a ballot was issued to. */
  readonly issued: readonly { ballotId: string; round: number; delegateId: string }[];
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
}

/** What happened to a cast: stored now, the same voteId seen before, or replaced (open ballots). */
export type CastOutcome =
  | { readonly kind: 'stored'; readonly receipt: string }
  | { readonly kind: 'duplicate'; readonly receipt: string }
  | { readonly kind: 'changed'; readonly receipt: string };

export interface Store {
  loadAll(): Promise<LoadedMeeting[]>;
  createMeeting(meeting: MeetingRecord, delegates: readonly DelegateRecord[]): Promise<void>;
  replaceRoster(meetingId: string, delegates: readonly DelegateRecord[]): Promise<void>;
  addDelegates(delegates: readonly DelegateRecord[]): Promise<void>;
  updateDelegate(
    delegateId: string,
    fields: Partial<Pick<DelegateRecord, 'name' | 'position' | 'group' | 'token'>>,
  ): Promise<void>;
  removeDelegate(delegateId: string): Promise<void>;
  setAttendance(
    delegateId: string,
    attendance: AttendanceStatus,
    checkedInBy: DelegateRecord['checkedInBy'],
    /** Open rounds the delegate is now issued a ballot in (they became present). */
    issueIn: readonly { ballotId: string; round: number }[],
  ): Promise<void>;
  createBallot(ballot: BallotRecordRow): Promise<void>;
  openRound(
    round: RoundRecord,
    issuedTo: readonly string[],
    /** The previous round, if any, stays as it was; only a draft or closed ballot gets a round. */
  ): Promise<void>;
  /**
   * Records a vote, enforcing at most one per delegate per round in the database. Throws a
   * HallvoteError ALREADY_VOTED or BALLOT_NOT_OPEN when the database refuses it.
   */
  castVote(vote: CastVote): Promise<CastOutcome>;
  /** The stored ballot contents of a round (secret: anonymous rows; open: per delegate). */
  readBallots(ballotId: string, round: number): Promise<Readonly<Record<string, readonly string[]>>[]>;
  closeRound(ballotId: string, round: number, closedAt: string, result: RoundResult): Promise<void>;
  publishRound(ballotId: string, round: number, publishedAt: string, result: RoundResult): Promise<void>;
  cancelRound(ballotId: string, round: number, at: string): Promise<void>;
  /** Waits for pending writes, then closes the database. */
  close(): Promise<void>;
}
