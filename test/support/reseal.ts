// What a forger who knows the seal's recipe does after changing a round: recomputes its seal
// from the export (shared/src/seal.ts is public, like the export itself).
import { createHash } from 'node:crypto';
import { roundSealInput, type MeetingExport, type RoundExport } from '@hallvote/shared';

/** Recomputes a round's seal from the export and stores it in the round's result; returns it. */
export function resealRound(data: MeetingExport, r: RoundExport): string {
  const result = r.result;
  if (!result) throw new Error('only a counted round has a seal');
  const seal = createHash('sha256')
    .update(
      roundSealInput({
        meetingId: data.meeting.id,
        ballot: r.ballot,
        round: r.round,
        closedAt: result.closedAt,
        rules: result.rules,
        issued: r.issued,
        records: r.records,
        namedVotes: r.namedVotes,
        paper: r.paper,
        paperVoters: r.paperVoters,
        attendance: result.attendance,
        earlyClose: result.earlyClose,
        tally: result.tally,
      }),
    )
    .digest('hex');
  (result as { seal: string }).seal = seal;
  return seal;
}
