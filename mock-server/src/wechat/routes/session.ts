import type { Request, Router } from 'express';

import type { Context } from '../../context';
import { queryOf } from '../body';
import { sessionSignature } from '../crypto';
import { wechatError } from '../errcodes';
import { currentSession, resetSessionKey } from '../sessions';
import { userKey, type Session } from '../state';
import { requireToken } from '../tokens';
import { sendWechatJson } from '../render';

/**
 * The checks both login-state endpoints share: access_token (41001/40001/42001), openid of the
 * token's app (40003), `sig_method=hmac_sha256` (87008), and the HMAC-SHA256 of the empty body
 * keyed by the user's live session_key (87009).
 * @throws {WechatError}
 */
function verifiedSession(ctx: Context, req: Request): Session {
  const query = queryOf(req);
  const token = requireToken(ctx, query['access_token']);
  const openid = query['openid'];
  const user =
    typeof openid === 'string'
      ? ctx.store.wechat.users.get(userKey(token.appid, openid))
      : undefined;
  if (!user) throw wechatError(40003);
  if (query['sig_method'] !== 'hmac_sha256') throw wechatError(87008);
  const session = currentSession(ctx, user);
  if (!session || query['signature'] !== sessionSignature(session.sessionKey)) {
    throw wechatError(87009);
  }
  return session;
}

/**
 * `GET /wxa/checksession` (is this session_key still the live one?) and
 * `GET /wxa/resetusersessionkey` (a new key with the old expiry; the old one dies at once).
 */
export function sessionRoutes(router: Router, ctx: Context): void {
  router.all('/wxa/checksession', (req, res) => {
    verifiedSession(ctx, req);
    sendWechatJson(res, { errcode: 0, errmsg: 'ok' });
  });
  router.all('/wxa/resetusersessionkey', (req, res) => {
    const next = resetSessionKey(ctx, verifiedSession(ctx, req));
    sendWechatJson(res, {
      errcode: 0,
      errmsg: 'ok',
      openid: next.openid,
      session_key: next.sessionKey,
    });
  });
}
