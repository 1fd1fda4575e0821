// The one socket protocol. Server: Server<ClientToServerEvents, ServerToClientEvents, {}, SocketData>;
// client: Socket<ServerToClientEvents, ClientToServerEvents>. Requests (imperative `domain:verb`,
// each with an ack) are the table in requests.ts, which ClientToServerEvents derives from;
// announcements (past tense) are ServerToClientEvents below.
import type { ErrorBody } from './errors';
import type { MeetingSettings } from './meeting-settings';
import type { RosterLine } from './roster/checks';
import type {
  BallotView,
  ChairBallotView,
  Delegate,
  PresenceSummary,
  Proxy,
  PublishedAnchor,
  ProjectorScreen,
  Role,
  RoundResult,
  Snapshot,
  StorageStatus,
  Turnout,
} from './types';

/** Bumped on any incompatible change; the handshake refuses a client that speaks another. */
export const PROTOCOL_VERSION = 4;

/** The answer to every request: data, or a typed error. */
export type Ack<T> = { readonly ok: true; readonly data: T } | ErrorBody;

/** The callback a request's last argument is. */
export type AckFn<T> = (response: Ack<T>) => void;

/** Credentials a client presents in the socket.io handshake (`auth`). */
export type HandshakeAuth =
  | { readonly protocol: number; readonly role: 'chair'; readonly meetingId: string; readonly key: string }
  | { readonly protocol: number; readonly role: 'projector'; readonly meetingId: string; readonly key: string }
  | { readonly protocol: number; readonly role: 'delegate'; readonly token: string };

/** What a roster import answers. */
export interface RosterImportResult {
  /** How many members the import stored. */
  readonly stored: number;
}

/** What checking in a group (or everyone) answers. */
export interface MarkPresentResult {
  /** How many members it marked present (absent before; present and excused ones stay as they are). */
  readonly marked: number;
  readonly presence: PresenceSummary;
}

/** Every announcement carries the sequence number of its audience's channel. */
interface Sequenced {
  readonly seq: number;
}

export interface ServerToClientEvents {
  /** The full state this role may see; sent on every connect and on `sync:request`. */
  snapshot: (snapshot: Snapshot) => void;
  /**
   * Delegates and projector: a ballot changed state (opened, closed, cancelled, new round), with the
   * server's clock (epoch ms) when it was sent, to count down to `closesAt` on a device whose own
   * clock is wrong.
   */
  'ballot:updated': (event: Sequenced & { ballot: BallotView; serverTime: number }) => void;
  /**
   * Delegates and projector: the chair published a result. `anchor` (its seal and the audit
   * chain's head) is kept by every phone and shown by the projector, outside the server's disk.
   */
  'result:published': (
    event: Sequenced & { result: RoundResult; receipts: readonly string[]; anchor: PublishedAnchor },
  ) => void;
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
  /** Chair: a proxy was recorded or taken back: every proxy, and presence (proxies count in it). */
  'console:proxies-updated': (event: Sequenced & { proxies: readonly Proxy[]; presence: PresenceSummary }) => void;
  /** Chair: a ballot changed (state, turnout, result). */
  'console:ballot-updated': (event: Sequenced & { ballot: ChairBallotView }) => void;
  /** Chair: the database's secrecy work started or stopped waiting for another program. */
  'console:storage-updated': (event: Sequenced & { storage: StorageStatus }) => void;
  /** Chair: the projector's screen changed (mode, slide, result shown or hidden). */
  'console:projector-updated': (event: Sequenced & { projector: ProjectorScreen }) => void;
  /** Projector: what to show, and the published result it may show (null while hidden). */
  'projector:updated': (
    event: Sequenced & { screen: ProjectorScreen; result: RoundResult | null; anchor: PublishedAnchor | null },
  ) => void;
  /** Delegate: this token connected on another phone; this connection is being closed. */
  'session:replaced': () => void;
  /**
   * Delegate: this badge stopped working (the chair re-issued it, or removed the member); the
   * connection is being closed.
   */
  'session:revoked': (event: { reason: 'reissued' | 'removed' }) => void;
}

/** The roles a socket connects as (the admin uses HTTP only). */
export type SocketRole = Exclude<Role, 'admin'>;

/** What the server knows about a connection after the handshake: its role, and who it is. */
export type SocketData =
  | { readonly role: 'chair'; readonly meetingId: string }
  | { readonly role: 'projector'; readonly meetingId: string }
  | { readonly role: 'delegate'; readonly meetingId: string; readonly delegateId: string };

/** HTTP: the admin creates a meeting. */
export interface CreateMeetingRequest {
  readonly title: string;
  readonly rulePresetId: string;
  /** The preset's version; its current one when absent. */
  readonly rulePresetVersion?: number;
  /** Optional roster: the lines of the admin's file, read and mapped in the browser (shared/src/roster). */
  readonly roster?: readonly RosterLine[];
  /** Form of address, time zone and minutes header; each part left out takes its default. */
  readonly settings?: Partial<MeetingSettings>;
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
