import type { Router } from 'express';

import type { Context } from '../../context';
import { WechatError } from '../contract';
import { jsonObjectBody, queryOf, rawBody } from '../body';
import { wechatError } from '../errcodes';
import { getPaidUnionid } from '../payments';
import { getPluginOpenpid } from '../plugin';
import { sendWechatJson } from '../render';
import { held } from './held';

/**
 * `POST /wxa/getpluginopenpid?access_token {code}` (a `wx.pluginLogin` code → the openpid; a body
 * that is not a JSON object → 1022, any other method → 43002) and
 * `GET /wxa/getpaidunionid?access_token&openid&(transaction_id | mch_id&out_trade_no)`.
 */
export function pluginRoutes(router: Router, ctx: Context): void {
  const { timers } = ctx.options;
  const openpidPath = '/wxa/getpluginopenpid';
  router.post(
    openpidPath,
    rawBody(ctx),
    held(timers, (req, res) => {
      let body: Record<string, unknown>;
      try {
        body = jsonObjectBody(req);
      } catch (err) {
        throw err instanceof WechatError && err.errcode === 47001 ? wechatError(1022) : err;
      }
      const openpid = getPluginOpenpid(ctx, queryOf(req)['access_token'], body);
      sendWechatJson(res, { errcode: 0, errmsg: 'ok', openpid });
    }),
  );
  router.all(openpidPath, () => {
    throw wechatError(43002);
  });
  router.all(
    '/wxa/getpaidunionid',
    held(timers, (req, res) => {
      const unionid = getPaidUnionid(ctx, queryOf(req));
      sendWechatJson(res, { unionid, errcode: 0, errmsg: 'ok' });
    }),
  );
}
