// Marking, confirming and sending a vote. A vote gets its id when the delegate confirms, is saved
// on the phone before it is sent, and is forgotten only when the server has acknowledged it (or
// refused it for good). Re-sending the same id is safe: the server treats it as the same vote.
import {
  rowOf,
  assertNever,
  type BallotView,
  type Marks,
  type MyVote,
  type RepresentedMember,
  type VoteCastPayload,
} from '@hallvote/shared';
import { noAnswer } from '../reply';
import type { HallSocket, Reply } from '../socket';
import type { AnchorBox } from './anchor-box';
import type { DraftBox } from './draft-box';
import type { PendingVoteBox } from './pending-vote';
import { sealVote } from './seal-vote';
import { delegateStore, isCurrentRound, type ElectionStyle } from './store';

export interface DelegateSession {
  readonly socket: HallSocket;
  readonly pendingVotes: PendingVoteBox;
  /** Marks not yet confirmed, kept across a reload. */
  readonly drafts: DraftBox;
  /** The seals and audit heads of published results, kept on the phone. */
  readonly anchors: AnchorBox;
  readonly newVoteId: () => string;
}

/** While online, a vote that got no answer is tried again this often. */
const RETRY_MS = 4000;

/** How many options a subject may have marked: exactly one, up to one, or up to k. */
export function markLimit(ballot: BallotView): number {
  switch (ballot.kind) {
    case 'motion':
    case 'choice':
    case 'batch':
      return 1;
    case 'election':
      return ballot.seats ?? 1;
    default:
      return assertNever(ballot.kind);
  }
}

/** Whether this ballot is marked by crossing names out on this phone. */
export function crossingOut(ballot: BallotView, style: ElectionStyle): boolean {
  return ballot.kind === 'election' && style === 'cross';
}

/**
 * The options chosen for a subject. A subject not touched yet has none, except on an election
 * marked by crossing out, where every name starts kept: what the server receives is the names
 * left standing, exactly what ticking the same names would send.
 */
export function chosenFor(
  ballot: BallotView,
  draft: Marks,
  style: ElectionStyle,
  subjectId: string,
): readonly string[] {
  return rowOf(draft, subjectId) ?? (crossingOut(ballot, style) ? ballot.options.map((o) => o.id) : []);
}

/** Whether the marks can be confirmed: single-subject ballots need their one mark; an election at most k. */
export function canReview(ballot: BallotView, draft: Marks, style: ElectionStyle = 'tick'): boolean {
  switch (ballot.kind) {
    case 'motion':
    case 'choice':
      return ballot.subjects.every((s) => (rowOf(draft, s.id)?.length ?? 0) === 1);
    case 'batch':
      return true;
    case 'election':
      return ballot.subjects.every((s) => chosenFor(ballot, draft, style, s.id).length <= markLimit(ballot));
    default:
      return assertNever(ballot.kind);
  }
}

/** Taps an option: selects it (replacing the earlier one where only one is allowed) or unselects it. */
export function toggleMark(subjectId: string, optionId: string): void {
  const { ballot, draft, electionStyle } = delegateStore.getState();
  if (!ballot) return;
  const row = chosenFor(ballot, draft, electionStyle, subjectId);
  const limit = markLimit(ballot);
  let next: readonly string[];
  if (row.includes(optionId)) {
    // A motion or a single choice keeps its mark until another is chosen; rows may be emptied.
    next = ballot.kind === 'motion' || ballot.kind === 'choice' ? row : row.filter((id) => id !== optionId);
  } else if (limit === 1) {
    next = [optionId];
  } else if (crossingOut(ballot, electionStyle)) {
    // Restoring a crossed-out name is always allowed; the count says when too many are kept.
    next = ballot.options.map((o) => o.id).filter((id) => id === optionId || row.includes(id));
  } else {
    next = row.length < limit ? [...row, optionId] : row;
  }
  delegateStore.setState({ draft: { ...draft, [subjectId]: next }, refusal: null });
}

/** Switches how this ballot is marked; the names chosen so far stay chosen. */
export function setElectionStyle(style: ElectionStyle): void {
  delegateStore.setState({ electionStyle: style });
}

export function goToReview(): void {
  delegateStore.setState({ step: 'review' });
}

export function backToMarking(): void {
  delegateStore.setState({ step: 'mark' });
}

export function startChangingVote(): void {
  const { myVote } = delegateStore.getState();
  delegateStore.setState({ changing: true, step: 'mark', draft: myVote?.marks ?? {} });
}

/** Every subject of the ballot, an unrated one as an empty row. */
export function completeMarks(
  ballot: BallotView,
  draft: Marks,
  style: ElectionStyle,
): Record<string, readonly string[]> {
  return Object.fromEntries(ballot.subjects.map((s) => [s.id, chosenFor(ballot, draft, style, s.id)]));
}

/** A confirm whose marks are being sealed: a second tap waits for it instead of sealing twice. */
let sealing = false;

/**
 * Confirms the marks: a secret ballot's are sealed to the round's key first (seal-vote.ts), so the
 * vote saved on the phone and sent is the sealed one. An open ballot's marks travel as they are. A
 * secret ballot whose round came without a key (a round opened by an older build, or a page someone
 * altered) is not sent at all: in clear, a listener on the hall network would read the choice with
 * the badge that cast it.
 */
export async function confirmVote(session: DelegateSession): Promise<void> {
  const { ballot, draft, pending, electionStyle, votingFor } = delegateStore.getState();
  if (!ballot || ballot.state !== 'open' || pending || sealing || !canReview(ballot, draft, electionStyle)) return;
  const marks = completeMarks(ballot, draft, electionStyle);
  const base = {
    ballotId: ballot.id,
    round: ballot.round,
    voteId: session.newVoteId(),
    ...(votingFor !== null ? { forDelegateId: votingFor } : {}),
  };
  let vote: VoteCastPayload = { ...base, marks };
  if (ballot.secret && !ballot.sealKey) {
    delegateStore.setState({ refusal: { ok: false, error: 'NOT_SEALED', params: {} } });
    return;
  }
  if (ballot.secret && ballot.sealKey) {
    sealing = true;
    try {
      vote = { ...base, sealed: await sealVote(ballot, marks, ballot.sealKey) };
    } catch {
      delegateStore.setState({ refusal: noAnswer('sealing') });
      return;
    } finally {
      sealing = false;
    }
    // The round may have ended, or another vote gone out, while the marks were sealed.
    const now = delegateStore.getState();
    if (now.pending || !isCurrentRound(now.ballot, vote) || now.ballot?.state !== 'open') return;
  }
  // Saved first: whatever happens to the phone from here on, the vote can be sent again.
  session.pendingVotes.save(vote);
  delegateStore.setState({ pending: vote });
  void sendVote(session, vote);
}

function isTransient(reply: Exclude<Reply<'vote:cast'>, { ok: true }>): boolean {
  return (
    reply.error === 'NO_ANSWER' ||
    reply.error === 'RATE_LIMITED' ||
    reply.error === 'STORE_UNAVAILABLE' ||
    reply.error === 'INTERNAL'
  );
}

export async function sendVote(session: DelegateSession, vote: VoteCastPayload): Promise<void> {
  if (delegateStore.getState().sending) return;
  delegateStore.setState({ sending: true, refusal: null });
  const reply = await session.socket.request('vote:cast', vote);
  const state = delegateStore.getState();
  if (state.pending?.voteId !== vote.voteId) {
    delegateStore.setState({ sending: false });
    return;
  }
  if (reply.ok) {
    session.pendingVotes.clear();
    const current = isCurrentRound(state.ballot, reply.data);
    const forId = reply.data.forDelegateId;
    delegateStore.setState({
      sending: false,
      pending: null,
      ...(current && forId === undefined ? { myVote: reply.data, changing: false, step: 'mark', draft: {} } : {}),
      // A vote for a member represented: theirs is recorded, and the phone is back to the holder's own.
      ...(current && forId !== undefined
        ? {
            represents: withVote(state.represents, forId, reply.data),
            votingFor: null,
            changing: false,
            step: 'mark',
            draft: {},
          }
        : {}),
    });
    return;
  }
  if (isTransient(reply)) {
    // Keep it; the next snapshot (after a reconnect) sends it again, and so does this timer.
    delegateStore.setState({ sending: false, refusal: reply });
    setTimeout(() => {
      const now = delegateStore.getState();
      if (now.connection === 'online' && now.pending?.voteId === vote.voteId) void sendVote(session, vote);
    }, RETRY_MS);
    return;
  }
  // Refused for good (closed before it arrived, already voted, not checked in): say so, and let the
  // delegate try again where that still makes sense.
  session.pendingVotes.clear();
  delegateStore.setState({ sending: false, pending: null, refusal: reply });
}

/** The members represented, `memberId`'s vote recorded. */
export function withVote(
  represents: readonly RepresentedMember[],
  memberId: string,
  vote: MyVote,
): readonly RepresentedMember[] {
  return represents.map((m) => (m.delegateId === memberId ? { ...m, vote } : m));
}

/** Marks the ballot of a member the delegate represents (null: their own again). */
export function startVotingFor(memberId: string | null): void {
  delegateStore.setState({ votingFor: memberId, splitting: false, step: 'mark', draft: {}, refusal: null });
}

/** After a snapshot: a vote the server already has is cleared, any other is sent again. */
export function settlePendingVote(session: DelegateSession): void {
  const { pending, myVote, represents } = delegateStore.getState();
  if (!pending) return;
  if (myVote?.voteId === pending.voteId || represents.some((m) => m.vote?.voteId === pending.voteId)) {
    session.pendingVotes.clear();
    delegateStore.setState({ pending: null });
    return;
  }
  void sendVote(session, pending);
}
