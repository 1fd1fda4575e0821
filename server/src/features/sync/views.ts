// What each role may see, built from the meeting state. These functions are the only place role
// views are made, so "interim results never reach delegates or the projector" is checked here.
import type {
  BallotView,
  ChairBallotView,
  ChairSnapshot,
  Delegate,
  DelegateSnapshot,
  MyVote,
  MeetingHeading,
  ProjectorSnapshot,
  Proxy,
  PublishedAnchor,
  RepresentedMember,
  RoundResult,
  Snapshot,
  SocketData,
  StorageStatus,
  Turnout,
} from '@hallvote/shared';
import { splitRuleRefusal } from '@hallvote/shared';
import type { MeetingState, VoterEntry } from '../../hall/meeting-state';
import { uncountedAtDeadline } from '../ballots/early-close';
import type { DelegateRecord, ProxyRecord } from '../../store/store';

/** A roster member as the chair sees them: no token. */
export function delegateView(state: MeetingState, d: DelegateRecord): Delegate {
  return {
    id: d.id,
    name: d.name,
    position: d.position,
    group: d.group,
    attendance: d.attendance,
    checkedInBy: d.checkedInBy,
    connected: state.connectionOf(d.id) !== undefined,
    weight: d.weight,
  };
}

/** A proxy as the chair sees it. */
export function proxyView(p: ProxyRecord): Proxy {
  return {
    id: p.id,
    grantorId: p.grantorId,
    holderId: p.holderId,
    instructions: p.instructions,
    grantedAt: p.grantedAt,
    revokedAt: p.revokedAt,
    revokedBy: p.revokedBy,
  };
}

/** A ballot and the state of its current round, as everybody may see it. */
export function ballotView(state: MeetingState, ballotId: string): BallotView | null {
  const entry = state.ballots.get(ballotId);
  if (!entry) return null;
  const r = entry.rounds.at(-1);
  return {
    ...entry.row.definition,
    // Named even for a ballot stored before rules were chosen per ballot (the meeting's).
    rules: { id: entry.rules.id, version: entry.rules.version },
    id: ballotId,
    state: r?.state ?? 'draft',
    round: r?.round ?? 0,
    openedAt: r?.openedAt ?? null,
    closesAt: r?.closesAt ?? null,
    closedAt: r?.closedAt ?? null,
    publishedAt: r?.publishedAt ?? null,
    sealKey: r?.state === 'open' ? r.sealPublicKey : null,
  };
}

/** Live participation in a ballot's current round, among the members on its roster. */
export function turnoutOf(state: MeetingState, ballotId: string): Turnout | null {
  const round = state.currentRound(ballotId);
  if (!round) return null;
  const presence = state.roundPresence(ballotId, round.round);
  return {
    ballotId,
    round: round.round,
    voted: state.votersOf(ballotId, round.round).size,
    present: presence.present,
    eligible: presence.eligible,
  };
}

/**
 * The chair's view: who has voted (participation only; for a secret ballot the audit log names
 * every voter anyway, and no choice is ever here), who voted on paper, who joined after the
 * round opened, a prepared re-vote, the paper totals, and the result once closed.
 */
export function chairBallotView(state: MeetingState, ballotId: string): ChairBallotView | null {
  const view = ballotView(state, ballotId);
  const entry = state.ballots.get(ballotId);
  if (!view || !entry) return null;
  const round = state.currentRound(ballotId);
  const open = round?.state === 'open';
  const voters = round ? [...state.votersOf(ballotId, round.round)] : [];
  return {
    ...view,
    turnout: turnoutOf(state, ballotId),
    uncounted: open && state.countdownEnded(ballotId, round.round) ? uncountedAtDeadline(state, round) : null,
    voterIds: voters.map(([id]) => id),
    paperVoterIds: voters.filter(([, v]) => v.channel === 'paper').map(([id]) => id),
    lateIds: round ? state.lateFor(ballotId, round.round) : [],
    draftRound: entry.row.revoteDrafted ? (round?.round ?? 0) + 1 : null,
    paper: round ? (state.paperTotalsOf(ballotId, round.round) ?? null) : null,
    roundProxies: round
      ? [...state.roundProxiesOf(ballotId, round.round)].map(([grantorId, holderId]) => ({ grantorId, holderId }))
      : [],
    result: open ? (view.interimForChair ? state.interimResult(ballotId) : null) : (round?.result ?? null),
  };
}

/** The current ballot's result, only once the chair has published it. */
export function publishedResult(state: MeetingState): RoundResult | null {
  const id = state.currentBallotId;
  const round = id ? state.currentRound(id) : undefined;
  return round?.state === 'published' ? round.result : null;
}

/** The seal and audit head the current ballot's result was published with. */
export function publishedAnchor(state: MeetingState): PublishedAnchor | null {
  const id = state.currentBallotId;
  const round = id ? state.currentRound(id) : undefined;
  return id && round?.state === 'published' ? state.anchorOf(id, round.round) : null;
}

/** The published result the projector may show: none while the chair keeps it off the projector. */
export function projectorResult(state: MeetingState): RoundResult | null {
  return state.projector.resultShown ? publishedResult(state) : null;
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

/** What a snapshot says besides the meeting: how the server is reached, its clock, its store. */
export interface SnapshotContext {
  /** Phones come over plain HTTP (PUBLIC_URL is http://). */
  readonly plainHttp: boolean;
  /** The app clock (epoch ms): a phone with a wrong clock counts down right. */
  readonly serverTime: number;
  readonly storage: StorageStatus;
}

/** The snapshot for a connection's role, stamped with its audience's current sequence number. */
export function snapshotFor(state: MeetingState, who: SocketData, seq: number, context: SnapshotContext): Snapshot {
  if (who.role === 'chair') return chairSnapshot(state, seq, context);
  if (who.role === 'projector') return projectorSnapshot(state, seq);
  return delegateSnapshot(state, who.delegateId, seq, context.serverTime);
}

/** What every role knows of its meeting: its title, and how its views speak and date things. */
function heading(state: MeetingState): MeetingHeading {
  return { id: state.meeting.id, title: state.meeting.title, settings: state.meeting.settings };
}

export function chairSnapshot(
  state: MeetingState,
  seq: number,
  context: Pick<SnapshotContext, 'plainHttp' | 'storage'>,
): ChairSnapshot {
  return {
    role: 'chair',
    seq,
    meeting: {
      id: state.meeting.id,
      title: state.meeting.title,
      rules: state.rules,
      createdAt: state.meeting.createdAt,
      settings: state.meeting.settings,
    },
    presence: state.presence(),
    delegates: [...state.delegates.values()].map((d) => delegateView(state, d)),
    ballots: [...state.ballots.keys()].flatMap((id) => chairBallotView(state, id) ?? []),
    projectorKey: state.meeting.projectorKey,
    proxies: [...state.proxies.values()].map(proxyView),
    plainHttp: context.plainHttp,
    storage: context.storage,
    projector: state.projector,
  };
}

function myVoteOf(ballotId: string, round: number, v: VoterEntry, forDelegateId?: string): MyVote {
  return {
    ballotId,
    round,
    voteId: v.voteId,
    receipt: v.receipt,
    marks: v.marks,
    ...(forDelegateId !== undefined ? { forDelegateId } : {}),
  };
}

/**
 * The members whose votes the delegate casts: in the current round, those its proxies gave them;
 * with no round open, those whose proxies they hold now (for the next round).
 */
export function representedMembers(state: MeetingState, holderId: string): RepresentedMember[] {
  const ballotId = state.currentBallotId;
  const round = ballotId ? state.currentRound(ballotId) : undefined;
  const open = ballotId && round?.state === 'open';
  const ids = open
    ? state.representedBy(ballotId, round.round, holderId)
    : state.proxiesHeldBy(holderId).map((p) => p.grantorId);
  return ids.flatMap((id) => {
    const d = state.delegates.get(id);
    if (!d) return [];
    const voter = open ? state.votersOf(ballotId, round.round).get(id) : undefined;
    return [
      {
        delegateId: id,
        name: d.name,
        weight: d.weight,
        instructions: state.proxyGivenBy(id)?.instructions ?? '',
        vote: open && voter?.channel === 'online' ? myVoteOf(ballotId, round.round, voter, id) : null,
      },
    ];
  });
}

/** The holder the delegate gave their vote to: for the open round, else the proxy in force. */
function heldByOf(state: MeetingState, delegateId: string): { name: string } | null {
  const ballotId = state.currentBallotId;
  const round = ballotId ? state.currentRound(ballotId) : undefined;
  const holderId =
    ballotId && round?.state === 'open'
      ? state.roundProxiesOf(ballotId, round.round).get(delegateId)
      : state.proxyGivenBy(delegateId)?.holderId;
  const holder = holderId ? state.delegates.get(holderId) : undefined;
  return holder ? { name: holder.name } : null;
}

export function delegateSnapshot(
  state: MeetingState,
  delegateId: string,
  seq: number,
  serverTime: number,
): DelegateSnapshot {
  const d = state.delegates.get(delegateId);
  const ballotId = state.currentBallotId;
  const round = ballotId ? state.currentRound(ballotId) : undefined;
  const rules = ballotId ? (state.ballots.get(ballotId)?.rules ?? state.rules) : state.rules;
  const represents = representedMembers(state, delegateId);
  const voter = ballotId && round ? state.votersOf(ballotId, round.round).get(delegateId) : undefined;
  // A paper voter's phone is told nothing it could mistake for an online receipt.
  const mine = voter?.channel === 'online' ? voter : undefined;
  return {
    role: 'delegate',
    seq,
    serverTime,
    meeting: heading(state),
    me: { id: delegateId, name: d?.name ?? '', position: d?.position ?? '', weight: d?.weight ?? 1 },
    ballot: ballotId ? ballotView(state, ballotId) : null,
    myVote: ballotId && round && mine ? myVoteOf(ballotId, round.round, mine) : null,
    result: publishedResult(state),
    receipts: ballotId ? publishedReceipts(state, ballotId) : [],
    anchor: publishedAnchor(state),
    represents,
    heldBy: heldByOf(state, delegateId),
    splitAllowed:
      represents.length > 0 &&
      splitRuleRefusal(rules, ballotId ? (state.ballots.get(ballotId)?.row.definition.secret ?? false) : false) ===
        null,
    countBy: rules.countBy ?? 'heads',
    joinedAfter:
      ballotId && round && !state.onRoster(ballotId, round.round, delegateId) ? { ballotId, round: round.round } : null,
  };
}

export function projectorSnapshot(state: MeetingState, seq: number): ProjectorSnapshot {
  const ballotId = state.currentBallotId;
  return {
    role: 'projector',
    seq,
    meeting: { ...heading(state), rules: state.rules },
    presence: state.presence(),
    ballot: ballotId ? ballotView(state, ballotId) : null,
    turnout: ballotId ? turnoutOf(state, ballotId) : null,
    result: projectorResult(state),
    anchor: state.projector.resultShown ? publishedAnchor(state) : null,
    screen: state.projector,
  };
}
