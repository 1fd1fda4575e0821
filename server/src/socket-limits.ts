// What a socket may send and make the server hold. Before its handshake and as a phone or the
// projector, a connection's messages are a few kilobytes at most (a phone's vote is allowed what
// the meeting's largest ballot needs); only the chair sends large ones (a roster file). Binary
// attachments are refused outright: the protocol has none, and announcing them made the server
// hold megabytes for a connection that had not even said who it was. And what the server has
// queued for a socket is capped: a client that stops reading is cut off, not buffered for.
import * as parser from 'socket.io-parser';
import { MAX_SEALED_SPLIT_CHARS, type BallotDefinition, type RuleSet, type SocketRole } from '@hallvote/shared';
import type { MeetingState } from './hall/meeting-state';
import type { HallSocket } from './with-validation';

/** The largest message (characters) the server's transport reads at all: a roster file from the chair. */
export const MAX_MESSAGE = 8_000_000;

/** Largest message before the handshake, and from a phone or the projector (a handshake, a vote). */
export const SMALL_MESSAGE = 4096;

/** What the server may have queued for one socket before it is cut off. */
export const MAX_OUTGOING: Readonly<Record<SocketRole, number>> = {
  // A roster of 20,000 is a few megabytes of snapshot; room for a few of them.
  chair: 64_000_000,
  // A snapshot or a result of the largest ballot is well under a megabyte.
  delegate: 8_000_000,
  projector: 8_000_000,
};

/**
 * socket.io's own parser, with a limit per connection on the size of a message and no binary
 * attachments. Throwing from `add` makes socket.io close the connection.
 */
class LimitedDecoder extends parser.Decoder {
  /** Characters one message may have on this connection; the handshake raises it for the chair. */
  limit: () => number = () => SMALL_MESSAGE;

  override add(obj: unknown): void {
    if (typeof obj !== 'string') throw new Error('binary data is not accepted');
    const limit = this.limit();
    if (obj.length > limit) throw new Error(`a message of ${obj.length} characters; at most ${limit} here`);
    // The packet type is the first digit: 5 and 6 (BINARY_EVENT, BINARY_ACK) announce attachments.
    const type = obj.charAt(0);
    if (type === String(parser.PacketType.BINARY_EVENT) || type === String(parser.PacketType.BINARY_ACK))
      throw new Error('binary attachments are not accepted');
    super.add(obj);
  }
}

/** The `parser` option of the socket.io server (the client keeps the standard one: same wire format). */
export const limitedParser = { ...parser, Decoder: LimitedDecoder };

/** Characters of the longest valid `vote:cast` message for a ballot (ids are ASCII: no escaping). */
export function voteMessageBound(def: BallotDefinition): number {
  const longestOption = Math.max(0, ...def.options.map((o) => o.id.length));
  const perRow = (def.kind === 'election' ? (def.seats ?? 1) : 1) * (longestOption + 3);
  const marks = def.subjects.reduce((sum, s) => sum + s.id.length + 5 + perRow, 0);
  // `42<ack id>["vote:cast",{"ballotId":…,"round":…,"voteId":…,"marks":{…}}]` around the marks.
  return 256 + marks;
}

/** Longest id the protocol takes (shared/src/schemas.ts), and the most members one split names. */
const MAX_ID = 64;
const MAX_SPLIT_MEMBERS = 1000;
/** Digits of the largest amount a split row gives (MAX_TOTAL_WEIGHT). */
const AMOUNT_DIGITS = 12;

/**
 * Characters of the longest valid `vote:cast-split` message for a ballot under rules that allow
 * splits: the members it is cast for (a holder's proxies and themself) and either its rows or the
 * rows sealed (a secret ballot).
 */
export function splitMessageBound(def: BallotDefinition, rules: RuleSet): number {
  if (rules.proxies?.split !== true) return 0;
  const members = Math.min(MAX_SPLIT_MEMBERS, (rules.proxies.maxPerHolder ?? MAX_SPLIT_MEMBERS) + 1);
  const longestOption = Math.max(0, ...def.options.map((o) => o.id.length));
  const perRow = def.options.length * (longestOption + 4 + AMOUNT_DIGITS);
  const rows = def.subjects.reduce((sum, s) => sum + s.id.length + 5 + perRow, 0);
  return 256 + members * (MAX_ID + 3) + Math.max(rows, MAX_SEALED_SPLIT_CHARS);
}

const bounds = new WeakMap<BallotDefinition, number>();

/** A phone may send what the largest vote of any of its meeting's ballots needs, and a few KB anyway. */
function phoneLimit(state: MeetingState): number {
  let limit = SMALL_MESSAGE;
  for (const { row, rules } of state.ballots.values()) {
    let bound = bounds.get(row.definition);
    if (bound === undefined)
      bounds.set(
        row.definition,
        (bound = Math.max(voteMessageBound(row.definition), splitMessageBound(row.definition, rules))),
      );
    limit = Math.max(limit, bound);
  }
  return limit;
}

/** After the handshake: the message limit of this socket's role. */
export function setMessageLimit(socket: HallSocket, state: MeetingState): void {
  const decoder = (socket.client as unknown as { decoder?: unknown }).decoder;
  if (!(decoder instanceof LimitedDecoder)) return;
  const role = socket.data.role;
  decoder.limit =
    role === 'chair' ? () => MAX_MESSAGE : role === 'delegate' ? () => phoneLimit(state) : () => SMALL_MESSAGE;
}

const sizeOf = (data: unknown) => (typeof data === 'string' ? data.length : Buffer.isBuffer(data) ? data.length : 0);

/**
 * Calls `over` (once) when what is queued for this socket, and not yet handed to the network,
 * passes `limit`: a client that does not read lets it grow with every answer and announcement.
 */
export function capOutgoing(socket: HallSocket, limit: number, over: (queued: number) => void): void {
  const conn = socket.conn;
  let queued = 0;
  let tripped = false;
  conn.on('packetCreate', (packet: { data?: unknown }) => {
    queued += sizeOf(packet.data);
    if (queued > limit && !tripped) {
      tripped = true;
      over(queued);
    }
  });
  // The engine hands its whole buffer to the transport when the transport can take it.
  conn.on('flush', () => (queued = 0));
}
