// What each role may see, built from the meeting state. These functions are the only place role
// views are made, so "interim results never reach delegates or the projector" is checked here.
import type {
  ChairBallotView,
  ChairSnapshot,
  DelegateSnapshot,
  ProjectorSnapshot,
  RoundResult,
  Turnout,
} from '@hallvote/shared';
import type { MeetingState } from '../../hall/meeting-state';

export function turnoutOf(state: MeetingState, ballotId: string): Turnout | null {
  const round = state.currentRound(ballotId);
  if (!round) return null;
  const presence = state.presence();
  return {
    ballotId,
    round: round.round,
    voted: state.votersOf(ballotId, round.round).size,
    present: presence.present,
    eligible: presence.eligible,
  };
}

export function chairBallotView(
  state: MeetingState,
  ballotId: string,
  interim: RoundResult | null,
): ChairBallotView | null {
  const view = state.ballotView(ballotId);
  if (!view) return null;
  const round = state.currentRound(ballotId);
  const open = round?.state === 'open';
  return {
    ...view,
    turnout: turnoutOf(state, ballotId),
    voterIds: round && !view.secret ? [...state.votersOf(ballotId, round.round).keys()] : [],
    result: open ? (view.interimForChair ? interim : null) : (round?.result ?? null),
  };
}

/** The current ballot's result, only once the chair has published it. */
export function publishedResult(state: MeetingState): RoundResult | null {
  const id = state.currentBallotId;
  const round = id ? state.currentRound(id) : undefined;
  return round?.state === 'published' ? round.result : null;
}

/** Receipt codes of a published secret round (the current one by default), sorted so that order says nothing. */
export function publishedReceipts(state: MeetingState, ballotId: string, roundNumber?: number): string[] {
  const entry = state.ballots.get(ballotId);
  const round = roundNumber === undefined ? entry?.rounds.at(-1) : entry?.rounds.find((r) => r.round === roundNumber);
  if (!entry || !round || round.state !== 'published' || !entry.row.definition.secret) return [];
  return [...state.votersOf(ballotId, round.round).values()]
    .filter((v) => v.channel === 'online')
    .map((v) => v.receipt)
    .sort();
}

export function chairSnapshot(
  state: MeetingState,
  seq: number,
  interim: (ballotId: string) => RoundResult | null,
): ChairSnapshot {
  return {
    role: 'chair',
    seq,
    meeting: {
      id: state.meeting.id,
      title: state.meeting.title,
      rules: state.rules,
      createdAt: state.meeting.createdAt,
    },
    presence: state.presence(),
    delegates: [...state.delegates.values()].map((d) => state.delegateView(d)),
    ballots: [...state.ballots.keys()].flatMap((id) => chairBallotView(state, id, interim(id)) ?? []),
    projectorKey: state.meeting.projectorKey,
  };
}

export function delegateSnapshot(state: MeetingState, delegateId: string, seq: number): DelegateSnapshot {
  const d = state.delegates.get(delegateId);
  const ballotId = state.currentBallotId;
  const round = ballotId ? state.currentRound(ballotId) : undefined;
  const voter = ballotId && round ? state.votersOf(ballotId, round.round).get(delegateId) : undefined;
  // A paper voter's phone is told nothing it could mistake for an online receipt.
  const mine = voter?.channel === 'online' ? voter : undefined;
  return {
    role: 'delegate',
    seq,
    meeting: { id: state.meeting.id, title: state.meeting.title },
    me: { id: delegateId, name: d?.name ?? '', position: d?.position ?? '' },
    ballot: ballotId ? state.ballotView(ballotId) : null,
    myVote:
      ballotId && round && mine
        ? { ballotId, round: round.round, voteId: mine.voteId, receipt: mine.receipt, marks: mine.marks }
        : null,
    result: publishedResult(state),
    receipts: ballotId ? publishedReceipts(state, ballotId) : [],
  };
}

export function projectorSnapshot(state: MeetingState, seq: number): ProjectorSnapshot {
  const ballotId = state.currentBallotId;
  return {
    role: 'projector',
    seq,
    meeting: { id: state.meeting.id, title: state.meeting.title, rules: state.rules },
    presence: state.presence(),
    ballot: ballotId ? state.ballotView(ballotId) : null,
    turnout: ballotId ? turnoutOf(state, ballotId) : null,
    result: publishedResult(state),
  };
}
