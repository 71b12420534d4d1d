import type { Context } from '../../context';
import { login, phoneNumber, requireUser, userInfo } from '../../wechat/client';
import { currentSession, expireSession } from '../../wechat/sessions';
import { upsertUser } from '../wechat-users';
import type { ControlApi, SessionView, WechatUserRef } from '../types';
import { LIMITS, checkInt, checkSessionKey, checkString } from '../values';
import { wechatUserPage } from './pages';
import { bulkCreateWechat } from './wechat-bulk';

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
    bulkCreateUsers: (input) => bulkCreateWechat(ctx, input),
    listUsers: (query) => wechatUserPage(ctx, query),
  };
}
