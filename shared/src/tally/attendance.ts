import { ceilDiv, meetsFraction } from './fraction';
import type { AttendanceCounts, Fraction, QuorumVerdict } from './types';

/** Eligible base N = roster − excused absentees. Unexcused absentees stay in the base. */
export function eligibleBase(attendance: AttendanceCounts): number {
  return attendance.roster - attendance.excusedAbsent;
}

/** Quorum: present × den ≥ eligible × num, with the smallest present count that meets it. */
export function checkQuorum(attendance: AttendanceCounts, quorum: Fraction): QuorumVerdict {
  const eligible = eligibleBase(attendance);
  return {
    met: meetsFraction(attendance.present, eligible, quorum, false),
    present: attendance.present,
    eligible,
    fraction: quorum,
    required: Math.max(0, ceilDiv(eligible * quorum.num, quorum.den)),
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
