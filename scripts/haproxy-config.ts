// HAProxy's configuration for hallvote's nodes (docs/cluster.md says why each line is there). Every
// request of a meeting goes to one node: the meeting id is read from the socket.io query (`?m=`) or
// the path of /api/meetings/<id>/…; a consistent hash of it picks the node, and a stick table keeps
// the meeting there, so a node that comes back does not take its meetings back mid-ballot. A dead
// node's connections are sent to the next node on the hash ring at once (`option redispatch 1`),
// the same node for every connection of the meeting; health checks of /healthz mark it down within
// about a second and close what still goes to it (`on-marked-down shutdown-sessions`). Requests that
// name no meeting (pages, assets, creating a meeting, a badge page before its redirect) go round robin.

export interface HaproxyNode {
  readonly name: string;
  readonly host: string;
  readonly port: number;
}

export interface HaproxyOptions {
  readonly bind: string;
  readonly nodes: readonly HaproxyNode[];
  /** A runtime API socket (show table, disable server); none by default. */
  readonly adminSocket?: string;
}

export function haproxyConfig(o: HaproxyOptions): string {
  return [
    'global',
    // Two descriptors a connection (phone side, node side): 9,000 fits the usual 20,000 limit.
    '  maxconn 9000',
    ...(o.adminSocket ? [`  stats socket ${o.adminSocket} mode 600 level admin`] : []),
    '',
    'defaults',
    '  mode http',
    '  option forwardfor',
    '  timeout connect 1s',
    '  timeout client 60s',
    '  timeout server 60s',
    // A WebSocket lives as long as the phone stays; socket.io pings every 10 s.
    '  timeout tunnel 1h',
    '  timeout http-request 10s',
    '  timeout queue 5s',
    // A refused connection (a node just died) is tried on another node at once.
    '  retries 2',
    '  option redispatch 1',
    '',
    'frontend hall',
    `  bind ${o.bind}`,
    '  default_backend nodes',
    '',
    'backend nodes',
    '  http-request set-var(txn.meeting) url_param(m)',
    '  http-request set-var(txn.meeting) path,field(4,/) if { path_beg /api/meetings/ }',
    '  balance hash var(txn.meeting)',
    '  hash-type consistent',
    '  stick-table type string len 64 size 1m expire 24h',
    '  stick on var(txn.meeting)',
    '  option httpchk GET /healthz',
    '  http-check expect status 200',
    // Marked down after three failed checks a second apart, each allowed 2 s: a node whose loop is
    // busy for a moment (a big badge sheet, a long close) is not failed over; a dead one is
    // skipped at once anyway (its refused connections are redispatched).
    '  timeout check 2s',
    '  default-server check inter 1s fall 3 rise 2 on-marked-down shutdown-sessions',
    ...o.nodes.map((n) => `  server ${n.name} ${n.host}:${n.port}`),
    '',
  ].join('\n');
}
