import type { Context } from '../../context';
import type * as Client from '../../wechat/client';
import type * as Keys from '../../wechat/encrypt-keys';
import type * as Payments from '../../wechat/payments';
import type * as Plugin from '../../wechat/plugin';
import type * as Sessions from '../../wechat/sessions';
import { badField } from '../error';
import { lazyModule } from '../../lazy-module';
import type { ControlApi, SessionView, WechatUserRef } from '../types';
import { LIMITS, checkInt, checkSessionKey, checkString } from '../values';
import type * as Users from '../wechat-users';
import type * as Pages from './pages';
import type * as Bulk from './wechat-bulk';
import type * as Quota from './phone-quota';
import type * as Lists from './wechat-lists';

/* The simulated client's modules load on first use, keeping them off the cold-start path. */
/* eslint-disable @typescript-eslint/no-require-imports */
const loadClient = lazyModule(() => require('../../wechat/client') as typeof Client);
const loadSessions = lazyModule(() => require('../../wechat/sessions') as typeof Sessions);
const loadUsers = lazyModule(() => require('../wechat-users') as typeof Users);
const loadBulk = lazyModule(() => require('./wechat-bulk') as typeof Bulk);
const loadPages = lazyModule(() => require('./pages') as typeof Pages);
const loadPlugin = lazyModule(() => require('../../wechat/plugin') as typeof Plugin);
const loadPayments = lazyModule(() => require('../../wechat/payments') as typeof Payments);
const loadKeys = lazyModule(() => require('../../wechat/encrypt-keys') as typeof Keys);
const loadQuota = lazyModule(() => require('./phone-quota') as typeof Quota);
const loadLists = lazyModule(() => require('./wechat-lists') as typeof Lists);
/* eslint-enable @typescript-eslint/no-require-imports */

/**
 * The simulated WeChat client over `ctx`: `wx.login`, user info, the phone button, users (one,
 * in bulk, a page at a time), sessions.
 */
export function wechatApi(ctx: Context): ControlApi['wechat'] {
  const userOf = (ref: WechatUserRef) =>
    loadClient().requireUser(
      ctx,
      checkString('appid', ref.appid),
      checkString('openid', ref.openid),
    );
  return {
    login(input) {
      return loadClient().login(ctx, {
        appid: checkString('appid', input.appid),
        openid: input.openid === undefined ? undefined : checkString('openid', input.openid),
        sessionKey: input.sessionKey === undefined ? undefined : checkSessionKey(input.sessionKey),
        count:
          input.count === undefined ? undefined : checkInt('count', input.count, LIMITS.loginCount),
      });
    },
    userInfo(ref) {
      const user = userOf(ref);
      return loadClient().userInfo(ctx, user.appid, user.openid);
    },
    phoneNumber: ((input: WechatUserRef & { realtime?: unknown }) => {
      const user = userOf(input);
      const { realtime } = input;
      if (realtime === undefined) return loadClient().phoneNumber(ctx, user.appid, user.openid);
      if (typeof realtime !== 'boolean') throw badField('realtime', 'a boolean');
      return loadClient().phoneButton(ctx, user.appid, user.openid, realtime);
    }) as ControlApi['wechat']['phoneNumber'],
    setQuota: (input) => loadQuota().setQuota(ctx, input),
    quota: (query) => loadQuota().quotaView(ctx, query?.appid),
    pluginLogin(input) {
      const user = userOf(input);
      const plugin = loadClient().requireApp(ctx, checkString('pluginAppid', input.pluginAppid));
      const { code } = loadPlugin().mintPluginCode(ctx, {
        appid: user.appid,
        openid: user.openid,
        pluginAppid: plugin.appid,
      });
      return { code };
    },
    pay(input) {
      const user = userOf(input);
      const optional = (field: 'transactionId' | 'mchId' | 'outTradeNo') =>
        input[field] === undefined ? {} : { [field]: checkString(field, input[field]) };
      return loadPayments().recordPayment(ctx, {
        appid: user.appid,
        openid: user.openid,
        ...optional('transactionId'),
        ...optional('mchId'),
        ...optional('outTradeNo'),
      });
    },
    latestUserKey(ref) {
      // Never empty: a new key is minted when the last one has expired.
      const [latest] = loadKeys().userEncryptKeys(ctx, userOf(ref));
      const { encryptKey, iv, version, createTime } = latest as Keys.UserEncryptKey;
      return { encryptKey, iv, version, expireTime: createTime + loadKeys().ENCRYPT_KEY_TTL_S };
    },
    upsertUser(input) {
      const { user, created } = loadUsers().upsertUser(ctx, { ...input });
      return { user: structuredClone(user), created };
    },
    session(ref) {
      const session = loadSessions().currentSession(ctx, userOf(ref));
      if (!session) return null;
      const { appid, openid, sessionKey, createdAt, expiresAt } = session;
      return { appid, openid, sessionKey, createdAt, expiresAt } satisfies SessionView;
    },
    expireSession(ref) {
      return loadSessions().expireSession(ctx, userOf(ref));
    },
    bulkCreateUsers: (input) => loadBulk().bulkCreateWechat(ctx, input),
    listUsers: (query) => loadPages().wechatUserPage(ctx, query),
    apps: () => loadLists().wechatApps(ctx),
    codes: (query) => loadLists().pendingCodes(ctx, query),
    sessions: (query) => loadLists().liveSessions(ctx, query),
  };
}
