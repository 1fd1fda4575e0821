// One contract, two stores (server/src/store/store.ts): SQLite and PostgreSQL keep the same promises,
// checked through the Store interface and, where a promise is about the database itself (the
// audit log refused changes, secret rows with no delegate), underneath it.
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { AUDIT_GENESIS, auditHashInput, HallvoteError, type AuditEntry } from '@hallvote/shared';
import type { DelegateRecord, LoadedMeeting, Store } from '../../server/src/store/store';
import { STORE_KINDS, type TestDb } from './support/databases';
import {
  audit,
  castAudit,
  delegates,
  meetingRecord,
  meetingWithRound,
  openBallot,
  resultOf,
  roundRecord,
  secretBallot,
  vote,
} from './support/fixture';

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown): string => (e instanceof HallvoteError ? String(e.code) : String(e)),
  );

/** Walks a meeting's chain from the genesis: each entry's hash over its content and the previous hash. */
function chainBreaks(entries: readonly AuditEntry[]): string[] {
  let prev = AUDIT_GENESIS;
  return entries.flatMap((e, i) => {
    const { hash, prevHash, ...content } = e;
    const expected = createHash('sha256').update(auditHashInput(content, prev)).digest('hex');
    const breaks = [
      e.seq === i + 1 ? null : `seq ${e.seq} at ${i + 1}`,
      prevHash === prev ? null : `prevHash of ${e.seq}`,
      hash === expected ? null : `hash of ${e.seq}`,
    ].filter((b) => b !== null);
    prev = hash;
    return breaks;
  });
}

/** Participation, issued and paper rows in one order: the contract does not fix theirs. */
function sorted(m: LoadedMeeting | null | undefined) {
  if (!m) return m;
  const key = (x: { ballotId: string; round: number; delegateId?: string }) =>
    `${x.ballotId}/${x.round}/${x.delegateId}`;
  const by = <T extends { ballotId: string; round: number }>(xs: readonly T[]) =>
    [...xs].sort((a, b) => key(a).localeCompare(key(b)));
  return { ...m, participation: by(m.participation), issued: by(m.issued), paper: by(m.paper) };
}

describe.each(STORE_KINDS)('$name store', (kind) => {
  let db: TestDb;
  let store: Store;
  beforeEach(async () => {
    db = await kind.create();
    store = await db.open();
  });
  afterEach(async () => {
    await store.close().catch(() => undefined);
    await db.dispose();
  });

  test('what is written is loaded back whole, by loadAll and loadMeeting, after the store is opened again', async () => {
    const meeting = meetingRecord();
    const m = meeting.id;
    await store.createMeeting(meeting, delegates(m, 2), audit(m, 'meeting.created'));
    const roster = delegates(m, 4);
    await store.replaceRoster(m, roster, audit(m, 'roster.replaced'));
    const [extra] = delegates(m, 1, 5);
    await store.addDelegates([extra!], audit(m, 'delegate.added'));
    await store.updateDelegate(extra!.id, { name: 'Renamed', token: 'new-token' }, audit(m, 'delegate.updated'));
    await store.removeDelegate(roster[3]!.id, audit(m, 'delegate.removed'));
    const [a, b, c] = roster as [DelegateRecord, DelegateRecord, DelegateRecord];
    await store.setAttendance(c.id, 'excused', 'chair', [], audit(m, 'attendance.set'));

    const secret = secretBallot(m);
    await store.createBallot(secret, audit(m, 'ballot.created'));
    const round1 = { ...roundRecord(secret.id), sealPublicKey: 'public-half', sealSecretKey: 'secret-half' };
    await store.openRound(round1, [a.id], audit(m, 'round.opened'), []);
    await store.setAttendance(
      b.id,
      'present',
      'phone',
      [{ ballotId: secret.id, round: 1 }],
      audit(m, 'attendance.set'),
    );
    const va = vote(secret, a.id, { province: ['good'] });
    expect(await store.castVote(va, castAudit(va))).toEqual({ kind: 'stored', receipt: va.receipt });
    await store.markPaperVoter(secret.id, 1, b.id, audit(m, 'paper.voter'));
    const paper = { returned: 1, invalid: [], subjects: { province: { counts: { good: 1 }, empty: 0 } } };
    await store.recordPaperTotals(secret.id, 1, paper, audit(m, 'paper.totals'), null);
    await store.closeRound(secret.id, 1, 'closed-at', resultOf(secret.id, 1, 'first'), audit(m, 'round.closed'));
    await store.recordPaperTotals(secret.id, 1, paper, audit(m, 'paper.totals'), {
      result: resultOf(secret.id, 1, 'second'),
      audit: audit(m, 'round.retallied'),
    });
    const head = await store.publishRound(
      secret.id,
      1,
      'published-at',
      resultOf(secret.id, 1, 'third'),
      audit(m, 'round.published', { ballotId: secret.id, round: 1, seal: 'third' }),
    );

    const named = openBallot(m);
    await store.createBallot(named, audit(m, 'ballot.created'));
    const round2 = roundRecord(named.id);
    await store.openRound(round2, [a.id, b.id], audit(m, 'round.opened'), []);
    const first = vote(named, a.id, { motion: ['yes'] });
    await store.castVote(first, castAudit(first));
    const second = { ...first, voteId: 'changed-vote', marks: { motion: ['no'] } };
    expect(await store.castVote(second, castAudit(second))).toEqual({ kind: 'changed', receipt: first.receipt });
    // Cancelling destroys the round's ballots (here the one named vote); who voted stays.
    expect(await store.cancelRound(named.id, 1, 'cancelled-at', audit(m, 'round.cancelled'))).toBe(1);
    const other = meetingRecord();
    await store.createMeeting(other, delegates(other.id, 1), audit(other.id, 'meeting.created'));

    const expected: LoadedMeeting = {
      meeting,
      delegates: [
        a,
        { ...b, attendance: 'present', checkedInBy: 'phone' },
        { ...c, attendance: 'excused', checkedInBy: 'chair' },
        { ...extra!, name: 'Renamed', token: 'new-token' },
      ],
      ballots: [secret, named],
      rounds: [
        {
          ...round1,
          state: 'published' as const,
          closedAt: 'closed-at',
          publishedAt: 'published-at',
          result: resultOf(secret.id, 1, 'third'),
          // The secret half opened ballots only while the round was open.
          sealSecretKey: null,
        },
        { ...round2, state: 'cancelled' as const, closedAt: 'cancelled-at' },
      ].sort((x, y) => (x.ballotId < y.ballotId ? -1 : 1)),
      participation: [
        {
          ballotId: secret.id,
          round: 1,
          delegateId: a.id,
          voteId: va.voteId,
          receipt: va.receipt,
          marks: null,
          channel: 'online',
          castBy: null,
          split: null,
        },
        {
          ballotId: secret.id,
          round: 1,
          delegateId: b.id,
          voteId: 'paper',
          receipt: '',
          marks: null,
          channel: 'paper',
          castBy: null,
          split: null,
        },
        {
          ballotId: named.id,
          round: 1,
          delegateId: a.id,
          voteId: 'changed-vote',
          receipt: first.receipt,
          marks: null,
          channel: 'online',
          castBy: null,
          split: null,
        },
      ],
      issued: [a.id, b.id].flatMap((d) =>
        [secret.id, named.id].map((ballotId) => ({ ballotId, round: 1, delegateId: d })),
      ),
      paper: [{ ballotId: secret.id, round: 1, totals: paper }],
      anchors: [{ ballotId: secret.id, round: 1, seal: 'third', head }],
      proxies: [],
      roundProxies: [],
    };
    const resultFields = (r: LoadedMeeting['rounds'][number]) => ({
      ...r,
      result: r.result && { ...r.result, closedAt: 'x' },
    });
    const comparable = (l: LoadedMeeting | null | undefined) => {
      const s = sorted(l);
      return s && { ...s, rounds: s.rounds.map(resultFields) };
    };
    await store.close();
    store = await db.open();
    const all = await store.loadAll();
    expect(all.map((l) => l.meeting.id)).toEqual([m, other.id]);
    expect(comparable(await store.loadMeeting(m))).toEqual(comparable(expected));
    expect(comparable(all[0])).toEqual(comparable(expected));
    expect(await store.loadMeeting('no-such-meeting')).toBeNull();
    expect(await store.readBallots(secret.id, 1)).toEqual([
      { marks: { province: ['good'] }, weight: null, split: null },
    ]);
    expect(await store.readBallots(named.id, 1)).toEqual([]);
    const cancelled = (await store.readAudit(m)).find((e) => e.action === 'round.cancelled');
    expect(cancelled?.details).toMatchObject({ destroyed: 1 });
    expect((await store.readAudit(m)).find((e) => e.action === 'round.published')).toMatchObject(head);
  });

  test('one vote per delegate per round, whether the second comes in the same batch or later', async () => {
    const { roster, ballot } = await meetingWithRound(store, 3, secretBallot);
    const [a, b] = roster as [DelegateRecord, DelegateRecord];
    const twice = [vote(ballot, a.id, { province: ['good'] }), vote(ballot, a.id, { province: ['excellent'] })];
    // The same turn: one group transaction.
    const together = await Promise.all(twice.map((v) => code(store.castVote(v, castAudit(v)))));
    expect(together).toEqual(['ok', 'ALREADY_VOTED']);
    const first = vote(ballot, b.id, { province: ['good'] });
    expect(await code(store.castVote(first, castAudit(first)))).toBe('ok');
    const later = vote(ballot, b.id, { province: ['completed'] });
    expect(await code(store.castVote(later, castAudit(later)))).toBe('ALREADY_VOTED');
    expect((await store.readBallots(ballot.id, 1)).map((x) => x.marks.province?.[0]).sort()).toEqual(['good', 'good']);
    expect((await store.readAudit(ballot.meetingId)).filter((e) => e.action === 'vote.cast')).toHaveLength(2);
  });

  test('a re-sent vote id is the same vote: its first receipt, nothing stored twice, even after the close', async () => {
    const { roster, ballot } = await meetingWithRound(store, 2, secretBallot);
    const v = vote(ballot, roster[0]!.id, { province: ['good'] });
    const resent = { ...v, receipt: 'OTHER-RCPT', marks: { province: ['excellent'] } };
    const outcomes = await Promise.all([store.castVote(v, castAudit(v)), store.castVote(resent, castAudit(resent))]);
    expect(outcomes).toEqual([
      { kind: 'stored', receipt: v.receipt },
      { kind: 'duplicate', receipt: v.receipt },
    ]);
    expect(await store.castVote(resent, castAudit(resent))).toEqual({ kind: 'duplicate', receipt: v.receipt });
    await store.closeRound(ballot.id, 1, 'closed', resultOf(ballot.id, 1), audit(ballot.meetingId, 'round.closed'));
    expect(await store.castVote(resent, castAudit(resent))).toEqual({ kind: 'duplicate', receipt: v.receipt });
    expect(await store.readBallots(ballot.id, 1)).toEqual([
      { marks: { province: ['good'] }, weight: null, split: null },
    ]);
    expect((await store.readAudit(ballot.meetingId)).filter((e) => e.action === 'vote.cast')).toHaveLength(1);
  });

  test('an open ballot that allows it takes a changed vote, in the same batch or later; a secret one or a paper voter never', async () => {
    const { meeting, roster, ballot } = await meetingWithRound(store, 3, openBallot);
    const [a, b, c] = roster as [DelegateRecord, DelegateRecord, DelegateRecord];
    const yes = vote(ballot, a.id, { motion: ['yes'] });
    const no = { ...yes, voteId: 'second', receipt: 'IGNORED', marks: { motion: ['no'] } };
    const outcomes = await Promise.all([store.castVote(yes, castAudit(yes)), store.castVote(no, castAudit(no))]);
    expect(outcomes).toEqual([
      { kind: 'stored', receipt: yes.receipt },
      { kind: 'changed', receipt: yes.receipt },
    ]);
    const abstain = { ...yes, voteId: 'third', marks: { motion: ['abstain'] } };
    expect(await store.castVote(abstain, castAudit(abstain))).toEqual({ kind: 'changed', receipt: yes.receipt });
    const bYes = vote(ballot, b.id, { motion: ['yes'] });
    await store.castVote(bYes, castAudit(bYes));
    await store.markPaperVoter(ballot.id, 1, c.id, audit(meeting.id, 'paper.voter'));
    const fromPaper = vote(ballot, c.id, { motion: ['no'] });
    expect(await code(store.castVote(fromPaper, castAudit(fromPaper)))).toBe('ALREADY_VOTED');
    expect(await code(store.markPaperVoter(ballot.id, 1, b.id, audit(meeting.id, 'paper.voter')))).toBe(
      'ALREADY_VOTED',
    );
    expect((await store.readBallots(ballot.id, 1)).map((x) => x.marks.motion?.[0]).sort()).toEqual(['abstain', 'yes']);
    const loaded = await store.loadMeeting(meeting.id);
    expect(loaded?.participation.find((p) => p.delegateId === a.id)).toMatchObject({
      voteId: 'third',
      marks: { motion: ['abstain'] },
    });
    expect((await store.readAudit(meeting.id)).filter((e) => e.action === 'vote.changed')).toHaveLength(2);

    const s = await meetingWithRound(store, 1, secretBallot);
    const sv = vote(s.ballot, s.roster[0]!.id, { province: ['good'] });
    await store.castVote(sv, castAudit(sv));
    const again = { ...sv, voteId: 'another', allowChange: true };
    expect(await code(store.castVote(again, castAudit(again)))).toBe('ALREADY_VOTED');
  });

  test('a refused vote in a batch undoes none of the others in it', async () => {
    const { roster, ballot } = await meetingWithRound(store, 20, secretBallot);
    const first = vote(ballot, roster[0]!.id, { province: ['good'] });
    await store.castVote(first, castAudit(first));
    const batch = roster.map((d) => vote(ballot, d.id, { province: ['excellent'] }));
    const outcomes = await Promise.all(batch.map((v) => code(store.castVote(v, castAudit(v)))));
    expect(outcomes).toEqual(['ALREADY_VOTED', ...Array<string>(19).fill('ok')]);
    expect(await store.readBallots(ballot.id, 1)).toHaveLength(20);
  });

  test('a round closes once: a second close and a vote after the close are refused, and change nothing', async () => {
    const { meeting, roster, ballot } = await meetingWithRound(store, 2, secretBallot);
    const m = meeting.id;
    await store.closeRound(ballot.id, 1, 'first-close', resultOf(ballot.id, 1, 'first'), audit(m, 'round.closed'));
    const second = store.closeRound(
      ballot.id,
      1,
      'second-close',
      resultOf(ballot.id, 1, 'second'),
      audit(m, 'round.closed'),
    );
    expect(await code(second)).toBe('BALLOT_NOT_OPEN');
    const late = vote(ballot, roster[0]!.id, { province: ['good'] });
    expect(await code(store.castVote(late, castAudit(late)))).toBe('BALLOT_NOT_OPEN');
    const loaded = await store.loadMeeting(m);
    expect(loaded?.rounds[0]).toMatchObject({ state: 'closed', closedAt: 'first-close', result: { seal: 'first' } });
    expect((await store.readAudit(m)).filter((e) => e.action === 'round.closed')).toHaveLength(1);
    expect(await store.readBallots(ballot.id, 1)).toEqual([]);
  });

  test('the audit log chains every write of a meeting, in order, and each meeting from its own genesis', async () => {
    const { meeting, roster, ballot } = await meetingWithRound(store, 30, secretBallot);
    const other = await meetingWithRound(store, 5, openBallot);
    const votes = roster.map((d) => vote(ballot, d.id, { province: ['good'] }));
    const otherVotes = other.roster.map((d) => vote(other.ballot, d.id, { motion: ['yes'] }));
    await Promise.all([...votes, ...otherVotes].map((v) => store.castVote(v, castAudit(v))));
    await store.closeRound(ballot.id, 1, 'closed', resultOf(ballot.id, 1), audit(meeting.id, 'round.closed'));
    const log = await store.readAudit(meeting.id);
    expect(log.map((e) => e.action)).toEqual([
      'meeting.created',
      'ballot.created',
      'round.opened',
      ...Array<string>(30).fill('vote.cast'),
      'round.closed',
    ]);
    expect(log.filter((e) => e.action === 'vote.cast').map((e) => e.details.delegateId)).toEqual(
      roster.map((d) => d.id),
    );
    expect(chainBreaks(log)).toEqual([]);
    expect(chainBreaks(await store.readAudit(other.meeting.id))).toEqual([]);
    // The walk does find a break: the control.
    expect(chainBreaks([log[0]!, { ...log[1]!, details: { forged: true } }, log[2]!])).toEqual(['hash of 2']);
  });

  test.each(['UPDATE', 'DELETE', 'TRUNCATE'] as const)('the database refuses %s of the audit log', async (how) => {
    const m = meetingRecord();
    await store.createMeeting(m, delegates(m.id, 2), audit(m.id, 'meeting.created'));
    await store.close();
    const refusals = await db.tamperAudit(how);
    expect(refusals.length).toBeGreaterThan(0);
    for (const r of refusals) expect(r).toMatch(/append-only|permission denied/);
    store = await db.open();
    expect((await store.readAudit(m.id)).map((e) => e.action)).toEqual(['meeting.created']);
  });

  test('secret rows hold no delegate, vote id, receipt or time; no row naming a delegate holds a secret choice', async () => {
    const n = 12;
    const { meeting, roster, ballot } = await meetingWithRound(store, n, secretBallot);
    // The store keeps marks as given: a token per delegate makes every choice identify its voter.
    const votes = roster.map((d, i) => vote(ballot, d.id, { province: [`choice-${i}-${meeting.id.slice(0, 8)}`] }));
    for (const v of votes) await store.castVote(v, castAudit(v));
    await store.closeRound(ballot.id, 1, 'closed', resultOf(ballot.id, 1), audit(meeting.id, 'round.closed'));
    await store.close();
    // A weight (rounds counted by weight) is the one addition; what it can reveal is shared/src/secrecy.ts.
    expect(await db.secretColumns(ballot.id, 1)).toEqual(['ballot_id', 'id', 'marks', 'round', 'weight']);
    const identities = roster.flatMap((d, i) => [d.id, d.token, d.name, votes[i]!.voteId, votes[i]!.receipt]);
    let choicesSeen = 0;
    for (const table of await db.tables()) {
      for (const row of await db.rows(table)) {
        const text = JSON.stringify(row);
        const choices = votes.filter((v) => text.includes(v.marks.province![0]!)).length;
        choicesSeen += choices;
        if (choices > 0)
          expect(
            identities.filter((x) => text.includes(x)),
            `${table}: ${text}`,
          ).toEqual([]);
      }
    }
    expect(choicesSeen).toBe(n);
    store = await db.open();
  });
});
