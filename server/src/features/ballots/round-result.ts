// A round's result: the shared tally over the stored rows, with the attendance of the moment of
// close, sealed over everything it rests on (shared/src/seal.ts). The store counts and seals where
// the rows are (a 10,000-ballot round is megabytes of JSON); this file gathers the rest from the
// meeting's state.
import { createHash } from 'node:crypto';
import {
  roundSealInput,
  roundTallyInput,
  ruleSetHashInput,
  type AttendanceSnapshot,
  type EarlyClose,
  type PaperTotals,
  type RoundResult,
  type RuleSet,
  type RuleSetStamp,
  type SealContent,
} from '@hallvote/shared';
import type { Store } from '../../store/store';
import type { MeetingState } from '../../hall/meeting-state';
import { roundContext } from './round-basis';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** SHA-256 (hex) over everything a round's result rests on. */
export function sealOf(content: SealContent): string {
  return sha256(roundSealInput(content));
}

/** The rule set as a result names it: id, version and the hash of its content. */
export function ruleSetStamp(rules: RuleSet): RuleSetStamp {
  return { id: rules.id, version: rules.version, hash: sha256(ruleSetHashInput(rules)) };
}

/**
 * Who of a round's roster is present, excused and absent right now, member by member (ids sorted).
 * A member added after the round opened (a latecomer, a substitute) is not on its roster. The
 * members the round took proxies of are `represented` instead where their holder is present now or
 * has voted for them: they count as present, by proxy.
 */
export function attendanceSnapshot(state: MeetingState, ballotId: string, round: number): AttendanceSnapshot {
  const proxies = state.roundProxiesOf(ballotId, round);
  const voters = state.votersOf(ballotId, round);
  const by = { present: [] as string[], excused: [] as string[], absent: [] as string[] };
  const represented: string[] = [];
  for (const d of state.delegates.values()) {
    if (!state.onRoster(ballotId, round, d.id)) continue;
    const holderId = proxies.get(d.id);
    const byProxy =
      holderId !== undefined && (state.delegates.get(holderId)?.attendance === 'present' || voters.has(d.id));
    if (byProxy) represented.push(d.id);
    else by[d.attendance].push(d.id);
  }
  return {
    present: by.present.sort(),
    excused: by.excused.sort(),
    absent: by.absent.sort(),
    ...(represented.length > 0 ? { represented: represented.sort() } : {}),
  };
}

export interface ResultInputs {
  readonly closedAt: string;
  /** The attendance to tally with: now at a close, the close's own when tallied again later. */
  readonly attendance: AttendanceSnapshot;
  readonly earlyClose: EarlyClose | null;
  /** Paper totals about to be stored (a re-tally); the stored ones otherwise. */
  readonly paper?: PaperTotals | undefined;
}

/**
 * Tallies the stored ballots (and paper totals) of a round and seals the result. Quorum and the
 * bases use `inputs.attendance`, which the result records, member by member.
 */
export async function computeRoundResult(
  store: Store,
  state: MeetingState,
  ballotId: string,
  round: number,
  inputs: ResultInputs,
): Promise<RoundResult> {
  const entry = state.ballots.get(ballotId);
  if (!entry) throw new Error(`unknown ballot ${ballotId}`);
  const def = entry.row.definition;
  const paper = inputs.paper ?? state.paperTotalsOf(ballotId, round) ?? null;
  const paperVoters = [...state.votersOf(ballotId, round).values()].filter((v) => v.channel === 'paper').length;
  const { attendance } = inputs;
  const issued = state.issuedOf(ballotId, round).size;
  // What the round rests on besides its ballots: the proxies, the weights issued, who cast each
  // named vote. The store cuts, weighs, counts and seals the ballots where they are.
  const context = roundContext(state, entry.rules, ballotId, round);
  const { records: _none, ...tallyInput } = roundTallyInput({
    rules: entry.rules,
    ballot: def,
    attendance,
    weightOf: context.weightOf,
    issued,
    records: [],
    paper,
    paperVoters,
    weights: context.weights ?? null,
  });
  // The ballot's rule set, which decides it (the meeting's unless the ballot chose another).
  const rules = ruleSetStamp(entry.rules);
  const { tally: result, seal } = await store.countRound({
    ballotId,
    round,
    tally: tallyInput,
    seal: {
      meetingId: state.meeting.id,
      ballot: { ...def, id: ballotId },
      round,
      closedAt: inputs.closedAt,
      rules,
      issued,
      namedVotes: context.namedVotes?.map(({ name: _name, ...v }) => v) ?? null,
      proxies: context.proxies,
      weights: context.weights,
      paper,
      paperVoters,
      attendance,
      earlyClose: inputs.earlyClose,
    },
  });
  return {
    ballotId,
    round,
    tally: result,
    acknowledgement: null,
    seal,
    closedAt: inputs.closedAt,
    attendance,
    rules,
    earlyClose: inputs.earlyClose,
  };
}

/** Each subject's outcome: what the close and publish audit entries record beside the seal. */
export function outcomesOf(result: RoundResult): { subjectId: string; outcome: unknown }[] {
  return result.tally.subjects.map((s) => ({ subjectId: s.subjectId, outcome: s.outcome }));
}
