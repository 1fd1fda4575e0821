// The one socket protocol. Server: Server<ClientToServerEvents, ServerToClientEvents, {}, SocketData>;
// client: Socket<ServerToClientEvents, ClientToServerEvents>. Requests are imperative
// `domain:verb`; announcements are past tense. Every request carries an ack.
import type { AuditEntry } from './audit';
import type { ErrorBody } from './errors';
import type { PaperTotals } from './tally/types';
import type {
  BallotDefinition,
  BallotView,
  ChairBallotView,
  Delegate,
  MyVote,
  PresenceSummary,
  Role,
  RoundResult,
  Snapshot,
  Turnout,
} from './types';
import type { AttendanceStatus } from './types';

/** Bumped on any incompatible change; the handshake refuses a client that speaks another. */
export const PROTOCOL_VERSION = 1;

/** The answer to every request: data, or a typed error. */
export type Ack<T> = { readonly ok: true; readonly data: T } | ErrorBody;

/** The callback a request's last argument is. */
export type AckFn<T> = (response: Ack<T>) => void;

/** Credentials a client presents in the socket.io handshake (`auth`). */
export type HandshakeAuth =
  | { readonly protocol: number; readonly role: 'chair'; readonly meetingId: string; readonly key: string }
  | { readonly protocol: number; readonly role: 'projector'; readonly meetingId: string; readonly key: string }
  | { readonly protocol: number; readonly role: 'delegate'; readonly token: string };

/** A vote as the phone sends it. `voteId` is a UUID made when the delegate confirms. */
export interface VoteCastPayload {
  readonly ballotId: string;
  readonly round: number;
  readonly voteId: string;
  /** Per subject id, the option ids marked. */
  readonly marks: Readonly<Record<string, readonly string[]>>;
}

export interface RosterEntry {
  readonly name: string;
  readonly position: string;
  readonly group: string;
}

export interface RosterImportPayload {
  readonly csv: string;
  /** Replace the roster, or append to it. */
  readonly mode: 'replace' | 'append';
  /** Parse and validate only; nothing is stored. */
  readonly dryRun: boolean;
}

export interface RosterImportResult {
  readonly entries: readonly RosterEntry[];
  readonly stored: boolean;
}

export interface ClientToServerEvents {
  /** Any role: send me a full snapshot (after a sequence gap). */
  'sync:request': (payload: Record<string, never>, ack: AckFn<Snapshot>) => void;

  // Chair: roster and attendance, before voting starts for the roster itself.
  'roster:import': (payload: RosterImportPayload, ack: AckFn<RosterImportResult>) => void;
  'delegate:add': (payload: RosterEntry, ack: AckFn<{ delegateId: string }>) => void;
  'delegate:update': (
    payload: { delegateId: string } & Partial<RosterEntry>,
    ack: AckFn<Record<string, never>>,
  ) => void;
  'delegate:remove': (payload: { delegateId: string }, ack: AckFn<Record<string, never>>) => void;
  /** A lost badge: the old token stops working, a new one is issued. */
  'delegate:reissue': (payload: { delegateId: string }, ack: AckFn<{ joinUrl: string }>) => void;
  'attendance:mark': (payload: { delegateId: string; status: AttendanceStatus }, ack: AckFn<PresenceSummary>) => void;

  // Chair: ballots.
  'ballot:create': (payload: BallotDefinition, ack: AckFn<{ ballotId: string }>) => void;
  'ballot:open': (payload: { ballotId: string }, ack: AckFn<BallotView>) => void;
  'ballot:close': (payload: { ballotId: string }, ack: AckFn<RoundResult>) => void;
  /** The acknowledgement is required when the result carries cap warnings. */
  'ballot:publish': (payload: { ballotId: string; acknowledgement?: string }, ack: AckFn<RoundResult>) => void;
  'ballot:cancel': (payload: { ballotId: string }, ack: AckFn<BallotView>) => void;
  /** A new round of a closed (or published) ballot; the old round is kept. */
  'ballot:revote': (payload: { ballotId: string }, ack: AckFn<BallotView>) => void;

  // Chair: paper ballots, for delegates without a phone.
  /** The delegate handed in a paper ballot in the open round: they can no longer vote online. */
  'paper:mark-voted': (payload: { ballotId: string; delegateId: string }, ack: AckFn<Turnout>) => void;
  /**
   * The counting committee's paper totals for a round (open or closed, not yet published). For a
   * closed round the answer is the result tallied again with them; for an open round, null.
   */
  'paper:record-totals': (
    payload: { ballotId: string; round: number; totals: PaperTotals },
    ack: AckFn<RoundResult | null>,
  ) => void;
  /** Chair: the meeting's audit log. */
  'audit:list': (payload: Record<string, never>, ack: AckFn<readonly AuditEntry[]>) => void;

  // Delegate.
  'vote:cast': (payload: VoteCastPayload, ack: AckFn<MyVote>) => void;
}

/** Every request name, as a value: the server answers FORBIDDEN to a role that may not send one. */
export const CLIENT_EVENTS = [
  'sync:request',
  'roster:import',
  'delegate:add',
  'delegate:update',
  'delegate:remove',
  'delegate:reissue',
  'attendance:mark',
  'ballot:create',
  'ballot:open',
  'ballot:close',
  'ballot:publish',
  'ballot:cancel',
  'ballot:revote',
  'paper:mark-voted',
  'paper:record-totals',
  'audit:list',
  'vote:cast',
] as const satisfies readonly (keyof ClientToServerEvents)[];

/** Every announcement carries the sequence number of its audience's channel. */
interface Sequenced {
  readonly seq: number;
}

export interface ServerToClientEvents {
  /** The full state this role may see; sent on every connect and on `sync:request`. */
  snapshot: (snapshot: Snapshot) => void;
  /** Delegates and projector: a ballot changed state (opened, closed, cancelled, new round). */
  'ballot:updated': (event: Sequenced & { ballot: BallotView }) => void;
  /** Delegates and projector: the chair published a result. */
  'result:published': (event: Sequenced & { result: RoundResult; receipts: readonly string[] }) => void;
  /** Projector: present count and quorum changed (coalesced). */
  'presence:updated': (event: Sequenced & { presence: PresenceSummary }) => void;
  /** Projector: live turnout of the open round (coalesced). */
  'turnout:updated': (event: Sequenced & { turnout: Turnout }) => void;
  /** Chair: roster members changed (the changed rows, or all after an import) and presence. */
  'console:roster-updated': (
    event: Sequenced & {
      presence: PresenceSummary;
      delegates: readonly Delegate[];
      removedIds: readonly string[];
      /** True when `delegates` is the whole roster (after an import), not just changed rows. */
      full: boolean;
    },
  ) => void;
  /** Chair: a ballot changed (state, turnout, result). */
  'console:ballot-updated': (event: Sequenced & { ballot: ChairBallotView }) => void;
  /** Delegate: this token connected on another phone; this connection is being closed. */
  'session:replaced': () => void;
}

/** The roles a socket connects as (the admin uses HTTP only). */
export type SocketRole = Exclude<Role, 'admin'>;

/** What the server knows about a connection after the handshake. */
export interface SocketData {
  role: SocketRole;
  meetingId: string;
  /** Set for delegates only. */
  delegateId: string | null;
}

/** HTTP: the admin creates a meeting. */
export interface CreateMeetingRequest {
  readonly title: string;
  readonly rulePresetId: string;
  /** Optional roster as CSV (name, position, group). */
  readonly rosterCsv?: string;
}

export interface CreateMeetingResponse {
  readonly meetingId: string;
  readonly chairKey: string;
  readonly projectorKey: string;
  /** The chair console, with the key in the URL fragment (never sent to the server). */
  readonly chairUrl: string;
  readonly projectorUrl: string;
  readonly delegates: number;
}
