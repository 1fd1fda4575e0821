// Attack 4 of issue 12: seven kinds of tampered export that `verify` used to accept. A meeting
// under national-assembly (more than half of all 12 members) with a secret ballot, a named motion
// (6 yes, 6 no: rejected) and a motion voted on again; every result published. Each tamper below
// must be reported; the ones that rewrite the whole audit chain are caught against the head a
// phone kept from the last publication (`--head`).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RULE_PRESETS, tally, type MeetingExport, type RoundExport, type RuleSet } from '@hallvote/shared';
import { verifyExport } from '../../server/src/features/exports/verify-export';
import { classificationBallot, motionBallot } from '../support/ballots';
import { hallOf, vote, type HallOf } from '../support/hall-of';
import { startHarness, type Harness } from '../support/harness';
import { okData, request } from '../support/request';
import { rechainAudit, resealRound } from '../support/reseal';

let h: Harness;
let hall: HallOf;
let exported = '';
/** The audit head the phones received with the last published result. */
let head = '';
const ids = { secret: '', named: '', revote: '' };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const fresh = () => JSON.parse(exported) as MeetingExport;
const roundOf = (data: MeetingExport, ballotId: string, round = 1) =>
  data.rounds.find((r) => r.ballot.id === ballotId && r.round === round)!;
const mutable = <T>(value: T): { -readonly [K in keyof T]: T[K] } => value;

async function closeAndPublish(ballotId: string): Promise<void> {
  okData(await request(hall.chair, 'ballot:close', { ballotId }));
  okData(await request(hall.chair, 'ballot:publish', { ballotId }));
}

/** The tally of a round recomputed from its export, with some inputs replaced (what a forger does). */
function retally(
  r: RoundExport,
  change: {
    rules?: RuleSet;
    attendance?: { roster: number; present: number; excusedAbsent: number };
    paper?: RoundExport['paper'];
  },
) {
  return tally({
    rules: change.rules ?? r.rules,
    ballot: { kind: r.ballot.kind, subjects: r.ballot.subjects, options: r.ballot.options },
    attendance: change.attendance ?? r.result!.tally.attendance,
    issued: r.issued,
    records: r.records.map((marks) => ({ marks })),
    ...((change.paper ?? r.paper) ? { paper: (change.paper ?? r.paper)! } : {}),
    paperVoters: r.paperVoters,
  });
}

beforeAll(async () => {
  h = await startHarness();
  hall = await hallOf(h, { rulePresetId: 'national-assembly', roster: 12, phones: 12 });
  const { chair, phones } = hall;
  ids.secret = okData(await request(chair, 'ballot:create', classificationBallot())).ballotId;
  okData(await request(chair, 'ballot:open', { ballotId: ids.secret }));
  for (const [i, p] of phones.entries()) await vote(p, ids.secret, 1, { province: [i < 9 ? 'good' : 'excellent'] });
  await closeAndPublish(ids.secret);

  ids.named = okData(await request(chair, 'ballot:create', motionBallot({ allowChange: false }))).ballotId;
  okData(await request(chair, 'ballot:open', { ballotId: ids.named }));
  for (const [i, p] of phones.entries()) await vote(p, ids.named, 1, { motion: [i % 2 ? 'no' : 'yes'] });
  await closeAndPublish(ids.named);

  ids.revote = okData(await request(chair, 'ballot:create', motionBallot({ allowChange: false }))).ballotId;
  okData(await request(chair, 'ballot:open', { ballotId: ids.revote }));
  for (const [i, p] of phones.entries()) await vote(p, ids.revote, 1, { motion: [i < 5 ? 'yes' : 'no'] });
  await closeAndPublish(ids.revote);
  okData(await request(chair, 'ballot:revote', { ballotId: ids.revote }));
  okData(await request(chair, 'ballot:open', { ballotId: ids.revote }));
  for (const [i, p] of phones.entries()) await vote(p, ids.revote, 2, { motion: [i < 7 ? 'yes' : 'no'] });
  okData(await request(chair, 'ballot:close', { ballotId: ids.revote }));
  okData(await request(chair, 'ballot:publish', { ballotId: ids.revote }));
  // The head printed on the minutes and kept by every phone: the chain as it stood after publishing.
  head = okData(await request(chair, 'audit:list', {})).at(-1)!.hash;

  const res = await fetch(`${h.url}/api/meetings/${hall.meeting.meetingId}/export.json`, {
    headers: { authorization: `Bearer ${hall.meeting.chairKey}` },
  });
  exported = await res.text();
});

afterAll(async () => {
  await h.stop();
  h.cleanup();
});

describe('verify', () => {
  test('the export as served matches, against the head a phone kept', () => {
    const data = fresh();
    expect(data.audit.at(-1)!.hash).toBe(head);
    const report = verifyExport(data, { head });
    expect(report.findings.filter((f) => !f.ok)).toEqual([]);
  });

  test('1. the attendance inside a tally shrunk and the tally recomputed (rejected becomes adopted)', () => {
    const data = fresh();
    const r = roundOf(data, ids.named);
    const forged = retally(r, { attendance: { roster: 12, present: 10, excusedAbsent: 2 } });
    expect(forged.subjects[0]!.outcome).toEqual({ type: 'adopted', optionId: 'yes' });
    mutable(r.result!).tally = forged;
    expect(verifyExport(data, { head }).ok).toBe(false);
  });

  test("2. the round's embedded rule set swapped and the tally recomputed", () => {
    const data = fresh();
    const r = roundOf(data, ids.secret);
    const rules = RULE_PRESETS['simple-majority'];
    mutable(r).rules = rules;
    mutable(r.result!).tally = retally(r, { rules });
    expect(verifyExport(data, { head }).ok).toBe(false);
  });

  test("3. two delegates' named marks swapped", () => {
    const data = fresh();
    const named = mutable(roundOf(data, ids.named)).namedVotes as unknown as { delegateId: string; marks: unknown }[];
    const yes = named.find((v) => JSON.stringify(v.marks).includes('yes'))!;
    const no = named.find((v) => JSON.stringify(v.marks).includes('"no"'))!;
    [yes.marks, no.marks] = [no.marks, yes.marks];
    expect(verifyExport(data, { head }).ok).toBe(false);
  });

  test('4. a re-vote round removed together with the tail of the audit log', () => {
    const data = fresh();
    mutable(data).rounds = data.rounds.filter((r) => !(r.ballot.id === ids.revote && r.round === 2));
    const cut = data.audit.findIndex(
      (e) => e.action === 'round.opened' && e.details.ballotId === ids.revote && e.details.round === 2,
    );
    mutable(data).audit = data.audit.slice(0, cut);
    const report = verifyExport(data, { head });
    expect(report.ok).toBe(false);
    expect(
      report.findings
        .filter((f) => !f.ok)
        .map((f) => f.detail)
        .join('\n'),
    ).toMatch(/stops short/);
  });

  test('5. a round removed while its audit entries stay', () => {
    const data = fresh();
    mutable(data).rounds = data.rounds.filter((r) => r.ballot.id !== ids.secret);
    expect(verifyExport(data, { head }).ok).toBe(false);
  });

  test('6. secret records changed, with the seal and the whole audit chain recomputed', () => {
    const data = fresh();
    const r = mutable(roundOf(data, ids.secret));
    const records = [...r.records];
    records[0] = { province: ['not-completed'] };
    r.records = records;
    mutable(r.result!).tally = retally(r, {});
    const before = r.result!.seal;
    const after = resealRound(data, r);
    const audit = data.audit.map((e) =>
      e.details.seal === before ? { ...e, details: { ...e.details, seal: after } } : e,
    );
    rechainAudit(audit);
    mutable(data).audit = audit;
    // Without an anchor the forgery is self-consistent; the head from the minutes or a phone catches it.
    expect(verifyExport(data, { head }).ok).toBe(false);
  });

  test('7. paper totals added with no audit entry, the tally recomputed', () => {
    const data = fresh();
    const r = mutable(roundOf(data, ids.named));
    r.paper = { returned: 2, invalid: [], subjects: { motion: { counts: { yes: 2 }, empty: 0 } } };
    mutable(r.result!).tally = retally(r, {});
    expect(verifyExport(data, { head }).ok).toBe(false);
  });

  test('npm run verify -- export.json --head <hash>: exit 0 for the head a phone kept, 1 for another', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hallvote-verify-'));
    const file = join(dir, 'export.json');
    writeFileSync(file, exported);
    const run = async (anchor: string) => {
      try {
        const { stdout } = await promisify(execFile)(
          process.execPath,
          ['--import', 'tsx', 'server/src/verify.ts', file, '--head', anchor],
          { cwd: new URL('../../', import.meta.url).pathname },
        );
        return { code: 0, stdout };
      } catch (err) {
        const e = err as { code: number; stdout: string };
        return { code: e.code, stdout: e.stdout };
      }
    };
    try {
      expect((await run(head)).code).toBe(0);
      const other = await run(sha256('not the head'));
      expect(other.code).toBe(1);
      expect(other.stdout).toMatch(/head/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

describe('verify: the ballot itself against its audit entry', () => {
  test('a secret ballot exported as a named one (or another kind) is reported', () => {
    const data = fresh();
    const r = mutable(roundOf(data, ids.secret));
    r.ballot = { ...r.ballot, secret: false };
    const report = verifyExport(data, { head });
    expect(report.ok).toBe(false);
    expect(
      report.findings
        .filter((f) => !f.ok)
        .map((f) => f.detail)
        .join('\n'),
    ).toMatch(/created as a secret choice/);
  });
});
