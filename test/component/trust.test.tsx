// What the views show of issue 12's protections: the phone seals a secret ballot before it leaves,
// keeps each published result's seal and audit head and says so when the server later shows
// another seal, warns of a lowered early-close minimum; the projector shows the anchor; the chair's
// console warns of plain HTTP in its language and says why a meeting is refused.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import type { PublishedAnchor } from '@hallvote/shared';
import { newSealKeyPair, openSealedMarks } from '../../server/src/features/votes/open-sealed-marks';
import { ChairApp } from '../../client/src/chair/ChairApp';
import { bindChairSocket } from '../../client/src/chair/bind-chair-socket';
import { chairStore, initialChairState } from '../../client/src/chair/store';
import { anchorBox } from '../../client/src/delegate/anchor-box';
import { bindDelegateSocket } from '../../client/src/delegate/bind-delegate-socket';
import { DelegateApp } from '../../client/src/delegate/DelegateApp';
import { draftBox } from '../../client/src/delegate/draft-box';
import { pendingVoteBox } from '../../client/src/delegate/pending-vote';
import { delegateStore, initialDelegateState } from '../../client/src/delegate/store';
import { bindProjectorSocket } from '../../client/src/projector/bind-projector-socket';
import { ProjectorApp } from '../../client/src/projector/ProjectorApp';
import { initialProjectorState, projectorStore } from '../../client/src/projector/store';
import { FakeSocket } from './support/fake-socket';
import {
  chairBallot,
  chairSnapshot,
  classificationBallot,
  delegateSnapshot,
  hallStoryResult,
  projectorSnapshot,
} from './support/fixtures';

const TOKEN = 'badge-token';
const VOTE_ID = '0b5e7d0c-3f9e-4a57-9a35-6c1e2b7d4f10';

function phone(): FakeSocket {
  const socket = new FakeSocket();
  const session = {
    socket,
    pendingVotes: pendingVoteBox(TOKEN, localStorage),
    drafts: draftBox(TOKEN, localStorage),
    anchors: anchorBox(TOKEN, localStorage),
    newVoteId: () => VOTE_ID,
  };
  bindDelegateSocket(session);
  render(<DelegateApp session={session} />);
  return socket;
}

const anchorOf = (seal: string, seq = 41): PublishedAnchor => ({
  ballotId: 'b1',
  round: 1,
  seal,
  head: { seq, hash: 'c'.repeat(64) },
});

beforeEach(() => {
  localStorage.clear();
  delegateStore.setState({ ...initialDelegateState(), language: 'en' }, true);
  projectorStore.setState({ ...initialProjectorState(), language: 'en' }, true);
  chairStore.setState({ ...initialChairState(), language: 'en' }, true);
});

afterEach(() => {
  cleanup();
  localStorage.clear();
});

describe('the phone', () => {
  test('a secret ballot leaves the phone sealed to the round key: no marks in the request', async () => {
    const keys = newSealKeyPair();
    const socket = phone();
    const ballot = classificationBallot({ sealKey: keys.publicKey });
    socket.serverEmits('snapshot', delegateSnapshot({ ballot }));
    fireEvent.click(screen.getByRole('radio', { name: 'Not completed' }));
    fireEvent.click(screen.getByRole('button', { name: 'Review my vote' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm my vote' }));
    await waitFor(() => expect(socket.sent('vote:cast')).toHaveLength(1));
    const [sent] = socket.sent('vote:cast');
    expect(sent).not.toHaveProperty('marks');
    expect(JSON.stringify(sent)).not.toContain('not-completed');
    expect(openSealedMarks(ballot, sent!.sealed!, keys.secretKey)).toEqual({ province: ['not-completed'] });
    // What waits on the phone for an acknowledgement is the sealed vote, too.
    expect(localStorage.getItem(`hallvote.pending-vote.${TOKEN}`)).not.toContain('not-completed');
  });

  test('a secret ballot without the round key is not sent in clear: the phone says why, in either language', async () => {
    const socket = phone();
    socket.serverEmits('snapshot', delegateSnapshot({ ballot: classificationBallot({ sealKey: null }) }));
    fireEvent.click(screen.getByRole('radio', { name: 'Not completed' }));
    fireEvent.click(screen.getByRole('button', { name: 'Review my vote' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm my vote' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('without its sealing key'));
    expect(socket.sent('vote:cast')).toEqual([]);
    expect(localStorage.getItem(`hallvote.pending-vote.${TOKEN}`)).toBeNull();
    delegateStore.setState({ language: 'vi' });
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('không kèm khóa niêm phong'));
    expect(socket.sent('vote:cast')).toEqual([]);
  });

  test('an open (named) ballot is sent as marked', async () => {
    const socket = phone();
    socket.serverEmits('snapshot', delegateSnapshot({ ballot: classificationBallot({ secret: false }) }));
    fireEvent.click(screen.getByRole('radio', { name: 'Good' }));
    fireEvent.click(screen.getByRole('button', { name: 'Review my vote' }));
    fireEvent.click(screen.getByRole('button', { name: 'Confirm my vote' }));
    await waitFor(() => expect(socket.sent('vote:cast')).toHaveLength(1));
    expect(socket.sent('vote:cast')[0]).toMatchObject({ marks: { province: ['good'] } });
  });

  test('a lowered early-close minimum is a warning on the review screen, before the delegate confirms', () => {
    const socket = phone();
    socket.serverEmits('snapshot', delegateSnapshot({ ballot: classificationBallot({ earlyCloseMinimum: 2 }) }));
    const warning = /may close this secret ballot as soon as 2 ballot\(s\) are in/;
    expect(screen.queryByText(warning)).toBeNull();
    fireEvent.click(screen.getByRole('radio', { name: 'Good' }));
    fireEvent.click(screen.getByRole('button', { name: 'Review my vote' }));
    expect(screen.getByText(warning)).toBeInTheDocument();
  });

  test("a ballot with the rules' minimum has no such warning", () => {
    const socket = phone();
    socket.serverEmits('snapshot', delegateSnapshot({ ballot: classificationBallot() }));
    fireEvent.click(screen.getByRole('radio', { name: 'Good' }));
    fireEvent.click(screen.getByRole('button', { name: 'Review my vote' }));
    expect(screen.queryByText(/may close this secret ballot/)).toBeNull();
  });

  test('a published result comes with its seal and audit head, kept on the phone; another seal later is flagged', () => {
    const socket = phone();
    const ballot = classificationBallot({ state: 'published' });
    const result = hallStoryResult(ballot);
    socket.serverEmits('snapshot', delegateSnapshot({ ballot: classificationBallot({ state: 'closed' }) }));
    socket.serverEmits('result:published', { seq: 6, result, receipts: [], anchor: anchorOf(result.seal) });
    socket.serverEmits('ballot:updated', { seq: 7, ballot, serverTime: Date.now() });
    expect(screen.getByText('Seal and audit head')).toBeInTheDocument();
    expect(screen.getByText(result.seal)).toBeInTheDocument();
    expect(screen.getByText('c'.repeat(64))).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(anchorBox(TOKEN, localStorage).all()).toEqual([anchorOf(result.seal)]);

    // The server, restarted on an edited database, shows the same result with another seal.
    const forged = { ...result, seal: 'f'.repeat(64) };
    socket.serverEmits('snapshot', delegateSnapshot({ ballot, result: forged, anchor: anchorOf(forged.seal, 52) }));
    expect(screen.getByRole('alert')).toHaveTextContent(`another seal`);
    expect(screen.getByRole('alert')).toHaveTextContent(result.seal);
  });
});

describe('the projector', () => {
  test('shows the seal and the audit head under a published result', () => {
    const socket = new FakeSocket();
    bindProjectorSocket(socket);
    render(<ProjectorApp />);
    const ballot = classificationBallot({ state: 'published' });
    const result = hallStoryResult(ballot);
    socket.serverEmits('snapshot', projectorSnapshot({ ballot, result, anchor: anchorOf(result.seal) }));
    expect(screen.getByText(result.seal)).toBeInTheDocument();
    expect(screen.getByText('c'.repeat(64))).toBeInTheDocument();
  });
});

describe("the chair's console", () => {
  function consoleWith(socket: FakeSocket) {
    bindChairSocket(socket);
    render(<ChairApp session={{ meetingId: 'm1', chairKey: 'k', socket }} />);
  }

  test("plain HTTP: a warning in the console's language (Vietnamese only in Vietnamese: issue 16); none over HTTPS", () => {
    const socket = new FakeSocket();
    consoleWith(socket);
    socket.serverEmits('snapshot', chairSnapshot({ plainHttp: true }));
    expect(screen.getByText(/^Plain HTTP: anyone on this network/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Tiếng Việt' }));
    expect(screen.getByText(/^HTTP không mã hóa/)).toBeInTheDocument();
    expect(screen.queryByText(/^Plain HTTP/)).toBeNull();
    socket.serverEmits('snapshot', chairSnapshot({ plainHttp: false, seq: 9 }));
    expect(screen.queryByText(/^HTTP không mã hóa/)).toBeNull();
  });

  test('a secret ballot that lowered its early-close minimum says so', () => {
    const socket = new FakeSocket();
    consoleWith(socket);
    const ballot = chairBallot(classificationBallot({ earlyCloseMinimum: 3 }));
    socket.serverEmits('snapshot', chairSnapshot({ ballots: [ballot] }));
    fireEvent.click(screen.getByRole('button', { name: new RegExp(ballot.title) }));
    expect(screen.getByText(/may be closed after 3 online ballot\(s\) \(the rules ask for 10\)/)).toBeInTheDocument();
  });

  test('a countdown that ran out short of the minimum: both languages say it cannot be counted and to cancel it', () => {
    const socket = new FakeSocket();
    consoleWith(socket);
    const ballot = chairBallot(classificationBallot({ countdownSeconds: 10, state: 'open' }), {
      uncounted: { online: 3, present: 20, minimum: 10 },
    });
    socket.serverEmits('snapshot', chairSnapshot({ ballots: [ballot] }));
    fireEvent.click(screen.getByRole('button', { name: new RegExp(ballot.title) }));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The countdown ended with 3 member(s) voting online of the 10 needed');
    expect(alert).toHaveTextContent('Cancel it (its ballots are destroyed unseen) and vote again.');
    expect(alert).toHaveTextContent('Hết giờ biểu quyết với 3 đồng chí bỏ phiếu trực tuyến, trong khi cần 10 đồng chí');
    socket.serverEmits('console:ballot-updated', { seq: 4, ballot: { ...ballot, uncounted: null } });
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('a meeting refused at start-up: the console says what differs', () => {
    const socket = new FakeSocket();
    consoleWith(socket);
    socket.connection({
      type: 'refused',
      refusal: {
        ok: false,
        error: 'STATE_MISMATCH',
        params: { mismatches: 2, rounds: [{ ballot: 'X', round: 1 }], auditLog: false },
      },
    });
    expect(screen.getByRole('alert')).toHaveTextContent('does not match its seals');
    expect(screen.getByRole('alert')).toHaveTextContent('2 checks differ, in “X” round 1.');
  });
});
