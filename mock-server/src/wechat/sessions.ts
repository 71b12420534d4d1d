import type { Context } from '../context';
import { RULES } from './rules';
import { userKey, type Session, type WechatUser } from './state';

/** A new session_key: base64 of 16 bytes from the seeded stream. */
export function mintSessionKey(ctx: Context): string {
  return ctx.random.base64(16);
}

/** The user's session if it has not expired. */
export function currentSession(ctx: Context, user: WechatUser): Session | undefined {
  const session = ctx.store.wechat.sessions.get(userKey(user.appid, user.openid));
  return session && session.expiresAt > ctx.clock.now() ? session : undefined;
}

/**
 * What a new `wx.login` does to the session: a pinned key (argument, then the user's fixture) is
 * installed as is; otherwise the `rotate` policy mints a new key on every login and `never` keeps
 * a live key. Every login renews the expiry. The previous key stops working at once.
 */
export function loginSession(ctx: Context, user: WechatUser, pinned?: string): Session {
  const now = ctx.clock.now();
  const live = currentSession(ctx, user);
  const keep = ctx.options.sessionKeyPolicy === 'never' ? live?.sessionKey : undefined;
  const session: Session = {
    appid: user.appid,
    openid: user.openid,
    sessionKey: pinned ?? user.sessionKey ?? keep ?? mintSessionKey(ctx),
    createdAt: now,
    expiresAt: now + RULES.sessionTtlMs,
  };
  ctx.store.wechat.sessions.set(userKey(user.appid, user.openid), session);
  return session;
}

/** The live session, or a new one when the user has none (a login that happened off-record). */
export function ensureSession(ctx: Context, user: WechatUser): Session {
  return currentSession(ctx, user) ?? loginSession(ctx, user);
}

/** resetusersessionkey: a new key that inherits the old expiry; the old key dies at once. */
export function resetSessionKey(ctx: Context, session: Session): Session {
  const next: Session = { ...session, sessionKey: mintSessionKey(ctx) };
  ctx.store.wechat.sessions.set(userKey(session.appid, session.openid), next);
  return next;
}

/** Ends a session now (what an opaque WeChat expiry does); checkSession then fails. */
export function expireSession(ctx: Context, user: WechatUser): boolean {
  return ctx.store.wechat.sessions.delete(userKey(user.appid, user.openid));
}
