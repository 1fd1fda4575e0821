// Refusals are data: a code and typed parameters, never a sentence. Each view turns them into words
// in its own language (client/src/i18n/refusals.ts); a code without its words there fails the
// type-check. No English `message` travels with a refusal: a sentence on the wire is one a view
// will end up showing, in English, to a hall that reads Vietnamese (it happened). Logs and tools
// read the code and its parameters, which say more than a sentence did.
import type { Role } from './roles';
import type { RosterProblem } from './roster/problems';
import type { SplitProblem } from './split';
import type { Fraction } from './tally/primitive-types';
import type { WeightedCountBy } from './tally/result-types';
import type { BallotState } from './types';

/**
 * Every refusal the server can answer with. A closed set: clients switch over it to show a
 * message, and an unexpected exception becomes INTERNAL (logged, never echoed).
 */
export const ERROR_CODES = [
  'INVALID_PAYLOAD',
  /** The handshake speaks another protocol version: the page is older than the server. */
  'PROTOCOL_MISMATCH',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  /** Opening a ballot while another one is open. */
  'ANOTHER_BALLOT_OPEN',
  'NO_QUORUM',
  'BALLOT_NOT_OPEN',
  'ALREADY_VOTED',
  'INVALID_VOTE',
  'VOTING_STARTED',
  'ACK_REQUIRED',
  'INVALID_ROSTER',
  'UNKNOWN_RULE_PRESET',
  'RATE_LIMITED',
  'SESSION_REPLACED',
  /** A vote or a paper ballot from a member who is not checked in (absent or excused). */
  'NOT_PRESENT',
  /** While a round is open nobody's attendance changes, except a latecomer becoming present. */
  'ATTENDANCE_FROZEN',
  /** A badge re-issued while the round was open cannot vote in it (the member may vote on paper). */
  'BADGE_REISSUED',
  /** A secret round closed early with fewer ballots returned than the minimum. */
  'TOO_FEW_BALLOTS',
  /** The meeting's stored state does not match its seals or audit chain: the server refuses it. */
  'STATE_MISMATCH',
  /** The rule set takes no proxies. */
  'PROXIES_NOT_ALLOWED',
  /** The holder holds the most proxies the rule set allows. */
  'PROXY_LIMIT',
  /**
   * A ballot whose own rules allow fewer proxies per holder than some holder has in force: it does
   * not open until proxies are taken back (or other rules chosen).
   */
  'PROXY_LIMIT_AT_OPEN',
  /** A proxy that cannot be recorded as asked (see {@link ProxyRefusal}). */
  'PROXY_REFUSED',
  /** The member gave their vote to a proxy holder for this round: the holder votes for them. */
  'PROXY_GRANTED',
  /** A holder voting for a member whose proxy they do not hold in this round. */
  'NOT_REPRESENTED',
  /** A split ballot the rules or the holder's votes do not allow. */
  'SPLIT_NOT_ALLOWED',
  /** A split ballot whose numbers do not fit the ballot or the votes it carries. */
  'INVALID_SPLIT',
  /** Opening this secret ballot would let a count identify voters; the chair has not accepted it. */
  'SECRECY_AT_RISK',
  /**
   * A round counted by weight (or by heads and weight) takes no paper ballots: a paper total is a
   * number of ballots and carries no weight. Members without a phone vote through a proxy holder.
   */
  'PAPER_NOT_WEIGHTED',
  /** The database could not be used just now (locked by another program, disk full): nothing changed; try again. */
  'STORE_UNAVAILABLE',
  /** The member was added to the roster after this round opened: they vote from the next one. */
  'NOT_IN_ROUND',
  'INTERNAL',
] as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Why a proxy cannot be recorded. */
export type ProxyRefusal =
  /** Grantor and holder are the same member. */
  | 'self'
  /** The grantor has given a proxy already (one in force per member). */
  | 'grantor-has-proxy'
  /** The holder has given their own vote away: a proxy is not passed on. */
  | 'holder-is-grantor'
  /** The grantor holds proxies of others: they would pass them on. */
  | 'grantor-holds-proxies'
  /** The grantor is present and votes themself. */
  | 'grantor-present'
  /** A proxy that was taken back already, or is not this meeting's. */
  | 'not-in-force';

/** Why a split ballot is not allowed. */
export type SplitRefusal =
  /** The ballot's rules do not allow splitting. */
  | 'rules'
  /** The holder has voted already, or someone they represent has: a split is for all of them at once. */
  | 'voted'
  /** The holder represents nobody in this round: there is nothing to split. */
  | 'nobody'
  /**
   * A secret ballot counted by weight: a split's parts add up to what its holder carries, weights
   * no member holds, which give the holder away. The holder votes member by member instead.
   */
  | 'secret-weight';

/**
 * What was wrong with a field of a request, as a zod issue says it, without zod's English:
 * `missing` (no value), `type`, `too-small` / `too-big` (with `limit`), `format`, `unknown-key`,
 * `value` (not one of the values allowed), `not-json` / `too-large` (an HTTP body), and
 * `rule-options` (the ballot lacks the options its rules count: `values`).
 */
export type PayloadProblem =
  | 'missing'
  | 'type'
  | 'too-small'
  | 'too-big'
  | 'format'
  | 'unknown-key'
  | 'value'
  | 'not-json'
  | 'too-large'
  | 'rule-options';

/** A field-level problem of a request. */
export interface PayloadIssue {
  /** The field, dotted ("subjects.3.label"); '' for the whole request. */
  readonly path: string;
  readonly problem: PayloadProblem;
  /** too-small / too-big: the bound (a length, a count or a number). */
  readonly limit?: number;
  /** rule-options: the option ids the rules count. */
  readonly values?: readonly string[];
}

/** Which credential a request or connection lacked. */
export type Credential = 'admin-token' | 'chair-key' | 'projector-key' | 'badge';

/** What a NOT_FOUND did not find. */
export type Missing = 'meeting' | 'ballot' | 'round' | 'delegate' | 'group' | 'proxy' | 'request' | 'route' | 'format';

/**
 * Why a ballot action is not possible now. `state` is the ballot's state when it matters to the
 * words ("only a closed ballot can be published; this one is open").
 */
export type ConflictParams =
  /** ballot:open on a ballot that was opened before: a new round is a re-vote. */
  | { readonly reason: 'already-opened' }
  /** A re-vote of this ballot is prepared already (a draft round waits to be opened). */
  | { readonly reason: 'revote-prepared' }
  /** A re-vote needs a closed, published or cancelled round. */
  | { readonly reason: 'revote-too-early'; readonly state: BallotState }
  /** Publishing needs a closed round. */
  | { readonly reason: 'publish-not-closed'; readonly state: BallotState }
  /** A closed round is a commitment: it cannot be cancelled. */
  | { readonly reason: 'cancel-closed' }
  /** Only an open round can be cancelled. */
  | { readonly reason: 'cancel-not-open'; readonly state: BallotState }
  /** Paper totals are entered until the result is published. */
  | { readonly reason: 'paper-after-publish' }
  /** A follow-up vote follows a published result. */
  | { readonly reason: 'follow-up-not-published' }
  /** No subject of the result is in a band that calls for another vote. */
  | { readonly reason: 'follow-up-none' }
  /** The follow-up vote of this band exists already. */
  | { readonly reason: 'follow-up-exists' }
  /** Another write moved the round on between the check and the write (a race). */
  | { readonly reason: 'round-moved-on' }
  /** The grantor has a proxy in force already (the store's one per member; a race with another grant). */
  | { readonly reason: 'proxy-given' }
  /** The proxy was taken back already (by the chair, or by the grantor arriving) in another write. */
  | { readonly reason: 'proxy-not-in-force' }
  /** Another vote of the round was sent with this vote id (a vote id is one vote: one member's, or one split). */
  | { readonly reason: 'vote-id-used' };

/** Why a vote was refused. */
export type InvalidVoteReason =
  /** A secret ballot's marks must come sealed; an open ballot's as they are. */
  | 'sealing'
  /** The sealed marks could not be opened (another round's key, a damaged message). */
  | 'unsealable'
  | 'unknown-subject'
  | 'unknown-option'
  /** The same option twice in one row. */
  | 'duplicate-mark'
  /** A motion or a classification needs exactly one mark. */
  | 'one-mark'
  /** A row of a batch with more than one level. */
  | 'row-over-marked'
  /** More candidates than seats. */
  | 'too-many-candidates';

/** The parameters each refusal carries: what a view needs to say it with the numbers involved. */
export interface ErrorParams {
  readonly INVALID_PAYLOAD: { readonly issues: readonly PayloadIssue[] };
  readonly PROTOCOL_MISMATCH: { readonly expected: number };
  readonly UNAUTHORIZED: { readonly credential: Credential };
  /** The role may not send this request. */
  readonly FORBIDDEN: { readonly role: Role; readonly request: string };
  readonly NOT_FOUND: { readonly what: Missing };
  readonly CONFLICT: ConflictParams;
  readonly ANOTHER_BALLOT_OPEN: { readonly ballotId: string; readonly title: string };
  readonly NO_QUORUM: {
    readonly present: number;
    readonly required: number;
    readonly eligible: number;
    readonly fraction: Fraction;
    /** "more than" the fraction rather than "at least". */
    readonly strict: boolean;
  };
  /** `state` of the round asked for; null when there is no such round. */
  readonly BALLOT_NOT_OPEN: {
    readonly state: BallotState | null;
    /** The round is still open but its countdown has ended: the deadline itself shuts the box. */
    readonly countdownEnded?: boolean;
  };
  /** How the earlier vote of this round was cast. */
  readonly ALREADY_VOTED: {
    readonly channel: 'online' | 'paper';
    /** The vote went into a split ballot: final, even where the ballot takes changed votes. */
    readonly split?: true;
  };
  readonly INVALID_VOTE: {
    readonly reason: InvalidVoteReason;
    /** The subject or option id concerned, where one is. */
    readonly id?: string;
    /** too-many-candidates: the seats. */
    readonly limit?: number;
  };
  readonly VOTING_STARTED: Record<string, never>;
  /** How many findings of the result need the chair's written reason. */
  readonly ACK_REQUIRED: { readonly warnings: number };
  /** Every problem of the roster or member sent (at most 100). */
  readonly INVALID_ROSTER: { readonly problems: readonly RosterProblem[] };
  /** The preset asked for; `version` null when the id itself is unknown. */
  readonly UNKNOWN_RULE_PRESET: { readonly id: string; readonly version: number | null };
  readonly RATE_LIMITED: Record<string, never>;
  readonly SESSION_REPLACED: Record<string, never>;
  /** The member's attendance (absent or excused). */
  readonly NOT_PRESENT: { readonly attendance: 'absent' | 'excused' };
  /** The member is on the roster of an open round; `status` is what the chair asked for. */
  readonly ATTENDANCE_FROZEN: { readonly delegateId: string; readonly status: 'absent' | 'excused' };
  readonly BADGE_REISSUED: Record<string, never>;
  /**
   * Online ballots `returned` short of the `minimum` a secret round needs, with `present` members;
   * `ended`: the countdown ran out (the round cannot be counted: cancel it and vote again), else
   * an early close (wait for more votes).
   */
  readonly TOO_FEW_BALLOTS: {
    readonly returned: number;
    readonly minimum: number;
    readonly present: number;
    readonly ended: boolean;
  };
  /**
   * How many checks differ, the rounds they concern (ballot title and round) and whether the audit
   * log is among them. The operator's console and `npm run verify` say what differs field by field.
   */
  readonly STATE_MISMATCH: {
    readonly mismatches: number;
    readonly rounds: readonly { readonly ballot: string; readonly round: number }[];
    readonly auditLog: boolean;
  };
  /**
   * The store cannot take a write just now; nothing changed, try again: the meeting `moved` to
   * another server, is `moving` between servers, or the database is `unreachable`.
   */
  readonly STORE_UNAVAILABLE: { readonly reason: 'moved' | 'moving' | 'unreachable' };
  /** The member joined the roster after this round opened: they vote from the next one. */
  readonly NOT_IN_ROUND: Record<string, never>;
  /** The rule set (its id) takes no proxies. */
  readonly PROXIES_NOT_ALLOWED: { readonly rules: string };
  /** The holder (a name) holds `max` proxies already. */
  readonly PROXY_LIMIT: { readonly holder: string; readonly max: number };
  /** Grantor and holder are names, as the chair chose them. */
  readonly PROXY_REFUSED: { readonly reason: ProxyRefusal; readonly grantor: string; readonly holder: string };
  /** The member the voter gave their vote to, by name. */
  readonly PROXY_GRANTED: { readonly holder: string };
  /** The member the holder tried to vote for, by name. */
  readonly NOT_REPRESENTED: { readonly member: string };
  readonly SPLIT_NOT_ALLOWED: { readonly reason: SplitRefusal };
  readonly INVALID_SPLIT: { readonly problem: SplitProblem };
  /** The members whose weight no other voter of the round has, with that weight. */
  readonly PROXY_LIMIT_AT_OPEN: {
    readonly holders: readonly { readonly name: string; readonly held: number }[];
    readonly max: number;
  };
  readonly PAPER_NOT_WEIGHTED: { readonly countBy: WeightedCountBy };
  readonly SECRECY_AT_RISK: { readonly members: readonly { readonly name: string; readonly weight: number }[] };
  readonly INTERNAL: Record<string, never>;
}

/** The refusal of one code: the code and its parameters. */
export type RefusalOf<C extends ErrorCode> = { readonly ok: false; readonly error: C; readonly params: ErrorParams[C] };

/** The failure half of every acknowledgement and HTTP error body: a code and its parameters. */
export type ErrorBody = { readonly [C in ErrorCode]: RefusalOf<C> }[ErrorCode];

/** Whether a parsed body (or a refused handshake's data) is a refusal: an error code the server sends, with parameters. */
export function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null) return false;
  const { ok, error, params } = body as { ok?: unknown; error?: unknown; params?: unknown };
  return (
    ok === false && (ERROR_CODES as readonly unknown[]).includes(error) && typeof params === 'object' && params !== null
  );
}

/** Codes whose parameters are empty, so that a refusal of one needs no second argument. */
type ParamsArg<C extends ErrorCode> =
  Record<string, never> extends ErrorParams[C] ? [params?: ErrorParams[C]] : [params: ErrorParams[C]];

/** Builds the body of a refusal: `refusal('NO_QUORUM', { present, … })`. */
export function refusal<C extends ErrorCode>(code: C, ...[params]: ParamsArg<C>): RefusalOf<C> {
  return { ok: false, error: code, params: (params ?? {}) as ErrorParams[C] };
}

/**
 * Thrown inside handlers to refuse a request with a typed error. Its `message` (the code and the
 * parameters as JSON) is for the server's log and stack traces; it never goes on the wire.
 */
export class HallvoteError<C extends ErrorCode = ErrorCode> extends Error {
  readonly code: C;
  readonly params: ErrorParams[C];

  constructor(code: C, ...[params]: ParamsArg<C>) {
    const p = (params ?? {}) as ErrorParams[C];
    super(`${code} ${JSON.stringify(p)}`);
    this.name = 'HallvoteError';
    this.code = code;
    this.params = p;
  }

  toBody(): ErrorBody {
    return { ok: false, error: this.code, params: this.params } as ErrorBody;
  }

  /**
   * The error again from its body (it crossed a thread as data); `detail` says why for the
   * operator's log and becomes the message, never part of the body.
   */
  static fromBody(body: ErrorBody, detail?: string): HallvoteError {
    const error = new HallvoteError(body.error, body.params);
    if (detail) error.message = `${body.error}: ${detail}`;
    return error;
  }
}
