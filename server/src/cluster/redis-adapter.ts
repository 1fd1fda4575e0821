// REDIS_URL: the nodes' socket.io servers share rooms through socket.io's Redis Streams adapter,
// with node-redis 5.10 (what the adapter's own tests use). A meeting's announcements never go
// through it: every socket of a meeting is on its owner, which sends them to its own sockets
// (broadcaster.ts). The adapter carries what concerns other nodes: closing a meeting's sockets
// wherever they are when a node takes the meeting over. So a dead Redis costs no ack and no
// announcement; node-redis keeps reconnecting, and its offline queue is kept (without it the
// adapter's stream reader would spin on errors), so nothing is sent to other nodes while
// `isReady` is false (cluster/meeting-keeper.ts asks `ready()` first).
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { createClient } from 'redis';
import type { Logger } from '../logger';

export interface RedisLink {
  readonly adapter: ReturnType<typeof createAdapter>;
  ready(): boolean;
  close(): Promise<void>;
}

/** How long a starting node waits for Redis before it serves without it. */
const START_WAIT_MS = 3_000;
/** How often a lost Redis is tried again, at most. */
const RECONNECT_MAX_MS = 1_000;

export async function connectRedis(url: string, log: Logger): Promise<RedisLink> {
  let reported = false;
  const client = createClient({
    url,
    socket: {
      reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, RECONNECT_MAX_MS),
      connectTimeout: 2_000,
    },
  });
  // Without a listener an 'error' event would end the process: every node would die with Redis.
  client.on('error', (err: Error) => {
    if (reported) return;
    reported = true;
    log.warn(
      { err: { message: err.message } },
      'redis: connection lost; nodes cannot reach each other until it is back',
    );
  });
  client.on('ready', () => {
    if (reported) log.info('redis: connected again');
    reported = false;
  });
  // A node starts without Redis too (it only links the nodes); node-redis keeps trying meanwhile.
  const connecting = client.connect().catch(() => undefined);
  await Promise.race([connecting, new Promise((resolve) => setTimeout(resolve, START_WAIT_MS))]);
  return {
    adapter: createAdapter(client, { maxLen: 10_000 }),
    ready: () => client.isReady,
    close() {
      // Nothing queued for Redis is worth waiting for at shutdown (and it may be dead).
      client.destroy();
      return Promise.resolve();
    },
  };
}
