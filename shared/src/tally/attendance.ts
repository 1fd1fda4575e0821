import { votesNeeded } from './fraction';
import type { AttendanceCounts, QuorumRule, QuorumVerdict } from './types';

/** Eligible base N = roster − excused absentees. Unexcused absentees stay in the base. */
export function eligibleBase(attendance: AttendanceCounts): number {
  return attendance.roster - attendance.excusedAbsent;
}

/**
 * Quorum: present × den ≥ eligible × num ("at least", the default) or > ("more than"), with the
 * smallest present count that meets it. That count is never below one: a meeting with nobody
 * eligible (every member excused) has no quorum, where 0 ≥ 0 alone would let nobody decide.
 */
export function checkQuorum(attendance: AttendanceCounts, quorum: QuorumRule): QuorumVerdict {
  const eligible = eligibleBase(attendance);
  const fraction = { num: quorum.num, den: quorum.den };
  const strict = quorum.strict === true;
  const required = votesNeeded(eligible, { fraction, strict });
  return {
    // present ≥ required is present × den ≥ (or >) eligible × num, for eligible ≥ 1
    met: attendance.present >= required,
    present: attendance.present,
    eligible,
    fraction,
    strict,
    required,
  };
}

/** One roster entry as attendance sees it. */
export interface MemberAttendance {
  readonly present: boolean;
  readonly excused: boolean;
}

/**
 * Attendance counts from the roster. An excused member who checks in counts as present and,
 * because only excused *absentees* leave the base, is back in the eligible base too.
 */
export function summarizeAttendance(members: readonly MemberAttendance[]): AttendanceCounts {
  let present = 0;
  let excusedAbsent = 0;
  for (const member of members) {
    if (member.present) present += 1;
    else if (member.excused) excusedAbsent += 1;
  }
  return { roster: members.length, present, excusedAbsent };
}
