// The bounds of a ballot definition. The schema (schemas.ts) enforces them at the server's
// boundary; the chair's ballot builder checks the same numbers first, so that the chair hears what
// is wrong in words before anything is sent.

/** Subjects of one ballot (the sub-units of a batch). */
export const MAX_SUBJECTS = 500;
/** Options or candidates of one ballot; also the most seats an election can fill. */
export const MAX_OPTIONS = 60;
/** Characters of a label after trimming: a ballot's title, a subject, an option, a member's name. */
export const MAX_LABEL_CHARS = 200;
/** A ballot's countdown, in seconds: from ten seconds to a day. */
export const MIN_COUNTDOWN_SECONDS = 10;
export const MAX_COUNTDOWN_SECONDS = 24 * 3600;
/** A secret ballot's own minimum of ballots before an early close (shared/src/early-close.ts). */
export const MAX_EARLY_CLOSE_MINIMUM = 100_000;
