// Exports for the chair and the counting committee: JSON (for `npm run verify` and the minutes)
// and CSV (for spreadsheets), per round, for attendance, and for the whole meeting.
import { Router, type Response } from 'express';
import { HallvoteError } from '@hallvote/shared';
import type { HallContext } from '../../context';
import { chairMeeting, route } from '../../http-helpers';
import { attendanceCsv, roundCsv } from './csv';
import { exportedDelegates, meetingExport, roundExport } from './export-data';

function download(res: Response, filename: string, type: 'json' | 'csv', body: string): void {
  res.setHeader('content-disposition', `attachment; filename="${filename}"`);
  res.type(type === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8').send(body);
}

export function exportRoutes(ctx: HallContext): Router {
  const router = Router();
  const now = () => ctx.clock.now().toISOString();

  router.get(
    '/api/meetings/:meetingId/export.json',
    route(ctx, async (req, res) => {
      const state = chairMeeting(ctx, req);
      download(
        res,
        `hallvote-${state.meeting.id}.json`,
        'json',
        JSON.stringify(await meetingExport(ctx.store, state, now()), null, 2),
      );
    }),
  );

  router.get(
    '/api/meetings/:meetingId/rounds/:ballotId/:round.:format',
    route(ctx, async (req, res) => {
      const state = chairMeeting(ctx, req);
      const format = String(req.params.format);
      const exported = await roundExport(ctx.store, state, String(req.params.ballotId), Number(req.params.round));
      if (!exported || (format !== 'json' && format !== 'csv')) throw new HallvoteError('NOT_FOUND', { what: 'round' });
      const name = `hallvote-${exported.ballot.id}-round-${exported.round}.${format}`;
      download(res, name, format, format === 'csv' ? roundCsv(exported) : JSON.stringify(exported, null, 2));
    }),
  );

  router.get(
    '/api/meetings/:meetingId/attendance.:format',
    route(ctx, (req, res) => {
      const state = chairMeeting(ctx, req);
      const format = String(req.params.format);
      const delegates = exportedDelegates(state);
      if (format === 'csv') download(res, `attendance-${state.meeting.id}.csv`, 'csv', attendanceCsv(delegates));
      else if (format === 'json')
        download(res, `attendance-${state.meeting.id}.json`, 'json', JSON.stringify(delegates, null, 2));
      else throw new HallvoteError('NOT_FOUND', { what: 'format' });
    }),
  );

  return router;
}
