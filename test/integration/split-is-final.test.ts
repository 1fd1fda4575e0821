// A split ballot is final (issue 19, attack review): on an open ballot that takes changed votes, a
// holder who split H + G1 + G2 could vote again for G1 (counted twice: the split's head and the new
// vote) or for themself (the tally kept the old split while the named vote showed the new one).
// Now every vote the split carried, the holder's own included, is refused ALREADY_VOTED, and so is
// a second split; and verify compares the voters with the records even in a round with a split,
// and checks each split's total against the members it carried.
import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  AUDIT_GENESIS,
  auditHashInput,
  tally,
  type AuditEntry,
  type ChairSnapshot,
  type CreateMeetingResponse,
  type MeetingExport,
  type NamedVote,
  type RoundExport,
} from '@hallvote/shared';
import { verifyExport } from '../../server/src/features/exports/verify-export';
import { motionBallot } from '../support/ballots';
import { startHarness, type Harness } from '../support/harness';
import { okData, request } from '../support/request';
import { resealRound } from '../support/reseal';

let h: Harness;
const errorOf = (ack: unknown) => ack as { ok: false; error: string; params?: Record<string, unknown> };
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const mutable = <T>(value: T): { -readonly [K in keyof T]: T[K] } => value;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(async () => {
  await h.stop();
  h.cleanup();
});

/** An association meeting (heads, splits allowed): H holds the proxies of G1 and G2; B votes himself. */
async function splitMeeting() {
  const meeting: CreateMeetingResponse = await h.createMeeting({
    rulePresetId: 'association',
    rosterCsv: ['name', 'H', 'B', 'G1', 'G2'].join('\n'),
  });
  const chair = (await h.chair(meeting)).socket;
  const snap = okData(await request(chair, 'sync:request', {})) as ChairSnapshot;
  const [holder, b, g1, g2] = snap.delegates.map((d) => d.id) as [string, string, string, string];
  const tokens = h.tokens(meeting.meetingId);
  const phoneH = (await h.delegate(tokens[0]!)).socket;
  const phoneB = (await h.delegate(tokens[1]!)).socket;
  okData(await request(chair, 'proxy:grant', { grantorId: g1, holderId: holder }));
  okData(await request(chair, 'proxy:grant', { grantorId: g2, holderId: holder }));
  const { ballotId } = okData(await request(chair, 'ballot:create', motionBallot({ allowChange: true })));
  okData(await request(chair, 'ballot:open', { ballotId }));
  okData(
    await request(phoneH, 'vote:cast-split', {
      ballotId,
      round: 1,
      voteId: randomUUID(),
      members: [holder, g1, g2],
      rows: { motion: { yes: 2, no: 1 } },
    }),
  );
  const cast = (forDelegateId: string | null, option: string) =>
    request(phoneH, 'vote:cast', {
      ballotId,
      round: 1,
      voteId: randomUUID(),
      ...(forDelegateId ? { forDelegateId } : {}),
      marks: { motion: [option] },
    });
  return { meeting, chair, phoneH, phoneB, ballotId, holder, b, g1, g2, cast };
}

async function exportOf(meeting: CreateMeetingResponse): Promise<MeetingExport> {
  const res = await fetch(`${h.url}/api/meetings/${meeting.meetingId}/export.json`, {
    headers: { authorization: `Bearer ${meeting.chairKey}` },
  });
  return (await res.json()) as MeetingExport;
}

const countsOf = (result: {
  tally: { subjects: readonly { counts: readonly { optionId: string; votes: number }[] }[] };
}) => result.tally.subjects[0]!.counts.map((o) => [o.optionId, o.votes]);

describe('after a split on an open ballot that takes changed votes', () => {
  test('a vote for a member the split carried is refused ALREADY_VOTED: nobody is counted twice', async () => {
    const { chair, ballotId, g1, g2, cast } = await splitMeeting();
    expect(errorOf(await cast(g1, 'yes'))).toMatchObject({ error: 'ALREADY_VOTED', params: { split: true } });
    expect(errorOf(await cast(g2, 'no')).error).toBe('ALREADY_VOTED');
    const result = okData(await request(chair, 'ballot:close', { ballotId }));
    expect(countsOf(result)).toEqual([
      ['yes', 2],
      ['no', 1],
      ['not-voting', 0],
    ]);
    expect(result.tally.ballots.returned).toBe(3);
  });

  test("the holder's own vote after the split is refused: the tally and the named votes stay the split", async () => {
    const { meeting, chair, phoneH, ballotId, holder, g1, cast } = await splitMeeting();
    expect(errorOf(await cast(null, 'no'))).toMatchObject({ error: 'ALREADY_VOTED', params: { split: true } });
    // A second split is refused too.
    const again = await request(phoneH, 'vote:cast-split', {
      ballotId,
      round: 1,
      voteId: randomUUID(),
      members: [holder, g1],
      rows: { motion: { no: 2 } },
    });
    expect(errorOf(again)).toMatchObject({ error: 'ALREADY_VOTED', params: { split: true } });
    const result = okData(await request(chair, 'ballot:close', { ballotId }));
    expect(countsOf(result)).toEqual([
      ['yes', 2],
      ['no', 1],
      ['not-voting', 0],
    ]);
    const named = (await exportOf(meeting)).rounds[0]!.namedVotes!;
    expect(named).toHaveLength(1);
    expect(named[0]).toMatchObject({ delegateId: holder, split: { unit: 'heads', total: 3 } });
  });
});

/** Recomputes every hash of the chain after entries were changed: a forger who holds the whole file. */
function rechain(audit: AuditEntry[]): void {
  let prev = AUDIT_GENESIS;
  audit.forEach((entry, i) => {
    const seq = i + 1;
    const hash = sha256(auditHashInput({ ...entry, seq }, prev));
    audit[i] = { ...entry, seq, prevHash: prev, hash };
    prev = hash;
  });
}

/** The round's tally recomputed from its (changed) records, resealed, the log's seal entries and chain redone. */
function forge(data: MeetingExport, r: { -readonly [K in keyof RoundExport]: RoundExport[K] }): void {
  mutable(r.result!).tally = tally({
    rules: r.rules,
    ballot: { kind: r.ballot.kind, subjects: r.ballot.subjects, options: r.ballot.options },
    attendance: r.result!.tally.attendance,
    issued: r.issued,
    records: r.records.map((marks) => ({ marks })),
    paperVoters: r.paperVoters,
  });
  const before = r.result!.seal;
  const after = resealRound(data, r);
  const audit = data.audit.map((e) =>
    e.details.seal === before ? { ...e, details: { ...e.details, seal: after } } : e,
  );
  rechain(audit);
  mutable(data).audit = audit;
}

describe('verify, in a round with a split', () => {
  test('a member counted twice (the split and a vote of their own) is reported, the seal and chain redone', async () => {
    const { meeting, chair, phoneB, ballotId, holder, g1 } = await splitMeeting();
    okData(await request(phoneB, 'vote:cast', { ballotId, round: 1, voteId: randomUUID(), marks: { motion: ['no'] } }));
    okData(await request(chair, 'ballot:close', { ballotId }));
    const clean = await exportOf(meeting);
    expect(verifyExport(clean).findings.filter((f) => !f.ok)).toEqual([]);

    // What the old server stored: G1's vote again, cast by H, beside the split that carried it.
    const data = structuredClone(clean);
    const r = mutable(data.rounds[0]!);
    const g1Name = clean.delegates.find((d) => d.id === g1)!.name;
    // (a no, so that the outcome the log closed it with stays the same: rejected)
    const extra: NamedVote = { delegateId: g1, name: g1Name, marks: { motion: ['no'] }, castBy: holder };
    r.namedVotes = [...r.namedVotes!, extra];
    r.records = [...r.records, { motion: ['no'] }];
    forge(data, r);
    const failed = verifyExport(data).findings.filter((f) => !f.ok);
    expect(failed.map((f) => f.detail).join('\n')).toMatch(/twice/);
    expect(failed.map((f) => f.detail).join('\n')).toMatch(/votes in the log/);
  });

  test("a split's total that is not the members it carried is reported", async () => {
    const { meeting, chair, phoneB, ballotId } = await splitMeeting();
    okData(await request(phoneB, 'vote:cast', { ballotId, round: 1, voteId: randomUUID(), marks: { motion: ['no'] } }));
    okData(await request(chair, 'ballot:close', { ballotId }));
    const data = structuredClone(await exportOf(meeting));
    const r = mutable(data.rounds[0]!);
    // The split claims 4 heads for H + G1 + G2: one no more (the outcome stays: rejected).
    r.namedVotes = r.namedVotes!.map((v) =>
      v.split ? { ...v, split: { ...v.split, total: 4, rows: { motion: { yes: 2, no: 2 } } } } : v,
    );
    r.records = [...r.records, { motion: ['no'] }];
    forge(data, r);
    const failed = verifyExport(data).findings.filter((f) => !f.ok);
    expect(failed.map((f) => f.detail).join('\n')).toMatch(/split of 4 .* carries 3/);
  });
});
