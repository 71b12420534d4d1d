/** The v3 WeChat mini-program helpers and the SDK's WeChat binding (`/connections/…/bind`). */
import type { Router } from 'express';

import type { Context } from '../../context';
import { genauthFault } from '../model/faults';
import { requireCaller } from '../model/session';
import { bindWechat } from '../model/v3-account';
import { poolConnection } from '../model/v3-connection';
import { userInfoV3 } from '../model/v3-user';
import { decryptWechat, exchangeLoginCode, phoneInfoOfCode } from '../model/wechat';
import { bodyOf, jsonBody, ok, v3 } from './envelope';
import { text } from './input';

/**
 * `get-wechat-miniprogram-phone` (no login: the pool header and a phone-button code),
 * `decrypt-wechat-miniprogram-data` and the binding of a WeChat identity to the signed-in user.
 */
export function wechatRoutes(router: Router, ctx: Context): void {
  router.post(
    '/api/v3/get-wechat-miniprogram-phone',
    jsonBody(ctx),
    v3(ctx, async (req, res, tenant) => {
      const body = bodyOf(req);
      const code = text(body, 'code');
      const conn = poolConnection(tenant(), body['extIdpConnidentifier']);
      await genauthFault(ctx, 'genauth.getPhone', () => tenant().app?.id);
      const info = await phoneInfoOfCode(ctx, conn, code);
      const phone = {
        phoneNumber: info.phoneNumber,
        purePhoneNumber: info.purePhoneNumber,
        countryCode: String(info.countryCode),
      };
      // Flat for DTO-faithful clients, and WeChat's own `phone_info` that the SDK reads.
      ok(res, {
        errcode: 0,
        errmsg: 'ok',
        ...phone,
        phone_info: { ...phone, watermark: info.watermark },
      });
    }),
  );

  router.post(
    '/api/v3/decrypt-wechat-miniprogram-data',
    jsonBody(ctx),
    v3(ctx, async (req, res, tenant) => {
      const body = bodyOf(req);
      const pair = { iv: text(body, 'iv'), encryptedData: text(body, 'encryptedData') };
      const code = text(body, 'code');
      const conn = poolConnection(tenant(), body['extIdpConnidentifier']);
      const session = await exchangeLoginCode(ctx, conn, code);
      ok(res, decryptWechat(conn, session, pair));
    }),
  );

  router.post(
    '/connections/social/wechat-miniprogram/bind',
    jsonBody(ctx),
    v3(ctx, async (req, res, tenant) => {
      const body = bodyOf(req);
      const code = text(body, 'code');
      const t = tenant();
      const { user } = await requireCaller(ctx, t);
      const conn = poolConnection(t, body['extIdpConnidentifier']);
      const bound = await bindWechat(ctx, t, user, conn, code);
      ok(res, userInfoV3(t.pool, bound, { withIdentities: true }));
    }),
  );
}
