import type { Router } from 'express';

import type { Context } from '../../context';
import { jsonObjectBody, queryOf, rawBody } from '../body';
import { getUserEncryptKey } from '../encrypt-keys';
import { checkEncryptedMsg } from '../encrypted-msgs';
import { wechatError } from '../errcodes';
import { sendWechatJson } from '../render';
import { getUserRiskRank } from '../risk-rank';
import { held } from './held';
import { queryAndBody } from './params';

/**
 * The security APIs: `/wxa/business/getuserencryptkey` (the encrypted network channel's last
 * three keys; GET or POST, parameters in the query or a JSON body, as the docs disagree),
 * `POST /wxa/business/checkencryptedmsg` and `POST /wxa/getuserriskrank` (JSON bodies; any
 * other method → 43002).
 */
export function securityRoutes(router: Router, ctx: Context): void {
  const { timers } = ctx.options;
  router.all(
    '/wxa/business/getuserencryptkey',
    rawBody(ctx),
    held(timers, (req, res) => {
      const list = getUserEncryptKey(ctx, queryAndBody(req));
      sendWechatJson(res, { errcode: 0, errmsg: 'ok', key_info_list: list });
    }),
  );
  const posts = {
    '/wxa/business/checkencryptedmsg': checkEncryptedMsg,
    '/wxa/getuserriskrank': getUserRiskRank,
  };
  for (const [path, operation] of Object.entries(posts)) {
    router.post(
      path,
      rawBody(ctx),
      held(timers, (req, res) => {
        const body = jsonObjectBody(req);
        sendWechatJson(res, operation(ctx, queryOf(req)['access_token'], body));
      }),
    );
    router.all(path, () => {
      throw wechatError(43002);
    });
  }
}
