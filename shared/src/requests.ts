// The one request table. For every request a client may send: the roles that may send it, the zod
// schema of its payload, its rate-limit class and the type of its acknowledgement. The event list,
// the payload and ack types, ClientToServerEvents and the server's role gate all derive from it,
// so adding a request is one entry here plus its handler. Requests are imperative `domain:verb`.
import type { z } from 'zod';
import type { AuditEntry } from './audit';
import type { Ack, AckFn, MarkPresentResult, RosterImportResult, SocketRole } from './protocol';
import {
  attendanceMarkPresentSchema,
  attendanceMarkSchema,
  ballotDefinitionSchema,
  ballotIdSchema,
  ballotOpenSchema,
  ballotPublishSchema,
  delegateIdSchema,
  delegateUpdateSchema,
  emptySchema,
  followUpSchema,
  paperMarkSchema,
  paperTotalsSchema,
  projectorResultSchema,
  projectorScreenSchema,
  proxyGrantSchema,
  proxyIdSchema,
  rosterEntrySchema,
  rosterImportSchema,
  voteCastSchema,
  voteSplitSchema,
} from './schemas';
import type { BallotView, MyVote, PresenceSummary, ProjectorScreen, RoundResult, Snapshot, Turnout } from './types';

/**
 * How the server limits a request per socket: every chair action shares one bucket, votes have
 * their own, and so do snapshot requests. Every request has a class: nothing a client sends is
 * unlimited. The rates themselves are server policy.
 */
export type RateClass = 'chair' | 'vote' | 'sync';

/** One row of {@link REQUESTS}. */
export interface RequestSpec {
  readonly roles: readonly SocketRole[];
  readonly schema: z.ZodType;
  readonly rate: RateClass;
  /** For the compiler only (see `answers`): what a successful ack carries. */
  readonly ack?: unknown;
}

/** Names the type of a successful ack in the table; the value itself is always undefined. */
const answers = <T>(): T | undefined => undefined;

const CHAIR = ['chair'] as const;
const ANY_ROLE = ['chair', 'delegate', 'projector'] as const;

/** Every request, who may make it, how its payload is checked, and what it answers. */
export const REQUESTS = {
  /** Any role: send me a full snapshot (after a sequence gap). */
  'sync:request': { roles: ANY_ROLE, schema: emptySchema, rate: 'sync', ack: answers<Snapshot>() },

  // Chair: roster and attendance. Import, edit and removal only before voting starts.
  /**
   * Store the lines of a roster file (read and mapped in the chair's browser), replacing the
   * roster or appended to it; refused whole, with every problem, by the roster checks.
   */
  'roster:import': { roles: CHAIR, schema: rosterImportSchema, rate: 'chair', ack: answers<RosterImportResult>() },
  /**
   * A member added on their own, at any time: added while a round is open, a latecomer or
   * substitute is on the roster of the rounds opened after them, not of that one.
   */
  'delegate:add': { roles: CHAIR, schema: rosterEntrySchema, rate: 'chair', ack: answers<{ delegateId: string }>() },
  'delegate:update': {
    roles: CHAIR,
    schema: delegateUpdateSchema,
    rate: 'chair',
    ack: answers<Record<string, never>>(),
  },
  'delegate:remove': { roles: CHAIR, schema: delegateIdSchema, rate: 'chair', ack: answers<Record<string, never>>() },
  /** A lost badge: the old token stops working, a new one is issued. */
  'delegate:reissue': { roles: CHAIR, schema: delegateIdSchema, rate: 'chair', ack: answers<{ joinUrl: string }>() },
  'attendance:mark': { roles: CHAIR, schema: attendanceMarkSchema, rate: 'chair', ack: answers<PresenceSummary>() },
  /** Every absent member of a group (or of the roster) checked in, in one write and one audit entry. */
  'attendance:mark-present': {
    roles: CHAIR,
    schema: attendanceMarkPresentSchema,
    rate: 'chair',
    ack: answers<MarkPresentResult>(),
  },

  // Chair: ballots.
  'ballot:create': {
    roles: CHAIR,
    schema: ballotDefinitionSchema,
    rate: 'chair',
    ack: answers<{ ballotId: string }>(),
  },
  /**
   * Opens a draft ballot's first round, or the round a re-vote prepared; a countdown starts now.
   * Refused with SECRECY_AT_RISK unless the chair accepts the voters a weight would identify.
   */
  'ballot:open': { roles: CHAIR, schema: ballotOpenSchema, rate: 'chair', ack: answers<BallotView>() },
  'ballot:close': { roles: CHAIR, schema: ballotIdSchema, rate: 'chair', ack: answers<RoundResult>() },
  /** The acknowledgement is required when the result carries warnings or failed checks. */
  'ballot:publish': { roles: CHAIR, schema: ballotPublishSchema, rate: 'chair', ack: answers<RoundResult>() },
  /** Cancels the open or closed (unpublished) round; a prepared re-vote is dropped instead. */
  'ballot:cancel': { roles: CHAIR, schema: ballotIdSchema, rate: 'chair', ack: answers<BallotView>() },
  /**
   * Prepares a new round of a closed, published or cancelled ballot, as a draft the chair opens
   * with `ballot:open`; the old rounds are kept.
   */
  'ballot:revote': { roles: CHAIR, schema: ballotIdSchema, rate: 'chair', ack: answers<BallotView>() },
  /**
   * A draft of the vote a published round's band calls for (the vote of no confidence after a
   * confidence rating): the subjects in that band, under the band's follow-up preset. Once only.
   */
  'ballot:create-follow-up': {
    roles: CHAIR,
    schema: followUpSchema,
    rate: 'chair',
    ack: answers<{ ballotId: string }>(),
  },

  // Chair: the projector, apart from the phones.
  /** The live view, a blank screen, or a slide with the meeting's title. */
  'projector:set-screen': {
    roles: CHAIR,
    schema: projectorScreenSchema,
    rate: 'chair',
    ack: answers<ProjectorScreen>(),
  },
  /** Shows the current ballot's published result on the projector, or takes it off. */
  'projector:show-result': {
    roles: CHAIR,
    schema: projectorResultSchema,
    rate: 'chair',
    ack: answers<ProjectorScreen>(),
  },

  // Chair: paper ballots, for delegates without a phone.
  /** The delegate handed in a paper ballot in the open round: they can no longer vote online. */
  'paper:mark-voted': { roles: CHAIR, schema: paperMarkSchema, rate: 'chair', ack: answers<Turnout>() },
  /**
   * The counting committee's paper totals for a round (open or closed, not yet published). For a
   * closed round the answer is the result tallied again with them; for an open round, null.
   */
  'paper:record-totals': {
    roles: CHAIR,
    schema: paperTotalsSchema,
    rate: 'chair',
    ack: answers<RoundResult | null>(),
  },
  // Chair: proxies (the meeting's rules must take them).
  /** A member who cannot come gives their vote to one who does, for the rounds opened from now on. */
  'proxy:grant': { roles: CHAIR, schema: proxyGrantSchema, rate: 'chair', ack: answers<{ proxyId: string }>() },
  /** The chair takes a proxy back, for the rounds opened from now on. */
  'proxy:revoke': { roles: CHAIR, schema: proxyIdSchema, rate: 'chair', ack: answers<Record<string, never>>() },

  /** The meeting's hash-chained audit log, oldest first. */
  'audit:list': { roles: CHAIR, schema: emptySchema, rate: 'chair', ack: answers<readonly AuditEntry[]>() },

  // Delegate.
  /** A vote; acknowledged only once it is on disk. A re-sent voteId is the same vote. */
  'vote:cast': { roles: ['delegate'], schema: voteCastSchema, rate: 'vote', ack: answers<MyVote>() },
  /**
   * A proxy holder's split ballot for themself and everyone they represent, in one action: one
   * vote per member, each with its own receipt.
   */
  'vote:cast-split': {
    roles: ['delegate'],
    schema: voteSplitSchema,
    rate: 'vote',
    ack: answers<readonly MyVote[]>(),
  },
} as const satisfies Record<string, RequestSpec>;

/** The name of a request. */
export type RequestEvent = keyof typeof REQUESTS;

type Spec<E extends RequestEvent> = (typeof REQUESTS)[E];

/** Payloads are never changed by whoever sends them. */
type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T;

/** What a client sends with request `E`: the schema's input (fields with a default may be left out). */
export type RequestPayload<E extends RequestEvent> = DeepReadonly<z.input<Spec<E>['schema']>>;

/** What the server's handler of `E` receives: the payload as the schema parsed it (trimmed, defaults filled). */
export type ParsedRequest<E extends RequestEvent> = z.output<Spec<E>['schema']>;

/** The data of a successful ack to `E`. */
export type AckData<E extends RequestEvent> = Exclude<Spec<E>['ack'], undefined>;

/** The whole answer to `E`: its data, or a typed error. */
export type RequestAck<E extends RequestEvent> = Ack<AckData<E>>;

/** The roles that may send `E`. */
export type RolesOf<E extends RequestEvent> = Spec<E>['roles'][number];

/** The socket.io event map of requests, derived from the table. */
export type ClientToServerEvents = {
  [E in RequestEvent]: (payload: RequestPayload<E>, ack: AckFn<AckData<E>>) => void;
};

/** Every request name, in table order. */
export const CLIENT_EVENTS = Object.keys(REQUESTS) as readonly RequestEvent[];

/** True for a name the protocol has (and not, say, `__proto__`). */
export function isRequestEvent(name: string): name is RequestEvent {
  return Object.hasOwn(REQUESTS, name);
}

/** The role gate: whether a connection of `role` may send `event` at all. */
export function mayRequest(role: SocketRole, event: RequestEvent): boolean {
  const roles: readonly SocketRole[] = REQUESTS[event].roles;
  return roles.includes(role);
}

/** A vote as the phone sends it. `voteId` is a UUID made when the delegate confirms. */
export type VoteCastPayload = RequestPayload<'vote:cast'>;

/** A roster import: the lines of the file, and whether they replace the roster or are appended to it. */
export type RosterImportPayload = RequestPayload<'roster:import'>;
