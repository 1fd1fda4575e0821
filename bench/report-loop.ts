// The report's rows for issue 13: the server's event loop during the votes, the chair's read-only
// requests while another process holds the database's write lock, and the close of a 10,000 × 50
// round (how long until the chair sees the result, and the loop meanwhile).
import type { BigCloseResult, LockedResult } from './hallvote-scenarios';
import type { Load } from './server-process';
import type { VotingResult } from './socket-scenarios';
import { total } from './stats';

type Verdict = 'met' | 'MISSED' | '';

export interface LoopRow {
  readonly metric: string;
  readonly mine: number | string | null;
  readonly base?: number | string | null;
  readonly target?: string;
  readonly verdict?: Verdict;
}

const le = (v: number | null | undefined, limit: number): Verdict =>
  v === null || v === undefined ? '' : v <= limit ? 'met' : 'MISSED';

/** Event-loop delay p99 and max in a window, against 20 ms and 50 ms. */
export function loopRows(name: string, h: Load | null | undefined, b?: Load | null): LoopRow[] {
  if (!h) return [];
  return [
    {
      metric: `${name} event-loop delay p99 ms`,
      mine: h.loopDelayP99Ms,
      ...(b !== undefined ? { base: b?.loopDelayP99Ms ?? null } : {}),
      target: '≤ 20',
      verdict: le(h.loopDelayP99Ms, 20),
    },
    {
      metric: `${name} event-loop delay max ms`,
      mine: h.loopDelayMaxMs,
      ...(b !== undefined ? { base: b?.loopDelayMaxMs ?? null } : {}),
      target: '≤ 50',
      verdict: le(h.loopDelayMaxMs, 50),
    },
  ];
}

export function votingLoopRows(name: string, h: VotingResult | null | undefined, b: VotingResult | null | undefined) {
  return h ? loopRows(name, h.serverLoad, b?.serverLoad ?? null) : [];
}

export function lockedRows(l: LockedResult | null): LoopRow[] {
  if (!l) return [];
  const secs = Math.round(l.holdMs / 1000);
  return [
    {
      metric: `write lock held ${secs} s: chair reads p99 ms`,
      mine: l.reads.p99,
      target: '≤ 50',
      verdict: le(l.reads.p99, 50),
    },
    {
      metric: `write lock held ${secs} s: chair reads p50 / max ms`,
      mine: `${fmt(l.reads.p50)} / ${fmt(l.reads.max)}`,
    },
    {
      metric: `write lock held ${secs} s: snapshot / audit log p99 ms`,
      mine: `${fmt(l.sync.p99)} / ${fmt(l.audit.p99)} (${l.reads.count} reads)`,
    },
    {
      metric: `write lock held ${secs} s: votes acked, refused`,
      mine: `${l.votesAcked} acked after the lock, ${total(l.voteErrors)} refused ${JSON.stringify(l.voteErrors)}`,
    },
    ...loopRows(`write lock held ${secs} s:`, l.serverLoad),
  ];
}

export function bigCloseRows(c: BigCloseResult | null): LoopRow[] {
  if (!c) return [];
  const name = `close ${c.ballots.toLocaleString('en')} × ${c.subjects}`;
  return [
    {
      metric: `${name}: votes acked (errors)`,
      mine: `${c.votesAcked} (${total(c.voteErrors)}), counted ${c.returned ?? '–'}`,
    },
    {
      metric: `${name}: result on the chair console ms`,
      mine: c.resultMs ?? c.ackMs,
      target: '≤ 300',
      verdict: le(c.resultMs ?? c.ackMs, 300),
    },
    { metric: `${name}: close ack ms`, mine: c.ackMs },
    ...loopRows(`${name}:`, c.serverLoad),
  ];
}

function fmt(v: number | null): string {
  return v === null ? '–' : String(Math.round(v * 10) / 10);
}
