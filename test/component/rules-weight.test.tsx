// The chair's console under rules that count weight (issue 19): the quorum line and the rules in
// numbers say what the server will decide by, the weight present, not the members' count. Under
// agm-ordinary 3 of 5 members present is more than half of the members, but their 4,000 of 10,000
// shares are not more than half of the shares: the meeting is not quorate, and the console must not
// say it is (it did, counting heads).
import { cleanup, render, screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { RULE_PRESETS, checkQuorum, type PresenceSummary } from '@hallvote/shared';
import { bindChairSocket } from '../../client/src/chair/bind-chair-socket';
import { ChairApp } from '../../client/src/chair/ChairApp';
import { bindProjectorSocket } from '../../client/src/projector/bind-projector-socket';
import { ProjectorApp } from '../../client/src/projector/ProjectorApp';
import { initialProjectorState, projectorStore } from '../../client/src/projector/store';
import { ruleParts } from '../../client/src/ui/rule-parts';
import { resetChairStoreAroundEachTest } from './support/chair-store-reset';
import { FakeSocket } from './support/fake-socket';
import { chairSnapshot, delegates, projectorSnapshot } from './support/fixtures';

const AGM = RULE_PRESETS['agm-ordinary'];

function weighedPresence(presentWeight: number): PresenceSummary {
  const attendance = {
    roster: 5,
    present: 3,
    excusedAbsent: 0,
    weight: { roster: 10_000, present: presentWeight, excusedAbsent: 0 },
  };
  const quorum = checkQuorum(attendance, AGM.quorum, AGM.quorumBy);
  return { roster: 5, present: 3, excusedAbsent: 0, eligible: quorum.eligible, quorum };
}

function start(presentWeight: number): void {
  const socket = new FakeSocket();
  bindChairSocket(socket);
  render(<ChairApp session={{ socket, meetingId: 'm1', chairKey: 'chair-key' }} />);
  const base = chairSnapshot();
  socket.serverEmits(
    'snapshot',
    chairSnapshot({
      meeting: { ...base.meeting, rules: AGM },
      presence: weighedPresence(presentWeight),
      delegates: delegates(5, 3),
    }),
  );
}

resetChairStoreAroundEachTest();

test('3 of 5 members holding 4,000 of 10,000 shares: not quorate by weight, and the console says so in shares', () => {
  start(4_000);
  const status = screen.getAllByRole('status').find((s) => s.classList.contains('quorum-indicator'));
  expect(status).toHaveTextContent('Not quorate by weight: 4,000 present, 5,001 of 10,000 needed');
  expect(status).toHaveClass('not-met');
  expect(status).not.toHaveTextContent(/^Quorate/);
  const rules = within(screen.getByRole('region', { name: 'Rules in numbers' }));
  expect(
    rules.getByText(/Quorum by weight: more than 1\/2 of the eligible weight = 5,001 of 10,000/),
  ).toBeInTheDocument();
  expect(rules.queryByText(/^Quorum: more than 1\/2 of eligible = 3 of 5/)).not.toBeInTheDocument();
  expect(rules.getByText('Votes count by weight (shares or members represented).')).toBeInTheDocument();
  expect(
    rules.getByText(/Proxies are taken.*No limit of proxies per holder\. A holder may split their votes/),
  ).toBeInTheDocument();
});

test('with 6,000 shares present the same console says quorate by weight', () => {
  start(6_000);
  const status = screen.getAllByRole('status').find((s) => s.classList.contains('quorum-indicator'));
  expect(status).toHaveTextContent('Quorate by weight: 6,000 present, 5,001 of 10,000 needed');
  expect(status).toHaveClass('met');
});

test('the parts a weighted preset adds, and none for a preset that counts members', () => {
  const kinds = (id: keyof typeof RULE_PRESETS) => ruleParts(RULE_PRESETS[id], { kind: 'motion' }).map((p) => p.type);
  expect(kinds('agm-ordinary')).toEqual(['quorum', 'counting', 'majority', 'percentages', 'turnout', 'proxies']);
  expect(kinds('double-majority')).toContain('counting');
  expect(kinds('association')).not.toContain('counting');
  expect(kinds('association')).toContain('proxies');
  expect(kinds('simple-majority')).toEqual(['quorum', 'majority', 'percentages', 'turnout']);
  expect(ruleParts(AGM)[0]).toMatchObject({ type: 'quorum', by: 'weight' });
});

test('the projector: 3 of 5 members present, not quorate, and the shares that decide it', () => {
  projectorStore.setState({ ...initialProjectorState(), language: 'en' }, true);
  const socket = new FakeSocket();
  bindProjectorSocket(socket);
  render(<ProjectorApp />);
  socket.serverEmits('snapshot', projectorSnapshot({ presence: weighedPresence(4_000) }));
  const quorum = screen.getByRole('status');
  expect(quorum).toHaveTextContent('Not quorate');
  expect(quorum).toHaveTextContent('Not quorate by weight: 4,000 present, 5,001 of 10,000 needed');
  // "3 of 5 needed" beside "3 present, not quorate" would contradict itself.
  expect(quorum).not.toHaveTextContent('3 of 5 needed');
  cleanup();
  projectorStore.setState(initialProjectorState(), true);
});
