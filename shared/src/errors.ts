import type { RosterProblem } from './roster/problems';

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
  /** While a round is open nobody's attendance changes, except a latecomer becoming present. */
  'ATTENDANCE_FROZEN',
  /** A badge re-issued while the round was open cannot vote in it (the member may vote on paper). */
  'BADGE_REISSUED',
  /** A secret round closed early with fewer ballots returned than the minimum. */
  'TOO_FEW_BALLOTS',
  /** The meeting's stored state does not match its seals or audit chain: the server refuses it. */
  'STATE_MISMATCH',
  /** The database could not be used just now (locked by another program, disk full): nothing changed; try again. */
  'STORE_UNAVAILABLE',
  /** The member was added to the roster after this round opened: they vote from the next one. */
  'NOT_IN_ROUND',
  'INTERNAL',
] as const;

/** One of {@link ERROR_CODES}. */
export type ErrorCode = (typeof ERROR_CODES)[number];

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
}

/** Thrown inside handlers to refuse a request with a typed error. */
export class HallvoteError extends Error {
  readonly code: ErrorCode;
  readonly issues: readonly ErrorIssue[] | undefined;
  readonly problems: readonly RosterProblem[] | undefined;

  constructor(code: ErrorCode, message: string, issues?: readonly ErrorIssue[], problems?: readonly RosterProblem[]) {
    super(message);
    this.name = 'HallvoteError';
    this.code = code;
    this.issues = issues;
    this.problems = problems;
  }

  toBody(): ErrorBody {
    return {
      ok: false,
      error: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.problems ? { problems: this.problems } : {}),
    };
  }
}
