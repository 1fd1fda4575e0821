// What both builds (the laptops' pages in vite.config.ts, the phone's in vite.delegate.config.ts)
// configure alike.

/** socket.io's client and its parsers in one named chunk, so the size report reads well. */
export const SOCKET_IO_CHUNK = {
  name: 'socket-io',
  test: /node_modules[\\/](socket\.io-client|socket\.io-parser|engine\.io-client|engine\.io-parser|@socket\.io)[\\/]/,
};

/**
 * shared/ is pure (types, rules, tally, schemas); declaring it so lets the bundler drop the zod
 * schemas the browser never uses.
 */
export const SHARED_IS_PURE = [{ test: /\/shared\/src\//, sideEffects: false }];
