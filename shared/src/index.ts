// The shared package: the protocol, its schemas, the domain types, and the pure tally.
export * from './errors';
export * from './protocol';
export * from './requests';
export * from './types';
export * from './schemas';
export * from './tally/index';
export * from './rules/index';
export * from './seal';
export * from './audit';
export * from './marks';
export * from './round-key';
export * from './acknowledgement';
export * from './ballot-limits';
export * from './roster/index';
export * from './early-close';
export * from './vouched-votes';
export * from './marks-code';
