import type { Context } from '../context';
import { sessionSignature } from './crypto';
import { wechatError } from './errcodes';
import { throwFault, type WechatFaultRoute } from './faults';
import { currentSession, resetSessionKey } from './sessions';
import { userKey, type Session } from './state';
import { requireToken } from './tokens';

/** The query of both login-state endpoints. */
export interface LoginStateQuery {
  access_token?: unknown;
  openid?: unknown;
  signature?: unknown;
  sig_method?: unknown;
}

/**
 * The checks both login-state endpoints share, after a pending fault of `route` (scoped by the
 * appid of the access token, when the token exists): access_token (41001/40001/42001), openid of
 * the token's app (40003), `sig_method=hmac_sha256` (87008), and the HMAC-SHA256 of the empty body
 * keyed by the user's live session_key (87009).
 * @throws {WechatError} (a `FaultedError` when faulted)
 */
function verifiedSession(ctx: Context, route: WechatFaultRoute, query: LoginStateQuery): Session {
  const state = ctx.store.wechat;
  if (!state.faults.empty) {
    const raw = query.access_token;
    throwFault(state.faults, route, typeof raw === 'string' ? state.tokens.get(raw)?.appid : null);
  }
  const token = requireToken(ctx, query.access_token);
  const { openid } = query;
  const user =
    typeof openid === 'string' ? state.users.get(userKey(token.appid, openid)) : undefined;
  if (!user) throw wechatError(40003);
  if (query.sig_method !== 'hmac_sha256') throw wechatError(87008);
  const session = currentSession(ctx, user);
  if (!session || query.signature !== sessionSignature(session.sessionKey)) {
    throw wechatError(87009);
  }
  return session;
}

/** `GET /wxa/checksession`: whether this session_key is still the live one. @throws {WechatError} */
export function checkSession(ctx: Context, query: LoginStateQuery): void {
  verifiedSession(ctx, 'wechat.checksession', query);
}

/**
 * `GET /wxa/resetusersessionkey`: a new key with the old expiry (the old one dies at once).
 * @throws {WechatError}
 */
export function resetUserSessionKey(ctx: Context, query: LoginStateQuery): Session {
  return resetSessionKey(ctx, verifiedSession(ctx, 'wechat.resetusersessionkey', query));
}
