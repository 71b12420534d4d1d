import type { Context } from '../../context';
import { login, phoneNumber, requireUser, userInfo } from '../../wechat/client';
import { currentSession, expireSession } from '../../wechat/sessions';
import { upsertUser } from '../wechat-users';
import type { ControlApi, SessionView, WechatUserRef } from '../types';
import { LIMITS, checkInt, checkSessionKey, checkString } from '../values';
import type * as Pages from './pages';
import type * as Bulk from './wechat-bulk';

let bulk: typeof Bulk | undefined;
let pages: typeof Pages | undefined;
/** The bulk loader and the listing load on first use, keeping them off the cold-start path. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadBulk = (): typeof Bulk => (bulk ??= require('./wechat-bulk') as typeof Bulk);
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadPages = (): typeof Pages => (pages ??= require('./pages') as typeof Pages);

/**
 * The simulated WeChat client over `ctx`: `wx.login`, user info, the phone button, users (one,
 * in bulk, a page at a time), sessions.
 */
export function wechatApi(ctx: Context): ControlApi['wechat'] {
  const userOf = (ref: WechatUserRef) =>
    requireUser(ctx, checkString('appid', ref.appid), checkString('openid', ref.openid));
  return {
    login(input) {
      return login(ctx, {
        appid: checkString('appid', input.appid),
        openid: input.openid === undefined ? undefined : checkString('openid', input.openid),
        sessionKey: input.sessionKey === undefined ? undefined : checkSessionKey(input.sessionKey),
        count:
          input.count === undefined ? undefined : checkInt('count', input.count, LIMITS.loginCount),
      });
    },
    userInfo(ref) {
      const user = userOf(ref);
      return userInfo(ctx, user.appid, user.openid);
    },
    phoneNumber(ref) {
      const user = userOf(ref);
      return phoneNumber(ctx, user.appid, user.openid);
    },
    upsertUser(input) {
      const { user, created } = upsertUser(ctx, { ...input });
      return { user: structuredClone(user), created };
    },
    session(ref) {
      const session = currentSession(ctx, userOf(ref));
      if (!session) return null;
      const { appid, openid, sessionKey, createdAt, expiresAt } = session;
      return { appid, openid, sessionKey, createdAt, expiresAt } satisfies SessionView;
    },
    expireSession(ref) {
      return expireSession(ctx, userOf(ref));
    },
    bulkCreateUsers: (input) => loadBulk().bulkCreateWechat(ctx, input),
    listUsers: (query) => loadPages().wechatUserPage(ctx, query),
  };
}
