// Proxies and split ballots in Vietnamese (issues 16 and 19): the console's proxies, the holder's
// and the grantor's phone and their refusals, with no English inside, the member addressed by the
// meeting's form of address ("đồng chí" by default, "đại biểu" in a People's Council), never "bạn".
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import {
  DEFAULT_MEETING_SETTINGS,
  RULE_PRESETS,
  type AuditEntry,
  type BallotView,
  type MeetingSettings,
  type RepresentedMember,
  type RoundExport,
  type TallyResult,
} from '@hallvote/shared';
import { bindChairSocket } from '../../client/src/chair/bind-chair-socket';
import { CountedByNote, ProxiesSection } from '../../client/src/chair/minutes/MinutesProxies';
import { ChairApp } from '../../client/src/chair/ChairApp';
import { chairStore } from '../../client/src/chair/store';
import { bindDelegateSocket } from '../../client/src/delegate/bind-delegate-socket';
import { DelegateApp } from '../../client/src/delegate/DelegateApp';
import { anchorBox } from '../../client/src/delegate/anchor-box';
import { draftBox } from '../../client/src/delegate/draft-box';
import { pendingVoteBox } from '../../client/src/delegate/pending-vote';
import { delegateStore, initialDelegateState } from '../../client/src/delegate/store';
import { LanguageContext } from '../../client/src/i18n';
import { englishIn } from '../support/english';
import { resetChairStoreAroundEachTest } from './support/chair-store-reset';
import { FakeSocket } from './support/fake-socket';
import { auditEntries, chairSnapshot, agmMotion, delegateSnapshot, delegates, presence } from './support/fixtures';

const AGM = RULE_PRESETS['agm-ordinary'];
const COUNCIL: MeetingSettings = { ...DEFAULT_MEETING_SETTINGS, address: 'dai-bieu' };
const text = () => document.body.textContent ?? '';

const motion = (overrides: Partial<BallotView> = {}) =>
  agmMotion('Thông qua báo cáo tài chính', 'Báo cáo năm 2025', overrides);

describe('the console’s proxies in Vietnamese', () => {
  resetChairStoreAroundEachTest();

  test('the proxies, the weights and a refused proxy, with no English', async () => {
    const socket = new FakeSocket();
    bindChairSocket(socket);
    chairStore.setState({ language: 'vi' });
    render(<ChairApp session={{ socket, meetingId: 'm1', chairKey: 'chair-key' }} />);
    const roster = delegates(4, 2).map((d, i) => ({ ...d, weight: [100, 200, 300, 1_250_000][i] ?? 1 }));
    socket.serverEmits(
      'snapshot',
      chairSnapshot({ meeting: { ...chairSnapshot().meeting, rules: AGM }, delegates: roster }),
    );
    socket.serverEmits('console:proxies-updated', {
      seq: 4,
      presence: presence(3, 4),
      proxies: [
        {
          id: 'p1',
          grantorId: 'd3',
          holderId: 'd1',
          instructions: '',
          grantedAt: '2026-12-05T02:00:00.000Z',
          revokedAt: null,
          revokedBy: null,
        },
      ],
    });
    fireEvent.click(screen.getByRole('tab', { name: /^Điểm danh/ }));
    expect(screen.getByText('1.250.000')).toBeInTheDocument();
    expect(screen.getByText('Đại biểu 3 → Đại biểu 1')).toBeInTheDocument();
    socket.answer('proxy:grant', () => ({
      ok: false,
      error: 'PROXY_REFUSED',
      params: { reason: 'grantor-present', grantor: 'Đại biểu 4', holder: 'Đại biểu 1' },
    }));
    fireEvent.change(screen.getByLabelText('Thành viên vắng mặt (người ủy quyền)'), { target: { value: 'd4' } });
    fireEvent.change(screen.getByLabelText('Thành viên biểu quyết thay (người nhận ủy quyền)'), {
      target: { value: 'd1' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Ghi nhận ủy quyền' }));
    expect(await screen.findByText('Đại biểu 4 có mặt và tự biểu quyết.')).toBeInTheDocument();
    expect(englishIn(text())).toEqual([]);
  });
  test('the audit log says proxies in words: who gave whose vote, taken back by whom, cast by whom', async () => {
    const socket = new FakeSocket();
    bindChairSocket(socket);
    chairStore.setState({ language: 'vi' });
    render(<ChairApp session={{ socket, meetingId: 'm1', chairKey: 'chair-key' }} />);
    socket.serverEmits('snapshot', chairSnapshot({ meeting: { ...chairSnapshot().meeting, rules: AGM } }));
    const base = auditEntries()[2]!;
    const entries: AuditEntry[] = [
      {
        ...base,
        seq: 4,
        actor: 'chair',
        action: 'proxy.granted',
        details: { proxyId: 'p1', grantorId: 'd3', holderId: 'd1', instructions: true },
      },
      {
        ...base,
        seq: 5,
        actor: 'chair',
        action: 'round.opened',
        details: { round: 1, issued: 3, proxies: 1, secrecyRiskAccepted: 1 },
      },
      { ...base, seq: 6, action: 'vote.cast', details: { round: 1, delegateId: 'd3', castBy: 'd1' } },
      { ...base, seq: 7, action: 'vote.cast', details: { round: 1, delegateId: 'd1', members: ['d1', 'd3'] } },
      { ...base, seq: 8, actor: 'delegate', action: 'proxy.revoked', details: { proxyId: 'p1', by: 'arrival' } },
    ];
    socket.answer('audit:list', () => ({ ok: true, data: entries }));
    fireEvent.click(screen.getByRole('tab', { name: 'Nhật ký' }));
    await screen.findByText(/người ủy quyền: Đại biểu 3 · người nhận ủy quyền: Đại biểu 1/);
    expect(screen.getByText('Ghi nhận ủy quyền')).toBeInTheDocument();
    expect(screen.getByText('Thu hồi ủy quyền')).toBeInTheDocument();
    expect(text()).toMatch(/người bỏ phiếu thay: Đại biểu 1/);
    expect(text()).toMatch(/người ủy quyền đã đến/);
    expect(text()).not.toMatch(/grantorId|holderId|castBy|proxyId|members|arrival|secrecyRisk|instructions/);
    expect(englishIn(text())).toEqual([]);
  });
});

describe('the holder’s and the grantor’s phone in Vietnamese', () => {
  let socket: FakeSocket;
  const represents: RepresentedMember[] = [
    { delegateId: 'g1', name: 'Chi', weight: 300, instructions: '', vote: null },
    { delegateId: 'g2', name: 'Dũng', weight: 400, instructions: '', vote: null },
  ];

  function phone(overrides: Parameters<typeof delegateSnapshot>[0], settings = DEFAULT_MEETING_SETTINGS): void {
    socket = new FakeSocket();
    const session = {
      socket,
      pendingVotes: pendingVoteBox('t', localStorage),
      drafts: draftBox('t', localStorage),
      anchors: anchorBox('t', localStorage),
      newVoteId: () => '00000000-0000-4000-8000-000000000001',
    };
    bindDelegateSocket(session);
    render(<DelegateApp session={session} />);
    socket.serverEmits(
      'snapshot',
      delegateSnapshot({ meeting: { ...delegateSnapshot().meeting, settings }, ...overrides }),
    );
  }

  beforeEach(() => {
    localStorage.clear();
    delegateStore.setState({ ...initialDelegateState(), language: 'vi' }, true);
  });
  afterEach(() => {
    cleanup();
    localStorage.clear();
  });

  const holder = { ballot: motion(), represents, countBy: 'weight' as const, splitAllowed: true };

  test('a holder is addressed as "đồng chí", never "bạn", and reads no English, splitting too', () => {
    phone({ ...holder, me: { id: 'd7', name: 'An', position: '', weight: 100 } });
    expect(screen.getByText('Đồng chí cũng biểu quyết thay cho')).toBeInTheDocument();
    expect(text()).not.toMatch(/\bbạn\b/i);
    expect(englishIn(text())).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Chia phiếu' }));
    expect(
      screen.getByRole('heading', { name: 'Chia 800 cổ phần (của đồng chí và những người đồng chí đại diện)' }),
    ).toBeInTheDocument();
    expect(text()).not.toMatch(/\bbạn\b/i);
    expect(englishIn(text())).toEqual([]);
  });

  test('a People’s Council deputy holding proxies is addressed as "đại biểu"', () => {
    phone(holder, COUNCIL);
    expect(screen.getByText('Đại biểu cũng biểu quyết thay cho')).toBeInTheDocument();
  });

  test('a grantor’s phone says who votes for them, addressed; a refusal of their vote too', async () => {
    phone({ ballot: motion(), heldBy: { name: 'An' } });
    expect(
      screen.getByText('Đồng chí đã ủy quyền cho An; người đó biểu quyết thay đồng chí lần này.'),
    ).toBeInTheDocument();
    expect(englishIn(text())).toEqual([]);
    cleanup();
    // A holder's split refused by the server: the phone's words, addressed.
    phone(holder);
    socket.answer('vote:cast-split', () => ({ ok: false, error: 'SPLIT_NOT_ALLOWED', params: { reason: 'nobody' } }));
    fireEvent.click(screen.getByRole('button', { name: 'Chia phiếu' }));
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Tán thành' }), { target: { value: '701' } });
    fireEvent.click(screen.getByRole('button', { name: 'Gửi phiếu chia' }));
    expect(
      await screen.findByText('Đồng chí không đại diện cho ai trong lần biểu quyết này: không có gì để chia.'),
    ).toBeInTheDocument();
    expect(text()).not.toMatch(/\bbạn\b/i);
  });
});

test('a secret split without its seal key is not sent, and the phone says why', async () => {
  localStorage.clear();
  delegateStore.setState({ ...initialDelegateState(), language: 'vi' }, true);
  const socket = new FakeSocket();
  const session = {
    socket,
    pendingVotes: pendingVoteBox('t', localStorage),
    drafts: draftBox('t', localStorage),
    anchors: anchorBox('t', localStorage),
    newVoteId: () => '00000000-0000-4000-8000-000000000001',
  };
  bindDelegateSocket(session);
  render(<DelegateApp session={session} />);
  socket.serverEmits(
    'snapshot',
    delegateSnapshot({
      ballot: motion({ secret: true, allowChange: false, sealKey: null }),
      represents: [{ delegateId: 'g1', name: 'Chi', weight: 1, instructions: '', vote: null }],
      countBy: 'heads',
      splitAllowed: true,
    }),
  );
  fireEvent.click(screen.getByRole('button', { name: 'Chia phiếu' }));
  fireEvent.change(screen.getByRole('spinbutton', { name: 'Tán thành' }), { target: { value: '2' } });
  fireEvent.click(screen.getByRole('button', { name: 'Gửi phiếu chia' }));
  expect(await screen.findByText(/không kèm khóa niêm phong nên điện thoại không gửi/)).toBeInTheDocument();
  expect(socket.sent('vote:cast-split')).toEqual([]);
  act(() => cleanup());
  localStorage.clear();
});

test('the minutes’ proxies in Vietnamese: what the counts count, who was present by proxy, who held whose vote', () => {
  const tally = { countBy: 'weight', attendance: { represented: 2 } } as unknown as TallyResult;
  const round = {
    proxies: [
      { grantorId: 'g1', holderId: 'h' },
      { grantorId: 'g2', holderId: 'h' },
    ],
  } as unknown as RoundExport;
  const members = [
    { id: 'h', name: 'An', weight: 100 },
    { id: 'g1', name: 'Chi', weight: 1_250_000 },
    { id: 'g2', name: 'Dũng', weight: 400 },
  ];
  render(
    <LanguageContext.Provider value="vi">
      <CountedByNote tally={tally} />
      <ProxiesSection round={round} delegates={members} />
    </LanguageContext.Provider>,
  );
  expect(screen.getByText(/^Tính theo quyền biểu quyết/)).toBeInTheDocument();
  expect(screen.getByText('2 đồng chí có mặt qua ủy quyền')).toBeInTheDocument();
  expect(screen.getByText('1.250.000')).toBeInTheDocument();
  expect(englishIn(text())).toEqual([]);
  cleanup();
});
