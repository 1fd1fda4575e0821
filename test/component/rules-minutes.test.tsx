// The minutes under rules per ballot: they print the rule set the round was tallied under with its
// sources and only the parts that apply (no cumulating down or cap under an election, no majority
// under a confidence rating), the turnout share, every further base, each subject's band with its
// consequence, the legal basis next to the numbers it governs, and every proposal held against the
// level adopted.
import { render, screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { DEFAULT_MEETING_SETTINGS, RULE_PRESETS, type MeetingExport, type RoundExport } from '@hallvote/shared';
import { MinutesPage } from '../../client/src/chair/minutes/MinutesPage';
import { resetChairStoreAroundEachTest } from './support/chair-store-reset';
import { stubFetch } from './support/fetch-stub';
import { RULES, batchExport, classificationBallot } from './support/fixtures';
import {
  CONFIDENCE,
  approvalBallot,
  approvalResult,
  exportOf,
  proposalsBallot,
  proposalsResult,
  ratingBallot,
  ratingResult,
  resultOf,
} from './support/rules-fixtures';

function meetingExport(round: RoundExport): MeetingExport {
  return {
    format: 'hallvote-export',
    version: 1,
    exportedAt: '2024-06-10T09:20:00.000Z',
    meeting: {
      id: 'm1',
      title: 'Kỳ họp',
      rules: RULES,
      createdAt: '2024-06-10T07:00:00.000Z',
      settings: DEFAULT_MEETING_SETTINGS,
    },
    delegates: [],
    rounds: [round],
    audit: [],
  };
}

async function open(round: RoundExport): Promise<void> {
  stubFetch({
    [`/api/meetings/m1/rounds/${round.ballot.id}/1.json`]: round,
    '/api/meetings/m1/export.json': meetingExport(round),
  });
  render(<MinutesPage meetingId="m1" chairKey="chair-key" ballotId={round.ballot.id} round={round.round} />);
  await screen.findByRole('heading', { level: 1 });
}

const rulesApplied = () => within(screen.getByRole('region', { name: 'Rules applied' }));

resetChairStoreAroundEachTest();

describe("a confidence rating's minutes", () => {
  const round = () => exportOf(ratingBallot(), CONFIDENCE, ratingResult());

  test('the rules that apply: quorum, the bands with their basis, shares of the ballots returned; no majority, no cap', async () => {
    await open(round());
    const rules = rulesApplied();
    expect(rules.getByText(/^Rule set:/).parentElement).toHaveTextContent(
      'Confidence vote (Resolution 96/2023/QH15) (vn-confidence-2023, version 1)',
    );
    expect(rules.getByText(/^Legal sources:/).parentElement).toHaveTextContent(
      'Resolution 96/2023/QH15 of 23 June 2023',
    );
    expect(rules.getByText(/^more than half of ballots returned: May resign/)).toHaveTextContent(
      '(Resolution 96/2023/QH15, Art. 19: more than 1/2, less than 2/3)',
    );
    expect(
      rules.getByText(/^at least 2\/3 of ballots returned: The nominating body proposes dismissal/),
    ).toBeInTheDocument();
    expect(rules.queryByText(/An option carries/)).not.toBeInTheDocument();
    expect(rules.queryByText(/^Cap:/)).not.toBeInTheDocument();
    expect(rules.queryByText(/each higher level's votes/)).not.toBeInTheDocument();
  });

  test("the turnout share with its base, and each official's band and consequence", async () => {
    await open(round());
    expect(screen.getByText(/^Turnout: 47 ballots returned, 100.00% of eligible members \(47\)/)).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Results' });
    expect(within(table).getByRole('columnheader', { name: 'Band and consequence' })).toBeInTheDocument();
    const row = within(table).getByRole('rowheader', { name: 'Phó Chủ tịch UBND (1)' }).closest('tr') as HTMLElement;
    expect(row).toHaveTextContent('May resign; otherwise a vote of no confidence at this session or the next');
    expect(row).toHaveTextContent('53.19%');
    const results = within(screen.getByRole('region', { name: 'Results' }));
    expect(results.getByText('Resolution 96/2023/QH15, Art. 19: shares of the ballots returned')).toBeInTheDocument();
  });
});

test("an election held under a classification meeting's rules names no cumulating down and no cap", async () => {
  const ballot = classificationBallot({
    id: 'el',
    title: 'Bầu Ban Thường vụ',
    kind: 'election',
    seats: 1,
    subjects: [{ id: 'election', label: 'Bầu Ban Thường vụ' }],
    options: [
      { id: 'c1', label: 'Ứng viên 1' },
      { id: 'c2', label: 'Ứng viên 2' },
    ],
    state: 'published',
  });
  const records = Array.from({ length: 49 }, (_, i) => ({ marks: { election: [i < 30 ? 'c1' : 'c2'] } }));
  const result = resultOf(ballot, RULES, records, { roster: 53, present: 49, excusedAbsent: 0 });
  await open(exportOf(ballot, RULES, result));
  const rules = rulesApplied();
  expect(rules.getByText(/An option carries with more than half of eligible members/)).toBeInTheDocument();
  expect(rules.queryByText(/^Cap:/)).not.toBeInTheDocument();
  expect(rules.queryByText(/each higher level's votes/)).not.toBeInTheDocument();
  expect(rules.getByText(/An election ballot that keeps no name .* is invalid/)).toBeInTheDocument();
});

test('the classification batch keeps its cap, and the cap warning says "and above" when the rule counts so', async () => {
  const round = batchExport(5);
  const rules = {
    ...RULE_PRESETS['vn-party-classification'],
    caps: [
      { top: 'excellent', reference: 'good', rate: { num: 1, den: 5 }, denominator: 'reference-and-above' as const },
    ],
  };
  const ballot = { ...round.ballot };
  const view = classificationBallot({ ...ballot, id: ballot.id, state: 'closed' });
  const result = resultOf(
    view,
    rules,
    round.records.map((marks) => ({ marks })),
    {
      roster: 53,
      present: 49,
      excusedAbsent: 0,
    },
  );
  await open(exportOf(view, rules, result));
  expect(rulesApplied().getByText(/^Cap: "Excellent" at most 20% of "Good" and above per group/)).toBeInTheDocument();
  const warnings = within(screen.getByRole('region', { name: 'Warnings and acknowledgement' }));
  expect(
    warnings.getByText(/2 × "Excellent", but at most 1 allowed \(20% of 5 × "Good" and above\)/),
  ).toBeInTheDocument();
});

test('a nominee approved under QĐ 190: shares of valid ballots and of all members convened, with their basis', async () => {
  const ballot = approvalBallot();
  await open(exportOf(ballot, RULE_PRESETS['vn-party-election'], approvalResult(ballot)));
  const table = screen.getByRole('table', { name: 'Đồng chí Nguyễn Văn A' });
  expect(
    within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent),
  ).toEqual(['Option', 'Online', 'Paper', 'Total', '% of valid ballots (49)', '% of eligible members (53)', 'Carries']);
  const agree = within(table).getByRole('rowheader', { name: 'Agree' }).closest('tr') as HTMLElement;
  expect(
    within(agree)
      .getAllByRole('cell')
      .map((c) => c.textContent),
  ).toEqual(['30', '0', '30', '61.22', '56.60', '✓']);
  expect(screen.getByText(/To carry: more than half of eligible members \(53\)/)).toHaveTextContent(
    'Decision 190-QĐ/TW (Party election rules), Art. 30: more than half of the members (delegates) convened',
  );
});

test('every proposal held against the level adopted; a departure and a score that does not allow it are flagged', async () => {
  const ballot = proposalsBallot();
  await open(exportOf(ballot, RULES, proposalsResult(ballot)));
  const proposals = within(
    screen.getByRole('heading', { name: 'Proposed levels and scores' }).parentElement as HTMLElement,
  );
  expect(proposals.getByText('2 subjects depart from their proposal or their score (marked ⚠).')).toBeInTheDocument();
  const item = (name: string) => proposals.getByText(name).closest('li') as HTMLElement;
  expect(item('Đơn vị 1')).toHaveTextContent(
    'Đơn vị 1: proposed: Excellent · score 92 · adopted: Good · ⚠ differs from the proposal · the score allows Excellent at most',
  );
  expect(item('Đơn vị 1')).toHaveClass('flagged');
  expect(item('Đơn vị 2')).not.toHaveClass('flagged');
  expect(item('Đơn vị 3')).toHaveTextContent(
    'score 60 · adopted: Good · ⚠ the score does NOT allow it (at most Completed)',
  );
  expect(proposals.getByText('Regulation 366-QĐ/TW, Art. 11: levels by a 100-point score')).toBeInTheDocument();
  expect(
    rulesApplied().getByText(/^Levels by score \(out of 100\): Excellent from 90, Good from 70/),
  ).toBeInTheDocument();
});
