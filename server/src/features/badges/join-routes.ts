// PUBLIC_URL/j: a badge's join code typed by hand, the fallback to its QR code. A right code
// redirects to the badge's page (/d/<token>), as scanning would; wrong codes spend a small budget
// per address and for the whole server (join-code-limit.ts), checked before the code is.
import express, { Router, type Request, type Response } from 'express';
import type { HallContext } from '../../context';
import { JOIN_PATH, normalizeJoinCode } from './join-code';
import { JoinGuessLimiter, addressKey } from './join-code-limit';
import { joinLanguage, joinPage, type JoinProblem } from './join-page';

export function joinRoutes(ctx: HallContext): Router {
  const router = Router();
  const limiter = new JoinGuessLimiter(() => ctx.clock.now().getTime());
  let warned = false;

  const page = (res: Response, status: number, language: 'vi' | 'en', problem: JoinProblem | null, typed = '') => {
    // The page may carry what was typed; nothing here is worth keeping in a cache.
    res.setHeader('Cache-Control', 'no-store');
    res
      .status(status)
      .type('html')
      .send(joinPage(language, problem, typed));
  };

  router.get(JOIN_PATH, (req: Request, res: Response) => {
    page(res, 200, joinLanguage(req.query.lang, req.headers['accept-language']), null);
  });

  router.post(JOIN_PATH, express.urlencoded({ extended: false, limit: '1kb' }), (req: Request, res: Response) => {
    const body = (req.body ?? {}) as { code?: unknown; lang?: unknown };
    const language = joinLanguage(body.lang, req.headers['accept-language']);
    const typed = typeof body.code === 'string' ? body.code : '';
    const code = normalizeJoinCode(typed);
    // Not 8 characters of the alphabet: it cannot be anyone's code, and costs no budget.
    if (code === null) return page(res, 400, language, 'format', typed);
    const address = addressKey(req.socket.remoteAddress);
    const verdict = limiter.check(address);
    if (verdict !== 'allowed') {
      if (verdict === 'hall-limited' && !warned) {
        warned = true;
        ctx.log.warn('join codes: the server-wide budget of wrong codes is spent; codes are refused until it refills');
      }
      res.setHeader('Retry-After', '60');
      return page(res, 429, language, 'limited');
    }
    const token = ctx.hall.tokenOfJoinCode(code);
    if (token === null) {
      limiter.wrong(address);
      return page(res, 404, language, 'unknown', typed);
    }
    warned = false;
    res.setHeader('Cache-Control', 'no-store');
    res.redirect(303, `/d/${token}`);
  });

  return router;
}
