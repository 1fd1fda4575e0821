// The `verify` warnings for ballots cast with badges the chair vouched for (shared/src/vouched-votes.ts):
// consistent, and for the counting committee to check against the hall. Names only, never a choice.
import { vouchedVotes, type MeetingExport } from '@hallvote/shared';
import { roundName, warning, type VerifyFinding } from './verify-findings';

export function checkVouchedVotes(data: MeetingExport): VerifyFinding[] {
  const names = new Map(data.delegates.map((d) => [d.id, d.name]));
  const votes = vouchedVotes(data.audit);
  return data.rounds.flatMap((r) => {
    const here = votes.filter((v) => v.ballotId === r.ballot.id && v.round === r.round);
    if (here.length === 0) return [];
    const listed = here.map((v) => `${names.get(v.delegateId) ?? v.delegateId} (${v.by})`);
    return [
      warning(
        `${roundName(r)}: badges`,
        `${here.length} ballot(s) cast with badges the chair checked in or re-issued (the counting committee ` +
          `checks these members were in the hall): ${listed.join('; ')}`,
      ),
    ];
  });
}
