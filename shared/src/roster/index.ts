// The roster import and its checks: reading a file, mapping its columns, and every problem as a
// code with parameters. Pure, for the chair's browser and the server alike.
export * from './problems';
export * from './checks';
export * from './read-text';
export * from './columns';
export * from './review';
