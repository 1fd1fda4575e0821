// Messages between the orchestrator (run.ts, via fleet.ts) and each load worker. Every command
// carries an id; the worker answers it exactly once with a reply of the same id.

export type WorkerCommand =
  | {
      readonly type: 'connect';
      readonly id: number;
      readonly url: string;
      readonly tokens: readonly string[];
      /** Each token's meeting, sent as `?m=` (a load balancer routes by it); all the same meeting when absent. */
      readonly meetingIds?: readonly string[];
      /**
       * tokens[i] is delegate firstIndex + i × stride of the run: workers take delegates in turn,
       * so each worker's votes are spread over the whole window, not a slice of it.
       */
      readonly firstIndex: number;
      readonly stride: number;
      /** Handshakes in flight at once in this worker. */
      readonly concurrency: number;
      readonly reconnection: boolean;
      /** socket.io-client's default (5000 ms) when absent, as in the real client. */
      readonly reconnectionDelayMax?: number;
      readonly timeoutMs: number;
    }
  | {
      readonly type: 'vote';
      readonly id: number;
      readonly ballotId: string;
      /** Several meetings at once: each phone votes in its meeting's ballot (else `ballotId`). */
      readonly ballotIds?: Readonly<Record<string, string>>;
      readonly round: number;
      /** Every subject of the ballot gets a mark: option (voter index + subject index) of optionIds. */
      readonly subjectIds: readonly string[];
      readonly optionIds: readonly string[];
      /** Vote g of `total` is sent at startAt + g × spreadMs / total (shared epoch clock). */
      readonly startAt: number;
      readonly spreadMs: number;
      readonly total: number;
      readonly timeoutMs: number;
    }
  /** From now on, remember when each socket receives its next snapshot. */
  | { readonly type: 'arm-snapshots'; readonly id: number }
  /** Waits until every socket has had a snapshot since arming, or the timeout. */
  | { readonly type: 'collect-snapshots'; readonly id: number; readonly timeoutMs: number }
  | { readonly type: 'close'; readonly id: number }
  /** Answered once the worker has loaded: start-up is not counted as join time. */
  | { readonly type: 'ping'; readonly id: number };

export interface ConnectReply {
  readonly type: 'connect';
  readonly id: number;
  readonly connected: number;
  readonly errors: Record<string, number>;
  /** Per successful socket: connect call → first snapshot, ms. */
  readonly joinMs: number[];
}

export interface VoteReply {
  readonly type: 'vote';
  readonly id: number;
  /** emit → ack, ms, of acks that were ok. */
  readonly latencies: number[];
  /** The same, per meeting, when the phones were given their meetings. */
  readonly byMeeting: Record<string, number[]>;
  /** Error code (or NO_ANSWER, NOT_CONNECTED) → count. */
  readonly errors: Record<string, number>;
  readonly firstEmitAt: number | null;
  readonly lastAckAt: number | null;
}

export interface SnapshotsReply {
  readonly type: 'collect-snapshots';
  readonly id: number;
  /** Epoch ms of the first snapshot after arming, one per socket that got one. */
  readonly at: number[];
  readonly missing: number;
  readonly reconnectAttempts: number;
}

export type WorkerReply =
  | ConnectReply
  | VoteReply
  | SnapshotsReply
  | { readonly type: 'arm-snapshots'; readonly id: number }
  | { readonly type: 'close'; readonly id: number }
  | { readonly type: 'ping'; readonly id: number }
  | { readonly type: 'failed'; readonly id: number; readonly message: string };
