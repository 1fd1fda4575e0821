// A socket.io client spoken by hand over a bare WebSocket (engine.io v4, socket.io v5 packets), for
// what no well-behaved client does: send before (or without) a handshake, handshake again and again
// on one connection, announce binary attachments, flood without reading the answers.
import { readFileSync } from 'node:fs';
import { WebSocket } from 'ws';

/** One socket.io packet type, as the first digit after the engine.io "4" (message). */
const CONNECT = '0';
const CONNECT_ERROR = '4';

export class RawSocket {
  /** Text messages received, engine.io framing included ("40{…}", "44{…}", "43…"). */
  readonly received: string[] = [];
  /** Set once the server (or the network) closed the connection. */
  closedAt: number | null = null;
  private readonly opened: Promise<void>;

  private constructor(private readonly ws: WebSocket) {
    this.opened = new Promise((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    ws.on('message', (data, isBinary) => {
      if (isBinary) return;
      const text = (data as Buffer).toString();
      // Engine.io ping: answer it, or the server drops us for a reason we do not mean to test.
      if (text === '2') ws.send('3');
      else this.received.push(text);
    });
    ws.on('close', () => (this.closedAt ??= performance.now()));
    ws.on('error', () => (this.closedAt ??= performance.now()));
  }

  /** Opens the WebSocket transport and waits for engine.io's open packet. */
  static async open(url: string, headers: Readonly<Record<string, string>> = {}): Promise<RawSocket> {
    const ws = new WebSocket(`${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`, {
      // Our own cap on what we accept, not the server's: a flood's answers are large.
      maxPayload: 512 * 1024 * 1024,
      headers,
    });
    const raw = new RawSocket(ws);
    await raw.opened;
    await raw.waitFor((m) => m.startsWith('0{'), 5000);
    return raw;
  }

  get closed(): boolean {
    return this.closedAt !== null;
  }

  /** Sends a text frame as it is. */
  sendText(text: string): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(text);
  }

  /** Sends a binary frame. */
  sendBinary(data: Buffer): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(data, { binary: true });
  }

  /** The socket.io CONNECT packet of the main namespace, with these credentials. */
  handshake(auth: Record<string, unknown>): void {
    this.sendText(`4${CONNECT}${JSON.stringify(auth)}`);
  }

  /** An event, with an ack id if given (`42<id>["event",payload]`). */
  emit(event: string, payload: unknown, ackId?: number): void {
    this.sendText(`42${ackId ?? ''}${JSON.stringify([event, payload])}`);
  }

  /** How many handshake refusals (CONNECT_ERROR) arrived so far. */
  refusals(): number {
    return this.received.filter((m) => m.startsWith(`4${CONNECT_ERROR}`)).length;
  }

  /** Stops reading: what the server sends piles up in its buffers and the kernel's. */
  stopReading(): void {
    this.ws.pause();
  }

  /** Resolves with the first message (so far or to come) that matches, or rejects after `timeoutMs`. */
  async waitFor(match: (message: string) => boolean, timeoutMs: number): Promise<string> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const hit = this.received.find(match);
      if (hit !== undefined) return hit;
      if (performance.now() > deadline) throw new Error(`no matching message within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  /** Resolves once the server has closed the connection, or after `timeoutMs` (then false). */
  async waitClosed(timeoutMs: number): Promise<boolean> {
    const deadline = performance.now() + timeoutMs;
    while (!this.closed && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    return this.closed;
  }

  close(): void {
    this.ws.terminate();
  }
}

/** Resident memory of a process in MB, from /proc (what the OS charges for it). */
export function rssMB(pid: number): number {
  return Number(/VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
}
