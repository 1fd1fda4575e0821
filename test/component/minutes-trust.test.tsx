// The minutes' part in issue 12: the seal over the whole result with the audit heads to sign under,
// an early close and a lowered minimum said plainly, every round of the ballot (a re-vote after an
// unwelcome result stays in the minutes), who was excused or absent by name, and the paper bound.
import { render, screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { DEFAULT_MEETING_SETTINGS, type AuditEntry, type MeetingExport, type RoundExport } from '@hallvote/shared';
import { MinutesPage } from '../../client/src/chair/minutes/MinutesPage';
import { resetChairStoreAroundEachTest } from './support/chair-store-reset';
import { stubFetch } from './support/fetch-stub';
import { RULES, classificationBallot, delegates, hallStoryExport, roundExport } from './support/fixtures';

const HEAD = { seq: 57, hash: '5'.repeat(64) };
const NOW = { seq: 61, hash: '6'.repeat(64) };

function entry(seq: number, hash: string): AuditEntry {
  return { meetingId: 'm1', seq, at: '', actor: 'chair', action: 'x', details: {}, prevHash: '', hash };
}

function serve(round: RoundExport, others: readonly RoundExport[] = [], audit: readonly AuditEntry[] = []): void {
  const meeting: MeetingExport = {
    format: 'hallvote-export',
    version: 1,
    exportedAt: '2024-01-10T08:20:00.000Z',
    meeting: {
      id: 'm1',
      title: 'Hội nghị',
      rules: RULES,
      createdAt: '2024-01-10T07:00:00.000Z',
      settings: DEFAULT_MEETING_SETTINGS,
    },
    delegates: delegates(53, 49).map(({ connected: _c, ...d }) => d),
    rounds: [...others, round],
    audit: [...audit, entry(HEAD.seq, HEAD.hash), entry(NOW.seq, NOW.hash)],
  };
  stubFetch({
    [`/api/meetings/m1/rounds/${round.ballot.id}/${round.round}.json`]: round,
    '/api/meetings/m1/export.json': meeting,
  });
}

async function open(round: RoundExport): Promise<void> {
  render(<MinutesPage meetingId="m1" chairKey="k" ballotId={round.ballot.id} round={round.round} />);
  await screen.findByRole('heading', { level: 1 });
}

resetChairStoreAroundEachTest();

describe('minutes: what makes the result trustworthy', () => {
  test('the seal, the audit head at publication and the head when drawn up, for the signatures', async () => {
    const published = { ...hallStoryExport() };
    const round = { ...published, anchor: { ballotId: 'b1', round: 1, seal: published.result!.seal, head: HEAD } };
    serve(round);
    await open(round);
    const seal = within(screen.getByRole('region', { name: 'Seal' }));
    expect(seal.getByText(/^SHA-256 over everything this result rests on/)).toBeInTheDocument();
    expect(seal.getByText(round.result!.seal)).toBeInTheDocument();
    expect(seal.getByText('Audit log head when the result was published (entry 57):')).toBeInTheDocument();
    expect(seal.getByText(HEAD.hash)).toBeInTheDocument();
    expect(seal.getByText('Audit log head when these minutes were drawn up (entry 61):')).toBeInTheDocument();
    expect(seal.getByText(/compute it again/)).toBeInTheDocument();
  });

  test('an early close and a lowered minimum are notices; the excused and absent are named', async () => {
    const ballot = classificationBallot({
      state: 'closed',
      closedAt: '2024-01-10T08:10:00.000Z',
      earlyCloseMinimum: 3,
    });
    const base = roundExport(ballot, { records: [{ marks: { province: ['good'] } }] });
    const round = {
      ...base,
      result: { ...base.result!, earlyClose: { returned: 3, present: 49, minimum: 3, ruleMinimum: 10 } },
    };
    serve(round);
    await open(round);
    expect(
      screen.getByText(/lowered the ballots required for an early close to 3 \(the rules require 10\)/),
    ).toBeInTheDocument();
    expect(screen.getByText(/Closed early by the chair: 3 of the 49 members present had voted/)).toBeInTheDocument();
    expect(screen.getByText('Absent without an excuse:').parentElement).toHaveTextContent('Đại biểu 50, Đại biểu 51');
  });

  test('ballots cast with badges the chair checked in or re-issued are listed by name, never with a choice', async () => {
    const ballot = classificationBallot({ state: 'closed', closedAt: '2024-01-10T08:10:00.000Z' });
    const round = roundExport(ballot, { records: [{ marks: { province: ['good'] } }] });
    const at = (seq: number, actor: AuditEntry['actor'], action: string, details: AuditEntry['details']) => ({
      ...entry(seq, String(seq)),
      actor,
      action,
      details,
    });
    const cast = (seq: number, delegateId: string) =>
      at(seq, 'delegate', 'vote.cast', { ballotId: round.ballot.id, round: round.round, delegateId });
    serve(
      round,
      [],
      [
        at(1, 'chair', 'attendance.present', { delegateId: 'd3' }),
        at(2, 'delegate', 'attendance.present', { delegateId: 'd5' }),
        at(3, 'chair', 'delegate.reissued', { delegateId: 'd4' }),
        cast(4, 'd3'),
        cast(5, 'd4'),
        cast(6, 'd5'),
      ],
    );
    await open(round);
    const notice = screen.getByText(
      /2 ballot\(s\) were cast with badges the chair checked in or re-issued/,
    ).parentElement;
    expect(notice).toHaveTextContent('Đại biểu 3 (checked in by the chair), Đại biểu 4 (badge re-issued)');
    expect(notice).not.toHaveTextContent('Đại biểu 5');
    expect(notice).not.toHaveTextContent(/good|Good/);
  });

  test('every round of the ballot: a closed, unpublished result stays in the minutes of the re-vote', async () => {
    const first = roundExport(classificationBallot({ state: 'closed', closedAt: '2024-01-10T08:10:00.000Z' }), {
      records: [{ marks: { province: ['good'] } }],
    });
    const cancelled: RoundExport = {
      ...roundExport(classificationBallot({ state: 'cancelled', round: 2 }), { records: [] }),
      result: null,
      destroyed: 4,
    };
    const third = roundExport(
      classificationBallot({ state: 'published', round: 3, closedAt: '2024-01-10T09:10:00.000Z' }),
      { records: [{ marks: { province: ['excellent'] } }] },
    );
    serve(third, [first, cancelled]);
    await open(third);
    const rounds = within(screen.getByRole('region', { name: 'Rounds of this ballot' }));
    expect(rounds.getByText(/^Round 1: closed, result not published · 1 ballots returned/)).toBeInTheDocument();
    expect(
      rounds.getByText(/^Round 2: Cancelled · 4 ballot\(s\) of this round were destroyed unseen/),
    ).toBeInTheDocument();
    expect(rounds.getByText(/^Round 3: Published .*\(these minutes\)$/)).toBeInTheDocument();
  });

  test('the paper bound: paper ballots returned against the members marked as paper voters', async () => {
    const round = roundExport(classificationBallot({ state: 'closed', closedAt: '2024-01-10T08:10:00.000Z' }), {
      records: Array.from({ length: 20 }, () => ({ marks: { province: ['good'] } })),
      paper: { returned: 10, invalid: [], subjects: { province: { counts: { excellent: 10 }, empty: 0 } } },
      paperVoters: 0,
    });
    serve(round);
    await open(round);
    const checks = screen.getByRole('table', { name: 'Checks' });
    const row = within(checks)
      .getByRole('rowheader', { name: /^Paper ballots returned/ })
      .closest('tr')!;
    expect(row).toHaveTextContent('10 > 0');
    expect(row).toHaveTextContent('FAILS');
  });
});
