// The chair console under rules per ballot: the builder picks a preset for one ballot and shows it
// in numbers, batch lines carry proposals, a published confidence rating names each official's band
// and creates the vote of no confidence in one action, and no option is ever shown carried without
// quorum.
import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { CONFIDENCE_LEVELS, DEFAULT_MEETING_SETTINGS, type RoundResult } from '@hallvote/shared';
import { bindChairSocket } from '../../client/src/chair/bind-chair-socket';
import { ChairApp } from '../../client/src/chair/ChairApp';
import { resetChairStoreAroundEachTest } from './support/chair-store-reset';
import { FakeSocket } from './support/fake-socket';
import { chairBallot, chairSnapshot, classificationBallot, hallStoryResult } from './support/fixtures';
import {
  CONFIDENCE,
  councilPresence,
  noConfidenceBallot,
  proposalsBallot,
  proposalsResult,
  ratingBallot,
  ratingResult,
} from './support/rules-fixtures';

let socket: FakeSocket;

function start(snapshot = chairSnapshot()): void {
  socket = new FakeSocket();
  bindChairSocket(socket);
  render(<ChairApp session={{ socket, meetingId: 'm1', chairKey: 'chair-key' }} />);
  socket.serverEmits('snapshot', snapshot);
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const builderRules = () => within(screen.getByRole('region', { name: 'These rules in numbers' }));

resetChairStoreAroundEachTest();

describe('the ballot builder, rules per ballot', () => {
  test("the meeting's preset is chosen by default and shown in numbers", () => {
    start();
    expect(screen.getByLabelText('Rules for this ballot')).toHaveValue('vn-party-classification@2');
    expect(builderRules().getByText('Quorum: 2/3 of eligible = 36 of 53')).toBeInTheDocument();
    expect(builderRules().getByText(/no level carries: votes are cumulated downward/)).toBeInTheDocument();
    expect(builderRules().getByText(/"Excellent" at most 20% of "Good" per group/)).toBeInTheDocument();
  });

  test('a confidence rating: its own ballot, options and bands, each with its legal basis; no majority, no cap', () => {
    start();
    fireEvent.change(screen.getByLabelText('Rules for this ballot'), { target: { value: 'vn-confidence-2023@1' } });
    expect(screen.getByLabelText('Batch classification: a list of subjects')).toBeChecked();
    expect(screen.getByText('On the ballot: High confidence · Confidence · Low confidence')).toBeInTheDocument();
    const rules = builderRules();
    expect(rules.getByText('Confidence vote (Resolution 96/2023/QH15) (version 1)')).toBeInTheDocument();
    // With 49 present, more than half of the ballots returned is at least 25 if all of them vote.
    const firstBand = rules.getByText(/^more than half of ballots returned \(25 votes\): May resign/);
    expect(firstBand).toHaveTextContent('Resolution 96/2023/QH15, Art. 19: more than 1/2, less than 2/3');
    expect(rules.getByText(/^at least 2\/3 of ballots returned \(33 votes\): The nominating body/)).toBeInTheDocument();
    expect(rules.getByText(/Percentages are of ballots returned/)).toHaveTextContent(
      'Resolution 96/2023/QH15, Art. 19: shares of the ballots returned',
    );
    expect(rules.queryByText(/^Adopted:/)).not.toBeInTheDocument();
    expect(rules.queryByText(/cumulated/)).not.toBeInTheDocument();
    expect(rules.queryByText(/per group/)).not.toBeInTheDocument();

    type('Title', 'Lấy phiếu tín nhiệm');
    type('Subjects, one per line', 'Chủ tịch HĐND\nChủ tịch UBND');
    socket.answer('ballot:create', () => ({ ok: true, data: { ballotId: 'r1' } }));
    fireEvent.click(screen.getByRole('button', { name: 'Create ballot' }));
    expect(socket.sent('ballot:create')).toEqual([
      expect.objectContaining({
        kind: 'batch',
        secret: true,
        options: [...CONFIDENCE_LEVELS],
        rules: { id: 'vn-confidence-2023', version: 1 },
      }),
    ]);
  });

  test('an older version of a preset can be chosen for one ballot', () => {
    start();
    fireEvent.change(screen.getByLabelText('Rules for this ballot'), {
      target: { value: 'vn-party-classification@1' },
    });
    expect(
      builderRules().getByText('Party organisation classification (Regulation 124-QĐ/TW) (version 1)'),
    ).toBeInTheDocument();
  });

  test('batch lines carry a proposed level and a score; a level not on the ballot is refused by line', () => {
    start();
    fireEvent.click(screen.getByLabelText('Batch classification: a list of subjects'));
    type('Title', 'Xếp loại chi bộ');
    type('Subjects, one per line', 'Chi bộ 1; HTT; 78,5\nChi bộ 2; heroic');
    fireEvent.click(screen.getByRole('button', { name: 'Create ballot' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Line 2: "heroic" is not a level of this ballot.');
    expect(socket.requests).toEqual([]);

    type('Subjects, one per line', 'Chi bộ 1; HTT; 78,5\nChi bộ 2\tHoàn thành xuất sắc nhiệm vụ\t91');
    socket.answer('ballot:create', () => ({ ok: true, data: { ballotId: 'new' } }));
    fireEvent.click(screen.getByRole('button', { name: 'Create ballot' }));
    expect(socket.sent('ballot:create')[0]?.subjects).toEqual([
      { id: 's1', label: 'Chi bộ 1', proposedLevel: 'good', score: 78.5 },
      { id: 's2', label: 'Chi bộ 2', proposedLevel: 'excellent', score: 91 },
    ]);
  });
});

describe('a published confidence rating', () => {
  const snapshot = (extra = [] as ReturnType<typeof chairBallot>[]) =>
    chairSnapshot({
      meeting: {
        id: 'm1',
        title: 'Kỳ họp HĐND tỉnh',
        rules: CONFIDENCE,
        createdAt: '2024-06-10T07:00:00.000Z',
        settings: DEFAULT_MEETING_SETTINGS,
      },
      presence: councilPresence(),
      ballots: [chairBallot(ratingBallot(), { result: ratingResult() }), ...extra],
    });

  test("names each official's band with its share and consequence, the turnout share and the legal basis", () => {
    start(snapshot());
    fireEvent.click(screen.getByRole('button', { name: /Lấy phiếu tín nhiệm/ }));
    const result = screen.getByRole('region', { name: 'Result' });
    expect(
      within(result).getByText(/^Turnout: 47 ballots returned, 100.00% of eligible members \(47\)/),
    ).toBeInTheDocument();
    expect(
      within(result).getByText('Resolution 96/2023/QH15, Art. 19: shares of the ballots returned'),
    ).toBeInTheDocument();
    const row = within(result).getByRole('row', { name: /Phó Chủ tịch UBND \(1\)/ });
    expect(row).toHaveTextContent('53.19% May resign; otherwise a vote of no confidence at this session or the next');
    const calm = within(result).getByRole('row', { name: /^Chủ tịch HĐND/ });
    expect(calm).toHaveTextContent('2.13% —');
  });

  test('creates the vote of no confidence for that official in one action, then shows it', async () => {
    start(snapshot());
    fireEvent.click(screen.getByRole('button', { name: /Lấy phiếu tín nhiệm/ }));
    socket.answer('ballot:create-follow-up', () => ({ ok: true, data: { ballotId: 'n1' } }));
    fireEvent.click(
      screen.getByRole('button', {
        name: 'Create the follow-up vote: Vote of no confidence (Resolution 96/2023/QH15) (1 subject)',
      }),
    );
    expect(socket.sent('ballot:create-follow-up')).toEqual([
      {
        ballotId: 'r1',
        round: 1,
        optionId: 'low-confidence',
        bandId: 'may-resign',
        title: 'Vote of no confidence (Resolution 96/2023/QH15): Lấy phiếu tín nhiệm',
      },
    ]);
    const draft = chairBallot(noConfidenceBallot({ state: 'draft', round: 0, openedAt: null }));
    socket.serverEmits('console:ballot-updated', { seq: 4, ballot: draft });
    expect(await screen.findByRole('heading', { level: 2, name: draft.title })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open voting' })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: /^Lấy phiếu tín nhiệm/ }));
    expect(screen.getByText(`Follow-up vote created as a draft: ${draft.title}.`)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Create the follow-up vote/ })).not.toBeInTheDocument();
  });

  test('a closed, unpublished rating offers no follow-up yet', () => {
    start(
      chairSnapshot({
        presence: councilPresence(),
        ballots: [chairBallot(ratingBallot({ state: 'closed', publishedAt: null }), { result: ratingResult() })],
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: /Lấy phiếu tín nhiệm/ }));
    expect(screen.queryByRole('button', { name: /Create the follow-up vote/ })).not.toBeInTheDocument();
  });
});

test('proposals beside the result: a level other than proposed, or one the score does not allow, is flagged', () => {
  const ballot = proposalsBallot();
  start(chairSnapshot({ ballots: [chairBallot(ballot, { result: proposalsResult(ballot) })] }));
  fireEvent.click(screen.getByRole('button', { name: /Xếp loại 3 đơn vị/ }));
  const result = screen.getByRole('region', { name: 'Result' });
  expect(within(result).getByRole('columnheader', { name: 'Proposal' })).toBeInTheDocument();
  expect(within(result).getByRole('row', { name: /Đơn vị 1/ })).toHaveTextContent(
    '⚠ proposed: Excellent · score 92 · differs from the proposal',
  );
  expect(within(result).getByRole('row', { name: /Đơn vị 2/ })).toHaveTextContent('proposed: Good · score 75.5');
  expect(within(result).getByRole('row', { name: /Đơn vị 2/ })).not.toHaveTextContent('⚠');
  expect(within(result).getByRole('row', { name: /Đơn vị 3/ })).toHaveTextContent(
    '⚠ score 60 · the score does NOT allow it (at most Completed)',
  );
});

test('without quorum no option is shown carried, even where a result stored by an older build says so', () => {
  // Results tallied before the tally refused it carried `passes: true` beside a no-quorum outcome.
  const ballot = classificationBallot({ state: 'closed' });
  const stored = hallStoryResult(ballot);
  const old: RoundResult = {
    ...stored,
    tally: {
      ...stored.tally,
      quorum: { ...stored.tally.quorum, met: false, present: 30 },
      subjects: stored.tally.subjects.map((s) => ({ ...s, outcome: { type: 'no-quorum' } })),
    },
  };
  expect(old.tally.subjects[0]?.counts.find((c) => c.optionId === 'good')?.passes).toBe(true);
  start(chairSnapshot({ ballots: [chairBallot(ballot, { result: old })] }));
  fireEvent.click(screen.getByRole('button', { name: /Xếp loại Đảng bộ tỉnh năm 2023/ }));
  const table = within(screen.getByRole('region', { name: 'Result' })).getByRole('table');
  expect(within(table).queryByText('✓')).not.toBeInTheDocument();
  expect(table.querySelector('tr.passes')).toBeNull();
  expect(screen.getByText('No quorum when voting closed: there is no outcome.')).toBeInTheDocument();
});
