// Domain types shared by the server and the three client views. What each role may see is
// spelled out by the snapshot types at the bottom: a client never receives more than its own.
import type { AuditEntry } from './audit';
import type { Marks } from './marks';
import type { MeetingSettings } from './meeting-settings';
import type { SplitVote } from './split';
import type {
  BallotKind,
  PaperTotals,
  QuorumVerdict,
  RuleSet,
  RuleSetRef,
  TallyOption,
  TallyResult,
  TallySubject,
} from './tally/types';

export type { Role } from './roles';

/** Attendance of one roster member. An excused member who checks in becomes present. */
export type AttendanceStatus = 'absent' | 'present' | 'excused';

/** Same set as {@link AttendanceStatus}, as a value. */
export const ATTENDANCE_STATUSES = ['absent', 'present', 'excused'] as const;

export interface Meeting {
  readonly id: string;
  readonly title: string;
  readonly rules: RuleSet;
  readonly createdAt: string;
  /** How every view speaks and dates things, and the header of the minutes. */
  readonly settings: MeetingSettings;
}

/** What every role knows of its meeting: enough to title a screen and speak as the meeting does. */
export interface MeetingHeading {
  readonly id: string;
  readonly title: string;
  readonly settings: MeetingSettings;
}

/** A roster member as the chair sees them. Tokens are never part of it. */
export interface Delegate {
  readonly id: string;
  readonly name: string;
  /** Position or unit, printed on the badge. */
  readonly position: string;
  readonly group: string;
  readonly attendance: AttendanceStatus;
  /** How presence was recorded: by the phone joining, or by the chair (paper attendance). */
  readonly checkedInBy: 'phone' | 'chair' | null;
  /** A phone with this delegate's token is connected right now. */
  readonly connected: boolean;
  /** What the member weighs where a rule counts weight (shares, members represented); 1 by default. */
  readonly weight: number;
}

/** Why a proxy stopped: the chair took it back, or its grantor arrived (for the rounds after). */
export type ProxyRevocation = 'chair' | 'arrival';

/**
 * A proxy the chair recorded: the grantor, who cannot come, gives their vote to the holder, who
 * votes for them in every round opened while it is in force.
 */
export interface Proxy {
  readonly id: string;
  readonly grantorId: string;
  readonly holderId: string;
  /** What the grantor asked the holder to vote, in their words; '' for none (the holder decides). */
  readonly instructions: string;
  readonly grantedAt: string;
  /** When it stopped; null while in force. */
  readonly revokedAt: string | null;
  readonly revokedBy: ProxyRevocation | null;
}

/** A proxy as a round opened with it: in that round the holder votes for the grantor. */
export interface RoundProxy {
  readonly grantorId: string;
  readonly holderId: string;
}

/** A ballot's life: draft → open → closed → published, or cancelled. */
export type BallotState = 'draft' | 'open' | 'closed' | 'published' | 'cancelled';

/**
 * Where a follow-up vote comes from: the band a published round's subjects fell in, whose rule
 * calls for another vote (a confidence rating's band → the vote of no confidence).
 */
export interface FollowUpSource {
  readonly ballotId: string;
  readonly round: number;
  readonly optionId: string;
  readonly bandId: string;
}

/** What the chair asks for when creating a ballot. */
export interface BallotDefinition {
  readonly title: string;
  readonly kind: BallotKind;
  readonly secret: boolean;
  readonly subjects: readonly TallySubject[];
  readonly options: readonly TallyOption[];
  /** Election: how many may be elected. */
  readonly seats?: number;
  /** Open ballots only: a delegate may change their vote until close. */
  readonly allowChange: boolean;
  /** Seconds after opening at which the ballot closes by itself. */
  readonly countdownSeconds?: number;
  /** The chair sees running counts while the ballot is open. Off by default. */
  readonly interimForChair: boolean;
  /**
   * Secret ballots: lowers (or raises) the rules' minimum of ballots returned before an early close
   * (shared/src/early-close.ts). A body too small for the default lowers it; phones, the console
   * and the minutes then show the lowered number as a warning.
   */
  readonly earlyCloseMinimum?: number;
  /**
   * The rule preset (id and version) every round of this ballot is tallied under. The chair may
   * leave it out: the server then stores the meeting's. Ballots stored before rules were chosen
   * per ballot have none and are tallied under the meeting's.
   */
  readonly rules?: RuleSetRef;
  /** Set by the server on a follow-up vote only (`ballot:create-follow-up`). */
  readonly followUpOf?: FollowUpSource;
}

/** A ballot as every role may see it (no counts). */
export interface BallotView extends BallotDefinition {
  readonly id: string;
  /** The rules it is tallied under, always named (the meeting's for a ballot that named none). */
  readonly rules: RuleSetRef;
  readonly state: BallotState;
  /** 1 for the first round; a re-vote opens round 2, and so on. 0 while a draft. */
  readonly round: number;
  readonly openedAt: string | null;
  /** When a countdown will close the ballot. */
  readonly closesAt: string | null;
  readonly closedAt: string | null;
  readonly publishedAt: string | null;
  /**
   * While a secret round is open: the round's public key (X25519, base64url). The phone seals its
   * marks to it (shared/src/sealed-marks.ts), so a listener on the network never reads them.
   */
  readonly sealKey: string | null;
}

/** Live participation in the current round; counts only (a member voted for by proxy counts once). */
export interface Turnout {
  readonly ballotId: string;
  readonly round: number;
  readonly voted: number;
  readonly present: number;
  readonly eligible: number;
}

/** Present count, eligible base and the quorum verdict, pushed to chair and projector. */
export interface PresenceSummary {
  readonly roster: number;
  /** Present in person, and by proxy where the rules take proxies. */
  readonly present: number;
  readonly excusedAbsent: number;
  readonly eligible: number;
  readonly quorum: QuorumVerdict;
  /** Of `present`, members present by proxy; absent when none is. */
  readonly represented?: number;
}

/** A cap warning acknowledged by the chair before publishing. */
export interface Acknowledgement {
  readonly reason: string;
  readonly at: string;
}

/** Who was present, excused and absent when a round closed (delegate ids, sorted): what its result used. */
export interface AttendanceSnapshot {
  readonly present: readonly string[];
  readonly excused: readonly string[];
  readonly absent: readonly string[];
  /**
   * Members present by proxy (not in the lists above): their holder was present at the close, or
   * had voted for them. Absent when nobody was.
   */
  readonly represented?: readonly string[];
}

/**
 * A voter in a secret ballot whose weight no other voter in the round had: the stored ballot
 * carries its weight, so it, and possibly a count, shows how they voted.
 */
export interface SecrecyRisk {
  readonly delegateId: string;
  readonly weight: number;
}

/**
 * A secret round the chair closed before every member present had voted and before its countdown
 * ended. The minutes say so, with the numbers.
 */
export interface EarlyClose {
  /** Ballots cast online at the close (paper voters do not count toward the minimum). */
  readonly returned: number;
  readonly present: number;
  /** The minimum that applied (the ballot's own when it set one). */
  readonly minimum: number;
  /** The rules' minimum; above `minimum` when the ballot lowered it. */
  readonly ruleMinimum: number;
}

/** The rule set a result was tallied under: id, version and SHA-256 (hex) of its canonical content. */
export interface RuleSetStamp {
  readonly id: string;
  readonly version: number;
  readonly hash: string;
}

/** The result of a closed round, with what the chair wrote about its warnings. */
export interface RoundResult {
  readonly ballotId: string;
  readonly round: number;
  readonly tally: TallyResult;
  readonly acknowledgement: Acknowledgement | null;
  /**
   * SHA-256 (hex) over everything the result rests on (shared/src/seal.ts): records, named votes,
   * paper totals, the attendance snapshot, the rule set and the tally with its outcome.
   */
  readonly seal: string;
  readonly closedAt: string;
  /** The attendance the result used, member by member, as it stood at the close. */
  readonly attendance: AttendanceSnapshot;
  readonly rules: RuleSetStamp;
  /** Secret rounds closed early; null otherwise. */
  readonly earlyClose: EarlyClose | null;
  /** Secret rounds counted by weight: the voters whose weight alone identifies their ballot; absent when none. */
  readonly secrecyRisk?: readonly SecrecyRisk[];
}

/**
 * What leaves the database when a result is published: its seal and the audit chain's head right
 * after the publication. Every phone and the projector keep it, the minutes print it, and
 * `npm run verify -- export.json --head <hash>` checks an export against it.
 */
export interface PublishedAnchor {
  readonly ballotId: string;
  readonly round: number;
  readonly seal: string;
  readonly head: AuditHead;
}

/** The last entry of an audit chain: its number and hash. */
export interface AuditHead {
  readonly seq: number;
  readonly hash: string;
}

/**
 * A secret round whose countdown ran out with fewer online ballots than its minimum and not every
 * member present having voted online. It is not counted: it takes no more ballots, the close is
 * refused, and the chair may cancel it (its ballots destroyed unseen) and vote again.
 */
export interface Uncounted {
  readonly online: number;
  readonly present: number;
  readonly minimum: number;
}

/**
 * The chair's view of a ballot: turnout, and who has voted (participation, never a choice: for a
 * secret ballot it is what the audit log's "vote cast" entries already say).
 */
export interface ChairBallotView extends BallotView {
  readonly turnout: Turnout | null;
  /** The open round's countdown ran out short of its minimum (see {@link Uncounted}); else null. */
  readonly uncounted: Uncounted | null;
  /** Who has voted in the current round, online or on paper. */
  readonly voterIds: readonly string[];
  /** The proxies the current round opened with; empty for a draft or where the rules take none. */
  readonly roundProxies: readonly RoundProxy[];
  /** Of `voterIds`, those the chair marked as having handed in a paper ballot. */
  readonly paperVoterIds: readonly string[];
  /** Members added to the roster after the current round opened: not in its roster or base. */
  readonly lateIds: readonly string[];
  /** A re-vote prepared and not opened yet: the number of the round `ballot:open` will open. */
  readonly draftRound: number | null;
  /** The counting committee's paper totals of the current round, as last entered. */
  readonly paper: PaperTotals | null;
  /** Running result while open, only when interimForChair; the result once closed. */
  readonly result: RoundResult | null;
}

/** What the projector shows, as the chair set it. */
export type ProjectorMode = 'live' | 'blank' | 'slide';

/** Same set as {@link ProjectorMode}, as a value. */
export const PROJECTOR_MODES = ['live', 'blank', 'slide'] as const;

/**
 * The projector as the chair drives it: the live view (presence, ballot, turnout, result), a blank
 * screen, or a slide with the meeting's title and an optional line of text; and whether the
 * current ballot's published result is shown on it (publishing to phones is a separate act).
 */
export interface ProjectorScreen {
  readonly mode: ProjectorMode;
  /** The slide's line under the meeting's title; '' for the title alone. */
  readonly slideText: string;
  readonly resultShown: boolean;
}

/** What a delegate's own phone knows about their vote in a round. */
export interface MyVote {
  readonly ballotId: string;
  readonly round: number;
  readonly voteId: string;
  readonly receipt: string;
  /** Open ballots only: what was marked, so the phone can show it. Never for secret ballots. */
  readonly marks: Marks | null;
  /** A vote a proxy holder cast for a member they represent: that member; absent for one's own. */
  readonly forDelegateId?: string;
}

/** A member whose vote a delegate holds in the current round (or, without one, in the next). */
export interface RepresentedMember {
  readonly delegateId: string;
  readonly name: string;
  readonly weight: number;
  /** The grantor's voting instructions; '' for none. */
  readonly instructions: string;
  /** The vote cast for them in the current round; null before. */
  readonly vote: MyVote | null;
}

/** What the chair must know about the database: secrecy work that is waiting on another program. */
export interface StorageStatus {
  /**
   * Since when (ISO time) the scrub of a closed or cancelled secret round has been waiting for
   * another program (a backup?) to stop reading the database files; until it runs, those files
   * may still pair voters with choices. Null when nothing waits.
   */
  readonly scrubPendingSince: string | null;
}

export interface ChairSnapshot {
  readonly role: 'chair';
  readonly seq: number;
  readonly meeting: Meeting;
  readonly presence: PresenceSummary;
  readonly delegates: readonly Delegate[];
  readonly ballots: readonly ChairBallotView[];
  readonly projectorKey: string;
  /** Every proxy recorded, in force or taken back, oldest first. */
  readonly proxies: readonly Proxy[];
  readonly storage: StorageStatus;
  /**
   * Phones reach the server over plain HTTP (PUBLIC_URL is http://): a listener on the hall network
   * reads badge tokens, names and the chair key. The console says so.
   */
  readonly plainHttp: boolean;
  readonly projector: ProjectorScreen;
}

export interface DelegateSnapshot {
  readonly role: 'delegate';
  readonly seq: number;
  /** The server's clock (epoch ms) when it sent this: a phone with a wrong clock counts down right. */
  readonly serverTime: number;
  readonly meeting: MeetingHeading;
  readonly me: { readonly id: string; readonly name: string; readonly position: string; readonly weight: number };
  /** The ballot open now, or else the last one closed or published; null when none yet. */
  readonly ballot: BallotView | null;
  readonly myVote: MyVote | null;
  /** Only once the chair publishes. */
  readonly result: RoundResult | null;
  /** Secret ballots, once published: every counted receipt code, sorted, never with choices. */
  readonly receipts: readonly string[];
  /** The published result's seal and audit head; null before publishing. */
  readonly anchor: PublishedAnchor | null;
  /** The members whose votes this delegate casts as their proxy holder; empty for most. */
  readonly represents: readonly RepresentedMember[];
  /** This delegate gave their vote to a holder for the current round: the holder's name; null otherwise. */
  readonly heldBy: { readonly name: string } | null;
  /** A holder may cast one split ballot for themselves and everyone they represent (the rules allow it). */
  readonly splitAllowed: boolean;
  /** What the ballot counts, so the phone can say what a split distributes; 'heads' for most. */
  readonly countBy: 'heads' | 'weight' | 'both';
  /**
   * The round this member was added after (they are not on its roster and do not vote in it); null
   * when they are on the current round's roster. Every later round has them.
   */
  readonly joinedAfter: { readonly ballotId: string; readonly round: number } | null;
}

export interface ProjectorSnapshot {
  readonly role: 'projector';
  readonly seq: number;
  readonly meeting: MeetingHeading & { readonly rules: RuleSet };
  readonly presence: PresenceSummary;
  readonly ballot: BallotView | null;
  readonly turnout: Turnout | null;
  /** Only once the chair publishes, and while the chair shows it on the projector. */
  readonly result: RoundResult | null;
  /** The published result's seal and audit head; null before publishing. */
  readonly anchor: PublishedAnchor | null;
  readonly screen: ProjectorScreen;
}

/** The snapshot for whichever role the connection has. */
export type Snapshot = ChairSnapshot | DelegateSnapshot | ProjectorSnapshot;

/** One ballot round as exported: enough to print its minutes and to recompute seal and tally. */
export interface RoundExport {
  readonly ballot: BallotDefinition & { readonly id: string };
  readonly round: number;
  readonly state: BallotState;
  readonly rules: RuleSet;
  readonly openedAt: string;
  readonly closedAt: string | null;
  readonly publishedAt: string | null;
  readonly issued: number;
  /** Every stored ballot's marks, canonical and sorted: anonymous, whatever the ballot kind. */
  readonly records: readonly Marks[];
  /**
   * Rounds counted by weight: every ballot with its weight (and `records` empty), canonical and
   * sorted; absent for a round counted by heads.
   */
  readonly weightedRecords?: readonly WeightedRecord[];
  /** Open (named) ballots only: who voted what. Null for secret ballots. */
  readonly namedVotes: readonly NamedVote[] | null;
  /** The proxies the round opened with (holder votes for grantor); absent when none. */
  readonly proxies?: readonly RoundProxy[];
  /** Rounds counted by weight: the weight of the ballots issued and of the paper voters. */
  readonly weights?: RoundWeights;
  readonly paper: PaperTotals | null;
  /** Delegates the chair marked as having voted on paper. */
  readonly paperVoters: number;
  /**
   * Members added to the roster after this round opened (ids, sorted): not on its roster, not in
   * its base or its attendance. The audit log has each one's `delegate.added` after `round.opened`.
   */
  readonly lateMembers: readonly string[];
  readonly result: RoundResult | null;
  /** Secret ballots, once published: the receipt codes counted, sorted, never with choices. */
  readonly receipts: readonly string[];
  /** Once published: the seal and the audit head that left the database with it. */
  readonly anchor: PublishedAnchor | null;
  /** A cancelled secret round: how many ballots were destroyed unseen (never their content). */
  readonly destroyed: number;
}

/** A whole meeting as exported (`GET /api/meetings/:id/export.json`); `npm run verify` reads it. */
export interface MeetingExport {
  readonly format: 'hallvote-export';
  readonly version: 1;
  readonly exportedAt: string;
  readonly meeting: Meeting;
  readonly delegates: readonly Omit<Delegate, 'connected'>[];
  readonly rounds: readonly RoundExport[];
  readonly audit: readonly AuditEntry[];
}

/** A stored ballot with its weight, in a round counted by weight. */
export interface WeightedRecord {
  readonly marks: Marks;
  readonly weight: number;
}

/** The weight of the ballots issued and of the paper voters of a round counted by weight. */
export interface RoundWeights {
  readonly issued: number;
  readonly paperVoters: number;
}

/** An open ballot's vote as exported and sealed: who voted what, and for whom. */
export interface NamedVote {
  readonly delegateId: string;
  readonly name: string;
  readonly marks: Marks;
  /** Cast by this proxy holder for the member; absent when the member voted themself. */
  readonly castBy?: string;
  /** Rounds counted by weight: the member's weight. */
  readonly weight?: number;
  /**
   * A split ballot the member (a proxy holder) cast for themself and `members`; `marks` is then
   * empty, and its ballots are `splitRecords` of it.
   */
  readonly split?: SplitVote;
  /** The members a split ballot was cast for besides the holder. */
  readonly members?: readonly string[];
}
