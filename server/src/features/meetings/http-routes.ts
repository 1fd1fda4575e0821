// HTTP: the admin creates meetings; the chair fetches the badge sheet. Credentials travel in the
// Authorization header, never in a URL, so they cannot end up in an access log or a history.
import { Router } from 'express';
import {
  HallvoteError,
  RULE_PRESET_IDS,
  RULE_PRESETS,
  createMeetingSchema,
  getRulePreset,
  meetingSettings,
  type CreateMeetingResponse,
} from '@hallvote/shared';
import { newId, newSecret, sameSecret } from '../../auth';
import { auditInput } from '../../audit-input';
import type { HallContext } from '../../context';
import { bearer, chairMeeting, route } from '../../http-helpers';
import { zodIssues } from '../../with-validation';
import { renderBadgeSheet } from '../badges/badge-sheet';
import { streamBadgeSheet } from '../badges/badge-stream';
import { auditedWeights, makeDelegates } from '../roster/new-delegates';
import { assertRosterLines } from '../roster/roster-checks';

export function meetingRoutes(ctx: HallContext): Router {
  const router = Router();

  router.get('/api/presets', (_req, res) => {
    res.json({ ok: true, data: RULE_PRESET_IDS.map((id) => RULE_PRESETS[id]) });
  });

  router.post(
    '/api/meetings',
    route(ctx, async (req, res) => {
      if (!sameSecret(bearer(req), ctx.config.adminToken))
        throw new HallvoteError('UNAUTHORIZED', { credential: 'admin-token' });
      const parsed = createMeetingSchema.safeParse(req.body);
      if (!parsed.success) throw new HallvoteError('INVALID_PAYLOAD', { issues: zodIssues(parsed.error) });
      const { title, rulePresetId, rulePresetVersion, roster = [], settings } = parsed.data;
      const rules = getRulePreset(rulePresetId, rulePresetVersion);
      if (!rules)
        throw new HallvoteError('UNKNOWN_RULE_PRESET', {
          id: rulePresetId,
          version: getRulePreset(rulePresetId) ? (rulePresetVersion ?? null) : null,
        });
      assertRosterLines(roster);
      const meeting = {
        id: newId(),
        title,
        rulePresetId,
        rulePresetVersion: rules.version,
        chairKey: newSecret(),
        projectorKey: newSecret(),
        createdAt: ctx.clock.now().toISOString(),
        settings: meetingSettings(settings),
      };
      const delegates = makeDelegates(meeting.id, roster, 0);
      await ctx.store.createMeeting(
        meeting,
        delegates,
        auditInput(ctx.clock, meeting.id, 'admin', 'meeting.created', {
          rulePresetId,
          rulePresetVersion: rules.version,
          delegates: delegates.length,
          weights: auditedWeights(delegates),
          settings: meeting.settings,
        }),
      );
      ctx.hall.addMeeting(meeting, rules, delegates);
      ctx.log.info({ meetingId: meeting.id, delegates: delegates.length, rulePresetId }, 'meeting created');
      const body: CreateMeetingResponse = {
        meetingId: meeting.id,
        chairKey: meeting.chairKey,
        projectorKey: meeting.projectorKey,
        chairUrl: `${ctx.config.publicUrl}/chair/${meeting.id}#key=${meeting.chairKey}`,
        projectorUrl: `${ctx.config.publicUrl}/p/${meeting.id}#key=${meeting.projectorKey}`,
        delegates: delegates.length,
      };
      res.status(201).json({ ok: true, data: body });
    }),
  );

  router.get(
    '/api/meetings/:meetingId/badges',
    route(ctx, async (req, res) => {
      const state = chairMeeting(ctx, req);
      await streamBadgeSheet(state, ctx.config.publicUrl, res, ctx.log);
    }),
  );

  // One badge on its own: a re-issued badge, printed while the meeting goes on.
  router.get(
    '/api/meetings/:meetingId/badges/:delegateId',
    route(ctx, async (req, res) => {
      const state = chairMeeting(ctx, req);
      const delegate = state.delegateOf(String(req.params.delegateId));
      res.type('html').send(await renderBadgeSheet(state, ctx.config.publicUrl, new Set([delegate.id])));
    }),
  );

  return router;
}
