// Builds exports from the meeting state and the store. Nothing here carries a token, and a secret
// ballot's records are exported exactly as stored: anonymous and in canonical sorted order. A
// round exports records only once it is closed: an open round's would give away running counts,
// and a cancelled round's ballots were destroyed unseen.
import {
  canonicalRecord,
  canonicalWeightedRecord,
  getRulePreset,
  type Marks,
  type MeetingExport,
  type RoundExport,
} from '@hallvote/shared';
import { roundBasis } from '../ballots/round-basis';
import type { Store } from '../../store/store';
import type { MeetingState } from '../../hall/meeting-state';
import { delegateView, publishedReceipts } from '../sync/views';

/** Sorted by canonical text: the order says nothing about who voted when. */
function sortedCanonical<T extends { text: string }>(xs: T[]): T[] {
  return xs.sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
}

export async function roundExport(
  store: Store,
  state: MeetingState,
  ballotId: string,
  round: number,
): Promise<RoundExport | null> {
  const entry = state.ballots.get(ballotId);
  const r = state.roundOf(ballotId, round);
  if (!entry || !r) return null;
  const def = entry.row.definition;
  // An open round exports no records: downloading it after each vote, next to the audit log's
  // "who voted when", would pair voters with choices (and show interim results). A cancelled
  // round has none left to export.
  const counted = r.state === 'closed' || r.state === 'published';
  const stored = counted ? await store.readBallots(ballotId, round) : [];
  const voters = [...state.votersOf(ballotId, round).entries()];
  // The rule set the result names, else the ballot's own: `verify` recomputes the tally with it.
  const rules = (r.result ? getRulePreset(r.result.rules.id, r.result.rules.version) : undefined) ?? entry.rules;
  const basis = roundBasis(state, rules, ballotId, round, stored);
  const records = sortedCanonical(basis.sealRecords.map((marks) => ({ marks, text: canonicalRecord(marks) }))).map(
    (x) => JSON.parse(x.text) as Marks,
  );
  const weightedRecords = basis.weightedRecords
    ? sortedCanonical(basis.weightedRecords.map((w) => ({ ...w, text: canonicalWeightedRecord(w) }))).map(
        ({ text: _text, ...w }) => ({ marks: JSON.parse(canonicalRecord(w.marks)) as Marks, weight: w.weight }),
      )
    : undefined;
  return {
    ballot: { ...def, id: ballotId },
    round,
    state: r.state,
    rules,
    openedAt: r.openedAt,
    closedAt: r.closedAt,
    publishedAt: r.publishedAt,
    issued: state.issuedOf(ballotId, round).size,
    records,
    ...(weightedRecords ? { weightedRecords } : {}),
    namedVotes:
      def.secret || !counted || !basis.namedVotes
        ? null
        : [...basis.namedVotes].sort((a, b) => a.name.localeCompare(b.name, 'vi')),
    ...(basis.proxies ? { proxies: basis.proxies } : {}),
    ...(basis.weights ? { weights: basis.weights } : {}),
    paper: state.paperTotalsOf(ballotId, round) ?? null,
    paperVoters: voters.filter(([, v]) => v.channel === 'paper').length,
    lateMembers: state.lateFor(ballotId, round).sort(),
    result: r.result,
    receipts: publishedReceipts(state, ballotId, round),
    anchor: state.anchorOf(ballotId, round),
    destroyed: r.state === 'cancelled' ? voters.filter(([, v]) => v.channel === 'online').length : 0,
  };
}

/** The roster with attendance, without tokens. */
export function exportedDelegates(state: MeetingState): MeetingExport['delegates'] {
  return [...state.delegates.values()].map((d) => {
    // Whether a phone is connected right now is not part of the record.
    const { connected: _connected, ...exported } = delegateView(state, d);
    return exported;
  });
}

export async function meetingExport(store: Store, state: MeetingState, exportedAt: string): Promise<MeetingExport> {
  const rounds: RoundExport[] = [];
  for (const [ballotId, entry] of state.ballots)
    for (const r of entry.rounds) {
      const exported = await roundExport(store, state, ballotId, r.round);
      if (exported) rounds.push(exported);
    }
  return {
    format: 'hallvote-export',
    version: 1,
    exportedAt,
    meeting: {
      id: state.meeting.id,
      title: state.meeting.title,
      rules: state.rules,
      createdAt: state.meeting.createdAt,
      settings: state.meeting.settings,
    },
    delegates: exportedDelegates(state),
    rounds,
    audit: await store.readAudit(state.meeting.id),
  };
}
