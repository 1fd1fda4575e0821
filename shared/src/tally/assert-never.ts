/**
 * Closes a switch over a union: if a member is added and not handled, the call no longer
 * type-checks. At run time it only fires on data that slipped past validation.
 */
export function assertNever(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
