// What the minutes are drawn up from: the round's JSON export (the same file `verify` reads) and
// the meeting's title, which only the meeting export carries.
import { useEffect, useState } from 'react';
import {
  meetingSettings,
  vouchedVotes,
  type AuditHead,
  type MeetingExport,
  type MeetingSettings,
  type PaperTotals,
  type RoundExport,
  type VouchedVote,
} from '@hallvote/shared';
import type { Refusal } from '../../reply';
import { asJson, chairGet, roundExportPath } from '../chair-http';

export interface MinutesSource {
  readonly meetingTitle: string;
  /** The meeting's form of address, time zone and document header (defaults for an older export). */
  readonly settings: MeetingSettings;
  /** The server's clock when the exports were read. */
  readonly drawnUpAt: string;
  readonly round: RoundExport;
  /** Every round of the same ballot, this one included: a re-vote never hides an earlier result. */
  readonly ballotRounds: readonly RoundExport[];
  /** Roster names by id, for the attendance the result recorded. */
  readonly names: ReadonlyMap<string, string>;
  /** The roster with weights, for the proxies a round used. */
  readonly delegates: MeetingExport['delegates'];
  /** The audit chain's head when the minutes were drawn up, printed for the signatures. */
  readonly head: AuditHead | null;
  /** This round's online ballots cast with badges the chair checked in or re-issued (who, never what). */
  readonly vouched: readonly VouchedVote[];
}

export type MinutesLoad =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly source: MinutesSource }
  | { readonly status: 'refused'; readonly refusal: Refusal };

export async function loadMinutes(
  meetingId: string,
  chairKey: string,
  ballotId: string,
  round: number,
): Promise<Exclude<MinutesLoad, { status: 'loading' }>> {
  const [exported, meeting] = await Promise.all([
    chairGet(meetingId, chairKey, roundExportPath(ballotId, round, 'json'), asJson<RoundExport>),
    chairGet(meetingId, chairKey, 'export.json', asJson<MeetingExport>),
  ]);
  if (!exported.ok) return { status: 'refused', refusal: exported };
  if (!meeting.ok) return { status: 'refused', refusal: meeting };
  return {
    status: 'ready',
    source: {
      meetingTitle: meeting.data.meeting.title,
      settings: meetingSettings(meeting.data.meeting.settings),
      drawnUpAt: meeting.data.exportedAt,
      round: exported.data,
      ballotRounds: meeting.data.rounds.filter((r) => r.ballot.id === ballotId),
      names: new Map(meeting.data.delegates.map((d) => [d.id, d.name])),
      delegates: meeting.data.delegates,
      head: headOf(meeting.data),
      vouched: vouchedVotes(meeting.data.audit).filter((v) => v.ballotId === ballotId && v.round === round),
    },
  };
}

function headOf(data: MeetingExport): AuditHead | null {
  const last = data.audit.at(-1);
  return last ? { seq: last.seq, hash: last.hash } : null;
}

export function useMinutes(meetingId: string, chairKey: string, ballotId: string, round: number): MinutesLoad {
  const [load, setLoad] = useState<MinutesLoad>({ status: 'loading' });
  useEffect(() => {
    let current = true;
    void loadMinutes(meetingId, chairKey, ballotId, round).then((result) => {
      if (current) setLoad(result);
    });
    return () => {
      current = false;
    };
  }, [meetingId, chairKey, ballotId, round]);
  return load;
}

/** Paper votes for one option of one subject, as the counting committee entered them. */
export function paperVotes(paper: PaperTotals | null, subjectId: string, optionId: string): number {
  return paper?.subjects[subjectId]?.counts[optionId] ?? 0;
}

export function paperEmpty(paper: PaperTotals | null, subjectId: string): number {
  return paper?.subjects[subjectId]?.empty ?? 0;
}

/** Returned, valid and invalid paper ballots, counted as the tally does; the rest came in online. */
export function paperBallots(paper: PaperTotals | null): { returned: number; valid: number; invalid: number } {
  if (!paper) return { returned: 0, valid: 0, invalid: 0 };
  const invalid = paper.invalid.reduce((sum, r) => sum + r.count, 0);
  return { returned: paper.returned, valid: Math.max(0, paper.returned - invalid), invalid };
}
