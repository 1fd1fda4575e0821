// Issue 19 in the views: the console records and takes back proxies and shows weights, says a
// refused proxy with its reason in the chair's language, and warns before a secret weighted ballot;
// the phone of a holder votes for each member it represents and can split; a grantor's phone says
// who votes for them.
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  RULE_PRESETS,
  type BallotView,
  type MyVote,
  type RepresentedMember,
  type RequestPayload,
  type VoteCastPayload,
} from '@hallvote/shared';
import type { Reply } from '../../client/src/socket';
import { bindChairSocket } from '../../client/src/chair/bind-chair-socket';
import { ChairApp } from '../../client/src/chair/ChairApp';
import { chairStore } from '../../client/src/chair/store';
import { bindDelegateSocket } from '../../client/src/delegate/bind-delegate-socket';
import { DelegateApp } from '../../client/src/delegate/DelegateApp';
import { anchorBox } from '../../client/src/delegate/anchor-box';
import { draftBox } from '../../client/src/delegate/draft-box';
import { pendingVoteBox } from '../../client/src/delegate/pending-vote';
import { delegateStore, initialDelegateState } from '../../client/src/delegate/store';
import { resetChairStoreAroundEachTest } from './support/chair-store-reset';
import { FakeSocket } from './support/fake-socket';
import { chairBallot, chairSnapshot, agmMotion, delegateSnapshot, delegates, presence } from './support/fixtures';

const AGM = RULE_PRESETS['agm-ordinary'];

const motion = (overrides: Partial<BallotView> = {}) => agmMotion('Approve the accounts', 'Accounts 2025', overrides);

describe('the console', () => {
  resetChairStoreAroundEachTest();
  let socket: FakeSocket;
  const roster = delegates(4, 2).map((d, i) => ({ ...d, weight: [100, 200, 300, 1_250_000][i] ?? 1 }));

  function start(overrides: Parameters<typeof chairSnapshot>[0] = {}): void {
    socket = new FakeSocket();
    bindChairSocket(socket);
    render(<ChairApp session={{ socket, meetingId: 'm1', chairKey: 'chair-key' }} />);
    socket.serverEmits(
      'snapshot',
      chairSnapshot({ meeting: { ...chairSnapshot().meeting, rules: AGM }, delegates: roster, ...overrides }),
    );
    fireEvent.click(screen.getByRole('tab', { name: /^Attendance/ }));
  }

  test('weights in the roster, a proxy recorded, then listed as the server announces it', async () => {
    start();
    const table = screen.getByRole('table');
    expect(within(table).getByRole('columnheader', { name: 'Weight' })).toBeInTheDocument();
    expect(within(table).getByText('1,250,000')).toBeInTheDocument();
    socket.answer('proxy:grant', () => ({ ok: true, data: { proxyId: 'p1' } }));
    fireEvent.change(screen.getByLabelText('Member who cannot come (grantor)'), { target: { value: 'd3' } });
    fireEvent.change(screen.getByLabelText('Member who votes for them (holder)'), { target: { value: 'd1' } });
    fireEvent.change(screen.getByLabelText('Voting instructions (optional)'), { target: { value: 'Vote yes' } });
    fireEvent.click(screen.getByRole('button', { name: 'Record the proxy' }));
    await waitFor(() =>
      expect(socket.sent('proxy:grant')).toEqual([{ grantorId: 'd3', holderId: 'd1', instructions: 'Vote yes' }]),
    );
    const proxy = {
      id: 'p1',
      grantorId: 'd3',
      holderId: 'd1',
      instructions: 'Vote yes',
      grantedAt: 'now',
      revokedAt: null,
      revokedBy: null,
    };
    socket.serverEmits('console:proxies-updated', { seq: 4, proxies: [proxy], presence: presence(3, 4) });
    expect(screen.getByText('Đại biểu 3 → Đại biểu 1')).toBeInTheDocument();
    socket.answer('proxy:revoke', () => ({ ok: true, data: {} }));
    fireEvent.click(screen.getByRole('button', { name: 'Take back: Đại biểu 3' }));
    await waitFor(() => expect(socket.sent('proxy:revoke')).toEqual([{ proxyId: 'p1' }]));
  });

  test('a refused proxy is said with its reason, in Vietnamese too', async () => {
    start();
    socket.answer('proxy:grant', () => ({
      ok: false,
      error: 'PROXY_LIMIT',
      params: { holder: 'Đại biểu 1', max: 2 },
    }));
    act(() => chairStore.setState({ language: 'vi' }));
    fireEvent.change(screen.getByLabelText('Thành viên vắng mặt (người ủy quyền)'), { target: { value: 'd3' } });
    fireEvent.change(screen.getByLabelText('Thành viên biểu quyết thay (người nhận ủy quyền)'), {
      target: { value: 'd1' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Ghi nhận ủy quyền' }));
    expect(await screen.findByText('Đại biểu 1 đã nhận 2 ủy quyền, mức tối đa quy chế cho phép.')).toBeInTheDocument();
  });

  test('opening a secret weighted ballot: the warning names who, and "open anyway" accepts it', async () => {
    const ballot = chairBallot(motion({ state: 'draft', round: 0, secret: true, allowChange: false }));
    start({ ballots: [ballot] });
    fireEvent.click(screen.getByRole('tab', { name: 'Ballots' }));
    fireEvent.click(screen.getByRole('button', { name: /Approve the accounts/ }));
    socket.answer('ballot:open', (p) =>
      p.acceptSecrecyRisk
        ? { ok: true, data: ballot }
        : {
            ok: false,
            error: 'SECRECY_AT_RISK',
            params: { members: [{ name: 'Đại biểu 4', weight: 1250000 }] },
          },
    );
    fireEvent.click(screen.getByRole('button', { name: 'Open voting' }));
    expect(await screen.findByText(/would show how these members voted: Đại biểu 4 \(1,250,000\)/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Open anyway: I have told the hall' }));
    await waitFor(() =>
      expect(socket.sent('ballot:open')).toEqual([
        { ballotId: ballot.id },
        { ballotId: ballot.id, acceptSecrecyRisk: true },
      ]),
    );
  });
});

describe('the phone', () => {
  let socket: FakeSocket;
  const represents: RepresentedMember[] = [
    { delegateId: 'g1', name: 'Chi', weight: 300, instructions: 'Vote yes', vote: null },
    { delegateId: 'g2', name: 'Dũng', weight: 400, instructions: '', vote: null },
  ];

  function start(): void {
    socket = new FakeSocket();
    let n = 0;
    const session = {
      socket,
      pendingVotes: pendingVoteBox('t', localStorage),
      drafts: draftBox('t', localStorage),
      anchors: anchorBox('t', localStorage),
      newVoteId: () => `00000000-0000-4000-8000-00000000000${n++}`,
    };
    bindDelegateSocket(session);
    render(<DelegateApp session={session} />);
  }

  beforeEach(() => {
    localStorage.clear();
    delegateStore.setState({ ...initialDelegateState(), language: 'en' }, true);
  });
  afterEach(() => {
    cleanup();
    localStorage.clear();
  });

  const answerVotes = () =>
    socket.answer('vote:cast', (v: VoteCastPayload) => ({
      ok: true,
      data: {
        ballotId: v.ballotId,
        round: v.round,
        voteId: v.voteId,
        receipt: `R-${v.forDelegateId ?? 'me'}`,
        marks: v.marks ?? null,
        ...(v.forDelegateId ? { forDelegateId: v.forDelegateId } : {}),
      } satisfies MyVote,
    }));

  test('a holder votes for themself, then once for each member, each with a receipt', async () => {
    start();
    answerVotes();
    socket.serverEmits(
      'snapshot',
      delegateSnapshot({ ballot: motion(), represents, countBy: 'weight', splitAllowed: true }),
    );
    expect(screen.getByText('Their instructions: Vote yes')).toBeInTheDocument();
    expect(screen.getByText(/weight 300/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('radio', { name: 'Yes' }));
    fireEvent.click(screen.getByRole('button', { name: 'Review my vote' }));
    fireEvent.click(screen.getByRole('button', { name: /Confirm/ }));
    await screen.findByText('R-me');
    fireEvent.click(screen.getByRole('button', { name: 'Vote for Chi' }));
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('Voting for Chi');
    fireEvent.click(screen.getByRole('radio', { name: 'Yes' }));
    fireEvent.click(screen.getByRole('button', { name: 'Review my vote' }));
    fireEvent.click(screen.getByRole('button', { name: /Confirm/ }));
    expect(await screen.findByText('Vote for Chi recorded. Receipt R-g1')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Vote for Dũng' }));
    fireEvent.click(screen.getByRole('radio', { name: 'No' }));
    fireEvent.click(screen.getByRole('button', { name: 'Review my vote' }));
    fireEvent.click(screen.getByRole('button', { name: /Confirm/ }));
    expect(await screen.findByText('Vote for Dũng recorded. Receipt R-g2')).toBeInTheDocument();
    expect(socket.sent('vote:cast').map((v) => [v.forDelegateId ?? 'me', v.marks?.motion?.[0]])).toEqual([
      ['me', 'yes'],
      ['g1', 'yes'],
      ['g2', 'no'],
    ]);
  });

  type SplitPayload = RequestPayload<'vote:cast-split'>;
  /** The server's answer to a split: one receipt per member, the holder's first. */
  const splitReceipts = (p: SplitPayload) => ({
    ok: true as const,
    data: p.members.map((id, i) => ({
      ballotId: p.ballotId,
      round: p.round,
      voteId: p.voteId,
      receipt: `S${i}`,
      marks: null,
      ...(i > 0 ? { forDelegateId: id } : {}),
    })),
  });

  /** An (100 shares) holds Chi's and Dũng's proxies on a motion counted by weight, splits allowed. */
  function startHolder(answer: (p: SplitPayload) => Reply<'vote:cast-split'>): void {
    start();
    socket.answer('vote:cast-split', answer);
    socket.serverEmits(
      'snapshot',
      delegateSnapshot({
        me: { id: 'd7', name: 'An', position: '', weight: 100 },
        ballot: motion(),
        represents,
        countBy: 'weight',
        splitAllowed: true,
      }),
    );
  }

  test('a holder splits the shares they carry in one ballot', async () => {
    startHolder((p) => splitReceipts(p));
    fireEvent.click(screen.getByRole('button', { name: 'Split my votes' }));
    expect(screen.getByRole('heading', { name: 'Split 800 shares (yours and those you hold)' })).toBeInTheDocument();
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Yes' }), { target: { value: '700' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'No' }), { target: { value: '100' } });
    expect(screen.getByText('Not yet given: 0')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Cast the split ballot' }));
    expect(await screen.findByText('Vote for Chi recorded. Receipt S1')).toBeInTheDocument();
    expect(socket.sent('vote:cast-split')).toEqual([
      {
        ballotId: 'b1',
        round: 1,
        voteId: '00000000-0000-4000-8000-000000000000',
        members: ['d7', 'g1', 'g2'],
        rows: { motion: { yes: 700, no: 100 } },
      },
    ]);
  });

  test('a split the server never answered is sent again with the same vote id, and gets the first receipts', async () => {
    // A new id would be refused ALREADY_VOTED had the first split been recorded (fresh-eyes review).
    let calls = 0;
    startHolder((p) =>
      calls++ === 0 ? { ok: false, error: 'NO_ANSWER', params: { reason: 'timeout' } } : splitReceipts(p),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Split my votes' }));
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Yes' }), { target: { value: '800' } });
    fireEvent.click(screen.getByRole('button', { name: 'Cast the split ballot' }));
    await screen.findByRole('alert');
    fireEvent.click(screen.getByRole('button', { name: 'Cast the split ballot' }));
    expect(await screen.findByText('Vote for Chi recorded. Receipt S1')).toBeInTheDocument();
    const ids = socket.sent('vote:cast-split').map((v) => v.voteId);
    expect(ids).toHaveLength(2);
    expect(ids[1]).toBe(ids[0]);
  });

  test('a grantor’s phone says who votes for them', () => {
    start();
    socket.serverEmits('snapshot', delegateSnapshot({ ballot: motion(), heldBy: { name: 'An' } }));
    expect(screen.getByText('You gave your vote to An, who votes for you in this ballot.')).toBeInTheDocument();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
  });
});
