// A passive listener on the hall network, on loopback: a TCP relay that forwards every byte
// unchanged between a browser and the server, and keeps a copy. `transcripts` then reads what a
// listener would read (Wireshark does the same): HTTP as text, WebSocket frames unmasked.
import { createServer, connect, type Server, type Socket } from 'node:net';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';

interface Recorded {
  /** Browser → server bytes of one TCP connection. */
  up: Buffer[];
  /** Server → browser bytes. */
  down: Buffer[];
}

export interface Transcript {
  /** What the browser sent on one connection: the HTTP request head and every WebSocket message. */
  readonly up: string;
  /** What the server sent on it. */
  readonly down: string;
}

export interface PassiveRelay {
  readonly port: number;
  /** One transcript per TCP connection seen so far. */
  transcripts(): Transcript[];
  close(): Promise<void>;
}

export async function startPassiveRelay(target: { host: string; port: number }): Promise<PassiveRelay> {
  const connections: Recorded[] = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const record: Recorded = { up: [], down: [] };
    connections.push(record);
    const upstream = connect(target.port, target.host);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk: Buffer) => {
      record.up.push(chunk);
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      record.down.push(chunk);
      client.write(chunk);
    });
    client.on('end', () => upstream.end());
    upstream.on('end', () => client.end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    transcripts: () =>
      connections.map((c) => ({ up: readStream(Buffer.concat(c.up)), down: readStream(Buffer.concat(c.down)) })),
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * One direction of a connection as text, the way a listener reads it: each HTTP message's head and
 * its body (de-chunked, gunzipped), and after a WebSocket upgrade every frame's payload, unmasked.
 * Compressed frames would hide nothing from a listener either (the dictionary travels with them),
 * so they are refused here rather than silently skipped.
 */
function readStream(bytes: Buffer): string {
  const parts: string[] = [];
  let at = 0;
  while (at < bytes.length) {
    const headEnd = bytes.indexOf('\r\n\r\n', at);
    if (headEnd < 0) {
      parts.push(bytes.subarray(at).toString('latin1'));
      break;
    }
    const head = bytes.subarray(at, headEnd + 4).toString('latin1');
    parts.push(head);
    at = headEnd + 4;
    if (/^upgrade: websocket/im.test(head) || /^HTTP\/1\.1 101/i.test(head)) {
      parts.push(...readFrames(bytes.subarray(at)));
      break;
    }
    const header = (name: string) => new RegExp(`^${name}:\\s*(.+?)\\s*$`, 'im').exec(head)?.[1];
    let body: Buffer;
    if (/chunked/i.test(header('transfer-encoding') ?? '')) {
      const chunks: Buffer[] = [];
      for (;;) {
        const lineEnd = bytes.indexOf('\r\n', at);
        if (lineEnd < 0) break;
        const size = parseInt(bytes.subarray(at, lineEnd).toString('latin1'), 16);
        at = lineEnd + 2;
        if (!size) {
          at += 2;
          break;
        }
        chunks.push(bytes.subarray(at, at + size));
        at += size + 2;
      }
      body = Buffer.concat(chunks);
    } else {
      const length = Number(header('content-length') ?? 0);
      body = bytes.subarray(at, at + length);
      at += length;
    }
    parts.push(decodeBody(body, header('content-encoding') ?? ''));
  }
  return parts.join('\n');
}

function decodeBody(body: Buffer, encoding: string): string {
  try {
    if (/gzip/i.test(encoding)) return gunzipSync(body).toString('utf8');
    if (/deflate/i.test(encoding)) return inflateSync(body).toString('utf8');
    if (/br/i.test(encoding)) return brotliDecompressSync(body).toString('utf8');
  } catch {
    // A body cut off by the end of the recording: keep what is there.
  }
  return body.toString('utf8');
}

function readFrames(bytes: Buffer): string[] {
  const parts: string[] = [];
  let at = 0;
  while (at + 2 <= bytes.length) {
    const b0 = bytes[at]!;
    const b1 = bytes[at + 1]!;
    if (b0 & 0x40) throw new Error('a compressed WebSocket frame: decode it before trusting this test');
    let length = b1 & 0x7f;
    let offset = at + 2;
    if (length === 126) {
      length = bytes.readUInt16BE(offset);
      offset += 2;
    } else if (length === 127) {
      length = Number(bytes.readBigUInt64BE(offset));
      offset += 8;
    }
    const masked = (b1 & 0x80) !== 0;
    const mask = masked ? bytes.subarray(offset, offset + 4) : null;
    if (masked) offset += 4;
    if (offset + length > bytes.length) break;
    const payload = Buffer.from(bytes.subarray(offset, offset + length));
    if (mask) for (let i = 0; i < payload.length; i += 1) payload[i] = payload[i]! ^ mask[i % 4]!;
    parts.push(payload.toString('utf8'));
    at = offset + length;
  }
  return parts;
}
