// Chair actions on one meeting run one at a time: a double-clicked "open" must not open two rounds,
// and a close must not interleave with a re-vote. Votes do not go through here; they are ordered
// by the store's write queue and refused by the `closing` set once a close has begun.
const chains = new WeakMap<object, Promise<unknown>>();

/** Runs `fn` after every earlier exclusive action on `key` has settled. */
export function exclusive<T>(key: object, fn: () => Promise<T>): Promise<T> {
  const previous = chains.get(key) ?? Promise.resolve();
  const next = previous.then(fn, fn);
  chains.set(
    key,
    next.catch(() => undefined),
  );
  return next;
}
