// The design's second story through the socket API (told without a server in
// test/unit/tally/confidence-story.test.ts): a People's Council of 47 rates 7 officials on one
// secret batch ballot under NQ 96/2023/QH15; one official has 25 "low confidence" of 47, in the
// band between half and two thirds; the chair creates the follow-up vote of no confidence for that
// official in one action, opens it, the council votes, and the result decides.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CONFIDENCE_LEVELS,
  NO_CONFIDENCE_OPTIONS,
  type ChairBallotView,
  type ChairSnapshot,
  type CreateMeetingResponse,
  type RoundExport,
  type RoundResult,
} from '@hallvote/shared';
import { nextEvent, rosterCsv, startHarness, type Harness } from '../support/harness';
import { okData, request, type Client } from '../support/request';

let h: Harness;
let meeting: CreateMeetingResponse;
let chair: Client;
const phones: Client[] = [];

const OFFICIALS = [
  'Chủ tịch HĐND',
  'Phó Chủ tịch HĐND',
  'Chủ tịch UBND',
  'Phó Chủ tịch UBND (1)',
  'Phó Chủ tịch UBND (2)',
  'Trưởng Ban Pháp chế',
  'Trưởng Ban Kinh tế - Ngân sách',
].map((label, i) => ({ id: `o${i + 1}`, label }));

// Per official, how the 47 ballots rate them (the unit test's numbers); o7 has one row left blank.
const RATINGS: Record<string, Record<string, number>> = {
  o1: { 'high-confidence': 40, confidence: 6, 'low-confidence': 1 },
  o2: { 'high-confidence': 35, confidence: 10, 'low-confidence': 2 },
  o3: { 'high-confidence': 30, confidence: 12, 'low-confidence': 5 },
  o4: { 'high-confidence': 10, confidence: 12, 'low-confidence': 25 },
  o5: { 'high-confidence': 20, confidence: 15, 'low-confidence': 12 },
  o6: { 'high-confidence': 38, confidence: 9 },
  o7: { 'high-confidence': 33, confidence: 13 },
};

/** Phone i's marks: for each subject, the option its i-th ballot carries (none past the counts). */
function marksOf(ratings: Record<string, Record<string, number>>, i: number): Record<string, string[]> {
  const marks: Record<string, string[]> = {};
  for (const [subject, counts] of Object.entries(ratings)) {
    const column = Object.entries(counts).flatMap(([option, n]) => Array<string>(n).fill(option));
    const option = column[i];
    if (option !== undefined) marks[subject] = [option];
  }
  return marks;
}

async function voteAll(ballotId: string, ratings: Record<string, Record<string, number>>): Promise<void> {
  const acks = await Promise.all(
    phones.map((phone, i) =>
      request(phone, 'vote:cast', { ballotId, round: 1, voteId: randomUUID(), marks: marksOf(ratings, i) }),
    ),
  );
  acks.forEach(okData);
}

let ratingId: string;
let rating: RoundResult;

beforeAll(async () => {
  h = await startHarness();
  meeting = await h.createMeeting({
    title: 'Kỳ họp HĐND tỉnh',
    rulePresetId: 'vn-confidence-2023',
    rosterCsv: rosterCsv(47),
  });
  chair = (await h.chair(meeting)).socket;
  for (const token of h.tokens(meeting.meetingId)) phones.push((await h.delegate(token)).socket);
});

afterAll(async () => {
  await h.stop();
  h.cleanup();
});

describe("the People's Council confidence vote", () => {
  test('the rating: 7 officials on one secret batch ballot; one falls in the band "may resign"', async () => {
    ratingId = okData(
      await request(chair, 'ballot:create', {
        title: 'Lấy phiếu tín nhiệm',
        kind: 'batch',
        secret: true,
        subjects: OFFICIALS,
        options: [...CONFIDENCE_LEVELS],
        rules: { id: 'vn-confidence-2023', version: 1 },
      }),
    ).ballotId;
    okData(await request(chair, 'ballot:open', { ballotId: ratingId }));
    await voteAll(ratingId, RATINGS);
    rating = okData(await request(chair, 'ballot:close', { ballotId: ratingId }));

    expect(rating.tally.rules).toMatchObject({ id: 'vn-confidence-2023', version: 1 });
    expect(rating.tally.ballots).toMatchObject({ issued: 47, returned: 47, valid: 47, invalid: 0 });
    expect(rating.tally.turnout).toMatchObject({ returned: 47, percent: { text: '100.00' } });
    expect(rating.tally.subjects.map((s) => s.bands[0]?.band?.id ?? '-')).toEqual([
      '-',
      '-',
      '-',
      'may-resign',
      '-',
      '-',
      '-',
    ]);
    const o4 = rating.tally.subjects[3];
    expect(o4?.outcome).toEqual({ type: 'banded' });
    expect(o4?.bands[0]).toMatchObject({
      votes: 25,
      base: { name: 'returned', value: 47 },
      percent: { text: '53.19' },
    });
    expect(o4?.counts.every((c) => !c.passes)).toBe(true);
    expect(rating.tally.basis.percentages?.article?.vi).toBe('Điều 19');
    okData(await request(chair, 'ballot:publish', { ballotId: ratingId }));
  });

  let followUpId: string;

  test('one action creates the vote of no confidence for that official, as a draft under its own rules', async () => {
    const drafted = nextEvent(chair, 'console:ballot-updated', (e) => e.ballot.id !== ratingId);
    followUpId = okData(
      await request(chair, 'ballot:create-follow-up', {
        ballotId: ratingId,
        round: 1,
        optionId: 'low-confidence',
        bandId: 'may-resign',
        title: 'Bỏ phiếu tín nhiệm',
      }),
    ).ballotId;
    const [{ ballot }] = await drafted;
    expect(ballot).toMatchObject({
      id: followUpId,
      title: 'Bỏ phiếu tín nhiệm',
      state: 'draft',
      kind: 'batch',
      secret: true,
      subjects: [{ id: 'o4', label: 'Phó Chủ tịch UBND (1)' }],
      options: [...NO_CONFIDENCE_OPTIONS],
      rules: { id: 'vn-no-confidence-2023', version: 1 },
      followUpOf: { ballotId: ratingId, round: 1, optionId: 'low-confidence', bandId: 'may-resign' },
    } satisfies Partial<ChairBallotView>);
  });

  test('the same follow-up is not created twice', async () => {
    const before = (okData(await request(chair, 'sync:request', {})) as ChairSnapshot).ballots.length;
    const again = await request(chair, 'ballot:create-follow-up', {
      ballotId: ratingId,
      round: 1,
      optionId: 'low-confidence',
      bandId: 'may-resign',
      title: 'Bỏ phiếu tín nhiệm',
    });
    expect(again).toMatchObject({ ok: false, error: 'CONFLICT' });
    expect((okData(await request(chair, 'sync:request', {})) as ChairSnapshot).ballots).toHaveLength(before);
  });

  test('a band the result did not reach, or a round not yet published, calls for no follow-up', async () => {
    const unreached = await request(chair, 'ballot:create-follow-up', {
      ballotId: ratingId,
      round: 1,
      optionId: 'low-confidence',
      bandId: 'dismissal',
      title: 'Bỏ phiếu tín nhiệm',
    });
    expect(unreached).toMatchObject({ ok: false, error: 'CONFLICT' });
    const noRound = await request(chair, 'ballot:create-follow-up', {
      ballotId: ratingId,
      round: 2,
      optionId: 'low-confidence',
      bandId: 'may-resign',
      title: 'Bỏ phiếu tín nhiệm',
    });
    expect(noRound).toMatchObject({ ok: false, error: 'NOT_FOUND' });
  });

  test('opened, voted and decided: 24 "no confidence" of 47 ballots is more than half, dismissal is proposed', async () => {
    okData(await request(chair, 'ballot:open', { ballotId: followUpId }));
    await voteAll(followUpId, { o4: { 'no-confidence': 24, confidence: 23 } });
    const closed = okData(await request(chair, 'ballot:close', { ballotId: followUpId }));
    expect(closed.tally.rules).toMatchObject({ id: 'vn-no-confidence-2023', version: 1 });
    const [subject] = closed.tally.subjects;
    expect(subject?.outcome).toEqual({ type: 'banded' });
    expect(subject?.bands[0]).toMatchObject({
      optionId: 'no-confidence',
      votes: 24,
      percent: { text: '51.06' },
      band: { id: 'dismissal', consequence: { en: 'The nominating body proposes dismissal' } },
    });
    okData(await request(chair, 'ballot:publish', { ballotId: followUpId }));

    const res = await fetch(`${h.url}/api/meetings/${meeting.meetingId}/rounds/${followUpId}/1.json`, {
      headers: { authorization: `Bearer ${meeting.chairKey}` },
    });
    const exported = (await res.json()) as RoundExport;
    // The minutes are drawn up from the export: its rules are the ballot's, not the meeting's.
    expect(exported.rules).toMatchObject({ id: 'vn-no-confidence-2023', version: 1 });
    expect(exported.ballot.followUpOf).toMatchObject({ ballotId: ratingId, bandId: 'may-resign' });
  });
});
