// The tally's public surface: one entry point plus the helpers the server and the views reuse
// (quorum before opening a ballot, percentages on the projector), and every contract type.

export { tally } from './tally';
export { checkQuorum, eligibleBase, summarizeAttendance, type MemberAttendance } from './attendance';
export { percentOf } from './percent';
export { votesNeeded, passesMajority, meetsFraction, type Threshold } from './fraction';
export { ENGINE_INVALID_REASONS } from './count';
export { packRecords, isPacked } from './packed';
export { levelOf } from './proposals';
export { assertNever } from './assert-never';
export * from './types';
