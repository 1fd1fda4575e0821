// The badge sheet's worker thread: makes the badges of a roster a batch at a time, each batch sent
// when the event loop asks for more (when the response has room for it), so neither the loop nor
// the memory holds a 20,000-badge sheet at once.
import { parentPort, workerData } from 'node:worker_threads';
import { badgeHtml, type BadgeMember } from './badge-sheet';

export interface BadgeJob {
  readonly entry: string;
  readonly publicUrl: string;
  /** The meeting's title, printed on every badge. */
  readonly title: string;
  readonly members: readonly BadgeMember[];
}

export type BadgeMessage = { readonly kind: 'batch'; readonly html: string } | { readonly kind: 'done' };

/** Badges per batch: about a tenth of a second of QR codes. */
const BATCH = 100;

const job = workerData as BadgeJob;
const port = parentPort;
if (!port) throw new Error('badge-thread.ts runs as a worker thread');
let next = 0;

async function sendBatch(): Promise<void> {
  if (next >= job.members.length) {
    port?.postMessage({ kind: 'done' } satisfies BadgeMessage);
    return;
  }
  const batch = job.members.slice(next, next + BATCH);
  next += batch.length;
  const html = (await Promise.all(batch.map((m) => badgeHtml(m, job.title, job.publicUrl)))).join('');
  port?.postMessage({ kind: 'batch', html } satisfies BadgeMessage);
}

port.on('message', () => void sendBatch());
