// A proxy holder's split ballot: the votes they carry (theirs and those of every member they
// represent who has not voted yet) given to options in amounts, sent in one request. A secret
// ballot's rows are sealed to the round's key first, like any secret vote. Not kept on the phone
// across a reload as a single vote is: a split is cast in one tap. An answer that did not come
// (NO_ANSWER) is asked again by sending the same split with the same vote id, which the server
// answers with the first receipts; a new id would be refused, the split having been recorded.
import type { BallotView, MyVote } from '@hallvote/shared';
import { noAnswer } from '../reply';
import { preloadSealing } from './seal-vote';
import { delegateStore, type DelegateState } from './store';
import { withVote, type DelegateSession } from './vote-actions';

/** The last split sent and not answered: sent again as it was, it keeps its vote id. */
let unanswered: { readonly key: string; readonly voteId: string } | null = null;

/** Who a split is cast for now: the holder, then each member represented not yet voted for. */
export function splitMembers(state: Pick<DelegateState, 'me' | 'represents'>): string[] {
  return [state.me?.id ?? '', ...state.represents.filter((m) => m.vote === null).map((m) => m.delegateId)];
}

/** What the split distributes: one vote per member, or their weight, as the ballot counts. */
export function splitTotal(state: Pick<DelegateState, 'me' | 'represents' | 'countBy'>): number {
  const open = state.represents.filter((m) => m.vote === null);
  return state.countBy === 'heads' ? 1 + open.length : (state.me?.weight ?? 1) + open.reduce((t, m) => t + m.weight, 0);
}

export function startSplitting(on: boolean): void {
  delegateStore.setState({ splitting: on, votingFor: null, refusal: null });
}

type Rows = Record<string, Record<string, number>>;

/** The rows as sent: in clear on an open ballot, sealed to the round's key on a secret one. */
async function payloadRows(
  ballot: BallotView,
  rows: Rows,
  sealKey: string | null,
): Promise<{ rows: Rows } | { sealed: string }> {
  if (!ballot.secret) return { rows };
  const { sealSplit } = await preloadSealing();
  return { sealed: sealSplit(ballot, rows, sealKey ?? '') };
}

export async function castSplitVote(session: DelegateSession, rows: Rows): Promise<void> {
  const state = delegateStore.getState();
  const { ballot } = state;
  if (!ballot || ballot.state !== 'open' || state.sending) return;
  // A secret ballot without its seal key is never sent in clear (as a single vote: vote-actions.ts).
  if (ballot.secret && !ballot.sealKey) {
    delegateStore.setState({ refusal: { ok: false, error: 'NOT_SEALED', params: {} } });
    return;
  }
  delegateStore.setState({ sending: true, refusal: null });
  let payload;
  try {
    payload = await payloadRows(ballot, rows, ballot.sealKey ?? null);
  } catch {
    delegateStore.setState({ sending: false, refusal: noAnswer('sealing') });
    return;
  }
  const members = splitMembers(state);
  const key = JSON.stringify([ballot.id, ballot.round, members, rows]);
  const voteId = unanswered?.key === key ? unanswered.voteId : session.newVoteId();
  unanswered = { key, voteId };
  const reply = await session.socket.request('vote:cast-split', {
    ballotId: ballot.id,
    round: ballot.round,
    voteId,
    members,
    ...payload,
  });
  // Only a split the server never answered is sent again with its id.
  if (reply.ok || reply.error !== 'NO_ANSWER') unanswered = null;
  if (!reply.ok) {
    delegateStore.setState({ sending: false, refusal: reply });
    return;
  }
  const votes: readonly MyVote[] = reply.data;
  delegateStore.setState((s) => ({
    sending: false,
    splitting: false,
    myVote: votes.find((v) => v.forDelegateId === undefined) ?? s.myVote,
    represents: votes.reduce(
      (list, v) => (v.forDelegateId === undefined ? list : withVote(list, v.forDelegateId, v)),
      s.represents,
    ),
  }));
}
