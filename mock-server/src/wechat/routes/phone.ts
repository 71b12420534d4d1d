import type { Router } from 'express';

import type { Context } from '../../context';
import { jsonObjectBody, queryOf, rawBody } from '../body';
import { wechatError } from '../errcodes';
import { exchangePhoneCode } from '../model';
import { requireToken } from '../tokens';
import { sendWechatJson } from '../render';
import { held } from './held';

/**
 * `POST /wxa/business/getuserphonenumber?access_token=` with `{code, openid?}`: a phone code
 * becomes `phone_info` (any bad, used, expired or other-app code → 40029).
 */
export function phoneRoutes(router: Router, ctx: Context): void {
  const path = '/wxa/business/getuserphonenumber';
  router.post(
    path,
    rawBody(ctx),
    held(ctx.options.timers, (req, res) => {
      const token = requireToken(ctx, queryOf(req)['access_token']);
      const body = jsonObjectBody(req);
      const { code, openid } = body;
      if (code === undefined || code === '') throw wechatError(41008);
      if (openid !== undefined && typeof openid !== 'string') throw wechatError(47001);
      const phoneInfo = exchangePhoneCode(ctx, token.appid, code, openid);
      sendWechatJson(res, { errcode: 0, errmsg: 'ok', phone_info: phoneInfo });
    }),
  );
  router.all(path, () => {
    throw wechatError(43002);
  });
}
