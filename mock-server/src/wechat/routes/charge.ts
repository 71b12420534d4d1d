import type { Router } from 'express';

import type { Context } from '../../context';
import { rawBody } from '../body';
import { usageDetail } from '../charge';
import { sendWechatJson } from '../render';
import { held } from './held';
import { queryAndBody } from './params';

/**
 * `GET /wxa/charge/usage/get?access_token&spuId&offset&limit` (the docs also put the three in a
 * JSON body; both are read): the app's phone-number packages and their use.
 */
export function chargeRoutes(router: Router, ctx: Context): void {
  router.all(
    '/wxa/charge/usage/get',
    rawBody(ctx),
    held(ctx.options.timers, (req, res) => {
      sendWechatJson(res, usageDetail(ctx, queryAndBody(req)));
    }),
  );
}
