// PUBLIC_URL/j: a badge's join code typed by hand, the fallback to its QR code. A right code
// redirects to the badge's page (/d/<token>?m=<meeting>), as scanning would; wrong codes spend a
// small budget per address and for the whole server (join-code-limit.ts), checked before the code
// is. Both the code and the budget are the store's, so every node of a cluster finds every badge
// and spends the one budget (docs/cluster.md).
import express, { Router, type Request, type Response } from 'express';
import type { AddressOf } from '../../client-address';
import type { HallContext } from '../../context';
import { JOIN_PATH, normalizeJoinCode } from './join-code';
import type { JoinCodeBadge } from '../../store/store';
import { addressKey, type GuessVerdict } from './join-code-limit';
import { joinLanguage, joinPage, type JoinProblem } from './join-page';

export function joinRoutes(ctx: HallContext, addressOf: AddressOf): Router {
  const router = Router();
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
    const address = addressKey(addressOf(req));
    guess(address, code).then(
      (found) => {
        if (found === 'address-limited' || found === 'hall-limited') {
          if (found === 'hall-limited' && !warned) {
            warned = true;
            ctx.log.warn(
              'join codes: the server-wide budget of wrong codes is spent; codes are refused until it refills',
            );
          }
          res.setHeader('Retry-After', '60');
          return page(res, 429, language, 'limited');
        }
        if (found === null) return page(res, 404, language, 'unknown', typed);
        warned = false;
        // As a badge page reached on another node is (cluster/routing.ts): the meeting in the
        // address, so that the load balancer sends the phone to the node that runs it.
        res.setHeader('Cache-Control', 'no-store');
        res.redirect(303, `/d/${encodeURIComponent(found.token)}?m=${encodeURIComponent(found.meetingId)}`);
      },
      (err: unknown) => {
        ctx.log.warn({ err }, 'join codes: the store could not be asked');
        res.setHeader('Retry-After', '5');
        page(res, 503, language, 'unavailable', typed);
      },
    );
  });

  /**
   * The budget first (a guess takes a token of it, so two at once cannot both spend the last), then
   * the code, among every badge in the store: any node finds any badge. A right code gives the
   * token back; two badges with one code are both refused, and that guess is spent.
   */
  async function guess(
    address: string,
    code: string,
  ): Promise<Exclude<GuessVerdict, 'allowed'> | JoinCodeBadge | null> {
    const verdict = await ctx.store.takeJoinGuess(address, ctx.clock.now().getTime());
    if (verdict !== 'allowed') return verdict;
    const badges = await ctx.store.badgesOfJoinCode(code);
    const [badge] = badges;
    if (badges.length !== 1 || !badge) return null;
    await ctx.store.returnJoinGuess(address).catch((err: unknown) => {
      ctx.log.warn({ err }, 'join codes: a right code could not give its guess back');
    });
    return badge;
  }

  return router;
}
