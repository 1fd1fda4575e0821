// Issue 15: "the audit log and the minutes say so". A member added while a round is open is named
// in the audit log with the rounds they are not in; a group check-in is one entry naming its
// members; the round's minutes count the members added after it opened, apart from its base.
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { expect, test } from 'vitest';
import { DEFAULT_MEETING_SETTINGS, type AuditEntry, type MeetingExport, type RoundExport } from '@hallvote/shared';
import { bindChairSocket } from '../../client/src/chair/bind-chair-socket';
import { ChairApp } from '../../client/src/chair/ChairApp';
import { MinutesPage } from '../../client/src/chair/minutes/MinutesPage';
import { resetChairStoreAroundEachTest } from './support/chair-store-reset';
import { FakeSocket } from './support/fake-socket';
import { stubFetch } from './support/fetch-stub';
import {
  RULES,
  auditEntries,
  chairBallot,
  chairSnapshot,
  classificationBallot,
  delegates,
  hallStoryExport,
} from './support/fixtures';

resetChairStoreAroundEachTest();

test('the audit log names a latecomer, the round they are not in, and a group checked in together', async () => {
  const [created] = auditEntries();
  const entry = (seq: number, action: string, details: AuditEntry['details']): AuditEntry => ({
    ...created!,
    seq,
    actor: 'chair',
    action,
    details,
  });
  const entries = [
    entry(5, 'attendance.present-many', { group: 'A', delegateIds: ['d1', 'd3'] }),
    entry(4, 'delegate.added', { delegateId: 'd54', notInRounds: [{ ballotId: 'b1', round: 1 }] }),
  ];
  const socket = new FakeSocket();
  socket.answer('audit:list', () => ({ ok: true, data: entries }));
  bindChairSocket(socket);
  render(<ChairApp session={{ socket, meetingId: 'm1', chairKey: 'chair-key' }} />);
  const roster = [
    ...delegates(53, 49),
    { ...delegates(54, 0)[53]!, name: 'Trần Thị Muộn', attendance: 'absent' as const },
  ];
  act(() =>
    socket.serverEmits(
      'snapshot',
      chairSnapshot({ delegates: roster, ballots: [chairBallot(classificationBallot())] }),
    ),
  );

  fireEvent.click(screen.getByRole('tab', { name: 'Audit log' }));
  const table = await screen.findByRole('table');
  const details = within(table)
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('cell')[4]?.textContent);
  const title = classificationBallot().title;
  expect(details).toEqual([
    'group: A · members: Đại biểu 1, Đại biểu 3',
    `member: Trần Thị Muộn · not voting in: ${title} (1)`,
  ]);
});

test('the minutes count the members added after the round opened, only when there are any', async () => {
  const round: RoundExport = { ...hallStoryExport(), lateMembers: ['d54', 'd55'] };
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
    delegates: [],
    rounds: [round],
    audit: [],
  };
  stubFetch({ '/api/meetings/m1/rounds/b1/1.json': round, '/api/meetings/m1/export.json': meeting });
  render(<MinutesPage meetingId="m1" chairKey="chair-key" ballotId="b1" round={1} />);
  await screen.findByRole('heading', { level: 1 });
  const attendance = screen.getByRole('heading', { name: 'Attendance and quorum' }).parentElement as HTMLElement;
  const row = within(attendance).getByRole('rowheader', { name: /^Added to the roster after this round opened/ });
  expect(within(row.closest('tr') as HTMLElement).getByRole('cell')).toHaveTextContent('2');
  // The base is the round's own: 53 convened, not 55.
  const convened = within(attendance).getByRole('rowheader', { name: 'Members convened (roster)' });
  expect(within(convened.closest('tr') as HTMLElement).getByRole('cell')).toHaveTextContent('53');
});
