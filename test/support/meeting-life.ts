// A meeting's whole life through the public API, touching every kind of write the store has (see
// server/src/store/store.ts): roster import, additions, edits and removal, attendance, a secret
// ballot voted on the phone and on paper, paper totals before and after the close, publishing, an
// open ballot whose vote is changed and re-sent, a cancel, and the audit log read back.
import { randomUUID } from 'node:crypto';
import { classificationBallot, motionBallot } from './ballots';
import { rosterCsv, rosterLines, type Harness } from './harness';
import { okData, request } from './request';

export async function runMeetingLife(h: Harness): Promise<void> {
  const meeting = await h.createMeeting({ rosterCsv: rosterCsv(3) });
  const chair = (await h.chair(meeting)).socket;
  okData(await request(chair, 'roster:import', { lines: rosterLines(rosterCsv(4)), mode: 'replace' }));
  const { delegateId: added } = okData(
    await request(chair, 'delegate:add', { name: 'Added', position: 'Unit', group: 'A' }),
  );
  okData(await request(chair, 'delegate:update', { delegateId: added, name: 'Added, renamed' }));
  okData(await request(chair, 'delegate:remove', { delegateId: added }));

  const [first, second, third, fourth] = h.tokens(meeting.meetingId);
  const phone = (await h.delegate(first!)).socket;
  const secondPhone = (await h.delegate(second!)).socket;
  await h.delegate(third!);
  const onPaper = [...h.app.hall.meetings.get(meeting.meetingId)!.delegates.values()].find((d) => d.token === fourth)!;
  okData(await request(chair, 'attendance:mark', { delegateId: onPaper.id, status: 'present' }));

  // Three ballots of four members, two of them online: closed early, as a small body may after
  // lowering the minimum (which counts online ballots only).
  const secret = okData(await request(chair, 'ballot:create', classificationBallot({ earlyCloseMinimum: 2 }))).ballotId;
  okData(await request(chair, 'ballot:open', { ballotId: secret }));
  const vote = { ballotId: secret, round: 1, voteId: randomUUID(), marks: { province: ['good'] } };
  okData(await request(phone, 'vote:cast', vote));
  okData(await request(secondPhone, 'vote:cast', { ...vote, voteId: randomUUID() }));
  okData(await request(chair, 'paper:mark-voted', { ballotId: secret, delegateId: onPaper.id }));
  const paper = { returned: 1, invalid: [], subjects: { province: { counts: { good: 1 }, empty: 0 } } };
  okData(await request(chair, 'paper:record-totals', { ballotId: secret, round: 1, totals: paper }));
  okData(await request(chair, 'ballot:close', { ballotId: secret }));
  okData(await request(chair, 'paper:record-totals', { ballotId: secret, round: 1, totals: paper }));
  okData(await request(chair, 'ballot:publish', { ballotId: secret }));

  const open = okData(await request(chair, 'ballot:create', motionBallot())).ballotId;
  okData(await request(chair, 'ballot:open', { ballotId: open }));
  const motion = { ballotId: open, round: 1 };
  okData(await request(phone, 'vote:cast', { ...motion, voteId: randomUUID(), marks: { motion: ['yes'] } }));
  const changed = { ...motion, voteId: randomUUID(), marks: { motion: ['no'] } };
  okData(await request(phone, 'vote:cast', changed));
  okData(await request(phone, 'vote:cast', changed));
  okData(await request(chair, 'ballot:cancel', { ballotId: open }));
  okData(await request(chair, 'audit:list', {}));
}
