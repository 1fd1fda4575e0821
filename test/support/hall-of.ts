// A meeting with a roster of `roster` members, `phones` of whom join by their badges and
// `byChair` more the chair marks present (paper attendance), for the attack tests of issue 12.
import { randomUUID } from 'node:crypto';
import type { CreateMeetingResponse, Marks, MyVote } from '@hallvote/shared';
import { rosterCsv, type Harness } from './harness';
import { okData, request, type Client } from './request';

export interface Phone {
  readonly socket: Client;
  readonly delegateId: string;
  readonly token: string;
}

export interface HallOf {
  readonly meeting: CreateMeetingResponse;
  readonly chair: Client;
  readonly phones: readonly Phone[];
  /** Delegates marked present by the chair, in roster order after the phones. */
  readonly byChair: readonly string[];
  /** Every delegate id in roster order. */
  readonly delegateIds: readonly string[];
}

export async function hallOf(
  h: Harness,
  options: { rulePresetId?: string; roster: number; phones: number; byChair?: number },
): Promise<HallOf> {
  const meeting = await h.createMeeting({
    rulePresetId: options.rulePresetId ?? 'vn-party-classification',
    rosterCsv: rosterCsv(options.roster),
  });
  const chair = (await h.chair(meeting)).socket;
  const state = h.app.hall.meetings.get(meeting.meetingId);
  if (!state) throw new Error('meeting not loaded');
  const delegates = [...state.delegates.values()].sort((a, b) => a.ordinal - b.ordinal);
  const phones: Phone[] = [];
  for (const d of delegates.slice(0, options.phones))
    phones.push({ socket: (await h.delegate(d.token)).socket, delegateId: d.id, token: d.token });
  const byChair = delegates.slice(options.phones, options.phones + (options.byChair ?? 0)).map((d) => d.id);
  for (const delegateId of byChair) okData(await request(chair, 'attendance:mark', { delegateId, status: 'present' }));
  return { meeting, chair, phones, byChair, delegateIds: delegates.map((d) => d.id) };
}

/** One vote from a phone; the ack's data. */
export async function vote(phone: Phone, ballotId: string, round: number, marks: Marks): Promise<MyVote> {
  return okData(await request(phone.socket, 'vote:cast', { ballotId, round, voteId: randomUUID(), marks }));
}
