import type { Router } from 'express';

import type { Context } from '../../context';
import { queryOf } from '../body';
import { code2Session } from '../model';
import { sendWechatJson } from '../render';
import { held } from './held';

/**
 * `GET /sns/jscode2session?appid&secret&js_code&grant_type`: the login-code exchange. Like
 * WeChat, only the query string counts, whatever the method (a body alone → 41002).
 */
export function snsRoutes(router: Router, ctx: Context): void {
  router.all(
    '/sns/jscode2session',
    held(ctx.options.timers, (req, res) => {
      sendWechatJson(res, code2Session(ctx, queryOf(req)));
    }),
  );
}
