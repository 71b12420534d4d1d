/** The console's listings of the WeChat side: apps, pending `wx.login` codes, live sessions. */
import type { Context } from '../../context';
import { RULES } from '../../wechat/rules';
import { ControlError } from '../error';
import type { AppListQuery, PendingCodeView, SessionView, WechatAppView } from '../types';
import { checkLimit, checkString } from '../values';

/** The checked appid (404 `unknown_app`) and limit of a per-app listing. */
function appQuery(ctx: Context, query: AppListQuery): { appid: string; limit: number } {
  const appid = checkString('appid', query.appid);
  const limit = checkLimit(query.limit);
  if (!ctx.store.wechat.apps.has(appid)) {
    throw new ControlError(404, 'unknown_app', `no WeChat app with appid "${appid}"`);
  }
  return { appid, limit };
}

/** The last `limit` values of `items` that `keep` accepts, newest (last) first. */
function newest<T, U>(items: Iterable<T>, limit: number, keep: (item: T) => U | undefined): U[] {
  // A ring of the last `limit` kept values: O(1) a value, however long `items` is.
  const ring: U[] = [];
  let next = 0;
  for (const item of items) {
    const value = keep(item);
    if (value === undefined) continue;
    ring[next % limit] = value;
    next++;
  }
  const out: U[] = [];
  for (let i = next - 1; i >= Math.max(0, next - limit); i--) out.push(ring[i % limit] as U);
  return out;
}

/** Every WeChat app, copied. */
export function wechatApps(ctx: Context): WechatAppView[] {
  return [...ctx.store.wechat.apps.values()].map((a) => ({ ...a }));
}

/** The codes of an app whose five minutes are not over, newest first. */
export function pendingCodes(ctx: Context, query: AppListQuery): PendingCodeView[] {
  const { appid, limit } = appQuery(ctx, query);
  const now = ctx.clock.now();
  return newest(ctx.store.wechat.codes.values(), limit, (c) => {
    const expiresAt = c.issuedAt + RULES.codeTtlMs;
    if (c.appid !== appid || expiresAt <= now) return undefined;
    const { code, openid, issuedAt, usedAt } = c;
    return { code, appid, openid, issuedAt, usedAt, expiresAt };
  });
}

/** The sessions of an app that have not expired, newest first. */
export function liveSessions(ctx: Context, query: AppListQuery): SessionView[] {
  const { appid, limit } = appQuery(ctx, query);
  const now = ctx.clock.now();
  return newest(ctx.store.wechat.sessions.values(), limit, (s) => {
    if (s.appid !== appid || s.expiresAt <= now) return undefined;
    const { openid, sessionKey, createdAt, expiresAt } = s;
    return { appid, openid, sessionKey, createdAt, expiresAt };
  });
}
