// A holder votes for absent members with their own badge: when the chair vouched for that badge
// (re-issued it, or checked its member in by hand), the votes it cast for others are listed too,
// under the badge's member, once per round (shared/src/vouched-votes.ts).
import { describe, expect, test } from 'vitest';
import { vouchedVotes, type AuditEntry } from '@hallvote/shared';

let seq = 0;
const entry = (actor: AuditEntry['actor'], action: string, details: Record<string, unknown>): AuditEntry => ({
  meetingId: 'm',
  seq: ++seq,
  at: '2026-12-05T06:00:00.000Z',
  actor,
  action,
  details,
  prevHash: '',
  hash: '',
});

describe('votes cast by a proxy holder', () => {
  test('a re-issued holder badge is listed for the votes it cast for the members it represents', () => {
    const audit = [
      entry('delegate', 'attendance.present', { delegateId: 'H' }),
      entry('chair', 'delegate.reissued', { delegateId: 'H' }),
      entry('delegate', 'vote.cast', { ballotId: 'b', round: 1, delegateId: 'G', castBy: 'H' }),
    ];
    expect(vouchedVotes(audit)).toEqual([{ ballotId: 'b', round: 1, delegateId: 'H', by: 'reissued' }]);
  });

  test('a grantor the chair checked in is not listed for the vote their holder cast with a badge of their own', () => {
    const audit = [
      entry('chair', 'attendance.present', { delegateId: 'G' }),
      entry('delegate', 'attendance.present', { delegateId: 'H' }),
      entry('delegate', 'vote.cast', { ballotId: 'b', round: 1, delegateId: 'G', castBy: 'H' }),
    ];
    expect(vouchedVotes(audit)).toEqual([]);
  });

  test('a holder checked in by hand who votes for themself and two members is listed once', () => {
    const audit = [
      entry('chair', 'attendance.present', { delegateId: 'H' }),
      entry('delegate', 'vote.cast', { ballotId: 'b', round: 1, delegateId: 'H' }),
      entry('delegate', 'vote.cast', { ballotId: 'b', round: 1, delegateId: 'G1', castBy: 'H' }),
      entry('delegate', 'vote.cast', { ballotId: 'b', round: 1, delegateId: 'G2', castBy: 'H' }),
    ];
    expect(vouchedVotes(audit)).toEqual([{ ballotId: 'b', round: 1, delegateId: 'H', by: 'checked-in' }]);
  });
});
