// Sends a meeting's badge sheet as it is made in a worker thread (badge-thread.ts): the head at
// once, then a batch of badges whenever the response has taken the last one, then the tail. A
// chair who closes the tab stops the work.
import { Worker } from 'node:worker_threads';
import type { Response } from 'express';
import type { MeetingState } from '../../hall/meeting-state';
import type { Logger } from '../../logger';
import { SHEET_TAIL, sheetHead } from './badge-sheet';
import type { BadgeJob, BadgeMessage } from './badge-thread';

const BOOT = new URL('../../thread-boot.mjs', import.meta.url);
const ENTRY = new URL('./badge-thread.ts', import.meta.url).href;

/** Resolves when the sheet is sent or abandoned; a failure half-way is logged and cuts the response. */
export function streamBadgeSheet(state: MeetingState, publicUrl: string, res: Response, log: Logger): Promise<void> {
  const members = [...state.delegates.values()]
    .sort((a, b) => a.ordinal - b.ordinal)
    .map((d) => ({ name: d.name, position: d.position, token: d.token }));
  const job: BadgeJob = { entry: ENTRY, publicUrl, title: state.meeting.title, members };
  const worker = new Worker(BOOT, { workerData: job, name: 'hallvote-badges', execArgv: [] });
  res.type('html');
  res.setHeader('cache-control', 'no-store');
  res.write(sheetHead(state.meeting.title));
  return new Promise<void>((resolve) => {
    const finish = (error?: Error) => {
      res.off('close', abandoned);
      res.off('drain', drained);
      void worker.terminate();
      if (error) {
        // The head is sent already: no error page can follow, so the download breaks instead.
        log.error({ err: error, meetingId: state.meeting.id }, 'badge sheet failed');
        res.destroy();
      }
      resolve();
    };
    const abandoned = () => finish();
    res.on('close', abandoned);
    // One 'drain' listener for the whole sheet (compression hands listeners on to its gzip stream,
    // so a listener per batch would pile up there).
    let waiting = false;
    const drained = () => {
      if (!waiting) return;
      waiting = false;
      worker.postMessage('more');
    };
    res.on('drain', drained);
    worker.on('error', (error) => finish(error));
    worker.on('message', (message: BadgeMessage) => {
      if (message.kind === 'done') {
        res.end(SHEET_TAIL);
        finish();
        return;
      }
      if (res.write(message.html)) worker.postMessage('more');
      else waiting = true;
    });
    worker.postMessage('more');
  });
}
