// zod schemas for every inbound payload: the boundary. Past a schema, handlers trust their types.
// Bounds are generous for a hall and tight for an attacker: no unbounded strings or arrays.
import { z } from 'zod';
import { ATTENDANCE_STATUSES, PROJECTOR_MODES } from './types';
import { MAX_ROSTER, ROSTER_FIELD_MAX } from './roster/checks';
import { BALLOT_KINDS } from './tally/types';
import { MAX_SEALED_CHARS, MAX_SEALED_SPLIT_CHARS } from './marks-code';
import { ADDRESS_FORMS, MAX_HEADER_CHARS, MAX_HEADER_LINES, isTimeZone } from './meeting-settings';
import { MAX_TOTAL_WEIGHT } from './roster/checks';
import {
  MAX_COUNTDOWN_SECONDS,
  MAX_EARLY_CLOSE_MINIMUM,
  MAX_LABEL_CHARS,
  MAX_OPTIONS,
  MAX_SUBJECTS,
  MIN_COUNTDOWN_SECONDS,
} from './ballot-limits';

// The first character is alphanumeric so that no id can be `__proto__` or similar.
const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'a letter or digit, then letters, digits, - and _');
const text = (max: number) => z.string().trim().max(max);
const label = text(MAX_LABEL_CHARS).min(1);

/** A UUID as crypto.randomUUID() makes it. */
export const voteIdSchema = z.uuid();

export const handshakeAuthSchema = z.discriminatedUnion('role', [
  z.object({ protocol: z.number().int(), role: z.literal('chair'), meetingId: id, key: z.string().max(200) }),
  z.object({ protocol: z.number().int(), role: z.literal('projector'), meetingId: id, key: z.string().max(200) }),
  z.object({ protocol: z.number().int(), role: z.literal('delegate'), token: z.string().max(200) }),
]);

export const emptySchema = z.object({}).strict();

/** A member added one at a time; past the schema, the roster checks (roster/checks.ts) apply. */
export const rosterEntrySchema = z.object({
  name: label,
  position: text(ROSTER_FIELD_MAX.position).default(''),
  group: text(ROSTER_FIELD_MAX.group).default(''),
  /** The member's weight as the chair wrote it (roster/checks.ts parseWeight); 1 when absent. */
  weight: text(40).optional(),
});

/**
 * A cell of an imported line. Bounded well above the roster's own limits (roster/checks.ts), which
 * the server reports with the line; this bound only stops what no file of names would hold.
 */
const rosterCell = z.string().trim().max(1_000);

/** One member read from a line of the chair's file: the file's line number and the mapped fields. */
export const rosterLineSchema = z.object({
  line: z.number().int().positive(),
  name: rosterCell,
  position: rosterCell,
  group: rosterCell,
  /** The cell of the weight column, as written; absent when the file has none. */
  weight: rosterCell.optional(),
});

/** The lines of a roster file, as the chair's browser read and mapped them. */
const rosterLinesSchema = z.array(rosterLineSchema).max(MAX_ROSTER);

export const rosterImportSchema = z.object({
  lines: rosterLinesSchema,
  /** Replace the roster, or append to it. */
  mode: z.enum(['replace', 'append']),
});

export const delegateIdSchema = z.object({ delegateId: id });

export const delegateUpdateSchema = z.object({
  delegateId: id,
  name: label.optional(),
  position: text(ROSTER_FIELD_MAX.position).optional(),
  group: text(ROSTER_FIELD_MAX.group).optional(),
  weight: text(40).optional(),
});

export const attendanceMarkSchema = z.object({
  delegateId: id,
  status: z.enum(ATTENDANCE_STATUSES),
});

/** Check in every absent member of a group, or of the whole roster (`group: null`), at once. */
export const attendanceMarkPresentSchema = z.object({
  group: text(ROSTER_FIELD_MAX.group).nullable(),
});

/** The projector's screen: live, blank, or a slide with the meeting's title and a line of text. */
export const projectorScreenSchema = z.object({
  mode: z.enum(PROJECTOR_MODES),
  slideText: text(200).default(''),
});

/** Show the current ballot's published result on the projector, or take it off. */
export const projectorResultSchema = z.object({ shown: z.boolean() });

/** QĐ 366-QĐ/TW scores evaluations out of 100; a score is compared, never computed with. */
export const MAX_SCORE = 100;

const subjectSchema = z.object({
  id,
  label,
  group: text(100).optional(),
  /** The level proposed before the vote: an option id of the ballot. */
  proposedLevel: id.optional(),
  score: z.number().min(0).max(MAX_SCORE).optional(),
});
const optionSchema = z.object({ id, label, abstain: z.boolean().optional() });

const version = z.number().int().min(1).max(1000);

/**
 * A rule preset by id and version. Whether this build has it is the domain's question (refused
 * with UNKNOWN_RULE_PRESET), not the shape's.
 */
const ruleSetRefSchema = z.object({ id, version });

const uniqueIds = (items: readonly { id: string }[]) => new Set(items.map((i) => i.id)).size === items.length;

/** A ballot as the chair defines it; the cross-field rules are the ones a chair can get wrong. */
export const ballotDefinitionSchema = z
  .object({
    title: label,
    kind: z.enum(BALLOT_KINDS),
    secret: z.boolean(),
    subjects: z.array(subjectSchema).min(1).max(MAX_SUBJECTS),
    options: z.array(optionSchema).min(1).max(MAX_OPTIONS),
    seats: z.number().int().min(1).max(MAX_OPTIONS).optional(),
    allowChange: z.boolean().default(false),
    countdownSeconds: z.number().int().min(MIN_COUNTDOWN_SECONDS).max(MAX_COUNTDOWN_SECONDS).optional(),
    interimForChair: z.boolean().default(false),
    earlyCloseMinimum: z.number().int().min(0).max(MAX_EARLY_CLOSE_MINIMUM).optional(),
    rules: ruleSetRefSchema.optional(),
  })
  .superRefine((b, ctx) => {
    const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
    if (!uniqueIds(b.subjects)) issue('subjects', 'subject ids must be unique');
    if (!uniqueIds(b.options)) issue('options', 'option ids must be unique');
    if (b.kind !== 'batch' && b.subjects.length !== 1) issue('subjects', `a ${b.kind} ballot has exactly one subject`);
    if (b.kind === 'election') {
      if (b.seats === undefined) issue('seats', 'an election needs the number of seats');
      else if (b.seats > b.options.length) issue('seats', `cannot elect ${b.seats} of ${b.options.length} candidates`);
    } else if (b.seats !== undefined) issue('seats', 'seats apply to elections only');
    if (b.kind !== 'election' && b.options.filter((o) => !o.abstain).length < 2)
      issue('options', 'a ballot needs at least two options to choose from');
    if (b.secret && b.allowChange) issue('allowChange', 'a secret ballot is final once cast');
    // Running counts plus the audit log's "who voted when" would pair voters with choices.
    if (b.secret && b.interimForChair) issue('interimForChair', 'a secret ballot shows no running counts');
    if (!b.secret && b.earlyCloseMinimum !== undefined)
      issue('earlyCloseMinimum', 'the early-close minimum applies to secret ballots only');
    // A proposal is a level the vote approves or not: only ballots of levels carry one.
    const levels = b.kind === 'choice' || b.kind === 'batch';
    const options = new Set(b.options.map((o) => o.id));
    for (const s of b.subjects) {
      if (!levels && (s.proposedLevel !== undefined || s.score !== undefined))
        issue('subjects', `a ${b.kind} ballot carries no proposed level or score`);
      else if (s.proposedLevel !== undefined && !options.has(s.proposedLevel))
        issue('subjects', `the proposed level of "${s.label}" is not an option of the ballot`);
    }
  });

export const ballotIdSchema = z.object({ ballotId: id });

/**
 * Opening a round. A secret ballot counted by weight in which a voter's weight would identify
 * their ballot is opened only when the chair has seen who (SECRECY_AT_RISK) and accepts it.
 */
export const ballotOpenSchema = z.object({ ballotId: id, acceptSecrecyRisk: z.boolean().default(false) });

/** The chair records a proxy: the grantor's vote goes to the holder, with their instructions if any. */
export const proxyGrantSchema = z.object({
  grantorId: id,
  holderId: id,
  instructions: text(500).default(''),
});

export const proxyIdSchema = z.object({ proxyId: id });

/** The follow-up vote a published round's band calls for, and the title the chair gives it. */
export const followUpSchema = z.object({
  ballotId: id,
  round: z.number().int().min(1).max(1000),
  optionId: id,
  bandId: id,
  title: label,
});

export const ballotPublishSchema = z.object({
  ballotId: id,
  acknowledgement: text(2000).optional(),
  /** The projector shows the result too (false: phones only, until the chair shows it). */
  showOnProjector: z.boolean().default(true),
});

/**
 * A vote: the marks in clear (open ballots), or sealed to the round's public key (secret ballots,
 * shared/src/sealed-marks.ts), so that a listener on the network reads nothing. Exactly one.
 */
export const voteCastSchema = z
  .object({
    ballotId: id,
    round: z.number().int().min(1).max(1000),
    voteId: voteIdSchema,
    /** A proxy holder's vote for a member they represent in this round; one's own when absent. */
    forDelegateId: id.optional(),
    /** Per subject id, the option ids marked. */
    marks: z
      .record(id, z.array(id).max(MAX_OPTIONS))
      .refine((m) => Object.keys(m).length <= MAX_SUBJECTS, 'too many subjects')
      .optional(),
    /** The marks sealed to the round's key: "v1." and base64url (at most one byte per option, sealed). */
    sealed: z
      .string()
      .max(MAX_SEALED_CHARS)
      .regex(/^v1\.[A-Za-z0-9_-]+$/, 'a sealed ballot')
      .optional(),
  })
  .refine((v) => (v.marks === undefined) !== (v.sealed === undefined), 'either marks or sealed marks');

/**
 * A proxy holder's split ballot: one action for themself and every member they still vote for in
 * the round (`members`, the holder among them), distributing those votes (heads, or weight, as
 * the rules count) across options; in clear (open ballots) or sealed (secret ballots).
 */
export const voteSplitSchema = z
  .object({
    ballotId: id,
    round: z.number().int().min(1).max(1000),
    voteId: voteIdSchema,
    members: z.array(id).min(2).max(1000),
    /** Per subject id, per option id, the votes given. */
    rows: z
      .record(id, z.record(id, z.number().int().min(0).max(MAX_TOTAL_WEIGHT)))
      .refine((m) => Object.keys(m).length <= MAX_SUBJECTS, 'too many subjects')
      .optional(),
    /** The rows sealed to the round's key (marks-code.ts encodeSplit). */
    sealed: z
      .string()
      .max(MAX_SEALED_SPLIT_CHARS)
      .regex(/^v1\.[A-Za-z0-9_-]+$/, 'a sealed ballot')
      .optional(),
  })
  .refine((v) => (v.rows === undefined) !== (v.sealed === undefined), 'either rows or sealed rows');

const count = z.number().int().min(0).max(1_000_000);

export const paperMarkSchema = z.object({ ballotId: id, delegateId: id });

export const paperTotalsSchema = z.object({
  ballotId: id,
  round: z.number().int().min(1).max(1000),
  totals: z.object({
    returned: count,
    invalid: z.array(z.object({ reason: label, count })).max(50),
    subjects: z
      .record(id, z.object({ counts: z.record(id, count), empty: count }))
      .refine((m) => Object.keys(m).length <= MAX_SUBJECTS, 'too many subjects'),
  }),
});

const headerLine = text(MAX_HEADER_CHARS).min(1);
const headerLines = z.array(headerLine).max(MAX_HEADER_LINES);

/** A meeting's settings; each part left out takes its default (meeting-settings.ts). */
export const meetingSettingsSchema = z
  .object({
    address: z.enum(ADDRESS_FORMS),
    timeZone: z.string().min(1).max(64).refine(isTimeZone, 'a time zone such as Asia/Ho_Chi_Minh'),
    header: z.object({ issuer: headerLines, national: headerLines, place: text(MAX_HEADER_CHARS) }).strict(),
  })
  .partial()
  .strict();

/** Strict: a field this does not know (the `rosterCsv` of before, say) is refused, never dropped unread. */
export const createMeetingSchema = z
  .object({
    title: label,
    rulePresetId: id,
    /** The preset's current version when absent. */
    rulePresetVersion: version.optional(),
    roster: rosterLinesSchema.optional(),
    settings: meetingSettingsSchema.optional(),
  })
  .strict();
