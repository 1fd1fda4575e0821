import type { RosterProblem } from './roster/problems';
import type { SplitProblem } from './split';

/**
 * Every refusal the server can answer with. A closed set: clients switch over it to show a
 * message, and an unexpected exception becomes INTERNAL (logged, never echoed).
 */
export const ERROR_CODES = [
  'INVALID_PAYLOAD',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
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
  /** The database could not be used just now (locked by another program, disk full): nothing changed; try again. */
  'STORE_UNAVAILABLE',
  /** Paper ballots: the delegate is not present (absent or excused). */
  'NOT_PRESENT',
  /** Attendance of a delegate who has voted in the open round cannot change until it closes. */
  'ATTENDANCE_FROZEN',
  /** A secret round closed early with fewer ballots returned than the minimum. */
  'TOO_FEW_BALLOTS',
  /** The meeting's stored state does not match its seals or audit chain: the server refuses it. */
  'STATE_MISMATCH',
  /** The rule set takes no proxies. */
  'PROXIES_NOT_ALLOWED',
  /** The holder holds the most proxies the rule set allows. */
  'PROXY_LIMIT',
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
  | 'nobody';

/**
 * The typed parameters of the refusals that carry them; each view says them in its language
 * (client/src/i18n/proxies.ts). Names are data, not sentences.
 */
export interface ErrorParamsOf {
  readonly PROXIES_NOT_ALLOWED: { readonly rules: string };
  readonly PROXY_LIMIT: { readonly holder: string; readonly max: number };
  readonly PROXY_REFUSED: { readonly reason: ProxyRefusal; readonly grantor: string; readonly holder: string };
  readonly PROXY_GRANTED: { readonly holder: string };
  readonly NOT_REPRESENTED: { readonly member: string };
  readonly SPLIT_NOT_ALLOWED: { readonly reason: SplitRefusal };
  readonly INVALID_SPLIT: { readonly problem: SplitProblem };
  readonly SECRECY_AT_RISK: { readonly members: readonly { readonly name: string; readonly weight: number }[] };
}

/** A code of {@link ErrorParamsOf}: a refusal with typed parameters. */
export type ParamErrorCode = keyof ErrorParamsOf;

/** The parameters of a refusal, tagged with its code. */
export type ErrorParams = { readonly [C in ParamErrorCode]: { readonly code: C } & ErrorParamsOf[C] }[ParamErrorCode];

/** A field-level problem, e.g. a zod issue or a CSV line. */
export interface ErrorIssue {
  readonly path: string;
  readonly message: string;
  /** 1-based line number, for CSV imports. */
  readonly line?: number;
}

/** The failure half of every acknowledgement and HTTP error body. */
export interface ErrorBody {
  readonly ok: false;
  readonly error: ErrorCode;
  /** A short English explanation with the numbers involved (UI translates by `error`). */
  readonly message: string;
  readonly issues?: readonly ErrorIssue[];
  /** INVALID_ROSTER: every problem of the roster or member sent, as codes with parameters. */
  readonly problems?: readonly RosterProblem[];
  /** The refusals of {@link ErrorParamsOf}: their parameters, with the code. */
  readonly params?: ErrorParams;
}

/** Thrown inside handlers to refuse a request with a typed error. */
export class HallvoteError extends Error {
  readonly code: ErrorCode;
  readonly issues: readonly ErrorIssue[] | undefined;
  readonly problems: readonly RosterProblem[] | undefined;
  params: ErrorParams | undefined;

  constructor(code: ErrorCode, message: string, issues?: readonly ErrorIssue[], problems?: readonly RosterProblem[]) {
    super(message);
    this.name = 'HallvoteError';
    this.code = code;
    this.issues = issues;
    this.problems = problems;
  }

  /** A refusal with typed parameters; `message` is the English sentence for logs and scripts. */
  static with<C extends ParamErrorCode>(code: C, params: ErrorParamsOf[C], message: string): HallvoteError {
    const error = new HallvoteError(code, message);
    error.params = { code, ...params } as ErrorParams;
    return error;
  }

  toBody(): ErrorBody {
    return {
      ok: false,
      error: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.problems ? { problems: this.problems } : {}),
      ...(this.params ? { params: this.params } : {}),
    };
  }
}
