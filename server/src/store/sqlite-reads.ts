// The SQLite store's reads: everything at start-up (or one meeting), a round's ballots (counted and
// sealed, or as they are for exports), the audit log. The rows are mapped to records
// by rows.ts. Each runs in a store thread (sqlite-thread.ts) with its plain arguments after the
// statements.
import type { AuditEntry } from '@hallvote/shared';
import { countRound, roundBallotsOfStored, type CountedRound, type RoundCount } from './round-records';
import { roundBallotsFromText } from './round-text';
import { toAuditEntry, toLoadedMeeting, toStoredBallot, type MeetingRow } from './rows';
import type { SqliteStatements } from './sqlite-statements';
import type { JoinCodeBadge, LoadedMeeting, StoredBallot } from './store';

export function loadMeetings(s: SqliteStatements): LoadedMeeting[] {
  return s.meetings.all().map((meeting) => loadRows(s, meeting));
}

export function loadMeeting(s: SqliteStatements, meetingId: string): LoadedMeeting | null {
  const meeting = s.meeting.get(meetingId);
  return meeting ? loadRows(s, meeting) : null;
}

function loadRows(s: SqliteStatements, meeting: MeetingRow): LoadedMeeting {
  return toLoadedMeeting({
    meeting,
    delegates: s.delegatesOf.all(meeting.id),
    ballots: s.ballotsOf.all(meeting.id),
    rounds: s.roundsOf.all(meeting.id),
    participation: s.participationOf.all(meeting.id),
    issued: s.issuedOf.all(meeting.id),
    paper: s.paperTotalsOf.all(meeting.id),
    published: s.publishedOf.all(meeting.id),
    proxies: s.proxiesOf.all(meeting.id),
    roundProxies: s.roundProxiesOf.all(meeting.id),
  });
}

/** A round's stored ballots: anonymous rows of a secret ballot, or the named votes of an open one. */
export function readRoundBallots(s: SqliteStatements, ballotId: string, round: number): StoredBallot[] {
  return s.ballotMarks.all(ballotId, round, ballotId, round).map(toStoredBallot);
}

/** A round counted and sealed from its stored ballots (round-records.ts), in the writer thread. */
export function countStoredRound(s: SqliteStatements, input: RoundCount): CountedRound {
  const rows = s.ballotMarks.all(input.ballotId, input.round, input.ballotId, input.round);
  // Ballots without a weight or a split are read straight from their canonical text; a round that
  // has either goes through the records (splits cut, weights kept), as roundBasis builds them.
  if (rows.every((r) => r.weight === null && r.split === null))
    return countRound(
      input,
      roundBallotsFromText(
        input.tally.ballot,
        rows.map((r) => r.marks),
      ),
    );
  return countRound(input, roundBallotsOfStored(input, rows.map(toStoredBallot)));
}

export function readAuditLog(s: SqliteStatements, meetingId: string): AuditEntry[] {
  return s.auditOf.all(meetingId).map(toAuditEntry);
}

export function readBadgesOfJoinCode(s: SqliteStatements, code: string): JoinCodeBadge[] {
  return s.badgesOfJoinCode.all(code).map((r) => ({ meetingId: r.meeting_id, delegateId: r.id, token: r.token }));
}
