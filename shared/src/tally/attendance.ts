import { votesNeeded } from './fraction';
import type { AttendanceCounts, CountBy, QuorumRule, QuorumVerdict, WeightCounts, WeightQuorum } from './types';

/** Eligible base N = roster − excused absentees. Unexcused absentees stay in the base. */
export function eligibleBase(attendance: Pick<AttendanceCounts, 'roster' | 'excusedAbsent'>): number {
  return attendance.roster - attendance.excusedAbsent;
}

/**
 * The attendance in weight: as given, or the head counts where no weight was given (every member
 * weighs one).
 */
export function attendanceWeight(attendance: AttendanceCounts): WeightCounts {
  return (
    attendance.weight ?? {
      roster: attendance.roster,
      present: attendance.present,
      excusedAbsent: attendance.excusedAbsent,
    }
  );
}

/** present × den ≥ eligible × num (or >), with the smallest present that meets it, never below one. */
function quorumOf(present: number, eligible: number, quorum: QuorumRule): WeightQuorum {
  const required = votesNeeded(eligible, {
    fraction: { num: quorum.num, den: quorum.den },
    strict: quorum.strict === true,
  });
  return { met: present >= required, present, eligible, required };
}

/**
 * Quorum: present × den ≥ eligible × num ("at least", the default) or > ("more than"), with the
 * smallest present count that meets it. That count is never below one: a meeting with nobody
 * eligible (every member excused) has no quorum, where 0 ≥ 0 alone would let nobody decide. By
 * weight, the same on the weights present and eligible; by both, met only when both are.
 */
export function checkQuorum(attendance: AttendanceCounts, quorum: QuorumRule, by: CountBy = 'heads'): QuorumVerdict {
  const eligible = eligibleBase(attendance);
  const heads = quorumOf(attendance.present, eligible, quorum);
  const verdict = {
    // present ≥ required is present × den ≥ (or >) eligible × num, for eligible ≥ 1
    met: heads.met,
    present: attendance.present,
    eligible,
    fraction: { num: quorum.num, den: quorum.den },
    strict: quorum.strict === true,
    required: heads.required,
  };
  if (by === 'heads') return verdict;
  const counts = attendanceWeight(attendance);
  const weight = quorumOf(counts.present, eligibleBase(counts), quorum);
  return { ...verdict, met: by === 'weight' ? weight.met : heads.met && weight.met, by, weight };
}

/** One roster entry as attendance sees it. */
export interface MemberAttendance {
  readonly present: boolean;
  readonly excused: boolean;
  /** Present through a proxy holder who is (counted in `present` too). */
  readonly represented?: boolean;
  /** 1 when absent. */
  readonly weight?: number;
}

/**
 * Attendance counts from the roster. An excused member who checks in counts as present and,
 * because only excused *absentees* leave the base, is back in the eligible base too; so does one
 * represented by a proxy. `represented` is given only where someone is; the weights only when
 * asked for (`weighted`), so that a result under heads alone carries no weight at all.
 */
export function summarizeAttendance(members: readonly MemberAttendance[], weighted = false): AttendanceCounts {
  let present = 0;
  let excusedAbsent = 0;
  let represented = 0;
  const weight = { roster: 0, present: 0, excusedAbsent: 0 };
  for (const member of members) {
    const w = member.weight ?? 1;
    weight.roster += w;
    if (member.present || member.represented === true) {
      present += 1;
      weight.present += w;
      if (!member.present) represented += 1;
    } else if (member.excused) {
      excusedAbsent += 1;
      weight.excusedAbsent += w;
    }
  }
  return {
    roster: members.length,
    present,
    excusedAbsent,
    ...(represented > 0 ? { represented } : {}),
    ...(weighted ? { weight } : {}),
  };
}
