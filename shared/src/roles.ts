// The roles, in a module of their own: the domain types and the audit log's actor both name them,
// and types.ts imports audit.ts (an export carries the log), so audit.ts must not import types.ts.

/** Who a connection is. The role comes from the handshake credential, never from a payload. */
export type Role = 'admin' | 'chair' | 'delegate' | 'projector';
